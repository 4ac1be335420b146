import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { collectorCoresText, costBasis } from "@/lib/plan/cost-basis"
import { DEFAULT_INPUT } from "@/lib/plan/fields"

describe("costBasis", () => {
  it("says what a $ figure covers, with the Collector once it is priced", () => {
    expect(costBasis(buildPlan(DEFAULT_INPUT), "self-hosted")).toBe("storage only")
    expect(costBasis(buildPlan(DEFAULT_INPUT), "saas")).toBe("list price")
    expect(costBasis(buildPlan({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }), "self-hosted")).toBe("storage + Collector compute")
    expect(costBasis(buildPlan({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }), "saas")).toBe("list price + Collector compute")
  })
})

describe("collectorCoresText", () => {
  it("counts cores in words, singular for one", () => {
    expect(collectorCoresText(1)).toBe("1 Collector core")
    expect(collectorCoresText(1500)).toBe("1.5K Collector cores")
  })
})
