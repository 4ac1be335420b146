import { describe, expect, it } from "vitest"

import type { TempoVersion } from "@/lib/plan/choices"
import { tempoBackendSizing } from "@/lib/plan/sizing/tempo"
import { distributorsUnderLimit, tempoComponentsText, tempoFigures } from "@/lib/plan/tempo"

/** Tempo's figures at a peak ingest rate, with the sizing the bill uses. */
function at(peakBytesPerSecond: number, version: TempoVersion) {
  const sizing = tempoBackendSizing(
    {
      peakIngestBytesPerSecond: peakBytesPerSecond,
      ingestBytesPerSecond: peakBytesPerSecond,
      peakSpansPerSecond: peakBytesPerSecond / 500,
      retainedBytes: 0,
      retentionDays: 7,
    },
    version === "3.x" ? "3" : "2"
  )
  return tempoFigures(peakBytesPerSecond, version, sizing)
}

describe("distributorsUnderLimit", () => {
  it("counts the distributors under the default limit: 15 MB/s in 2.x, 30 MB/s in 3.x; one at the limit is not under it", () => {
    expect(distributorsUnderLimit(75e6, "2.x")).toBe(6)
    expect(distributorsUnderLimit(14_999_999, "2.x")).toBe(1)
    expect(distributorsUnderLimit(15e6, "2.x")).toBe(2)
    expect(distributorsUnderLimit(15e6, "3.x")).toBe(1)
    expect(distributorsUnderLimit(75e6, "3.x")).toBe(3)
    expect(distributorsUnderLimit(0, "3.x")).toBe(1)
  })
})

describe("tempoFigures", () => {
  it("takes the distributors the bill prices, and the version's limit", () => {
    // 7.5 MB/s: one distributor (1 per 10 MB/s), under 3.x's 30 MB/s limit.
    expect(at(7.5e6, "3.x")).toMatchObject({
      rateLimitBytesPerSecond: 30e6,
      distributorsForLimit: 1,
      sizing: { version: "3.x", distributors: 1 },
    })
    expect(at(7.5e6, "2.x").rateLimitBytesPerSecond).toBe(15e6)
  })

  it("sizes enough distributors to stay under the default limit at any peak, so the page names one count", () => {
    for (const version of ["3.x", "2.x"] as const) {
      for (let megabytes = 0; megabytes <= 1000; megabytes += 0.5) {
        const figures = at(megabytes * 1e6, version)
        expect(figures.sizing.distributors).toBeGreaterThanOrEqual(figures.distributorsForLimit)
      }
    }
  })
})

describe("tempoComponentsText", () => {
  it("names each priced component with its replicas, one or many", () => {
    // Tempo 3.x docs, Size the cluster, at 7.5 MB/s: 1 distributor, a live-store per partition in each of
    // 2 zones, 1 block-builder, queriers at 1.5 MB/s, 2 query-frontends, 1 scheduler, at least 3 workers.
    expect(tempoComponentsText(at(7.5e6, "3.x").sizing)).toBe(
      "Tempo 3.x: 1 distributor, 2 live-stores, 1 block-builder, 5 queriers, 2 query-frontends, 1 backend-scheduler, 3 backend-workers"
    )
    expect(tempoComponentsText(at(7.5e6, "2.x").sizing)).toBe(
      "Tempo 2.x: 1 distributor, 3 ingesters, 5 queriers, 2 query-frontends, 2 compactors"
    )
  })
})
