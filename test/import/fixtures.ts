// Test helper: traces made by the real OpenTelemetry JS SDK (explicit ids and times, so every run
// is identical), serialized by the real OTLP JSON and protobuf serializers.
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type HrTime,
  type SpanContext,
} from "@opentelemetry/api"
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer"
import { resourceFromAttributes } from "@opentelemetry/resources"
import {
  TracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type IdGenerator,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace"

export type ServiceName = "frontend" | "checkout" | "inventory"

/** One span to start, relative to its trace's start, with its children. */
export interface SpanSpec {
  service: ServiceName
  /** Which of the service's tracers (instrumentation scopes) makes it; default "http". */
  scope?: "http" | "render"
  name: string
  kind?: SpanKind
  startMs: number
  durationMs: number
  attributes?: Attributes
  events?: { name: string; atMs: number; attributes?: Attributes }[]
  /** Sets status ERROR with this message. */
  error?: string
  /** Links to the root span of an earlier trace (its index in the list). */
  linkToTrace?: number
  children?: SpanSpec[]
}

/** Counting ids that look like real ones: every run makes the same traces. */
class CountingIdGenerator implements IdGenerator {
  private traces = 0
  private spans = 0
  generateTraceId(): string {
    this.traces += 1
    return `4bf92f3577b34da6a3ce929d0e0e${this.traces.toString(16).padStart(4, "0")}`
  }
  generateSpanId(): string {
    this.spans += 1
    return `00f067aa0ba9${this.spans.toString(16).padStart(4, "0")}`
  }
}

const RESOURCES: Record<ServiceName, Attributes> = {
  frontend: { "service.name": "frontend", "service.version": "1.4.2", "host.name": "fe-1", "process.pid": 4242 },
  checkout: {
    "service.name": "checkout",
    "deployment.environment.name": "production",
    "k8s.pod.name": "checkout-7d9f",
  },
  inventory: { "service.name": "inventory", "cloud.region": "eu-west-1", "inventory.shards": 3 },
}

/** First trace starts at 2023-11-14T22:13:20Z; each next trace 10 s later. */
const BASE_SECONDS = 1_700_000_000
const TRACE_SPACING_SECONDS = 10

function hrTime(traceIndex: number, ms: number): HrTime {
  const wholeSeconds = Math.floor(ms / 1000)
  return [
    BASE_SECONDS + traceIndex * TRACE_SPACING_SECONDS + wholeSeconds,
    Math.round((ms - wholeSeconds * 1000) * 1e6),
  ]
}

/** Ends every span of the given traces on one provider per service and returns what was exported. */
export function buildTraces(specs: SpanSpec[]): ReadableSpan[] {
  const exporter = new InMemorySpanExporter()
  const idGenerator = new CountingIdGenerator()
  const providers = Object.fromEntries(
    (Object.keys(RESOURCES) as ServiceName[]).map((service) => [
      service,
      new TracerProvider({
        resource: resourceFromAttributes(RESOURCES[service]),
        idGenerator,
        spanProcessors: [new SimpleSpanProcessor({ exporter: exporter })],
      }),
    ])
  ) as Record<ServiceName, TracerProvider>
  const tracerOf = (spec: SpanSpec) =>
    spec.scope === "render"
      ? providers[spec.service].getTracer("@tracebudget/render")
      : providers[spec.service].getTracer("@tracebudget/http", "1.0.0")

  const roots: SpanContext[] = []
  const start = (spec: SpanSpec, traceIndex: number, parent: Context): SpanContext => {
    const link = spec.linkToTrace === undefined ? [] : [{ context: roots[spec.linkToTrace] as SpanContext }]
    const span = tracerOf(spec).startSpan(
      spec.name,
      {
        kind: spec.kind ?? SpanKind.INTERNAL,
        startTime: hrTime(traceIndex, spec.startMs),
        attributes: spec.attributes,
        links: link,
      },
      parent
    )
    for (const event of spec.events ?? [])
      span.addEvent(event.name, event.attributes ?? {}, hrTime(traceIndex, event.atMs))
    if (spec.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: spec.error })
    for (const child of spec.children ?? []) start(child, traceIndex, trace.setSpan(ROOT_CONTEXT, span))
    span.end(hrTime(traceIndex, spec.startMs + spec.durationMs))
    return span.spanContext()
  }
  specs.forEach((spec, traceIndex) => roots.push(start(spec, traceIndex, ROOT_CONTEXT)))
  return exporter.getFinishedSpans()
}

/** frontend GET /products calling inventory GET /stock. */
const products = (durationMs: number): SpanSpec => ({
  service: "frontend",
  name: "GET /products",
  kind: SpanKind.SERVER,
  startMs: 0,
  durationMs,
  attributes: {
    "http.request.method": "GET",
    "http.route": "/products",
    "url.path": "/products",
    "http.response.status_code": 200,
  },
  children: [
    {
      service: "inventory",
      name: "GET /stock",
      kind: SpanKind.SERVER,
      startMs: 5,
      durationMs: durationMs / 2,
      attributes: { "http.route": "/stock" },
    },
  ],
})

/**
 * Seven traces, 16 spans, three services:
 * 1. frontend GET /products 80 ms → inventory GET /stock → SELECT stock; frontend render (4 spans)
 * 2. frontend POST /checkout 1500 ms → checkout charge card (ERROR, exception event) → inventory reserve (3)
 * 3. frontend GET /health 2 ms (1)
 * 4. frontend GET /products 120 ms → inventory GET /stock (2)
 * 5. frontend GET /products 2500 ms, a "cache miss" event → inventory GET /stock → SELECT stock (3)
 * 6. checkout process refunds 40 ms (CONSUMER, linked to trace 1) → inventory restock (2)
 * 7. frontend "GET" with http.route /metrics, 1 ms (1)
 */
export const SHOP_TRACES: SpanSpec[] = [
  {
    ...products(80),
    children: [
      {
        service: "inventory",
        name: "GET /stock",
        kind: SpanKind.SERVER,
        startMs: 5,
        durationMs: 40,
        attributes: { "http.route": "/stock" },
        children: [
          {
            service: "inventory",
            name: "SELECT stock",
            kind: SpanKind.CLIENT,
            startMs: 10,
            durationMs: 25,
            attributes: { "db.system.name": "postgresql", "db.response.returned_rows": 12, "db.cache_ratio": 0.25 },
          },
        ],
      },
      {
        service: "frontend",
        scope: "render",
        name: "render products",
        startMs: 50,
        durationMs: 20,
        attributes: { template: "café ☕ 🚀" },
      },
    ],
  },
  {
    service: "frontend",
    name: "POST /checkout",
    kind: SpanKind.SERVER,
    startMs: 0,
    durationMs: 1500,
    attributes: { "http.request.method": "POST", "http.route": "/checkout", "http.response.status_code": 502 },
    children: [
      {
        service: "checkout",
        name: "charge card",
        kind: SpanKind.SERVER,
        startMs: 10,
        durationMs: 1400,
        attributes: {
          "payment.amount": 42.5,
          "retry.delta": -1,
          "payment.captured": false,
          "payment.attempt": 2 ** 40,
        },
        events: [
          {
            name: "exception",
            atMs: 1300,
            attributes: { "exception.type": "CardError", "exception.message": "card declined" },
          },
        ],
        error: "card declined",
        children: [{ service: "inventory", name: "reserve", kind: SpanKind.SERVER, startMs: 20, durationMs: 200 }],
      },
    ],
  },
  {
    service: "frontend",
    name: "GET /health",
    kind: SpanKind.SERVER,
    startMs: 0,
    durationMs: 2,
    attributes: { "http.route": "/health" },
  },
  products(120),
  {
    ...products(2500),
    events: [{ name: "cache miss", atMs: 3 }],
    children: [
      {
        service: "inventory",
        name: "GET /stock",
        kind: SpanKind.SERVER,
        startMs: 5,
        durationMs: 2400,
        attributes: { "http.route": "/stock" },
        children: [
          {
            service: "inventory",
            name: "SELECT stock",
            kind: SpanKind.CLIENT,
            startMs: 6,
            durationMs: 2390,
            attributes: { "db.system.name": "postgresql" },
          },
        ],
      },
    ],
  },
  {
    service: "checkout",
    name: "process refunds",
    kind: SpanKind.CONSUMER,
    startMs: 0,
    durationMs: 40,
    linkToTrace: 0,
    attributes: { "messaging.system": "kafka", "messaging.batch.message_count": 3 },
    children: [{ service: "inventory", name: "restock", startMs: 5, durationMs: 30 }],
  },
  {
    service: "frontend",
    name: "GET",
    kind: SpanKind.SERVER,
    startMs: 0,
    durationMs: 1,
    attributes: { "http.request.method": "GET", "http.route": "/metrics" },
  },
]

/** The shop traces as the SDK exported them. */
export function shopSpans(): ReadableSpan[] {
  return buildTraces(SHOP_TRACES)
}

/** One OTLP/JSON ExportTraceServiceRequest, exactly as `JsonTraceSerializer` writes it. */
export function toOtlpJson(spans: ReadableSpan[]): string {
  return new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans))
}

/** Bytes of the protobuf ExportTraceServiceRequest `ProtobufTraceSerializer` writes for the spans. */
export function protobufBytes(spans: ReadableSpan[]): number {
  const bytes = ProtobufTraceSerializer.serializeRequest(spans)
  if (!bytes) throw new Error("serializer returned nothing")
  return bytes.length
}

/** Splits spans into export batches of `size`, as a Collector `file` exporter would see them. */
export function batches(spans: ReadableSpan[], size: number): ReadableSpan[][] {
  const result: ReadableSpan[][] = []
  for (let i = 0; i < spans.length; i += size) result.push(spans.slice(i, i + size))
  return result
}

/** JSON Lines: one ExportTraceServiceRequest per batch, one per line. */
export function toOtlpJsonLines(batchList: ReadableSpan[][]): string {
  return batchList.map(toOtlpJson).join("\n") + "\n"
}

/** Spans without the ones whose name is listed (to cut traces as an export window would). */
export function without(spans: ReadableSpan[], traceIndex: number, names: string[]): ReadableSpan[] {
  const traceId = `4bf92f3577b34da6a3ce929d0e0e${(traceIndex + 1).toString(16).padStart(4, "0")}`
  return spans.filter((span) => !(span.spanContext().traceId === traceId && names.includes(span.name)))
}
