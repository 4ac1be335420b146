import { describe, expect, it } from "vitest"

import {
  backendBars,
  linearAxis,
  logDomain,
  logTicks,
  RATE_STEPS,
  rateSliderPosition,
  spansDecades,
  storageCurve,
  storageMonthTicks,
  storageTableRows,
  tradeoff,
  tradeoffAxis,
  tradeoffChanges,
  valueAxis,
  wrapLabel,
  valueAxisWidth,
} from "@/lib/charts"
import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const seed = buildPlan(DEFAULT_INPUT)

describe("tradeoff", () => {
  // The default plan: 5,000 req/s, 10 % head sampling, 1 % errors (180,000 errors/hour), Tempo.
  // Whole bills per rate as the comparison prices them: 10 % is $2,043.9235028 (test/plan/build-plan.test.ts,
  // seed.cost.monthlyUsd); 100 % is $18,418.225028 (build-plan.test.ts, the 100 % plan less the probes' $0.0157594).
  const t = tradeoff(seed)

  it("plots every rate's whole bill against the errors it keeps per hour, highest rate first", () => {
    expect(t.metric).toBe("errorsKeptPerHour")
    expect(t.points.map((point) => point.key)).toEqual([
      "rate-1",
      "rate-0.5",
      "rate-0.25",
      "rate-0.1",
      "rate-0.05",
      "rate-0.01",
      "rate-0.001",
      "rate-0.0001",
      "option-tail",
    ])
    expect(t.points.map((point) => [point.monthlyUsd, point.seen])).toEqual([
      [18_418.225028, 180_000],
      [9_300.38751402, 90_000],
      [4_740.47375701, 45_000],
      [2_043.9235028, 18_000], // 5,000 × 1 % × 10 % × 3,600
      [1_262.3917514, 9_000],
      [644.51635028, 1_800],
      [529.634635028, 180],
      [518.146463503, 18],
      [7_162.04142056, 180_000], // tail sampling: every error, a 10 % baseline
    ])
    expect(t.ceiling).toBe(180_000)
  })

  it("marks your setting and the recommended one (tail sampling, which keeps every error)", () => {
    expect(t.points.filter((point) => point.yours).map((point) => point.key)).toEqual(["rate-0.1"])
    expect(t.points.filter((point) => point.recommended).map((point) => point.key)).toEqual(["option-tail"])
  })

  it("draws no limits without a budget or cap, on log axes over whole decades", () => {
    expect(t).toMatchObject({ budgetUsdPerMonth: null, freeOnly: false, storageCap: null })
    expect(t.usdAxis).toEqual({ log: true, domain: [100, 100_000], ticks: [100, 1_000, 10_000, 100_000] })
    expect(t.seenAxis).toEqual({
      log: true,
      domain: [10, 1_000_000],
      ticks: [10, 100, 1_000, 10_000, 100_000, 1_000_000],
    })
  })

  it("draws the budget as a line and the storage cap where head rates reach it", () => {
    const limited = tradeoff(buildPlan({ ...DEFAULT_INPUT, budgetUsdPerMonth: 2_500, storageCapBytes: 100e9 }))
    expect(limited.budgetUsdPerMonth).toBe(2_500)
    // 1 % stores 66.6792 GB (1,800 errors/h), 5 % 333.396 GB (9,000/h): 100 GB is 12.5 % of the way,
    // (100 − 66.6792) / (333.396 − 66.6792) = 0.124929…, at 1,800 + 0.124929… × 7,200 = 2,699.49 errors/h.
    expect(limited.storageCap?.bytes).toBe(100e9)
    expect(limited.storageCap?.boundarySeen).toBeCloseTo(2_699.4925, 3)
    expect(
      limited.points.filter((point) => point.fitsBudget && point.fitsStorageCap).map((point) => point.key)
    ).toEqual(["rate-0.01", "rate-0.001", "rate-0.0001"])
    // $2,043.92 fits $2,500; 666.792 GB does not fit 100 GB.
    expect(limited.points[3]).toMatchObject({ key: "rate-0.1", fitsBudget: true, fitsStorageCap: false })
    // With these limits the highest rate within both is recommended: 1 %.
    expect(limited.points.filter((point) => point.recommended).map((point) => point.key)).toEqual(["rate-0.01"])
  })

  it("draws no line for a free-only budget, and marks what is not free", () => {
    const free = tradeoff(buildPlan({ ...DEFAULT_INPUT, budgetUsdPerMonth: 0 }))
    expect(free).toMatchObject({ budgetUsdPerMonth: null, freeOnly: true })
    // Tempo on S3 bills storage at every rate: nothing is free.
    expect(free.points.some((point) => point.fitsBudget)).toBe(false)
  })

  it("measures by traces kept per minute when the plan has no errors", () => {
    const noErrors = tradeoff(buildPlan({ ...DEFAULT_INPUT, errorRate: 0 }))
    expect(noErrors.metric).toBe("tracesPerMinute")
    expect(noErrors.ceiling).toBeNull()
    // 5,000 req/s × 10 % × 60
    expect(noErrors.points.find((point) => point.yours)?.seen).toBe(30_000)
  })

  it("leaves out a setting that keeps nothing, which a log axis cannot show", () => {
    const off = tradeoff(buildPlan({ ...DEFAULT_INPUT, sampler: "always_off", daprEnabled: false }))
    expect(off.points.some((point) => point.yours)).toBe(false)
    expect(off.points.filter((point) => point.target.kind === "rate")).toHaveLength(8)
  })

  it("gives a finite log axis at 1e-310 requests per second", () => {
    const tiny = tradeoff(buildPlan({ ...DEFAULT_INPUT, rps: 1e-310, peakRps: 1e-310 }))
    // errors kept per hour: 1e-310 × 1 % × 3,600 = 3.6 × 10⁻³⁰⁹ at 100 % down to 3.6 × 10⁻³¹³ at 0.01 %
    // (3.6 × 10⁻³¹³ / 1.5 = 2.4 × 10⁻³¹³ starts the axis at 10⁻³¹³).
    expect(tiny.seenAxis).toMatchObject({ log: true, domain: [1e-313, 1e-308] })
  })
})

describe("tradeoffChanges", () => {
  it("sets the head rate, and Dapr's with it, to a rate of the comparison", () => {
    expect(tradeoffChanges(seed, { kind: "rate", ratio: 0.01 })).toEqual({ ratio: "0.01", daprSamplingRate: "0.01" })
  })

  it("leaves Dapr's rate to follow the sampler when Dapr is off", () => {
    expect(tradeoffChanges(buildPlan({ ...DEFAULT_INPUT, daprEnabled: false }), { kind: "rate", ratio: 0.01 })).toEqual(
      { ratio: "0.01" }
    )
  })

  it("switches a sampler that takes no ratio to ratio sampling", () => {
    expect(
      tradeoffChanges(buildPlan({ ...DEFAULT_INPUT, sampler: "parentbased_always_on", daprSamplingRate: 1 }), {
        kind: "rate",
        ratio: 0.01,
      })
    ).toEqual({ sampler: "parentbased_traceidratio", ratio: "0.01", daprSamplingRate: "0.01" })
  })

  it("keeps the plan's tail policies at another rate", () => {
    const tailing = buildPlan({ ...DEFAULT_INPUT, tailSampling: true })
    expect(tradeoffChanges(tailing, { kind: "rate", ratio: 0.5 })).toEqual({ ratio: "0.5", daprSamplingRate: "0.5" })
  })

  it('adopts an option as "Use this setting" does', () => {
    expect(tradeoffChanges(seed, { kind: "option", id: "tail" })).toEqual({
      sampler: "parentbased_always_on",
      ratio: "1",
      daprSamplingRate: "1",
      tailSampling: "true",
    })
  })

  it("changes nothing at the plan's own rate", () => {
    expect(tradeoffChanges(seed, { kind: "rate", ratio: 0.1 })).toEqual({})
  })
})

describe("rateSliderPosition", () => {
  it("stands on the plan's rate, or the nearest step by ratio", () => {
    expect(RATE_STEPS).toEqual([0.0001, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1])
    expect(rateSliderPosition(seed)).toEqual({ index: 4, onStep: true })
    // 20 % is 1.25× below 25 % and 2× above 10 %.
    expect(rateSliderPosition(buildPlan({ ...DEFAULT_INPUT, ratio: 0.2, daprEnabled: false }))).toEqual({
      index: 5,
      onStep: false,
    })
    expect(rateSliderPosition(buildPlan({ ...DEFAULT_INPUT, sampler: "always_off", daprEnabled: false }))).toEqual({
      index: 0,
      onStep: false,
    })
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
})

describe("linearAxis", () => {
  // Steps of 1, 2, 2.5 or 5 × 10^k for about five ticks, as d3's ticks() and Recharts' nice ticks pick.
  it("starts at 0 and ends at the first round step at or above the largest value", () => {
    expect(linearAxis([0, 37, 120])).toEqual({ log: false, domain: [0, 150], ticks: [0, 50, 100, 150] })
    expect(linearAxis([3_000, 3_100])).toEqual({
      log: false,
      domain: [0, 4_000],
      ticks: [0, 1_000, 2_000, 3_000, 4_000],
    })
    expect(linearAxis([100])).toEqual({ log: false, domain: [0, 100], ticks: [0, 25, 50, 75, 100] })
  })
  it("keeps decimal ticks free of float noise", () => {
    expect(linearAxis([0.3, 0.9])).toEqual({ log: false, domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] })
    expect(linearAxis([0.07])).toEqual({ log: false, domain: [0, 0.08], ticks: [0, 0.02, 0.04, 0.06, 0.08] })
  })
  it("draws [0, 1] for nothing positive, and ends at the largest value when a step past it overflows", () => {
    expect(linearAxis([0, 0])).toEqual({ log: false, domain: [0, 1], ticks: [0, 0.5, 1] })
    expect(linearAxis([])).toEqual({ log: false, domain: [0, 1], ticks: [0, 0.5, 1] })
    expect(linearAxis([5e-324])).toEqual({ log: false, domain: [0, 5e-324], ticks: [0, 5e-324] })
    expect(linearAxis([1.7e308])).toEqual({ log: false, domain: [0, 1.7e308], ticks: [0, 5e307, 1e308, 1.5e308] })
  })
})

describe("tradeoffAxis", () => {
  it("is log when the values span decades and log is allowed, linear from 0 otherwise", () => {
    expect(tradeoffAxis([86_400, 432_000_000], true)).toMatchObject({ log: true, domain: [10_000, 1_000_000_000] })
    expect(tradeoffAxis([86_400, 432_000_000], false)).toMatchObject({ log: false, domain: [0, 600_000_000] })
    expect(tradeoffAxis([5, 8, 12], true)).toEqual({ log: false, domain: [0, 15], ticks: [0, 5, 10, 15] })
  })
})

describe("wrapLabel", () => {
  it("keeps a label that fits on one line, and splits a longer one into two even lines", () => {
    expect(wrapLabel("Grafana Cloud Traces", 25)).toEqual(["Grafana Cloud Traces"])
    expect(wrapLabel("Jaeger + Elasticsearch on gp3", 25)).toEqual(["Jaeger +", "Elasticsearch on gp3"])
    expect(wrapLabel("Jaeger + Badger on gp3", 16)).toEqual(["Jaeger +", "Badger on gp3"])
    expect(wrapLabel("Jaeger + Badger on gp3", 12)).toEqual(["Jaeger +", "Badger", "on gp3"])
  })
  it("wraps onto more lines when two are not enough, and gives a long word its own line", () => {
    expect(wrapLabel("a bb ccc dddd eeeee", 6)).toEqual(["a bb", "ccc", "dddd", "eeeee"])
    expect(wrapLabel("Supercalifragilistic backend", 10)).toEqual(["Supercalifragilistic", "backend"])
    expect(wrapLabel("  ", 10)).toEqual([""])
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
      vendorUnpriced: false,
    })
    expect(bars.filter((bar) => bar.chosen).map((bar) => bar.id)).toEqual(["tempo"])
    // X-Ray's span ingestion (CloudWatch) is named, not priced: its bar says so.
    expect(bars.filter((bar) => bar.vendorUnpriced).map((bar) => bar.id)).toEqual(["aws-xray"])
    // Cheapest first among the priced bills; X-Ray, whose own charges are not priced, last.
    const priced = bars.filter((bar) => !bar.vendorUnpriced).map((bar) => bar.monthlyUsd)
    expect(priced).toEqual([...priced].sort((a, b) => a - b))
    expect(bars.at(-1)!.id).toBe("aws-xray")
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
