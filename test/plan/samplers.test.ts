import { describe, expect, it } from "vitest"

import { effectiveProbability, rootDecision, SAMPLERS, sampledTracesPerSecond } from "@/lib/plan/samplers"

describe("sampledTracesPerSecond", () => {
  it.each([
    ["always_on", 5000],
    ["always_off", 0],
    ["traceidratio", 500],
    ["parentbased_always_on", 5000],
    ["parentbased_always_off", 0],
    ["parentbased_traceidratio", 500],
    ["parentbased_jaeger_remote", 500],
    ["jaeger_remote", 500],
    ["xray", 250.95],
  ] as const)("keeps the right share of 5,000 rps with %s at ratio 0.1", (sampler, expected) => {
    expect(sampledTracesPerSecond(sampler, 0.1, 5000)).toBeCloseTo(expected, 9)
  })

  it("covers every sampler the OpenTelemetry env spec lists", () => {
    expect(SAMPLERS).toEqual([
      "always_on",
      "always_off",
      "traceidratio",
      "parentbased_always_on",
      "parentbased_always_off",
      "parentbased_traceidratio",
      "parentbased_jaeger_remote",
      "jaeger_remote",
      "xray",
    ])
  })

  it("samples every request with xray while traffic stays within the 1 request/s reservoir", () => {
    expect(sampledTracesPerSecond("xray", 0.1, 0.5)).toBe(0.5)
    expect(sampledTracesPerSecond("xray", 0.1, 1)).toBe(1)
  })

  it("samples the reservoir plus 5 % of the rest with xray", () => {
    expect(sampledTracesPerSecond("xray", 0.1, 101)).toBe(6)
  })

  it("ignores the ratio for samplers that take none", () => {
    expect(sampledTracesPerSecond("always_on", 0.001, 100)).toBe(100)
    expect(sampledTracesPerSecond("parentbased_always_off", 1, 100)).toBe(0)
  })
})

describe("effectiveProbability", () => {
  it("is the ratio for ratio samplers, exactly, at any rate", () => {
    expect(effectiveProbability("parentbased_traceidratio", 0.25, 5000)).toBe(0.25)
    // rps × ratio ÷ rps gives 0.09999999999999999 at 0.7 req/s, and 0 at 5 × 10⁻³²⁴.
    expect(effectiveProbability("parentbased_traceidratio", 0.1, 0.7)).toBe(0.1)
    expect(effectiveProbability("traceidratio", 0.000123, 5e-324)).toBe(0.000123)
    expect(effectiveProbability("parentbased_always_on", 0.5, 5e-324)).toBe(1)
  })

  it("keeps every X-Ray trace while the 1 request/s reservoir holds them all", () => {
    expect(effectiveProbability("xray", 0, 0.7)).toBe(1)
    expect(effectiveProbability("xray", 0, 1)).toBe(1)
  })

  it("falls towards 5 % as X-Ray traffic grows", () => {
    expect(effectiveProbability("xray", 0, 101)).toBe(6 / 101)
    expect(effectiveProbability("xray", 0, 100_001)).toBeCloseTo(0.0500095, 7)
  })

  it("is 0 for always_off", () => {
    expect(effectiveProbability("always_off", 0.5, 5000)).toBe(0)
  })
})

describe("rootDecision", () => {
  // A Python app whose requests enter through its Dapr sidecar at 10 %; each test changes what it is about.
  const behindDapr = { daprEnabled: true, entryPoint: "sidecar", daprSamplingRate: 0.1, language: "python" } as const
  const noDapr = { ...behindDapr, daprEnabled: false }

  it("lets the Dapr sidecar decide for a parent-based app behind it", () => {
    expect(rootDecision({ sampler: "parentbased_traceidratio", ratio: 0.5, ...behindDapr })).toEqual({
      decidedBy: "dapr",
      sampler: "parentbased_traceidratio",
      ratio: 0.1,
    })
  })

  it("leaves the decision to the app when requests reach it without passing its sidecar", () => {
    expect(rootDecision({ sampler: "parentbased_traceidratio", ratio: 0.5, ...behindDapr, entryPoint: "app" })).toEqual(
      {
        decidedBy: "app",
        sampler: "parentbased_traceidratio",
        ratio: 0.5,
      }
    )
  })

  it("leaves the decision to an app that ignores its parent", () => {
    expect(rootDecision({ sampler: "traceidratio", ratio: 0.5, ...behindDapr })).toEqual({
      decidedBy: "app",
      sampler: "traceidratio",
      ratio: 0.5,
    })
  })

  it("leaves the decision to the app without Dapr", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.5, ...noDapr, language: "java" })).toEqual({
      decidedBy: "app",
      sampler: "xray",
      ratio: 0.5,
    })
  })

  it("runs the SDK's fallback when it cannot read the sampler: JS, Python and Go keep every trace", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.1, ...noDapr, language: "node" })).toEqual({
      decidedBy: "app",
      sampler: "parentbased_always_on",
      ratio: 0.1,
      unsupported: "xray",
    })
    expect(rootDecision({ sampler: "parentbased_jaeger_remote", ratio: 0.1, ...noDapr, language: "go" }).sampler).toBe(
      "parentbased_always_on"
    )
  })

  it("lets Dapr decide for an SDK whose fallback is parent-based", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.5, ...behindDapr })).toEqual({
      decidedBy: "dapr",
      sampler: "parentbased_traceidratio",
      ratio: 0.1,
      unsupported: "xray",
    })
  })

  it("keeps the sampler set where the SDK has no fallback to model: Java refuses to start, .NET depends on its version", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.1, ...noDapr, language: "dotnet" }).sampler).toBe("xray")
  })
})
