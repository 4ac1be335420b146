import { describe, expect, it } from "vitest"

import { tempoComponentsText, tempoFigures, tempoSizing } from "@/lib/plan/tempo"

describe("tempoSizing", () => {
  it("sizes each component from raw MB/s: distributors at 10, ingesters and compactors at 4, live-stores at 8, queriers at 1.5", () => {
    // 5,000 req/s × 100 % × 30 spans × 500 B = 75 MB/s.
    expect(tempoSizing(75e6)).toEqual({ distributors: 8, ingesters: 19, liveStores: 10, compactors: 19, queriers: 50 })
  })

  it("keeps at least one of each, even for a trickle", () => {
    expect(tempoSizing(1000)).toEqual({ distributors: 1, ingesters: 1, liveStores: 1, compactors: 1, queriers: 1 })
  })
})

describe("tempoFigures", () => {
  it("counts the distributors that stay under the default 15 MB/s limit at the peak: one at the limit is not under it", () => {
    expect(tempoFigures(75e6).distributorsForLimit).toBe(6)
    expect(tempoFigures(14_999_999).distributorsForLimit).toBe(1)
    expect(tempoFigures(15e6).distributorsForLimit).toBe(2)
    expect(tempoFigures(0).distributorsForLimit).toBe(1)
  })
})

describe("tempo sizing and limit together", () => {
  it("sizes enough distributors to stay under the default limit at any peak, so the page names one count", () => {
    for (let megabytes = 0; megabytes <= 1000; megabytes += 0.5) {
      const figures = tempoFigures(megabytes * 1e6)
      expect(figures.sizing.distributors).toBeGreaterThanOrEqual(figures.distributorsForLimit)
    }
  })
})

describe("tempoComponentsText", () => {
  it("names each component for Tempo 3.x and 2.x, one or many", () => {
    expect(tempoComponentsText(tempoSizing(1000))).toBe(
      "1 distributor, 1 live-store (3.x) or 1 ingester (2.x), 1 backend-worker (3.x) or compactor (2.x), 1 querier"
    )
    expect(tempoComponentsText(tempoSizing(75e6))).toBe(
      "8 distributors, 10 live-stores (3.x) or 19 ingesters (2.x), 19 backend-workers (3.x) or compactors (2.x), 50 queriers"
    )
  })
})
