import { SpanKind } from "@opentelemetry/api"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { importText, type ImportSummary } from "@/lib/import"
import { planInputSchema } from "@/lib/plan/schema"

import { buildTraces, protobufBytes, toOtlpJson, type ServiceName, type SpanSpec } from "./fixtures"
import { toJaegerJson } from "./jaeger-json"

const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`))
// Few ids, so parents often resolve and traces come out complete, truncated and shared.
const traceId = fc.constantFrom(
  "0af7651916cd43dd8448eb211c80319c",
  "4bf92f3577b34da6a3ce929d0e0e4736",
  "11111111111111111111111111111111"
)
const spanId = fc.constantFrom(
  "b7ad6b7169203331",
  "00f067aa0ba902b7",
  "0000000000000001",
  "ffffffffffffffff",
  "53995c3f42cd8ad8"
)
const nanos = fc.bigInt({ min: 0n, max: 2n ** 63n }).map(String)
const text = fc.string({ unit: "binary", maxLength: 30 })

const { anyValue } = fc.letrec<{ anyValue: unknown }>((tie) => ({
  anyValue: fc.oneof(
    { depthSize: "small" },
    text.map((stringValue) => ({ stringValue })),
    fc.boolean().map((boolValue) => ({ boolValue })),
    fc.integer().map((intValue) => ({ intValue })),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ intValue: String(value) })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((doubleValue) => ({ doubleValue })),
    fc.uint8Array({ maxLength: 12 }).map((bytes) => ({ bytesValue: Buffer.from(bytes).toString("base64") })),
    fc.array(tie("anyValue"), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    fc
      .array(fc.record({ key: text, value: tie("anyValue") }), { maxLength: 3 })
      .map((values) => ({ kvlistValue: { values } })),
    fc.constant({})
  ),
}))
const attributes = fc.array(
  fc.record({ key: fc.oneof(text, fc.constantFrom("http.route", "url.path", "service.name")), value: anyValue }),
  { maxLength: 4 }
)

const span = fc.record(
  {
    traceId,
    spanId,
    parentSpanId: fc.oneof(fc.constant(""), spanId),
    name: fc.oneof(
      fc.string({ unit: "binary", maxLength: 150 }),
      fc.constantFrom("GET /health", "GET /products", "~/a~b", "")
    ),
    kind: fc.integer({ min: 0, max: 5 }),
    startTimeUnixNano: nanos,
    endTimeUnixNano: nanos,
    attributes,
    droppedAttributesCount: fc.nat({ max: 300 }),
    events: fc.array(
      fc.record({ timeUnixNano: nanos, name: text, attributes, droppedAttributesCount: fc.nat({ max: 3 }) }),
      { maxLength: 2 }
    ),
    links: fc.array(
      fc.record({
        traceId: hex(32),
        spanId: hex(16),
        traceState: text,
        attributes,
        flags: fc.nat({ max: 2 ** 32 - 1 }),
      }),
      { maxLength: 2 }
    ),
    status: fc.record(
      {
        code: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom("STATUS_CODE_ERROR", "STATUS_CODE_OK")),
        message: text,
      },
      { requiredKeys: [] }
    ),
    flags: fc.nat({ max: 2 ** 32 - 1 }),
    traceState: text,
  },
  { requiredKeys: ["traceId", "spanId"] }
)

const otlpDocument = fc.record({
  resourceSpans: fc.array(
    fc.record(
      {
        resource: fc.record({ attributes }),
        scopeSpans: fc.array(
          fc.record(
            {
              scope: fc.record({ name: text, version: text }, { requiredKeys: [] }),
              spans: fc.array(span, { maxLength: 6 }),
              schemaUrl: text,
            },
            { requiredKeys: ["spans"] }
          ),
          { maxLength: 3 }
        ),
        schemaUrl: text,
      },
      { requiredKeys: ["scopeSpans"] }
    ),
    { maxLength: 3 }
  ),
})

function spanCountOf(doc: { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] }): number {
  return doc.resourceSpans.reduce(
    (sum, resourceSpans) =>
      sum + resourceSpans.scopeSpans.reduce((inner, scopeSpans) => inner + scopeSpans.spans.length, 0),
    0
  )
}

function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value]
  if (Array.isArray(value)) return value.flatMap(numbersIn)
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(numbersIn)
  return []
}

function suggestionsPassThePlanSchema(summary: ImportSummary): boolean {
  const { spansPerTrace, spanBytes, errorRate, slowRate, endpoints } = summary.suggested
  return planInputSchema.safeParse({ spansPerTrace, spanBytes, errorRate, slowRate, endpoints }).success
}

describe("importText on random well-formed OTLP documents", () => {
  it("never throws, gives finite non-negative numbers and suggestions the plan accepts", () => {
    fc.assert(
      fc.property(otlpDocument, fc.integer({ min: 1, max: 10_000 }), (doc, slowThresholdMs) => {
        const result = importText(JSON.stringify(doc), { slowThresholdMs })
        if (!result.success) {
          expect(result.error).toBe("no spans found in the file")
          expect(spanCountOf(doc)).toBe(0)
          return
        }
        expect(result.data.spans).toBe(spanCountOf(doc))
        for (const number of numbersIn(result.data)) {
          expect(Number.isFinite(number)).toBe(true)
          expect(number).toBeGreaterThanOrEqual(0)
        }
        expect(result.data.traces + result.data.truncatedTraces).toBeLessThanOrEqual(3)
        expect(suggestionsPassThePlanSchema(result.data)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it("reads the same document as JSON Lines to the same figures", () => {
    fc.assert(
      fc.property(otlpDocument, (doc) => {
        const single = importText(JSON.stringify(doc), { slowThresholdMs: 1000 })
        const lines = importText(`${JSON.stringify(doc)}\n${JSON.stringify({ resourceSpans: [] })}\n`, {
          slowThresholdMs: 1000,
        })
        if (!single.success) expect(lines).toEqual(single)
        else expect(lines.success && { ...lines.data, format: "otlp-json" }).toEqual(single.data)
      }),
      { numRuns: 100 }
    )
  })
})

const SERVICES: ServiceName[] = ["frontend", "checkout", "inventory"]
const scalarAttributeValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean()
)
const attributeKey = fc.string({ unit: "binary", minLength: 1, maxLength: 12 })
const scalarAttributes = fc.dictionary(attributeKey, scalarAttributeValue, { maxKeys: 6 })
const anyAttributes = fc.dictionary(
  attributeKey,
  fc.oneof(
    scalarAttributeValue,
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.array(fc.integer(), { maxLength: 3 })
  ),
  { maxKeys: 6 }
)

/** A span and, above the given depth, up to two children each. */
function spanSpecUpTo(depth: number, sdkAttributes: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<SpanSpec> {
  return fc.record({
    service: fc.constantFrom(...SERVICES),
    scope: fc.constantFrom("http" as const, "render" as const),
    name: fc.string({ unit: "binary", maxLength: 40 }),
    kind: fc.constantFrom(SpanKind.INTERNAL, SpanKind.SERVER, SpanKind.CLIENT, SpanKind.PRODUCER, SpanKind.CONSUMER),
    startMs: fc.integer({ min: 0, max: 5_000 }),
    durationMs: fc.integer({ min: 0, max: 5_000 }),
    attributes: sdkAttributes,
    events: fc.array(
      fc.record({
        name: fc.string({ unit: "binary", maxLength: 12 }),
        atMs: fc.integer({ min: 0, max: 5_000 }),
        attributes: sdkAttributes,
      }),
      { maxLength: 2 }
    ),
    error: fc.option(fc.string({ unit: "binary", maxLength: 20 }), { nil: undefined }),
    children: depth === 0 ? fc.constant([]) : fc.array(spanSpecUpTo(depth - 1, sdkAttributes), { maxLength: 2 }),
  }) as fc.Arbitrary<SpanSpec>
}

const traceSpecs = (attributes: fc.Arbitrary<Record<string, unknown>>) =>
  fc.array(spanSpecUpTo(2, attributes), { minLength: 1, maxLength: 4 })

function importBoth(specs: SpanSpec[]) {
  const spans = buildTraces(specs)
  const otlp = importText(toOtlpJson(spans), { slowThresholdMs: 1000 })
  const jaeger = importText(JSON.stringify(toJaegerJson(spans)), { slowThresholdMs: 1000 })
  if (!otlp.success) throw new Error(otlp.error)
  if (!jaeger.success) throw new Error(jaeger.error)
  return { protobuf: protobufBytes(spans), otlp: otlp.data, jaeger: jaeger.data }
}

describe("random SDK spans (any attribute type, arrays included)", () => {
  it("add up to ProtobufTraceSerializer's request size, and Jaeger agrees with OTLP on every figure but bytes", () => {
    fc.assert(
      fc.property(traceSpecs(anyAttributes), (specs) => {
        const { protobuf, otlp, jaeger } = importBoth(specs)
        expect(otlp.spanBytes.mean * otlp.spans).toBeCloseTo(protobuf, 6)
        // Jaeger tags hold no arrays (the Collector writes them as JSON text), so only bytes may differ.
        const withoutBytes = (summary: ImportSummary) => ({
          ...summary,
          format: undefined,
          spanBytes: undefined,
          suggested: { ...summary.suggested, spanBytes: undefined },
        })
        expect(withoutBytes(jaeger)).toEqual(withoutBytes(otlp))
      }),
      { numRuns: 60 }
    )
  })
})

describe("random SDK spans with scalar attributes", () => {
  it("size to ProtobufTraceSerializer's request from Jaeger too, as every process fits one 512-span batch", () => {
    fc.assert(
      fc.property(traceSpecs(scalarAttributes), (specs) => {
        const { protobuf, jaeger } = importBoth(specs)
        expect(jaeger.spanBytes.mean * jaeger.spans).toBeCloseTo(protobuf, 6)
      }),
      { numRuns: 60 }
    )
  })
})
