// The dry run's download, apart from lib/import/dry-run.ts: the import's worker writes it with each
// dry run and hands the page the file, which the download button saves as it is.
import type { DryRunResult } from "./dry-run"

/**
 * The dry run as the "Download dry run (JSON)" file: the counts, per endpoint and per service, who
 * decides and with which sampler, and which traces were counted.
 *
 * @example
 * JSON.parse(dryRunJson(result)).tracesCounted //=> "complete"
 */
export function dryRunJson(result: DryRunResult): string {
  const { head, tail, compare, ...counts } = result
  return JSON.stringify(
    {
      ...counts,
      ratio: head.ratio,
      runtime: head.runtime,
      headRule: head.kind,
      ...(head.unsupported ? { unsupportedSampler: head.unsupported } : {}),
      tail,
      predicted: { traces: compare.traces.predicted, errors: compare.errors.predicted, slow: compare.slow.predicted },
    },
    null,
    2
  )
}
