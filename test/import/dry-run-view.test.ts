import { describe, expect, it } from "vitest"

import type { DryRunResult, DryRunRow } from "@/lib/import/dry-run"
import { DRY_RUN_SHOWN_ROWS, dryRunView } from "@/lib/import/dry-run-view"

/** `count` rows named `${prefix}i`, i + 1 traces each (reversed: most first); every third keeps none. */
function rows(prefix: string, count: number): DryRunRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = count - 1 - k
    return {
      name: `${prefix}${i}`,
      traces: i + 1,
      keptTraces: i % 3 === 0 ? 0 : 1,
      errorTraces: 0,
      keptErrorTraces: 0,
    }
  })
}

/** A dry run's result with the given tables; the counts are the view's to copy, whatever they are. */
function result(byEndpoint: DryRunRow[], byService: DryRunRow[]): DryRunResult {
  const share = { observed: 0.5, interval: [0.4, 0.6] as [number, number], predicted: 0.5, agrees: true }
  return {
    tracesCounted: "complete",
    truncatedTraces: 2,
    traces: 100,
    keptTraces: 50,
    errorTraces: 10,
    keptErrorTraces: 5,
    slowTraces: 4,
    keptSlowTraces: 2,
    byEndpoint,
    byService,
    decidedBy: "app",
    sampler: "parentbased_traceidratio",
    head: {
      decidedBy: "app",
      sampler: "parentbased_traceidratio",
      ratio: 0.5,
      runtime: "node",
      kind: "trace-id-ratio",
    },
    tail: null,
    compare: { traces: share, errors: share, slow: share },
  }
}

describe("dryRunView: what the page shows of a dry run", () => {
  it("shows 20 rows of each table", () => {
    expect(DRY_RUN_SHOWN_ROWS).toBe(20)
  })

  it("cuts 60,000 endpoints to the first 20 and counts the rest, keeping every figure", () => {
    const full = result(rows("GET /e", 60_000), rows("svc-", 3))
    const view = dryRunView(full)
    expect(view.byEndpoint).toHaveLength(20)
    expect(view.byEndpoint[0]).toEqual({
      name: "GET /e59999",
      traces: 60_000,
      keptTraces: 1,
      errorTraces: 0,
      keptErrorTraces: 0,
    })
    expect(view.endpointCount).toBe(60_000)
    expect(view.byService.map((row) => row.name)).toEqual(["svc-2", "svc-1", "svc-0"])
    expect(view.serviceCount).toBe(3)
    // Every third endpoint keeps none: 0, 3, …, 59,997.
    expect(view.emptyEndpointCount).toBe(20_000)
    expect(view.emptyEndpoints).toHaveLength(20)
    expect(view.emptyEndpoints.slice(0, 3)).toEqual(["GET /e59997", "GET /e59994", "GET /e59991"])
    expect(view).toMatchObject({ traces: 100, keptTraces: 50, truncatedTraces: 2, tail: null, decidedBy: "app" })
    expect(view.compare).toBe(full.compare)
  })

  it("keeps short tables whole and lists the endpoints kept none of in table order", () => {
    const view = dryRunView(result(rows("GET /e", 7), []), 20)
    expect(view.byEndpoint.map((row) => row.name)).toEqual([
      "GET /e6",
      "GET /e5",
      "GET /e4",
      "GET /e3",
      "GET /e2",
      "GET /e1",
      "GET /e0",
    ])
    expect(view.emptyEndpoints).toEqual(["GET /e6", "GET /e3", "GET /e0"])
    expect(view.emptyEndpointCount).toBe(3)
    expect(view.byService).toEqual([])
    expect(view.serviceCount).toBe(0)
  })

  it("takes another row count", () => {
    const view = dryRunView(result(rows("GET /e", 10), rows("svc-", 10)), 2)
    expect(view.byEndpoint.map((row) => row.name)).toEqual(["GET /e9", "GET /e8"])
    expect(view.byService).toHaveLength(2)
    expect(view.emptyEndpoints).toEqual(["GET /e9", "GET /e6"])
    expect(view.emptyEndpointCount).toBe(4)
  })
})
