import { describe, expect, it } from "vitest"

import { DEFAULT_INPUT } from "@/lib/plan/fields"
import {
  firstMonthOver,
  growthSeries,
  growthTable,
  growthTableMonths,
  horizonDays,
  storageChangesOverTime,
  storedBytesAtDay,
  trafficFactorAtDay,
  type GrowthMonth,
} from "@/lib/plan/growth"
import { growthMonths } from "@/lib/plan/growth-bill"
import { buildPlan } from "@/lib/plan/build-plan"

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

describe("storageChangesOverTime", () => {
  it("is flat with flat traffic and a retention filled within a tenth of the horizon", () => {
    // 12 months are 364 days: a tenth is 36.4 days.
    expect(storageChangesOverTime({ retentionDays: 7, growthPercentPerMonth: 0, horizonMonths: 12 })).toBe(false)
    expect(storageChangesOverTime({ retentionDays: 36, growthPercentPerMonth: 0, horizonMonths: 12 })).toBe(false)
    expect(storageChangesOverTime({ retentionDays: 37, growthPercentPerMonth: 0, horizonMonths: 12 })).toBe(true)
  })

  it("changes with growing or shrinking traffic, whatever the retention", () => {
    expect(storageChangesOverTime({ retentionDays: 1, growthPercentPerMonth: 5, horizonMonths: 60 })).toBe(true)
    expect(storageChangesOverTime({ retentionDays: 1, growthPercentPerMonth: -5, horizonMonths: 60 })).toBe(true)
  })

  it("changes when the horizon is short beside the retention (a 7-day retention over 1 month fills for 7 of 30 days)", () => {
    expect(storageChangesOverTime({ retentionDays: 7, growthPercentPerMonth: 0, horizonMonths: 1 })).toBe(true)
  })
})

describe("firstMonthOver", () => {
  it("counts months from 1 and is null when no month breaks the limit", () => {
    expect(firstMonthOver([90, 100, 120, 150], (usd) => usd > 110)).toBe(3)
    expect(firstMonthOver([120], (usd) => usd > 110)).toBe(1)
    expect(firstMonthOver([90, 100], (usd) => usd > 110)).toBeNull()
  })
})

describe("growthTableMonths", () => {
  it("lists every month up to 12, and every few months past that, with the crossings", () => {
    expect(growthTableMonths(6, [])).toEqual([1, 2, 3, 4, 5, 6])
    expect(growthTableMonths(36, [7])).toEqual([1, 3, 6, 7, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36])
    expect(growthTableMonths(60, [])).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60])
  })
})

const month = (number: number, monthlyUsd: number): GrowthMonth => ({
  month: number,
  day: horizonDays(number),
  trafficFactor: 1,
  rps: 1,
  tracesPerDay: 1,
  monthlyUsd,
  backendUsd: monthlyUsd,
  allowanceUsed: null,
})

describe("growthTable", () => {
  it("marks the month each limit is first broken in", () => {
    const table = growthTable({
      horizonMonths: 3,
      months: [month(1, 10), month(2, 20), month(3, 30)],
      budgetCrossedMonth: 2,
      allowanceCrossedMonth: 2,
    })
    expect(table.changes).toBe(true)
    expect(table.rows.map((row) => row.crosses)).toEqual([[], ["budget", "allowance"], []])
  })

  it("says the bill does not change when every month is within half a cent of the first", () => {
    const months = [month(1, 10), month(2, 10.004)]
    expect(
      growthTable({ horizonMonths: 2, months, budgetCrossedMonth: null, allowanceCrossedMonth: null }).changes
    ).toBe(false)
  })
})

// 10 req/s of 10 spans, Python (no traced probes), 5 % head sampling on app and Dapr: 13,132,800
// Honeycomb events a month today (10 × 86,400 × 30.4 × 10 × 0.05), under the Free plan's 20 M.
const SMALL_HONEYCOMB = {
  ...DEFAULT_INPUT,
  rps: 10,
  peakRps: 10,
  spansPerTrace: 10,
  language: "python" as const,
  ratio: 0.05,
  daprSamplingRate: 0.05,
  backend: "honeycomb" as const,
  growthPercentPerMonth: 10,
}

describe("growthMonths", () => {
  it("figures each month's end at that month's traffic", () => {
    // Month 1 ends on day 30 (30.4-day months, rounded down): 1.1^(30 / 30.4) = 1.0986214.
    const { months } = growthMonths({ ...DEFAULT_INPUT, growthPercentPerMonth: 10, horizonMonths: 2 })
    expect(months.map((m) => m.day)).toEqual([30, 60])
    expect(months[0]!.rps).toBeCloseTo(5493.106876, 5)
  })

  it("prices the horizon's last month as the growth figures at the horizon do", () => {
    const plan = buildPlan({ ...SMALL_HONEYCOMB, horizonMonths: 12 })
    expect(plan.growth.months.at(-1)?.monthlyUsd).toBe(plan.growth.monthlyUsdAtHorizon)
  })
})

describe("the growth figures' crossings", () => {
  it("crosses Honeycomb's 20 M free events (and a free-only budget) in month 5 at 10 % a month", () => {
    // 20e6 / 13,132,800 = 1.52291 times today's traffic: 1.1^x = 1.52291 at x = 4.413 months = day
    // 134.2. Month 4 ends on day 121, month 5 on day 152.
    const plan = buildPlan({ ...SMALL_HONEYCOMB, budgetUsdPerMonth: 0 })
    expect(plan.growth.allowanceCrossedMonth).toBe(5)
    expect(plan.growth.budgetCrossedMonth).toBe(5)
    // Honeycomb Pro (from $130 a month for 100 M events) from then on.
    expect(plan.growth.months[4]!.backendUsd).toBe(130)
    expect(plan.growth.months[3]!.backendUsd).toBe(0)
  })

  it("crosses a $100 budget in month 5, when the $130 Pro plan starts", () => {
    const plan = buildPlan({ ...SMALL_HONEYCOMB, budgetUsdPerMonth: 100 })
    expect(plan.growth.budgetCrossedMonth).toBe(5)
  })

  it("has no crossing without a budget, or for a self-hosted backend's allowance", () => {
    const plan = buildPlan({ ...SMALL_HONEYCOMB, backend: "tempo" })
    expect(plan.growth.budgetCrossedMonth).toBeNull()
    expect(plan.growth.allowanceCrossedMonth).toBeNull()
  })
})
