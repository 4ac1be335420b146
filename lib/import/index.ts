/**
 * Trace export import: the pure core the Web Worker drives. No DOM, no I/O, no OpenTelemetry
 * packages, so it runs the same in a worker, in Node and in tests.
 */
export { HEALTH_CHECK_PATTERN, JAEGER_SPANS_PER_BATCH, TraceStatsAccumulator } from "./accumulator"
export { checkEncoding, detectFormat, parseJson } from "./detect"
export { ImportFormatError } from "./errors"
export { importText } from "./import-text"
export { MAX_SUMMARY_NAMES, type ImportFormat, type ImportSummary } from "./types"
export { createImportStream, MAX_ELEMENT_CHARS, type ImportStream } from "./stream"
