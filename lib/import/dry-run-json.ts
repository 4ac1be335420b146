// The dry run's download, apart from lib/import/dry-run.ts: the page loads that module (and the model
// it reads) only when a dry run is due, while the download button is part of the result it renders.
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
