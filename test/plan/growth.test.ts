import { describe, expect, it } from "vitest"

import { growthSeries, horizonDays, storedBytesAtDay, trafficFactorAtDay } from "@/lib/plan/growth"

describe("trafficFactorAtDay", () => {
  it("grows by the monthly rate after one 30.4-day month", () => {
    expect(trafficFactorAtDay(10, 30.4)).toBe(1.1)
  })

  it("shrinks with a negative rate", () => {
    expect(trafficFactorAtDay(-50, 30.4)).toBe(0.5)
  })
})

describe("storedBytesAtDay", () => {
  it("grows one day of data per day, then plateaus at the retention without growth", () => {
    expect(storedBytesAtDay(100, 7, 0, 0)).toBe(0)
    expect(storedBytesAtDay(100, 7, 0, 3)).toBe(300)
    expect(storedBytesAtDay(100, 7, 0, 7)).toBe(700)
    expect(storedBytesAtDay(100, 7, 0, 400)).toBe(700)
  })

  it("sums the last retention days of growing traffic", () => {
    const daily = trafficFactorAtDay(5, 1)
    const expected = [0, 1, 2].map((day) => 100 * daily ** (10 + day)).reduce((a, b) => a + b)
    expect(storedBytesAtDay(100, 3, 5, 13)).toBeCloseTo(expected, 9)
  })
})

describe("growthSeries", () => {
  it("covers the whole horizon and includes the retention day", () => {
    const series = growthSeries(100, 7, 0, 1)
    expect(series[0]).toEqual({ day: 0, bytes: 0 })
    expect(series.find((point) => point.day === 7)).toEqual({ day: 7, bytes: 700 })
    expect(series.at(-1)).toEqual({ day: 30, bytes: 700 })
  })

  it("keeps five years to at most 400 points", () => {
    const series = growthSeries(100, 30, 3, 60)
    expect(series.length).toBeLessThanOrEqual(400)
    expect(series.at(-1)?.day).toBe(horizonDays(60))
  })
})

describe("horizonDays", () => {
  it("rounds 30.4-day months down to whole days", () => {
    expect(horizonDays(12)).toBe(364)
    expect(horizonDays(1)).toBe(30)
  })
})
