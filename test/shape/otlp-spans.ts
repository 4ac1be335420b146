// Test helper: real spans from the OpenTelemetry JS SDK with a given shape, serialized by the real
// OTLP protobuf serializer, plus a minimal wire reader to measure each Span inside the request.
import { ROOT_CONTEXT, SpanStatusCode, trace, type Attributes } from "@opentelemetry/api"
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer"
import { resourceFromAttributes } from "@opentelemetry/resources"
import { TracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace"

import type { SpanShape } from "@/lib/shape/span-size"

/** Every optional field of SpanShape spelled out, so the SDK spans and the estimate use the same values. */
export type FullSpanShape = Required<Omit<SpanShape, "spansPerBatch">>

/** A distinct ASCII string of exactly `length` bytes: the index in base 36, left-padded with `pad`. */
export function paddedString(pad: string, index: number, length: number): string {
  const suffix = index.toString(36)
  if (suffix.length > length) throw new Error(`cannot make ${index + 1} distinct ${length}-byte strings`)
  return pad.repeat(length - suffix.length) + suffix
}

function stringAttributes(pad: string, count: number, keyBytes: number, valueBytes: number): Attributes {
  const attributes: Attributes = {}
  for (let i = 0; i < count; i++) attributes[paddedString(pad, i, keyBytes)] = "v".repeat(valueBytes)
  return attributes
}

/** Ends `count` spans of the given shape on a fresh provider and returns what the exporter received. */
export function buildSpans(shape: FullSpanShape, count: number) {
  const resourceKeyBytes = Math.ceil(shape.resourceAttributeBytes / 2)
  const resource = resourceFromAttributes(
    stringAttributes("r", shape.resourceAttributes, resourceKeyBytes, shape.resourceAttributeBytes - resourceKeyBytes)
  )
  const exporter = new InMemorySpanExporter()
  const provider = new TracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor({ exporter: exporter })] })
  const tracer = provider.getTracer(
    "s".repeat(shape.scopeNameBytes),
    shape.scopeVersionBytes > 0 ? "1".repeat(shape.scopeVersionBytes) : undefined
  )

  const parent = shape.hasParent
    ? trace.setSpanContext(ROOT_CONTEXT, {
        traceId: "0af7651916cd43dd8448eb211c80319c",
        spanId: "b7ad6b7169203331",
        traceFlags: 1,
      })
    : ROOT_CONTEXT
  for (let n = 0; n < count; n++) {
    const span = tracer.startSpan(
      "n".repeat(shape.spanNameBytes),
      {
        attributes: stringAttributes("k", shape.attributesPerSpan, shape.attributeKeyBytes, shape.attributeValueBytes),
      },
      parent
    )
    for (let e = 0; e < shape.eventsPerSpan; e++) {
      span.addEvent(
        "e".repeat(shape.eventNameBytes),
        stringAttributes("a", shape.attributesPerEvent, shape.attributeKeyBytes, shape.attributeValueBytes)
      )
    }
    if (shape.statusSet) span.setStatus({ code: SpanStatusCode.ERROR, message: "m".repeat(shape.statusMessageBytes) })
    span.end()
  }
  return exporter.getFinishedSpans()
}

/** Bytes of the ExportTraceServiceRequest the real serializer writes for `count` spans of the shape. */
export function serializedBytes(shape: FullSpanShape, count: number): number {
  return serializeRequest(shape, count).length
}

export function serializeRequest(shape: FullSpanShape, count: number): Uint8Array {
  const bytes = ProtobufTraceSerializer.serializeRequest(buildSpans(shape, count))
  if (!bytes) throw new Error("serializer returned nothing")
  return bytes
}

/** One field as read off the wire: where it starts, its total size and, if length-delimited, its payload. */
export interface WireField {
  fieldNumber: number
  wireType: number
  /** Tag, length prefix (if any) and payload. */
  totalBytes: number
  value?: number
  payload?: Uint8Array
}

/** Reads one level of a protobuf message. Enough for OTLP traces (varint, fixed64, length-delimited, fixed32). */
export function readFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = []
  let pos = 0
  const readVarint = () => {
    let value = 0
    let scale = 1
    let byte: number
    do {
      byte = bytes[pos++] ?? 0
      value += (byte & 0x7f) * scale
      scale *= 128
    } while (byte & 0x80)
    return value
  }
  while (pos < bytes.length) {
    const start = pos
    const tag = readVarint()
    const fieldNumber = Math.floor(tag / 8)
    const wireType = tag % 8
    const field: WireField = { fieldNumber, wireType, totalBytes: 0 }
    if (wireType === 0) field.value = readVarint()
    else if (wireType === 1) pos += 8
    else if (wireType === 5) {
      field.value =
        ((bytes[pos] ?? 0) |
          ((bytes[pos + 1] ?? 0) << 8) |
          ((bytes[pos + 2] ?? 0) << 16) |
          ((bytes[pos + 3] ?? 0) << 24)) >>>
        0
      pos += 4
    } else if (wireType === 2) {
      const length = readVarint()
      field.payload = bytes.subarray(pos, pos + length)
      pos += length
    } else throw new Error(`unexpected wire type ${wireType}`)
    field.totalBytes = pos - start
    fields.push(field)
  }
  return fields
}

/** The one sub-message at `fieldNumber`, failing loudly if there is not exactly one. */
export function only(fields: WireField[], fieldNumber: number): Uint8Array {
  const matches = fields.filter((field) => field.fieldNumber === fieldNumber)
  if (matches.length !== 1 || !matches[0]?.payload)
    throw new Error(`expected one field ${fieldNumber}, found ${matches.length}`)
  return matches[0].payload
}

/** The Span fields inside a request with one ResourceSpans and one ScopeSpans. */
export function spanFields(request: Uint8Array): WireField[] {
  const resourceSpans = only(readFields(request), 1)
  const scopeSpans = only(readFields(resourceSpans), 2)
  return readFields(scopeSpans).filter((field) => field.fieldNumber === 2)
}
