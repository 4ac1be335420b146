import { describe, expect, it } from "vitest"

import {
  backendBars,
  logDomain,
  logTicks,
  rateBars,
  spansDecades,
  storageCurve,
  storageMonthTicks,
  storageTableRows,
  valueAxis,
  valueAxisWidth,
} from "@/lib/charts"
import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const seed = buildPlan(DEFAULT_INPUT)

describe("rateBars", () => {
  it("labels every rate, highest first, with the chosen one marked", () => {
    const bars = rateBars(seed)
    expect(bars.map((bar) => bar.label)).toEqual(["100 %", "50 %", "25 %", "10 %", "5 %", "1 %", "0.1 %", "0.01 %"])
    expect(bars.filter((bar) => bar.chosen).map((bar) => bar.tracesPerDay)).toEqual([43_200_000])
    // Datadog at 100 %: the whole bill, $27,814.4876 (derived in test/export.test.ts), not sized by the
    // self-hosted rules still being filled in.
    expect(rateBars(buildPlan({ ...DEFAULT_INPUT, backend: "datadog" }))[0]).toMatchObject({
      monthlyUsd: 27_814.4876,
    })
    expect(bars[0]).toMatchObject({
      tracesPerDay: 432_000_000,
      retainedBytes: 6_667_920_000_000,
      tracesPerMinute: 300_000,
      errorsKeptPerHour: 180_000,
    })
  })

  it("leaves out always_off, which a log scale cannot show", () => {
    const bars = rateBars(buildPlan({ ...DEFAULT_INPUT, sampler: "always_off" }))
    expect(bars).toHaveLength(8)
    expect(bars.some((bar) => bar.chosen)).toBe(false)
  })

  it("names an X-Ray plan's bar", () => {
    expect(
      rateBars(buildPlan({ ...DEFAULT_INPUT, language: "java", sampler: "xray", daprEnabled: false })).find(
        (bar) => bar.chosen
      )?.label
    ).toBe("5.02 % (xray)")
  })
})

describe("spansDecades", () => {
  it("asks for a log scale once the smallest value is under 1/20 of the largest", () => {
    expect(spansDecades([432_000_000, 43_200])).toBe(true)
    // A priced Collector tier on Tempo next to the dearest SaaS list price: 1.8 decades.
    expect(spansDecades([146, 9_900])).toBe(true)
    expect(spansDecades([100, 2_001])).toBe(true)
    expect(spansDecades([100, 1_999])).toBe(false)
    expect(spansDecades([10, 99])).toBe(false)
    expect(spansDecades([0, 5])).toBe(false)
  })
})

describe("logTicks", () => {
  it("puts a tick on every power of ten from the domain's low end to its high end", () => {
    expect(logTicks([10_000, 1_000_000_000])).toEqual([
      10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    ])
    expect(logTicks([0.01, 10])).toEqual([0.01, 0.1, 1, 10])
    expect(logTicks([100, 1000])).toEqual([100, 1000])
  })

  it("ticks every decade of the domain logDomain gives", () => {
    expect(logTicks(logDomain([15.34, 51_217.92]))).toEqual([10, 100, 1000, 10_000, 100_000])
  })

  it("labels every nth decade of an axis over more than 12, ending on the domain's low end", () => {
    expect(logTicks([1e-20, 1e10])).toEqual([1e-20, 1e-17, 1e-14, 1e-11, 1e-8, 1e-5, 1e-2, 1e1, 1e4, 1e7, 1e10])
    expect(logTicks([1, 1e12])).toHaveLength(7)
    expect(logTicks([1, 1e11])).toHaveLength(12)
  })
})

describe("logDomain", () => {
  it("widens to powers of ten around the values so the smallest bar shows", () => {
    expect(logDomain([86_400, 432_000_000])).toEqual([10_000, 1_000_000_000])
    expect(logDomain([15.34, 51_217.92])).toEqual([10, 100_000])
  })

  it("starts at least 1.5× below the smallest value, so a value just above a power of ten still draws a bar", () => {
    // The 0.01 % storage bar with tail sampling on: 102 MB would be a sliver on an axis from 100 MB.
    expect(logDomain([102e6, 6.67e12])).toEqual([1e7, 1e13])
    expect(logDomain([150, 1000])).toEqual([100, 1000])
    expect(logDomain([149, 1000])).toEqual([10, 1000])
  })

  it("never collapses to a single point", () => {
    expect(logDomain([100])).toEqual([10, 100])
    expect(logDomain([0])).toEqual([1, 10])
  })

  it("stays within what a double holds for the tiniest and largest values (1e-310 req/s once crashed the page)", () => {
    expect(logDomain([1e-310, 1e-300])).toEqual([1e-311, 1e-300])
    expect(logDomain([Number.MIN_VALUE, 1])).toEqual([1e-323, 1])
    expect(logDomain([Number.MIN_VALUE])).toEqual([1e-323, 1e-322])
    expect(logDomain([1, Number.MAX_VALUE])).toEqual([0.1, 1e308])
    expect(logTicks(logDomain([Number.MIN_VALUE, Number.MAX_VALUE]))).toHaveLength(12)
  })
})

describe("valueAxis", () => {
  it("is linear while the values span less than a ratio of 20, and log with its domain and ticks beyond", () => {
    expect(valueAxis([5, 8, 12])).toEqual({ log: false })
    expect(valueAxis([86_400, 432_000_000])).toEqual({
      log: true,
      domain: [10_000, 1_000_000_000],
      ticks: [10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000],
    })
  })

  it("gives the rate charts a finite log axis at 1e-310 requests per second", () => {
    const bars = rateBars(buildPlan({ ...DEFAULT_INPUT, rps: 1e-310, peakRps: 1e-310 }))
    const axis = valueAxis(bars.map((bar) => bar.tracesPerDay))
    // 8.64 × 10⁻³⁰⁶ traces/day at 100 % down to 8.64 × 10⁻³¹⁰ at 0.01 %
    expect(axis).toEqual({
      log: true,
      domain: [1e-310, 1e-305],
      ticks: [1e-310, 1e-309, 1e-308, 1e-307, 1e-306, 1e-305],
    })
  })
})

describe("valueAxisWidth", () => {
  it("keeps 56 px for short labels and widens for labels that would be cut off at the chart's edge", () => {
    expect(valueAxisWidth(["1 GB", "10 GB", "100 GB", "$1K"])).toBe(56)
    expect(valueAxisWidth([])).toBe(56)
    expect(valueAxisWidth(["1 × 10⁻³⁰⁰ B", "1 B"])).toBe(85)
  })
})

describe("a retention longer than the horizon", () => {
  it("has no retention marker on the chart and no retention row in the table: only the months", () => {
    const plan = buildPlan({ ...DEFAULT_INPUT, retentionDays: 730 })
    expect(storageCurve(plan).retentionDay).toBeNull()
    expect(storageTableRows(plan).slice(0, 2)).toEqual([
      { day: 30, bytes: 2_857_680_000_000, label: "day 30 (month 1)" },
      { day: 60, bytes: 5_715_360_000_000, label: "day 60 (month 2)" },
    ])
  })
})

describe("storageCurve and storageTableRows", () => {
  it("marks the retention plateau and the horizon", () => {
    expect(storageCurve(seed)).toMatchObject({ retentionDay: 7, horizonDay: 364 })
  })

  it("thins the daily series for the chart, keeping day 0, the retention day and the horizon", () => {
    const { points } = storageCurve(seed)
    expect(seed.growth.series).toHaveLength(365)
    expect(points).toHaveLength(93)
    expect(points.slice(0, 4).map((point) => point.day)).toEqual([0, 4, 7, 8])
    expect(points.at(-1)).toEqual(seed.growth.series.at(-1))
    // Every drawn point is a point of the series, unchanged.
    for (const point of points) expect(seed.growth.series[point.day]).toEqual(point)

    const twoYears = storageCurve(buildPlan({ ...DEFAULT_INPUT, retentionDays: 30, horizonMonths: 24 }))
    expect(twoYears.points).toHaveLength(94)
    expect(twoYears.points.map((point) => point.day)).toContain(30)
    expect(twoYears.points.at(-1)?.day).toBe(729)
  })

  it("leaves a short series whole", () => {
    const month = buildPlan({ ...DEFAULT_INPUT, horizonMonths: 1 })
    expect(storageCurve(month).points).toBe(month.growth.series)
  })

  it("tabulates the retention day and the end of each month", () => {
    const rows = storageTableRows(seed)
    expect(rows[0]).toEqual({ day: 7, bytes: 666_792_000_000, label: "day 7 (retention)" })
    expect(rows[1]).toEqual({ day: 30, bytes: 666_792_000_000, label: "day 30 (month 1)" })
    expect(rows.at(-1)).toEqual({ day: 364, bytes: 666_792_000_000, label: "day 364 (month 12)" })
    expect(rows).toHaveLength(13)
  })
})

describe("backendBars", () => {
  it("ranks backends from cheapest, each with its whole bill, its parts and its price date", () => {
    const bars = backendBars(seed)
    // Datadog at the default plan: Collector $72.02 + network $705.888 + vendor $2,285.24576
    // (derived in test/plan/text-headline.test.ts).
    expect(bars.find((bar) => bar.id === "datadog")).toEqual({
      id: "datadog",
      label: "Datadog APM",
      hosting: "saas",
      monthlyUsd: 3063.15376,
      breakdown: {
        storageUsd: 0,
        backendComputeUsd: 0,
        collectorComputeUsd: 72.02,
        networkUsd: 705.888,
        vendorUsd: 2285.24576,
      },
      asOf: "2026-09 (APM); 2025-09 to 2026 (Infrastructure)",
      chosen: false,
    })
    expect(bars.filter((bar) => bar.chosen).map((bar) => bar.id)).toEqual(["tempo"])
    expect(bars.map((bar) => bar.monthlyUsd)).toEqual([...bars.map((bar) => bar.monthlyUsd)].sort((a, b) => a - b))
    for (const bar of bars) {
      expect(Object.values(bar.breakdown).reduce((sum, usd) => sum + usd, 0)).toBeCloseTo(bar.monthlyUsd, 6)
    }
    expect(bars).toHaveLength(11)
  })
})

describe("storageMonthTicks", () => {
  it("ticks the day axis at whole months, about five of them, ending on the horizon's last day", () => {
    expect(storageMonthTicks(12)).toEqual([
      { day: 0, label: "0" },
      { day: 60, label: "2 mo" },
      { day: 121, label: "4 mo" },
      { day: 182, label: "6 mo" },
      { day: 243, label: "8 mo" },
      { day: 304, label: "10 mo" },
      { day: 364, label: "12 mo" },
    ])
    expect(storageMonthTicks(1)).toEqual([
      { day: 0, label: "0" },
      { day: 30, label: "1 mo" },
    ])
  })

  it("counts in years once a step is a year or more", () => {
    expect(storageMonthTicks(60).map((tick) => tick.label)).toEqual(["0", "1 yr", "2 yr", "3 yr", "4 yr", "5 yr"])
    expect(storageMonthTicks(60).at(-1)?.day).toBe(1824)
  })

  it("never gives more than seven ticks for any horizon the form accepts", () => {
    for (let months = 1; months <= 60; months++) {
      const ticks = storageMonthTicks(months)
      expect(ticks.length).toBeLessThanOrEqual(7)
      expect(ticks.at(-1)?.day).toBeLessThanOrEqual(Math.floor(months * 30.4))
    }
  })
})
