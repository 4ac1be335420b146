import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api"
import { TraceState } from "@opentelemetry/core"
import { resourceFromAttributes } from "@opentelemetry/resources"
import { TracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace"
import { describe, expect, it } from "vitest"

import { importText } from "@/lib/import"
import { lengthDelimitedFieldSize } from "@/lib/shape/span-size"
import {
  base64Bytes,
  eventFieldBytes,
  fieldBytes,
  int64TextVarintBytes,
  int64VarintBytes,
  linkFieldBytes,
  resourceFieldBytes,
  scopeFieldBytes,
  spanFieldBytes,
  utf8Bytes,
} from "@/lib/import/otlp-size"

import { protobufBytes, toOtlpJson } from "./fixtures"

/** Total bytes the importer computes for a document: mean bytes per span × spans. */
function importedBytes(json: string): number {
  const result = importText(json, { slowThresholdMs: 1000 })
  if (!result.success) throw new Error(result.error)
  return result.data.spanBytes.mean * result.data.spans
}

describe("utf8Bytes", () => {
  it.each([
    ["", 0],
    ["GET /products", 13],
    ["café", 5],
    ["☕", 3],
    ["🚀", 4],
    ["\ud800x", 4],
  ])("counts %j as %i bytes", (text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes)
  })

  it("agrees with TextEncoder on mixed text", () => {
    const text = "naïve ☕ 🚀 Ωmega"
    expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length)
  })
})

describe("base64Bytes", () => {
  it.each([
    ["", 0],
    ["AQ==", 1],
    ["AQID", 3],
    ["AQIDBA==", 4],
    ["AQIDBA", 4],
  ])("decodes %j to %i bytes", (text, bytes) => {
    expect(base64Bytes(text)).toBe(bytes)
  })

  it("rejects text that is not base64", () => {
    expect(base64Bytes("not base64!")).toBeUndefined()
    expect(base64Bytes("AQIDB")).toBeUndefined()
  })
})

describe("int64 varints", () => {
  it.each([
    [0, 1],
    [127, 1],
    [128, 2],
    [2 ** 40, 6],
    [-1, 10],
    [-(2 ** 63), 10],
  ])("writes %d in %i bytes", (value, bytes) => {
    expect(int64VarintBytes(value)).toBe(bytes)
  })

  it("leaves numbers outside int64 to be written as doubles", () => {
    expect(int64VarintBytes(2 ** 63)).toBeUndefined()
    expect(int64VarintBytes(1.5)).toBeUndefined()
  })

  it.each([
    ["300", 2],
    ["-7", 10],
    ["9223372036854775807", 9],
    ["-9223372036854775808", 10],
  ])("writes the decimal text %s in %i bytes", (text, bytes) => {
    expect(int64TextVarintBytes(text)).toBe(bytes)
  })

  it("refuses decimal text outside int64 or not an integer", () => {
    expect(int64TextVarintBytes("9223372036854775808")).toBeUndefined()
    expect(int64TextVarintBytes("1e3")).toBeUndefined()
  })
})

describe("message sizes worked by hand", () => {
  it("sizes a bare SERVER root named root at 72 B inside ScopeSpans", () => {
    // ids 18+10, name 1+1+4, kind 2, times 9+9, dropped counts 2+2+2, status 1+1+2, flags 2+4 = 70; framing 1+1.
    expect(
      spanFieldBytes({
        traceStateBytes: 0,
        hasParent: false,
        nameBytes: 4,
        kind: 2,
        attributesBytes: 0,
        droppedAttributesCount: 0,
        eventsBytes: 0,
        droppedEventsCount: 0,
        linksBytes: 0,
        droppedLinksCount: 0,
        statusCode: 0,
        statusMessageBytes: 0,
        flags: 0x101,
      })
    ).toBe(72)
  })

  it("sizes an event named exception without attributes at 24 B", () => {
    // time 1+8, name 1+1+9, dropped count 1+1 = 22; framing 1+1.
    expect(eventFieldBytes(9, 0, 0)).toBe(24)
  })

  it("sizes a link without attributes at 37 B", () => {
    // ids 18+10, dropped count 1+1, flags 1+4 (field 6 has a one-byte tag, unlike Span.flags) = 35; framing 1+1.
    expect(linkFieldBytes(0, 0, 0, 0x101)).toBe(37)
  })

  it("writes an empty scope name but not an empty version", () => {
    expect(scopeFieldBytes(0, 0, 0, 0)).toBe(4)
    expect(scopeFieldBytes(2, 5, 0, 0)).toBe(13)
  })

  it("always writes the resource's dropped count", () => {
    expect(resourceFieldBytes(0)).toBe(4)
  })
})

/** A span whose attributes skip the SDK's checks, so kvlist and bytes values reach the serializers. */
function withAttributes(span: ReadableSpan, attributes: Record<string, unknown>): ReadableSpan {
  return Object.create(span, { attributes: { value: attributes, enumerable: true } }) as ReadableSpan
}

function oneSpan(configure: (provider: TracerProvider) => void = () => {}): ReadableSpan {
  const exporter = new InMemorySpanExporter()
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": "kitchen-sink" }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: exporter })],
  })
  configure(provider)
  provider
    .getTracer("t")
    .startSpan("values", { startTime: [1_700_000_000, 0] }, ROOT_CONTEXT)
    .end([1_700_000_001, 0])
  return exporter.getFinishedSpans()[0] as ReadableSpan
}

describe("span bytes against the real serializer (ProtobufTraceSerializer)", () => {
  it("sizes every AnyValue type exactly: string, bool, int (negative, 2^62, beyond int64), double, bytes, array, kvlist, empty", () => {
    const span = withAttributes(oneSpan(), {
      text: "héllo ☕",
      empty: "",
      yes: true,
      count: 7,
      negative: -3,
      big: 2 ** 62,
      beyondInt64: 2 ** 64,
      ratio: 0.5,
      blob: new Uint8Array([1, 2, 3, 4, 5]),
      list: ["a", 1, true, 2.5],
      emptyList: [],
      nested: { inner: { deep: [1, -2] }, label: "x" },
      nothing: null,
    })
    expect(importedBytes(toOtlpJson([span]))).toBe(protobufBytes([span]))
    expect(protobufBytes([span])).toBe(424)
  })

  it("sizes trace state, remote parents, dropped counts, links, events and schema URLs exactly", () => {
    const exporter = new InMemorySpanExporter()
    const provider = new TracerProvider({
      resource: resourceFromAttributes(
        { "service.name": "edge", "host.name": "edge-1" },
        { schemaUrl: "https://opentelemetry.io/schemas/1.26.0" }
      ),
      spanProcessors: [new SimpleSpanProcessor({ exporter: exporter })],
      spanLimits: { attributeCountLimit: 2, eventCountLimit: 1, linkCountLimit: 1 },
    })
    const tracer = provider.getTracer("edge-http", "3.1.4", { schemaUrl: "https://opentelemetry.io/schemas/1.24.0" })
    const remoteParent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: 1,
      isRemote: true,
      traceState: new TraceState("vendor=abc,other=x"),
    })
    const links = [1, 2].map((n) => ({
      context: { traceId: "1".repeat(32), spanId: `${n}`.repeat(16), traceFlags: 0 },
      attributes: { why: "batch" },
    }))
    const span = tracer.startSpan(
      "GET /edge",
      { kind: SpanKind.SERVER, startTime: [1_700_000_000, 5], links, attributes: { a: 1, b: "two", c: 3 } },
      remoteParent
    )
    span.addEvent("first", { detail: "x" }, [1_700_000_000, 10])
    span.addEvent("second", {}, [1_700_000_000, 20])
    span.setStatus({ code: SpanStatusCode.ERROR, message: "upstream timed out" })
    span.end([1_700_000_000, 900_000_000])
    const spans = exporter.getFinishedSpans()

    expect(spans[0]?.droppedAttributesCount).toBe(1)
    expect(spans[0]?.droppedEventsCount).toBe(1)
    expect(spans[0]?.droppedLinksCount).toBe(1)
    expect(importedBytes(toOtlpJson(spans))).toBe(protobufBytes(spans))
    expect(protobufBytes(spans)).toBe(382)
  })

  it("sizes a span kind of UNSPECIFIED by leaving the field out", () => {
    const span = Object.create(oneSpan(), { kind: { value: -1, enumerable: true } }) as ReadableSpan
    expect(importedBytes(toOtlpJson([span]))).toBe(protobufBytes([span]))
  })
})

describe("the import's copies of the wire helpers", () => {
  it("size a field as lib/shape/span-size does, at every power of two and around it", () => {
    const sizes = [0, 0.5, 127.9, 16_383.5, 1e300]
    for (let power = 0; power < 70; power++) sizes.push(2 ** power - 1, 2 ** power, 2 ** power + 1, 2 ** power * 1.5)
    for (const size of sizes) expect(fieldBytes(2, size)).toBe(lengthDelimitedFieldSize(2, size))
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => fieldBytes(2, bad)).toThrow(RangeError)
  })
})
