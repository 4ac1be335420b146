import { describe, expect, it } from "vitest"

import { CONFIG_IDS, generateConfigs } from "@/lib/configs"
import { collectorOptionsFor, configAvailabilityFor, configFor, planDocument } from "@/lib/configs/plan-configs"
import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

describe("configFor", () => {
  it("writes the one config asked for, the same as generating them all", () => {
    const input = { ...DEFAULT_INPUT, tailSampling: true }
    const plan = buildPlan(input)
    const all = generateConfigs(plan.input, { collector: collectorOptionsFor(plan.input, plan.tail) })
    for (const id of CONFIG_IDS) expect(configFor(plan, id)).toEqual(all[id])
  })

  it("tail-samples in the Collector config when the plan does", () => {
    const result = configFor(buildPlan({ ...DEFAULT_INPUT, tailSampling: true }), "collector")
    expect(result.available && result.snippet.content).toContain("tail_sampling:")
    const forward = configFor(buildPlan(DEFAULT_INPUT), "collector")
    expect(forward.available && forward.snippet.content).not.toContain("tail_sampling:")
  })

  it("says in words why a plan past 1,000 sampling replicas gets no Collector config", () => {
    // 1 billion req/s with every trace tail-sampled: millions of replicas.
    const result = configFor(buildPlan({ ...DEFAULT_INPUT, rps: 1e9, peakRps: 1e9, tailSampling: true }), "collector")
    expect(result).toMatchObject({
      available: false,
      reason:
        "This plan needs more than 1,000 tail-sampling Collector replicas, and the config is written for up to 1,000: sample at the head first so fewer traces reach the Collector, or split the traffic across Collector clusters.",
    })
  })
})

describe("configAvailabilityFor", () => {
  it("marks the configs a plan cannot have, as the snippets say", () => {
    const plans = [
      buildPlan(DEFAULT_INPUT),
      buildPlan({ ...DEFAULT_INPUT, backend: "honeycomb", daprEnabled: false }),
      buildPlan({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" }),
    ]
    expect(
      plans.map((plan) =>
        Object.entries(configAvailabilityFor(plan))
          .filter(([, available]) => !available)
          .map(([id]) => id)
      )
    ).toEqual([[], ["dapr", "retention"], ["instrumentation", "declarative"]])
    for (const plan of plans)
      for (const id of CONFIG_IDS) expect(configAvailabilityFor(plan)[id]).toBe(configFor(plan, id).available)
  })
})

describe("planDocument", () => {
  it("is the plan plus every config, as the API answers", () => {
    const document = planDocument(DEFAULT_INPUT)
    const { configs, ...plan } = document
    expect(plan).toEqual(buildPlan(DEFAULT_INPUT))
    expect(Object.keys(configs)).toEqual([...CONFIG_IDS])
    expect(configs.dotenv.available && configs.dotenv.snippet.content).toContain("OTEL_TRACES_SAMPLER_ARG='0.1'")
    expect(document.volume.tracesPerDay).toBe(43_200_000)
  })
})
