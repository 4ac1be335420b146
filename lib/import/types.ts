/**
 * Most services, operations and health-check names a summary lists; the rest are only counted.
 * The worker posts the summary to the page, so an export with 300k distinct operation names must
 * not become a 300k-row message and a 300k-name render on the main thread.
 *
 * @example
 * MAX_SUMMARY_NAMES //=> 50
 */
export const MAX_SUMMARY_NAMES = 50

/**
 * The trace export formats the importer reads.
 *
 * @example
 * const format: ImportFormat = "otlp-jsonl"
 */
export type ImportFormat = "jaeger" | "otlp-json" | "otlp-jsonl"

/**
 * Everything an import derives from a trace export. Per-trace figures cover complete traces only
 * (root present and every parent present); per-span figures cover every span read.
 *
 * @example
 * const summary: Pick<ImportSummary, "traces" | "spans"> = { traces: 7, spans: 16 }
 */
export interface ImportSummary {
  format: ImportFormat
  /** Complete traces: a root span present and every referenced parent present. */
  traces: number
  /** Every span read, including those of truncated traces. */
  spans: number
  /** Traces cut by the export window (no root, or a parent missing); excluded from per-trace figures. */
  truncatedTraces: number
  /** Spans per complete trace. Percentiles are nearest-rank. */
  spansPerTrace: { mean: number; p50: number; p90: number; p99: number; max: number }
  /** Raw OTLP protobuf bytes per span, its share of the ResourceSpans and ScopeSpans envelope included. */
  spanBytes: { mean: number; p50: number; p90: number }
  /** Mean attributes per span. */
  attributesPerSpan: number
  /** Mean events (Jaeger logs) per span. */
  eventsPerSpan: number
  /** Share of complete traces with at least one span in ERROR status (or Jaeger `error=true`). */
  errorRatio: number
  /** Root span duration of complete traces, in milliseconds. */
  rootDurationMs: { p50: number; p90: number; p99: number; max: number }
  /** Share of complete traces whose root lasted longer than the `slowThresholdMs` asked for. */
  slowShare: number
  /** Services by span count, most spans first, at most 50 (`MAX_SUMMARY_NAMES`); share is of all spans. */
  services: { name: string; spans: number; share: number }[]
  /** Services left out of `services` by the cap. */
  moreServices: number
  /** Root operations (entry endpoints) by count, most first, at most 50; share is of complete traces. */
  operations: { service: string; name: string; rootCount: number; share: number; healthCheck: boolean }[]
  /** Operations left out of `operations` by the cap (they still count in `suggested.endpoints`). */
  moreOperations: number
  /** Names of root operations recognised as health checks, readiness/liveness probes or metric scrapes, at most 50. */
  healthCheckOperations: string[]
  /** Health-check names left out of `healthCheckOperations` by the cap. */
  moreHealthCheckOperations: number
  /** Values ready for the plan (they pass `planInputSchema`). */
  suggested: {
    spansPerTrace: number
    spanBytes: number
    errorRate: number
    slowRate: number
    endpoints: { name: string; share: number }[] | null
  }
}

/**
 * What the accumulator keeps from one span after reading it: ids, a few root facts and sizes,
 * never the span object itself.
 *
 * @example
 * const record: SpanRecord = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", parentSpanId: "",
 *   service: "frontend", name: "GET /products", startMs: 1.7e12, durationMs: 80, isError: false, attributeCount: 4,
 *   eventCount: 0, bytes: 172.5, route: "/products", path: "/products" }
 */
export interface SpanRecord {
  /** 32 lowercase hex characters. */
  traceId: string
  /** 16 lowercase hex characters. */
  spanId: string
  /** 16 lowercase hex characters, or "" for a span without a parent. */
  parentSpanId: string
  service: string
  name: string
  /** Start time in milliseconds since the epoch (only compared, never shown). */
  startMs: number
  durationMs: number
  isError: boolean
  attributeCount: number
  eventCount: number
  /** OTLP protobuf bytes of the span; OTLP input includes its envelope share, Jaeger input adds it later. */
  bytes: number
  /** `http.route` attribute, or "". */
  route: string
  /** `url.path` (or legacy `http.target`, query removed) attribute, or "". */
  path: string
  /** Jaeger only: the process and scope the span would be batched under when exported as OTLP. */
  batch?: { resourceKey: string; resourceFieldBytes: number; scopeKey: string; scopeFieldBytes: number }
}

/**
 * The spans read from one unit of input (a Jaeger trace, a ResourceSpans, an OTLP document) and
 * their exact total size in bytes.
 *
 * @example
 * const unit: ReadUnit = { records: [], bytes: 0 }
 */
export interface ReadUnit {
  records: SpanRecord[]
  /** OTLP: the ResourceSpans fields exactly; Jaeger: span messages only (envelopes come at summary time). */
  bytes: number
}
