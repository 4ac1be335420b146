import { describe, expect, it } from "vitest"

import { DEFAULT_INPUT } from "@/lib/plan/fields"
import { recommend } from "@/lib/plan/recommend"
import { keepsAgainstText, recommendationSetting, tailPoliciesText } from "@/lib/plan/text/recommendation"

describe("tailPoliciesText", () => {
  it.each([
    [{ keepErrors: true, keepSlow: true, baselinePercent: 10 }, "errors, slow traces and a 10 % baseline"],
    [{ keepErrors: true, keepSlow: false, baselinePercent: 5 }, "errors and a 5 % baseline"],
    [{ keepErrors: false, keepSlow: true, baselinePercent: 1 }, "slow traces and a 1 % baseline"],
    [{ keepErrors: false, keepSlow: false, baselinePercent: 0.1 }, "a 0.1 % baseline"],
  ])("says what %o keeps: %s", (policies, text) => {
    expect(tailPoliciesText(policies)).toBe(text)
  })
})

describe("recommendationSetting", () => {
  it("names the head sampler and rate, and the tail policies when it adds tail sampling", () => {
    expect(recommendationSetting(recommend({ ...DEFAULT_INPUT, keepAllErrors: false }))).toBe(
      "parentbased_traceidratio at 10 %"
    )
    // On Honeycomb, which bills what it ingests, keeping every error takes tail sampling.
    expect(recommendationSetting(recommend({ ...DEFAULT_INPUT, backend: "honeycomb" }))).toBe(
      "parentbased_always_on at 100 % + Collector tail sampling (errors, slow traces and a 10 % baseline)"
    )
  })
})

describe("the runner-up in one line", () => {
  it("says what the runner-up costs and keeps against the choice, for the default plan", () => {
    // Every error kept: tail sampling at $7,162/mo is chosen; 100 % head sampling costs $18,418/mo
    // (+$11,256) and keeps 432M traces/day against the tail option's 66.3M (6.5×), the same errors.
    const result = recommend(DEFAULT_INPUT)
    expect(result.choiceName).toBe("Collector tail sampling (errors, slow traces and a 10 % baseline)")
    expect(result.runnerUp?.summary).toBe("100 % head sampling: +$11,256/mo, keeps 6.5× the traces")
  })

  it("weighs errors first, and says when the runner-up is beyond the limits", () => {
    // A $1,500 budget: head sampling at 5 % ($1,262/mo, ~9K of 180K errors/hour kept); keeping every
    // error takes tail sampling at $5,700/mo: +$4,437, 180K ÷ 9K = 20× the errors.
    expect(recommend({ ...DEFAULT_INPUT, budgetUsdPerMonth: 1500 }).runnerUp?.summary).toBe(
      "Collector tail sampling (errors, slow traces and a 0.01 % baseline): +$4,437/mo, keeps 20× the errors, beyond the $1,500/mo budget"
    )
  })
})

describe("keepsAgainstText", () => {
  it.each([
    [
      { errorsKeptPerHour: 180000, tracesPerDay: 1 },
      { errorsKeptPerHour: 9000, tracesPerDay: 1 },
      "keeps 20× the errors",
    ],
    [
      { errorsKeptPerHour: 9000, tracesPerDay: 1 },
      { errorsKeptPerHour: 18000, tracesPerDay: 1 },
      "keeps 2× fewer errors",
    ],
    [
      { errorsKeptPerHour: 5, tracesPerDay: 432e6 },
      { errorsKeptPerHour: 5, tracesPerDay: 66.3336e6 },
      "keeps 6.5× the traces",
    ],
    [{ errorsKeptPerHour: 5, tracesPerDay: 100 }, { errorsKeptPerHour: 5, tracesPerDay: 100.5 }, "keeps as much"],
    [
      { errorsKeptPerHour: 3, tracesPerDay: 1 },
      { errorsKeptPerHour: 0, tracesPerDay: 1 },
      "keeps errors where this keeps none",
    ],
  ])("%o against %o: %s", (other, chosen, text) => {
    expect(keepsAgainstText(other, chosen)).toBe(text)
  })
})
