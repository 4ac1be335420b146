import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { collectorCoresText, costBasis, unpricedComputeText } from "@/lib/plan/text/headline"
import { DEFAULT_INPUT } from "@/lib/plan/fields"

describe("costBasis", () => {
  it("says what a $ figure covers, with the Collector once it is priced", () => {
    expect(costBasis(buildPlan(DEFAULT_INPUT), "self-hosted")).toBe("storage only")
    expect(costBasis(buildPlan(DEFAULT_INPUT), "saas")).toBe("list price")
    expect(costBasis(buildPlan({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }), "self-hosted")).toBe(
      "storage + Collector compute"
    )
    expect(costBasis(buildPlan({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }), "saas")).toBe(
      "list price + Collector compute"
    )
  })
})

describe("collectorCoresText", () => {
  it("counts cores in words, singular for one", () => {
    expect(collectorCoresText(1)).toBe("1 Collector core")
    expect(collectorCoresText(1500)).toBe("1.5K Collector cores")
  })
})

describe("unpricedComputeText", () => {
  it("names the compute a $ figure leaves out: Collector cores until priced, and Tempo's replicas", () => {
    // 5,000 rps at 10 %: 1 distributor + 1 live-store + 2 backend-workers + 5 queriers
    expect(unpricedComputeText(buildPlan(DEFAULT_INPUT))).toBe(
      "not priced: 2 Collector cores and Tempo 3.x's 9 replicas at peak"
    )
    expect(unpricedComputeText(buildPlan({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }))).toBe(
      "not priced: Tempo 3.x's 9 replicas at peak"
    )
    expect(unpricedComputeText(buildPlan({ ...DEFAULT_INPUT, backend: "datadog" }))).toBe(
      "not priced: 2 Collector cores at peak"
    )
  })

  it("is empty when the figure leaves nothing out", () => {
    expect(unpricedComputeText(buildPlan({ ...DEFAULT_INPUT, backend: "datadog", collectorUsdPerCoreMonth: 30 }))).toBe(
      ""
    )
  })
})
