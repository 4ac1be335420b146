// Test helper: Jaeger query-API JSON built from SDK spans, the way the OpenTelemetry Collector's
// Jaeger translator maps OTLP to Jaeger (typed tags, span.kind / otel.status_code / error /
// otel.status_description / otel.scope.* tags, events → logs with an "event" field, parent →
// CHILD_OF, links → FOLLOWS_FROM, resource → process).
import { SpanKind, SpanStatusCode, type AttributeValue, type Attributes, type HrTime } from "@opentelemetry/api"
import type { ReadableSpan } from "@opentelemetry/sdk-trace"

export interface JaegerTag {
  key: string
  type: "string" | "bool" | "int64" | "float64" | "binary"
  value: string | number | boolean
}

export interface JaegerSpan {
  traceID: string
  spanID: string
  operationName: string
  references: { refType: "CHILD_OF" | "FOLLOWS_FROM"; traceID: string; spanID: string }[]
  flags: number
  startTime: number
  duration: number
  tags: JaegerTag[]
  logs: { timestamp: number; fields: JaegerTag[] }[]
  processID: string
  warnings: null
}

export interface JaegerTrace {
  traceID: string
  spans: JaegerSpan[]
  processes: Record<string, { serviceName: string; tags: JaegerTag[] }>
  warnings: null
}

const KIND_TAGS: Record<SpanKind, string> = {
  [SpanKind.INTERNAL]: "internal",
  [SpanKind.SERVER]: "server",
  [SpanKind.CLIENT]: "client",
  [SpanKind.PRODUCER]: "producer",
  [SpanKind.CONSUMER]: "consumer",
}

function micros(time: HrTime): number {
  return time[0] * 1_000_000 + Math.round(time[1] / 1000)
}

function tag(key: string, value: AttributeValue | undefined): JaegerTag {
  if (typeof value === "string") return { key, type: "string", value }
  if (typeof value === "boolean") return { key, type: "bool", value }
  // The exporter writes integers outside int64 as doubles, so the Collector sees float64 there.
  if (typeof value === "number")
    return { key, type: Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63 ? "int64" : "float64", value }
  // Jaeger tags hold no arrays: the Collector writes them as JSON text.
  return { key, type: "string", value: JSON.stringify(value) }
}

function tags(attributes: Attributes): JaegerTag[] {
  return Object.entries(attributes).map(([key, value]) => tag(key, value))
}

/** `{ data: [...] }` with one entry per trace, spans in export order. */
export function toJaegerJson(spans: ReadableSpan[]): { data: JaegerTrace[] } {
  const traces = new Map<string, JaegerTrace>()
  const processIds = new Map<string, Map<unknown, string>>()
  for (const span of spans) {
    const context = span.spanContext()
    let jaegerTrace = traces.get(context.traceId)
    if (!jaegerTrace) {
      jaegerTrace = { traceID: context.traceId, spans: [], processes: {}, warnings: null }
      traces.set(context.traceId, jaegerTrace)
      processIds.set(context.traceId, new Map())
    }
    const ids = processIds.get(context.traceId) as Map<unknown, string>
    let processID = ids.get(span.resource)
    if (!processID) {
      processID = `p${ids.size + 1}`
      ids.set(span.resource, processID)
      const { "service.name": serviceName, ...rest } = span.resource.attributes
      jaegerTrace.processes[processID] = { serviceName: String(serviceName), tags: tags(rest) }
    }

    const spanTags = tags(span.attributes)
    spanTags.push({ key: "otel.scope.name", type: "string", value: span.instrumentationScope.name })
    if (span.instrumentationScope.version)
      spanTags.push({ key: "otel.scope.version", type: "string", value: span.instrumentationScope.version })
    spanTags.push({ key: "span.kind", type: "string", value: KIND_TAGS[span.kind] })
    if (span.status.code === SpanStatusCode.ERROR) {
      spanTags.push(
        { key: "otel.status_code", type: "string", value: "ERROR" },
        { key: "error", type: "bool", value: true }
      )
    }
    if (span.status.code === SpanStatusCode.OK) spanTags.push({ key: "otel.status_code", type: "string", value: "OK" })
    if (span.status.message)
      spanTags.push({ key: "otel.status_description", type: "string", value: span.status.message })

    const parentId = span.parentSpanContext?.spanId
    jaegerTrace.spans.push({
      traceID: context.traceId,
      spanID: context.spanId,
      operationName: span.name,
      references: [
        ...(parentId ? [{ refType: "CHILD_OF" as const, traceID: context.traceId, spanID: parentId }] : []),
        ...span.links.map((link) => ({
          refType: "FOLLOWS_FROM" as const,
          traceID: link.context.traceId,
          spanID: link.context.spanId,
        })),
      ],
      flags: context.traceFlags,
      startTime: micros(span.startTime),
      duration: micros(span.duration),
      tags: spanTags,
      logs: span.events.map((event) => ({
        timestamp: micros(event.time),
        fields: [{ key: "event", type: "string", value: event.name }, ...tags(event.attributes ?? {})],
      })),
      processID,
      warnings: null,
    })
  }
  return { data: [...traces.values()] }
}
