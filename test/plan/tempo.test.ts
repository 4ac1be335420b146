import { describe, expect, it } from "vitest"

import { tempoSizing } from "@/lib/plan/tempo"

describe("tempoSizing", () => {
  it("sizes each component from raw MB/s: distributors at 10, ingesters and compactors at 4, live-stores at 8, queriers at 1.5", () => {
    // 5,000 req/s × 100 % × 30 spans × 500 B = 75 MB/s.
    expect(tempoSizing(75e6)).toEqual({ distributors: 8, ingesters: 19, liveStores: 10, compactors: 19, queriers: 50 })
  })

  it("keeps at least one of each, even for a trickle", () => {
    expect(tempoSizing(1000)).toEqual({ distributors: 1, ingesters: 1, liveStores: 1, compactors: 1, queriers: 1 })
  })
})
