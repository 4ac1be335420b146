/**
 * What the dry run needs of each complete trace in an imported file, in typed arrays (about 50 bytes
 * a trace plus 4 per service it touches), which the import's worker keeps after the import to
 * re-run the plan's sampling on them at every change. Traces are in the order their earliest span
 * started, the order a Collector would see them.
 *
 * @example
 * const records: Pick<TraceRecords, "count" | "endpoints"> = { count: 7, endpoints: ["GET /products"] }
 */
export interface TraceRecords {
  /** Complete traces: a root span and every referenced parent in the file (as the importer counts them). */
  count: number
  /** Traces left out: cut by the export window (no root, or a parent missing). */
  truncatedTraces: number
  /** Each trace id as four 32-bit big-endian words: `ids[4i]` … `ids[4i + 3]`. */
  ids: Uint32Array
  /**
   * The Collector's tail_sampling probabilistic hash of each id (FNV-1a 64 with the default salt),
   * high and low words: it never depends on the plan, so the worker computes it once.
   */
  tailHashHi: Uint32Array
  tailHashLo: Uint32Array
  /** Spans of each trace. */
  spans: Uint32Array
  /** 1 when a span of the trace has status ERROR (Jaeger: `error=true`). */
  isError: Uint8Array
  /** The root span's duration (what the importer's slow share uses). */
  rootDurationMs: Float64Array
  /** Latest span end − earliest span start (what the Collector's latency policy measures). */
  traceDurationMs: Float64Array
  /** Index into `endpoints` of the trace's root operation (root span name, with its route). */
  endpoint: Uint32Array
  /** Services of trace i: `serviceIds[serviceStart[i]]` … `serviceIds[serviceStart[i + 1] − 1]`. */
  serviceStart: Uint32Array
  serviceIds: Uint32Array
  endpoints: string[]
  services: string[]
}

/**
 * Bytes the records hold in typed arrays (names left out: they are shared with the summary).
 *
 * @example
 * traceRecordBytes(records) //=> 1296 for 7 traces
 */
export function traceRecordBytes(records: TraceRecords): number {
  return recordArrays(records).reduce((total, array) => total + array.byteLength, 0)
}

/** Every typed array of the records, once. */
function recordArrays(records: TraceRecords): ArrayBufferView[] {
  return [
    records.ids,
    records.tailHashHi,
    records.tailHashLo,
    records.spans,
    records.isError,
    records.rootDurationMs,
    records.traceDurationMs,
    records.endpoint,
    records.serviceStart,
    records.serviceIds,
  ]
}

/**
 * A trace id of 32 hex characters as four 32-bit words.
 *
 * @example
 * traceIdWords("4bf92f3577b34da6a3ce929d0e0e0001") //=> [0x4bf92f35, 0x77b34da6, 0xa3ce929d, 0x0e0e0001]
 */
export function traceIdWords(traceId: string): [number, number, number, number] {
  return [
    parseInt(traceId.slice(0, 8), 16) >>> 0,
    parseInt(traceId.slice(8, 16), 16) >>> 0,
    parseInt(traceId.slice(16, 24), 16) >>> 0,
    parseInt(traceId.slice(24, 32), 16) >>> 0,
  ]
}
