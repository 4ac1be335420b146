// What the page shows of a dry run: the worker runs it and sends this, so a file with hundreds of
// thousands of endpoints does not cross to the main thread row by row (the download has them all).
import type { DryRunResult, DryRunRow } from "./dry-run"

/** Rows shown per table on the page; the JSON download has them all. */
export const DRY_RUN_SHOWN_ROWS = 20

/** A dry run's result with its tables cut to the rows shown, and how many there are in all. */
export interface DryRunView extends Omit<DryRunResult, "byEndpoint" | "byService"> {
  /** The first rows of {@link DryRunResult.byEndpoint}. */
  byEndpoint: DryRunRow[]
  endpointCount: number
  /** The first rows of {@link DryRunResult.byService}. */
  byService: DryRunRow[]
  serviceCount: number
  /** Names of the first endpoints the plan keeps no trace of, in table order. */
  emptyEndpoints: string[]
  emptyEndpointCount: number
}

/**
 * The part of a dry run the page shows: every count, the first `rows` rows of each table and of the
 * endpoints kept none of, with how many there are in all.
 *
 * @example
 * const view = dryRunView(result, 20) // result with 60,000 endpoints, 59,990 of them kept none of
 * [view.byEndpoint.length, view.endpointCount, view.emptyEndpoints.length, view.emptyEndpointCount]
 * //=> [20, 60000, 20, 59990]
 */
export function dryRunView(result: DryRunResult, rows: number = DRY_RUN_SHOWN_ROWS): DryRunView {
  const { byEndpoint, byService, ...counts } = result
  const emptyEndpoints: string[] = []
  let emptyEndpointCount = 0
  for (const row of byEndpoint) {
    if (row.keptTraces > 0) continue
    emptyEndpointCount += 1
    if (emptyEndpoints.length < rows) emptyEndpoints.push(row.name)
  }
  return {
    ...counts,
    byEndpoint: byEndpoint.slice(0, rows),
    endpointCount: byEndpoint.length,
    byService: byService.slice(0, rows),
    serviceCount: byService.length,
    emptyEndpoints,
    emptyEndpointCount,
  }
}
