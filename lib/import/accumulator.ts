import { MAX_SPAN_BYTES, MAX_SPANS_PER_TRACE } from "@/lib/plan/fields"

import { ImportFormatError, fail, locate } from "./errors"
import { readJaegerTrace } from "./jaeger"
import { readOtlpResourceSpans, resourceSpansOf } from "./otlp"
import { fieldBytes } from "./otlp-size"
import { byCountThenText, percentile, roundTo, sanitizeEndpointName, shareFloor4 } from "./stats"
import { tailTraceIdHashes } from "./tail-policies"
import type { TraceRecords } from "./trace-records"
import { MAX_SUMMARY_NAMES, type ImportFormat, type ImportSummary, type ReadUnit, type SpanRecord } from "./types"

/**
 * Root operations whose name, `http.route` or `url.path` matches this are health checks,
 * readiness/liveness probes or metric scrapes.
 *
 * @example
 * HEALTH_CHECK_PATTERN.test("GET /healthz") //=> true
 * HEALTH_CHECK_PATTERN.test("GET /products") //=> false
 */
export const HEALTH_CHECK_PATTERN = /(^|[\s/])(health|healthz|readiness|ready|liveness|live|metrics|ping)(\b|$)/i

/**
 * Spans per export request when a Jaeger file's spans are sized as OTLP: the BatchSpanProcessor's
 * default maxExportBatchSize, as in `lib/shape/span-size.ts`.
 *
 * @example
 * JAEGER_SPANS_PER_BATCH //=> 512
 */
export const JAEGER_SPANS_PER_BATCH = 512

/** Most endpoints suggested for the plan (the plan accepts 50; the long tail is noise). */
const MAX_SUGGESTED_ENDPOINTS = 20
const INITIAL_SPAN_CAPACITY = 1024
const INITIAL_TRACE_CAPACITY = 512
/** Up to this many spans, a trace's parents are checked pair by pair rather than through a set. */
const SMALL_TRACE_SPANS = 32

/**
 * What is kept per trace, in columns (no object per trace, which a 100 MB file would make by the
 * hundred thousand): counts and the root's facts, found by the id's four 32-bit words in an
 * open-addressing table rather than a map of id strings.
 */
class TraceColumns {
  length = 0
  /** Each trace id as four words: trace t's are `words[4t]` … `words[4t + 3]`. */
  words = new Uint32Array(4 * INITIAL_TRACE_CAPACITY)
  spans = new Uint32Array(INITIAL_TRACE_CAPACITY)
  isError = new Uint8Array(INITIAL_TRACE_CAPACITY)
  /** Spans without a parent seen so far; the earliest one is the root. */
  roots = new Uint32Array(INITIAL_TRACE_CAPACITY)
  rootStartMs = new Float64Array(INITIAL_TRACE_CAPACITY)
  rootDurationMs = new Float64Array(INITIAL_TRACE_CAPACITY)
  /** Earliest span start and latest span end, for the Collector's latency policy. */
  minStartMs = new Float64Array(INITIAL_TRACE_CAPACITY)
  maxEndMs = new Float64Array(INITIAL_TRACE_CAPACITY)
  readonly rootName: string[] = []
  readonly rootService: string[] = []
  readonly rootRoute: string[] = []
  readonly rootPath: string[] = []
  /** Trace index + 1 by hash of the id, 0 for a free slot; at most half full. */
  private slots = new Int32Array(2 * INITIAL_TRACE_CAPACITY)
  /**
   * Mixed into the hash so that no file can be made of ids that all land in one run of slots (the
   * slots only place traces; indices, and so every figure, stay in the order read).
   */
  private readonly seed = Math.floor(Math.random() * 2 ** 32)
  /** Where the last unsuccessful {@link find} stopped, and the id's words, for add(). */
  private probeSlot = 0
  private readonly probeWords = new Uint32Array(4)

  /** The index of the trace with this id (32 lowercase hex characters), or -1 if it is new. */
  find(traceId: string): number {
    const w0 = hexWord(traceId, 0)
    const w1 = hexWord(traceId, 8)
    const w2 = hexWord(traceId, 16)
    const w3 = hexWord(traceId, 24)
    const mask = this.slots.length - 1
    for (let slot = hashWords(this.seed, w0, w1, w2, w3) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number
      if (entry === 0) {
        this.probeSlot = slot
        const probe = this.probeWords
        probe[0] = w0
        probe[1] = w1
        probe[2] = w2
        probe[3] = w3
        return -1
      }
      const at = (entry - 1) * 4
      const words = this.words
      if (words[at] === w0 && words[at + 1] === w1 && words[at + 2] === w2 && words[at + 3] === w3) return entry - 1
    }
  }

  /** Adds the trace the last {@link find} did not find; returns its index. */
  add(startMs: number, endMs: number): number {
    if (this.length === this.spans.length) this.grow()
    const t = this.length++
    this.words.set(this.probeWords, t * 4)
    this.slots[this.probeSlot] = t + 1
    this.minStartMs[t] = startMs
    this.maxEndMs[t] = endMs
    this.rootName.push("")
    this.rootService.push("")
    this.rootRoute.push("")
    this.rootPath.push("")
    if (this.length * 2 > this.slots.length) this.rehash()
    return t
  }

  private grow(): void {
    const capacity = this.spans.length * 2
    const grown = <T extends Uint32Array | Uint8Array | Float64Array>(array: T, make: new (size: number) => T): T => {
      const next = new make(array === this.words ? capacity * 4 : capacity)
      next.set(array)
      return next
    }
    this.words = grown(this.words, Uint32Array)
    this.spans = grown(this.spans, Uint32Array)
    this.isError = grown(this.isError, Uint8Array)
    this.roots = grown(this.roots, Uint32Array)
    this.rootStartMs = grown(this.rootStartMs, Float64Array)
    this.rootDurationMs = grown(this.rootDurationMs, Float64Array)
    this.minStartMs = grown(this.minStartMs, Float64Array)
    this.maxEndMs = grown(this.maxEndMs, Float64Array)
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    const words = this.words
    for (let t = 0; t < this.length; t++) {
      const at = t * 4
      let slot = hashWords(
        this.seed,
        words[at] as number,
        words[at + 1] as number,
        words[at + 2] as number,
        words[at + 3] as number
      )
      for (slot &= mask; slots[slot] !== 0; slot = (slot + 1) & mask);
      slots[slot] = t + 1
    }
    this.slots = slots
  }
}

/** A hash of a trace id's four words (ids are random, but some tools number them). */
function hashWords(seed: number, w0: number, w1: number, w2: number, w3: number): number {
  let hash = Math.imul(w3 ^ seed, 0x85ebca6b)
  hash = Math.imul(hash ^ w2 ^ (hash >>> 13), 0xc2b2ae35)
  hash = Math.imul(hash ^ w1 ^ (hash >>> 16), 0x27d4eb2f)
  hash = Math.imul(hash ^ w0 ^ (hash >>> 15), 0x165667b1)
  return (hash ^ (hash >>> 16)) >>> 0
}

/** A root span's operation, and the text that tells it from others when counting. */
interface RootOperation {
  service: string
  name: string
  healthCheck: boolean
  key: string
}

/** A Jaeger process's spans, to share its OTLP envelope among them at summary time. */
interface BatchGroup {
  resourceFieldBytes: number
  spans: number
  /** Per scope: its ScopeSpans `scope` field bytes and the span message bytes under it. */
  scopes: Map<string, { scopeFieldBytes: number; messageBytes: number }>
}

/** Eight lowercase hex characters of a checked id from `from`, as parseInt(…, 16) reads them, without a slice. */
function hexWord(id: string, from: number): number {
  let word = 0
  for (let i = from; i < from + 8; i++) {
    const code = id.charCodeAt(i)
    word = word * 16 + (code <= 0x39 ? code - 0x30 : code - 0x57)
  }
  return word
}

/**
 * Per-span columns in typed arrays: ids as two 32-bit halves, the byte size and the Jaeger batch
 * group. About 30 bytes a span, so 300k spans take under 10 MB.
 */
class SpanColumns {
  length = 0
  trace = new Uint32Array(INITIAL_SPAN_CAPACITY)
  idHigh = new Uint32Array(INITIAL_SPAN_CAPACITY)
  idLow = new Uint32Array(INITIAL_SPAN_CAPACITY)
  parentHigh = new Uint32Array(INITIAL_SPAN_CAPACITY)
  parentLow = new Uint32Array(INITIAL_SPAN_CAPACITY)
  hasParent = new Uint8Array(INITIAL_SPAN_CAPACITY)
  bytes = new Float64Array(INITIAL_SPAN_CAPACITY)
  group = new Int32Array(INITIAL_SPAN_CAPACITY)
  service = new Uint32Array(INITIAL_SPAN_CAPACITY)

  push(traceIndex: number, spanId: string, parentSpanId: string, bytes: number, group: number, service: number): void {
    if (this.length === this.trace.length) this.grow()
    const i = this.length++
    this.trace[i] = traceIndex
    this.idHigh[i] = hexWord(spanId, 0)
    this.idLow[i] = hexWord(spanId, 8)
    this.hasParent[i] = parentSpanId === "" ? 0 : 1
    if (parentSpanId !== "") {
      this.parentHigh[i] = hexWord(parentSpanId, 0)
      this.parentLow[i] = hexWord(parentSpanId, 8)
    }
    this.bytes[i] = bytes
    this.group[i] = group
    this.service[i] = service
  }

  private grow(): void {
    const capacity = this.trace.length * 2
    const grown = <T extends Uint32Array | Uint8Array | Float64Array | Int32Array>(
      array: T,
      make: new (size: number) => T
    ): T => {
      const next = new make(capacity)
      next.set(array)
      return next
    }
    this.trace = grown(this.trace, Uint32Array)
    this.idHigh = grown(this.idHigh, Uint32Array)
    this.idLow = grown(this.idLow, Uint32Array)
    this.parentHigh = grown(this.parentHigh, Uint32Array)
    this.parentLow = grown(this.parentLow, Uint32Array)
    this.hasParent = grown(this.hasParent, Uint8Array)
    this.bytes = grown(this.bytes, Float64Array)
    this.group = grown(this.group, Int32Array)
    this.service = grown(this.service, Uint32Array)
  }
}

/**
 * Builds an {@link ImportSummary} from a trace export fed one unit at a time, so a 100 MB file is
 * never one object: a Jaeger trace, an OTLP ResourceSpans, or a whole OTLP document (one JSON
 * Lines line). Spans of one trace may arrive in any unit and order; they are grouped by trace id.
 * Each add* call reads its whole unit before keeping anything, so a unit that fails leaves the
 * accumulator as it was. One accumulator reads one format.
 *
 * @example
 * const accumulator = new TraceStatsAccumulator()
 * for (const [i, trace] of jaegerDocument.data.entries()) accumulator.addJaegerTrace(trace, `trace ${i + 1}`)
 * accumulator.summary({ slowThresholdMs: 1000 }).traces //=> 7
 */
export class TraceStatsAccumulator {
  private readonly healthCheckPattern: RegExp
  private format: ImportFormat | undefined
  private readonly columns = new SpanColumns()
  private readonly traces = new TraceColumns()
  /** Each service's index, for the per-span service column, in the order first seen. */
  private readonly serviceIndex = new Map<string, number>()
  /** Spans per service, by its index. */
  private readonly serviceSpans: number[] = []
  /** The last span's service and its index: spans of one resource share it, so most need no lookup. */
  private lastService: string | undefined = undefined
  private lastServiceIndex = 0
  /** Root operations by service, root name, route and path. */
  private readonly operationCache = new Map<string, Map<string, Map<string, Map<string, RootOperation>>>>()
  private lastTraceId = ""
  private lastTraceIndex = -1
  private attributes = 0
  private events = 0
  /** Exact bytes of everything read, Jaeger envelopes excluded (they are added at summary time). */
  private bytes = 0
  private readonly groups: BatchGroup[] = []
  private readonly groupIndex = new Map<string, number>()

  constructor(options: { healthCheckPattern?: RegExp } = {}) {
    const pattern = options.healthCheckPattern ?? HEALTH_CHECK_PATTERN
    // A global or sticky regex keeps state between test() calls; a copy without those flags does not.
    this.healthCheckPattern = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""))
  }

  /**
   * Spans read so far, for a progress display.
   *
   * @example
   * accumulator.spanCount //=> 16
   */
  get spanCount(): number {
    return this.columns.length
  }

  /**
   * Distinct trace ids seen so far, complete or not.
   *
   * @example
   * accumulator.traceCount //=> 7
   */
  get traceCount(): number {
    return this.traces.length
  }

  /**
   * Reads one element of Jaeger's top-level `data` array: `{ traceID, spans, processes }`.
   * `where` prefixes messages, e.g. "trace 12".
   *
   * @example
   * accumulator.addJaegerTrace(doc.data[11], "trace 12")
   * // throws ImportFormatError("trace 12 span 5: spanID must be 16 hex characters, got \"xyz\"") for a bad id
   */
  addJaegerTrace(trace: unknown, where: string): void {
    this.useFormat("jaeger", where)
    this.keep(readJaegerTrace(trace, where))
  }

  /**
   * Reads one element of an OTLP/JSON document's `resourceSpans` array. `format` is
   * "otlp-jsonl" when the element comes from one of several documents (a JSON Lines line), so the
   * summary names the file's form; the figures are the same either way.
   *
   * @example
   * accumulator.addResourceSpans(doc.resourceSpans[0], "resourceSpans 1")
   * accumulator.addResourceSpans(line3.resourceSpans[0], "line 3 resourceSpans 1", "otlp-jsonl")
   */
  addResourceSpans(resourceSpans: unknown, where: string, format: "otlp-json" | "otlp-jsonl" = "otlp-json"): void {
    this.useFormat(format, where)
    this.keep(readOtlpResourceSpans(resourceSpans, where))
  }

  /**
   * Reads a whole OTLP/JSON document (TracesData / ExportTraceServiceRequest), e.g. one JSON Lines line.
   *
   * @example
   * accumulator.addOtlpDocument(parseJson(line, "line 3"), "line 3")
   * // throws ImportFormatError("line 3: not OTLP JSON: missing resourceSpans") for {"spans": []}
   */
  addOtlpDocument(doc: unknown, where: string): void {
    this.useFormat("otlp-jsonl", where)
    const units = resourceSpansOf(doc, where).map((resourceSpans, index) =>
      readOtlpResourceSpans(resourceSpans, locate(where, `resourceSpans ${index + 1}`))
    )
    for (const unit of units) this.keep(unit)
  }

  /**
   * Derives every figure from what was read. Throws {@link ImportFormatError} if no span was read.
   * Reading more afterwards and calling it again is fine.
   *
   * @param options.slowThresholdMs A root slower than this (ms) makes its trace slow.
   * @example
   * accumulator.summary({ slowThresholdMs: 1000 }).suggested
   * //=> { spansPerTrace: 2.3, spanBytes: 180, errorRate: 0.1429, slowRate: 0.2857, endpoints: [...] }
   */
  summary(options: { slowThresholdMs: number }): ImportSummary {
    const { slowThresholdMs } = options
    if (!Number.isFinite(slowThresholdMs) || slowThresholdMs < 0)
      throw new RangeError(`slowThresholdMs must be a finite number ≥ 0, got ${slowThresholdMs}`)
    const spans = this.columns.length
    if (spans === 0 || this.format === undefined) throw new ImportFormatError("no spans found in the file")

    const spanBytes = this.spanBytesWithEnvelopes()
    const perTrace = this.perTraceFigures(slowThresholdMs)
    const traces = perTrace.spansPerTrace.length
    // perSpan is a fresh copy; typed arrays sort numerically.
    const sortedBytes = spanBytes.perSpan.sort()
    const spansPerTraceMean = traces > 0 ? perTrace.spanTotal / traces : 0
    // Every operation feeds the suggestions; only the top MAX_SUMMARY_NAMES are listed.
    const operations = this.operationsOf(perTrace.operations, traces)
    const services = [...this.serviceIndex].map(([name, index]): [string, number] => [
      name,
      this.serviceSpans[index] as number,
    ])
    services.sort(([nameA, countA], [nameB, countB]) => byCountThenText(countA, countB, [nameA], [nameB]))
    const healthCheckOperations = [
      ...new Set(operations.filter((operation) => operation.healthCheck).map((operation) => operation.name)),
    ]

    return {
      format: this.format,
      traces,
      spans,
      truncatedTraces: this.traces.length - traces,
      spansPerTrace: {
        mean: spansPerTraceMean,
        p50: percentile(perTrace.spansPerTrace, 50),
        p90: percentile(perTrace.spansPerTrace, 90),
        p99: percentile(perTrace.spansPerTrace, 99),
        max: percentile(perTrace.spansPerTrace, 100),
      },
      spanBytes: { mean: spanBytes.total / spans, p50: percentile(sortedBytes, 50), p90: percentile(sortedBytes, 90) },
      attributesPerSpan: this.attributes / spans,
      eventsPerSpan: this.events / spans,
      errorRatio: traces > 0 ? perTrace.errorTraces / traces : 0,
      rootDurationMs: {
        p50: percentile(perTrace.rootDurationsMs, 50),
        p90: percentile(perTrace.rootDurationsMs, 90),
        p99: percentile(perTrace.rootDurationsMs, 99),
        max: percentile(perTrace.rootDurationsMs, 100),
      },
      slowShare: traces > 0 ? perTrace.slowTraces / traces : 0,
      services: services
        .slice(0, MAX_SUMMARY_NAMES)
        .map(([name, count]) => ({ name, spans: count, share: count / spans })),
      moreServices: Math.max(0, services.length - MAX_SUMMARY_NAMES),
      operations: operations.slice(0, MAX_SUMMARY_NAMES),
      moreOperations: Math.max(0, operations.length - MAX_SUMMARY_NAMES),
      healthCheckOperations: healthCheckOperations.slice(0, MAX_SUMMARY_NAMES),
      moreHealthCheckOperations: Math.max(0, healthCheckOperations.length - MAX_SUMMARY_NAMES),
      suggested: {
        // Without complete traces, spans per trace falls back to all spans over all trace ids.
        spansPerTrace: clamp(
          roundTo(traces > 0 ? spansPerTraceMean : spans / this.traces.length, 1),
          1,
          MAX_SPANS_PER_TRACE
        ),
        spanBytes: clamp(Math.round(spanBytes.total / spans), 1, MAX_SPAN_BYTES),
        errorRate: roundTo(traces > 0 ? perTrace.errorTraces / traces : 0, 4),
        slowRate: roundTo(traces > 0 ? perTrace.slowTraces / traces : 0, 4),
        endpoints: suggestEndpoints(operations, traces),
      },
    }
  }

  /**
   * Names the input one OTLP JSON document once the whole file has been read as one: a minified
   * document is a single line, which the first 64 KB cannot tell from JSON Lines.
   *
   * @example
   * accumulator.settleSingleDocument() // summary().format: "otlp-jsonl" → "otlp-json"
   */
  settleSingleDocument(): void {
    if (this.format === "otlp-jsonl") this.format = "otlp-json"
  }

  /**
   * Per complete trace, what the dry run needs (see {@link TraceRecords}), in the order the traces
   * started. Like {@link summary}, it can be called again after reading more.
   *
   * @example
   * accumulator.traceRecords().count //=> 7 (the summary's complete traces)
   */
  traceRecords(): TraceRecords {
    const { traces, columns } = this
    const { starts, order } = this.spansByTrace()
    const ids = new Set<string>()
    const complete: number[] = []
    for (let t = 0; t < traces.length; t++) {
      if (
        (traces.roots[t] as number) > 0 &&
        this.hasEveryParent(order, starts[t] as number, starts[t + 1] as number, ids)
      )
        complete.push(t)
    }
    // The order a Collector sees them in: by first span start (ties keep the order read).
    const minStartMs = traces.minStartMs
    complete.sort((a, b) => (minStartMs[a] as number) - (minStartMs[b] as number) || a - b)

    const count = complete.length
    const position = new Int32Array(traces.length).fill(-1)
    complete.forEach((t, i) => (position[t] = i))
    const words = new Uint32Array(count * 4)
    for (let i = 0; i < count; i++) {
      const t = complete[i] as number
      words.set(traces.words.subarray(t * 4, t * 4 + 4), i * 4)
    }

    const tailHash = tailTraceIdHashes(words, count)
    const spans = new Uint32Array(count)
    const isError = new Uint8Array(count)
    const rootDurationMs = new Float64Array(count)
    const traceDurationMs = new Float64Array(count)
    const endpoint = new Uint32Array(count)
    const serviceStart = new Uint32Array(count + 1)
    const serviceIds: number[] = []
    const endpointIndex = new Map<string, number>()
    const seen = new Set<number>()
    for (let i = 0; i < count; i++) {
      const t = complete[i] as number
      spans[i] = traces.spans[t] as number
      isError[i] = traces.isError[t] as number
      rootDurationMs[i] = traces.rootDurationMs[t] as number
      traceDurationMs[i] = (traces.maxEndMs[t] as number) - (traces.minStartMs[t] as number)
      const name = this.rootOperation(t).name
      let e = endpointIndex.get(name)
      if (e === undefined) {
        e = endpointIndex.size
        endpointIndex.set(name, e)
      }
      endpoint[i] = e
      seen.clear()
      for (let k = starts[t] as number; k < (starts[t + 1] as number); k++) {
        const service = columns.service[order[k] as number] as number
        if (!seen.has(service)) {
          seen.add(service)
          serviceIds.push(service)
        }
      }
      serviceStart[i + 1] = serviceIds.length
    }
    return {
      count,
      truncatedTraces: traces.length - count,
      ids: words,
      tailHashHi: tailHash.hi,
      tailHashLo: tailHash.lo,
      spans,
      isError,
      rootDurationMs,
      traceDurationMs,
      endpoint,
      serviceStart,
      serviceIds: Uint32Array.from(serviceIds),
      endpoints: [...endpointIndex.keys()],
      services: [...this.serviceIndex.keys()],
    }
  }

  private useFormat(format: ImportFormat, where: string): void {
    if (this.format !== undefined && this.format !== format)
      fail(where, `cannot mix ${this.format} and ${format} input in one import`)
    this.format = format
  }

  private keep(unit: ReadUnit): void {
    for (const record of unit.records) this.keepSpan(record)
    this.bytes += unit.bytes
  }

  private keepSpan(record: SpanRecord): void {
    const traces = this.traces
    const startMs = record.startMs
    const endMs = startMs + record.durationMs
    // Spans of one trace mostly follow one another: the last trace needs no lookup.
    let t = record.traceId === this.lastTraceId ? this.lastTraceIndex : traces.find(record.traceId)
    if (t < 0) t = traces.add(startMs, endMs)
    this.lastTraceId = record.traceId
    this.lastTraceIndex = t
    traces.spans[t] = (traces.spans[t] as number) + 1
    if (startMs < (traces.minStartMs[t] as number)) traces.minStartMs[t] = startMs
    if (endMs > (traces.maxEndMs[t] as number)) traces.maxEndMs[t] = endMs
    if (record.isError) traces.isError[t] = 1
    if (record.parentSpanId === "") {
      const roots = (traces.roots[t] as number) + 1
      traces.roots[t] = roots
      // Several parentless spans: the earliest is the trace's root (ties keep the first read).
      if (roots === 1 || startMs < (traces.rootStartMs[t] as number)) {
        traces.rootStartMs[t] = startMs
        traces.rootDurationMs[t] = record.durationMs
        traces.rootName[t] = record.name
        traces.rootService[t] = record.service
        traces.rootRoute[t] = record.route
        traces.rootPath[t] = record.path
      }
    }
    let service = this.lastServiceIndex
    if (record.service !== this.lastService) {
      const known = this.serviceIndex.get(record.service)
      if (known === undefined) {
        service = this.serviceIndex.size
        this.serviceIndex.set(record.service, service)
        this.serviceSpans.push(0)
      } else service = known
      this.lastService = record.service
      this.lastServiceIndex = service
    }
    this.serviceSpans[service] = (this.serviceSpans[service] as number) + 1
    this.attributes += record.attributeCount
    this.events += record.eventCount

    let group = -1
    if (record.batch) {
      const { resourceKey, resourceFieldBytes, scopeKey, scopeFieldBytes } = record.batch
      group = this.groupIndex.get(resourceKey) ?? -1
      if (group < 0) {
        group = this.groups.length
        this.groupIndex.set(resourceKey, group)
        this.groups.push({ resourceFieldBytes, spans: 0, scopes: new Map() })
      }
      const batchGroup = this.groups[group] as BatchGroup
      batchGroup.spans += 1
      const scope = batchGroup.scopes.get(scopeKey) ?? { scopeFieldBytes, messageBytes: 0 }
      scope.messageBytes += record.bytes
      batchGroup.scopes.set(scopeKey, scope)
    }
    this.columns.push(t, record.spanId, record.parentSpanId, record.bytes, group, service)
  }

  /**
   * Each span's bytes with its envelope share, and the exact total. OTLP spans already carry theirs;
   * a Jaeger process's envelope is that of ⌈spans ÷ 512⌉ equal batches, shared by its spans.
   */
  private spanBytesWithEnvelopes(): { perSpan: Float64Array; total: number } {
    let total = this.bytes
    const shares = this.groups.map((group) => {
      const batches = Math.ceil(group.spans / JAEGER_SPANS_PER_BATCH)
      let scopeSpansFields = 0
      let messagesPerBatch = 0
      for (const scope of group.scopes.values()) {
        const messages = scope.messageBytes / batches
        scopeSpansFields += fieldBytes(2, scope.scopeFieldBytes + messages)
        messagesPerBatch += messages
      }
      const envelopeBytes = (fieldBytes(1, group.resourceFieldBytes + scopeSpansFields) - messagesPerBatch) * batches
      // Added once per group, not once per span, so the total stays exact.
      total += envelopeBytes
      return envelopeBytes / group.spans
    })
    const count = this.columns.length
    const perSpan = this.columns.bytes.slice(0, count)
    for (let i = 0; i < count; i++) {
      const group = this.columns.group[i] ?? -1
      if (group >= 0) perSpan[i] = (perSpan[i] ?? 0) + (shares[group] ?? 0)
    }
    return { perSpan, total }
  }

  /** Span indices grouped by trace (a counting sort): trace t's spans are `order[starts[t]..starts[t + 1])`. */
  private spansByTrace(): { starts: Uint32Array; order: Uint32Array } {
    const { columns, traces } = this
    const count = columns.length
    const starts = new Uint32Array(traces.length + 1)
    for (let i = 0; i < count; i++) {
      const slot = (columns.trace[i] ?? 0) + 1
      starts[slot] = (starts[slot] ?? 0) + 1
    }
    for (let t = 0; t < traces.length; t++) starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0)
    const order = new Uint32Array(count)
    const next = starts.slice(0, traces.length)
    for (let i = 0; i < count; i++) {
      const t = columns.trace[i] ?? 0
      const position = next[t] ?? 0
      order[position] = i
      next[t] = position + 1
    }
    return { starts, order }
  }

  /** Walks the spans trace by trace: which traces are complete, and their figures. */
  private perTraceFigures(slowThresholdMs: number) {
    const { traces } = this
    const { starts, order } = this.spansByTrace()

    const spansPerTrace: number[] = []
    const rootDurationsMs: number[] = []
    const operations = new Map<string, { service: string; name: string; healthCheck: boolean; count: number }>()
    let spanTotal = 0
    let errorTraces = 0
    let slowTraces = 0
    const ids = new Set<string>()
    for (let t = 0; t < traces.length; t++) {
      if (traces.roots[t] === 0) continue
      const from = starts[t] as number
      const to = starts[t + 1] as number
      if (!this.hasEveryParent(order, from, to, ids)) continue

      const traceSpans = traces.spans[t] as number
      const rootDurationMs = traces.rootDurationMs[t] as number
      spansPerTrace.push(traceSpans)
      spanTotal += traceSpans
      rootDurationsMs.push(rootDurationMs)
      if (traces.isError[t] === 1) errorTraces += 1
      if (rootDurationMs > slowThresholdMs) slowTraces += 1
      const operation = this.rootOperation(t)
      const seen = operations.get(operation.key)
      if (seen) seen.count += 1
      else
        operations.set(operation.key, {
          service: operation.service,
          name: operation.name,
          healthCheck: operation.healthCheck,
          count: 1,
        })
    }
    spansPerTrace.sort((a, b) => a - b)
    rootDurationsMs.sort((a, b) => a - b)
    return { spansPerTrace, rootDurationsMs, spanTotal, errorTraces, slowTraces, operations }
  }

  /**
   * Whether every parent named by the spans `order[from..to)` of one trace is among them. Most
   * traces hold a few spans: comparing each pair is then faster than a set of id strings.
   */
  private hasEveryParent(order: Uint32Array, from: number, to: number, ids: Set<string>): boolean {
    const { columns } = this
    if (to - from <= SMALL_TRACE_SPANS) {
      for (let k = from; k < to; k++) {
        const i = order[k] as number
        if (columns.hasParent[i] !== 1) continue
        const high = columns.parentHigh[i]
        const low = columns.parentLow[i]
        let found = false
        for (let m = from; m < to && !found; m++) {
          const j = order[m] as number
          found = columns.idHigh[j] === high && columns.idLow[j] === low
        }
        if (!found) return false
      }
      return true
    }
    ids.clear()
    for (let k = from; k < to; k++) {
      const i = order[k] as number
      ids.add(`${columns.idHigh[i]}:${columns.idLow[i]}`)
    }
    for (let k = from; k < to; k++) {
      const i = order[k] as number
      if (columns.hasParent[i] === 1 && !ids.has(`${columns.parentHigh[i]}:${columns.parentLow[i]}`)) return false
    }
    return true
  }

  /**
   * A root span's operation: its name, with `http.route` appended when the name lacks it (old HTTP
   * instrumentations name spans just "GET"), and whether it is a health check. A health check
   * recognised only by its raw path gets that path in its name, so it is not merged with real
   * traffic under "GET".
   */
  private rootOperation(t: number): RootOperation {
    const { traces } = this
    const service = traces.rootService[t] as string
    const rootName = traces.rootName[t] as string
    const route = traces.rootRoute[t] as string
    const path = traces.rootPath[t] as string
    // Most traces share a few root operations: each is worked out once (the pattern test is the cost).
    let byName = this.operationCache.get(service)
    if (byName === undefined) this.operationCache.set(service, (byName = new Map()))
    let byRoute = byName.get(rootName)
    if (byRoute === undefined) byName.set(rootName, (byRoute = new Map()))
    let byPath = byRoute.get(route)
    if (byPath === undefined) byRoute.set(route, (byPath = new Map()))
    let operation = byPath.get(path)
    if (operation === undefined) {
      const pattern = this.healthCheckPattern
      let name = rootName
      if (route !== "" && !name.includes(route)) name = `${name} ${route}`.trim()
      let healthCheck = pattern.test(name)
      if (!healthCheck && path !== "" && pattern.test(path)) {
        healthCheck = true
        if (!name.includes(path)) name = `${name} ${path}`.trim()
      }
      operation = { service, name, healthCheck, key: `${service}\u0000${name}\u0000${healthCheck}` }
      byPath.set(path, operation)
    }
    return operation
  }

  private operationsOf(
    operations: Map<string, { service: string; name: string; healthCheck: boolean; count: number }>,
    traces: number
  ): ImportSummary["operations"] {
    return [...operations.values()]
      .sort((a, b) => byCountThenText(a.count, b.count, [a.service, a.name], [b.service, b.name]))
      .map((operation) => ({
        service: operation.service,
        name: operation.name,
        rootCount: operation.count,
        share: operation.count / traces,
        healthCheck: operation.healthCheck,
      }))
  }
}

/**
 * The top 20 non-health-check root operations as plan endpoints: names sanitized (operations that
 * end up with the same name are merged), shares rounded down to 4 decimals, zero shares left out.
 */
function suggestEndpoints(
  operations: ImportSummary["operations"],
  traces: number
): { name: string; share: number }[] | null {
  const byName = new Map<string, number>()
  for (const operation of operations) {
    if (operation.healthCheck) continue
    const name = sanitizeEndpointName(operation.name)
    byName.set(name, (byName.get(name) ?? 0) + operation.rootCount)
  }
  const endpoints = [...byName]
    .sort(([nameA, countA], [nameB, countB]) => byCountThenText(countA, countB, [nameA], [nameB]))
    .slice(0, MAX_SUGGESTED_ENDPOINTS)
    .map(([name, count]) => ({ name, share: shareFloor4(count, traces) }))
    .filter((endpoint) => endpoint.share > 0)
  return endpoints.length > 0 ? endpoints : null
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
