import { describe, expect, it } from "vitest"

import {
  errorsKeptPerHour,
  expectedWaitSeconds,
  probabilityOfAtLeastOne,
  slowKeptPer5Minutes,
  tracesPerMinute,
  visibilityRow,
} from "@/lib/plan/visibility"

const seed = {
  rps: 5000,
  errorRate: 0.01,
  slowRate: 0.05,
  endpoints: [
    { name: "GET /tasks", share: 0.9 },
    { name: "POST /admin/reindex", share: 0.00001 },
  ],
  tailSampling: false,
  tailKeepErrors: true,
  tailKeepSlow: true,
  minTracesPerMinutePerEndpoint: 1,
}

describe("visibility formulas", () => {
  it("keeps at least one of k events with probability 1 − (1 − p)^k", () => {
    expect(probabilityOfAtLeastOne(0.01, 100)).toBeCloseTo(0.633968, 6)
    expect(probabilityOfAtLeastOne(0.1, 1)).toBeCloseTo(0.1, 12)
    expect(probabilityOfAtLeastOne(0, 1000)).toBe(0)
  })

  it("waits 1 / (λ · p) for the first kept example", () => {
    expect(expectedWaitSeconds(1 / 60, 0.1)).toBeCloseTo(600, 9)
    expect(expectedWaitSeconds(1, 0)).toBe(Number.POSITIVE_INFINITY)
  })

  it("counts traces per minute, errors per hour and slow requests per 5 minutes", () => {
    expect(tracesPerMinute(5000, 0.1)).toBeCloseTo(30_000, 9)
    expect(errorsKeptPerHour(5000, 0.01, 0.01)).toBeCloseTo(1800, 9)
    expect(slowKeptPer5Minutes(10, 0.05, 0.1)).toBeCloseTo(15, 9)
  })
})

describe("visibilityRow", () => {
  it("shows what head sampling at 1 % still sees", () => {
    const row = visibilityRow(seed, 0.01, 1, true)
    expect(row.tracesPerMinute).toBeCloseTo(3000, 9)
    expect(row.errorsPerHour).toBeCloseTo(180_000, 9)
    expect(row.errorsKeptPerHour).toBeCloseTo(1800, 9)
    expect(row.firstErrorWaitSeconds).toBeCloseTo(2, 9) // 50 errors/s × 1 %
    expect(row.atLeastOneOf.k100).toBeCloseTo(0.633968, 6)
    expect(row.endpoints.map((endpoint) => [endpoint.name, endpoint.enough])).toEqual([
      ["GET /tasks", true],
      ["POST /admin/reindex", false],
    ])
  })

  it("counts an endpoint as seen enough by the recommendation's own rule, the minimum traces per minute", () => {
    // 50 req/s × 1 % × 5 % × 60 = 1.5 traces/minute, though only 0.375 slow traces per 5 minutes.
    const row = visibilityRow({ ...seed, rps: 50, endpoints: [{ name: "GET /rare", share: 0.01 }] }, 0.05, 1, true)
    expect(row.endpoints[0]).toMatchObject({ name: "GET /rare", enough: true })
    expect(row.endpoints[0]?.slowKeptPer5Minutes).toBeCloseTo(0.375, 9)
  })

  it("keeps every head-sampled error with a tail error policy", () => {
    const row = visibilityRow({ ...seed, tailSampling: true }, 1, 0.15355, true)
    expect(row.keep).toEqual({ any: 0.15355, error: 1, slow: 1 })
    expect(row.errorsKeptPerHour).toBeCloseTo(180_000, 9)
  })

  it("reports a never-kept error as null, not Infinity", () => {
    expect(visibilityRow({ ...seed, errorRate: 0 }, 0.1, 1, false).firstErrorWaitSeconds).toBeNull()
  })
})
