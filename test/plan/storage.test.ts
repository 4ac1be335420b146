import { describe, expect, it } from "vitest"

import { computeStorage, storageSeriesDays, storedBytesPerDay } from "@/lib/plan/storage"

describe("storedBytesPerDay", () => {
  it.each([
    ["tempo", 147_000_000], // × 0.14 × 1 copy × 1.05
    ["clickhouse", 576_000_000], // × 0.16 × 3 replicas × 1.2 = 0.576
    ["jaeger-elasticsearch", 2_832_000_000], // × 1.2 × 2 × 1.18
    ["jaeger-cassandra", 1_820_000_000], // × 0.7 × 2 × 1.3
    ["jaeger-badger", 1_300_000_000], // × 1.0 × 1 × 1.3
    ["honeycomb", 1_000_000_000], // SaaS: raw OTLP bytes
  ] as const)("stores 1 GB/day of raw OTLP on %s as %d bytes/day", (backend, expected) => {
    expect(storedBytesPerDay(backend, 1e9)).toBeCloseTo(expected, 0)
  })
})

describe("computeStorage", () => {
  it("grows one day of data per day and plateaus at the retention", () => {
    const storage = computeStorage("jaeger-badger", 1e9, 7)
    const byDay = new Map(storage.series.map((point) => [point.day, point.bytes]))
    expect(byDay.get(0)).toBe(0)
    expect(byDay.get(1)).toBe(1.3e9)
    expect(byDay.get(7)).toBe(9.1e9)
    expect(byDay.get(8)).toBe(9.1e9)
    expect(byDay.get(14)).toBe(9.1e9)
    expect(storage.retainedBytes).toBe(9.1e9)
    expect(storage.steadyStateDay).toBe(7)
  })

  it("sizes self-hosted backends on disk and SaaS backends as raw OTLP", () => {
    expect(computeStorage("tempo", 1e9, 7).basis).toBe("backend-disk")
    expect(computeStorage("datadog", 1e9, 7).basis).toBe("raw-otlp")
  })
})

describe("storageSeriesDays", () => {
  it("covers every day up to a week past a 7-day retention", () => {
    expect(storageSeriesDays(7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
  })

  it("runs a quarter past long retentions", () => {
    expect(storageSeriesDays(100).at(-1)).toBe(125)
  })

  it("keeps ten years to at most 400 points and still includes the plateau day", () => {
    const days = storageSeriesDays(3650)
    expect(days.length).toBeLessThanOrEqual(400)
    expect(days).toContain(3650)
    expect(days[0]).toBe(0)
    expect(days.at(-1)).toBe(4563)
  })
})
