import { describe, expect, it } from "vitest"

import { allowanceUseText, freeOnlyText, percentAtMost } from "@/lib/plan/text/backend-row"
import { growthCrossingTexts, storageFlatText, type GrowthCrossingFacts } from "@/lib/plan/text/growth"

describe("percentAtMost", () => {
  it("rounds a break-even rate down, never up past the allowance", () => {
    expect(percentAtMost(0.0469924812)).toBe("4.69 %")
    expect(percentAtMost(0.0761452241715)).toBe("7.61 %")
    expect(percentAtMost(0.05)).toBe("5 %")
    expect(percentAtMost(0.00380726120858)).toBe("0.38 %")
  })
})

describe("allowanceUseText", () => {
  it("says the use of a free tier and the rate that stays free", () => {
    // The example: 426 M events a month against Honeycomb's 20 M free.
    expect(
      allowanceUseText(
        { unit: "events", used: 425.6e6, free: 20e6, kind: "free" },
        { ratio: 0.0469924812, freeRatio: 0.0469924812 }
      )
    ).toBe("426M of 20M free events a month; ≤ 4.69 % stays free")
  })

  it("says 'within it' where fees are charged at any rate, and when even 100 % fits", () => {
    expect(
      allowanceUseText({ unit: "GB", used: 131.328, free: 50, kind: "free" }, { ratio: 0.38072612, freeRatio: null })
    ).toBe("131 of 50 free GB a month; ≤ 38 % stays within it")
    expect(
      allowanceUseText({ unit: "GB ingested", used: 13.1, free: 1500, kind: "included" }, { ratio: 1, freeRatio: null })
    ).toBe("13.1 of 1.5K included GB ingested a month; even 100 % stays within it")
  })
})

describe("freeOnlyText", () => {
  it("names the highest free rate, or why none is free", () => {
    expect(freeOnlyText("honeycomb", 0.0761452241715, false)).toBe(
      'A "free only" budget (0) allows head sampling up to 7.61 % on Honeycomb.'
    )
    expect(freeOnlyText("honeycomb", 0.0761452241715, true)).toBe(
      "Your budget is free only: it allows head sampling up to 7.61 % on Honeycomb."
    )
    expect(freeOnlyText("new-relic", 1, true)).toBe(
      "Your budget is free only: it allows every head rate (even 100 %) on New Relic."
    )
    expect(freeOnlyText("grafana-cloud", null, false)).toBe(
      'No rate is free on Grafana Cloud Traces (its Pro platform fee and processing are billed at any rate), so a "free only" budget (0) fits none.'
    )
  })
})

const months = [1, 2, 3, 4, 5, 6].map((month) => ({
  month,
  monthlyUsd: month < 5 ? 36.25 : 166.77,
  backendUsd: month < 5 ? 0 : 130,
  allowanceUsed: 13.1328e6 * 1.1 ** month,
}))
const facts: GrowthCrossingFacts = {
  horizonMonths: 6,
  months,
  budgetUsdPerMonth: 100,
  budgetCrossedMonth: 5,
  backendLabel: "Honeycomb",
  allowance: { unit: "events", free: 20e6, kind: "free" },
  allowanceCrossedMonth: 5,
}

describe("growthCrossingTexts", () => {
  it("names the month the budget and the free allowance are crossed", () => {
    expect(growthCrossingTexts(facts)).toEqual([
      "Budget crossed in month 5: $167/mo against the $100/mo budget.",
      // 13.1328 M × 1.1⁵ = 21.15 M events.
      "Honeycomb's 20M free events a month run out in month 5 (21.2M used).",
    ])
  })

  it("says a free-only budget holds while the vendor charges nothing", () => {
    expect(growthCrossingTexts({ ...facts, budgetUsdPerMonth: 0 })[0]).toBe(
      "Free only: budget crossed in month 5, when Honeycomb starts charging ($130/mo)."
    )
    expect(
      growthCrossingTexts({ ...facts, budgetUsdPerMonth: 0, budgetCrossedMonth: null, allowanceCrossedMonth: null })
    ).toEqual([
      "Free only: Honeycomb's part of the bill stays $0 over the whole 6-month horizon.",
      "Within Honeycomb's 20M free events a month over the whole 6-month horizon.",
    ])
  })

  it("says a limit broken from the first month as such, and nothing without a budget or an allowance", () => {
    expect(growthCrossingTexts({ ...facts, budgetCrossedMonth: 1, allowanceCrossedMonth: 1 })).toEqual([
      "Over the $100/mo budget from month 1: $36.25/mo.",
      "Past Honeycomb's 20M free events a month from month 1 (14.4M used).",
    ])
    expect(growthCrossingTexts({ ...facts, budgetUsdPerMonth: null, allowance: null })).toEqual([])
  })
})

describe("storageFlatText", () => {
  it("says the plateau once instead of drawing a flat line", () => {
    // 648 GB a day × 0.14 × 1.05 × 7 days = 666.792 GB (Tempo at the default plan).
    expect(
      storageFlatText({
        backendLabel: "Grafana Tempo on S3",
        retentionDays: 7,
        retainedBytes: 666.792e9,
        horizonMonths: 12,
      })
    ).toBe(
      "Storage on Grafana Tempo on S3 is flat at 667 GB: it fills in the first 7 days, then old traces are deleted as fast as new ones arrive for the rest of the 12-month horizon."
    )
  })
})
