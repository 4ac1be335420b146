import { describe, expect, it } from "vitest"

import { DEFAULT_INPUT } from "@/lib/plan/fields"
import { recommend } from "@/lib/plan/recommend"
import { recommendationSetting, tailPoliciesText } from "@/lib/plan/text/recommendation"

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
