import { TraceStatsAccumulator } from "./accumulator"
import { ImportFormatError } from "./errors"
import { detectFormat, parseJson, withoutByteOrderMark } from "./detect"
import { jaegerTracesOf } from "./jaeger"
import { resourceSpansOf } from "./otlp"
import type { ImportSummary } from "./types"

/**
 * Detects the format of a whole export held in memory, reads it and summarizes it. For tests and
 * small files; the Web Worker streams big files through {@link TraceStatsAccumulator} instead.
 * Never throws: every failure, expected or not, comes back as `{ success: false, error }`.
 *
 * @param options.slowThresholdMs A root slower than this (ms) makes its trace slow.
 * @param options.healthCheckPattern Overrides the default health-check pattern.
 *
 * @example
 * importText('{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c",
 *   "spanId":"b7ad6b7169203331","name":"GET /","startTimeUnixNano":"0","endTimeUnixNano":"5000000"}]}]}]}',
 *   { slowThresholdMs: 1000 })
 * //=> { success: true, data: { format: "otlp-json", traces: 1, spans: 1, spanBytes: { mean: 77, … }, … } }
 * // 77 B: the Span is 65 with its framing; empty scope, ScopeSpans, resource and ResourceSpans framing add 12.
 * importText("{", { slowThresholdMs: 1000 })
 * //=> { success: false, error: "not a trace export: no \"data\" (Jaeger) or \"resourceSpans\" (OTLP) key in the first 1 KB" }
 */
export function importText(
  text: string,
  options: { slowThresholdMs: number; healthCheckPattern?: RegExp }
): { success: true; data: ImportSummary } | { success: false; error: string } {
  try {
    const detected = detectFormat(text)
    if (!detected.success) return detected
    const accumulator = new TraceStatsAccumulator({ healthCheckPattern: options.healthCheckPattern })
    const body = withoutByteOrderMark(text)
    if (detected.format === "jaeger") {
      jaegerTracesOf(parseJson(body, ""), "").forEach((trace, index) =>
        accumulator.addJaegerTrace(trace, `trace ${index + 1}`)
      )
    } else if (detected.format === "otlp-json") {
      resourceSpansOf(parseJson(body, ""), "").forEach((resourceSpans, index) =>
        accumulator.addResourceSpans(resourceSpans, `resourceSpans ${index + 1}`)
      )
    } else {
      body.split("\n").forEach((line, index) => {
        if (line.trim() === "") return
        const where = `line ${index + 1}`
        accumulator.addOtlpDocument(parseJson(line, where), where)
      })
    }
    return { success: true, data: accumulator.summary({ slowThresholdMs: options.slowThresholdMs }) }
  } catch (error) {
    if (error instanceof ImportFormatError) return { success: false, error: error.message }
    // Not expected (a bug, or memory running out): still a message, never a stack trace.
    return { success: false, error: `import failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}
