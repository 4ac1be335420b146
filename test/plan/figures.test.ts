import { describe, expect, it } from "vitest"

import { figuresFor } from "@/lib/plan/figures"
import { withCollector } from "@/lib/plan/text/cost"
import { DEFAULT_INPUT } from "@/lib/plan/fields"

describe("withCollector", () => {
  it("adds the Collector tier as a line of the bill when a cost per core is entered", () => {
    const cost = withCollector(
      { backend: "tempo", monthlyUsd: 10, lines: [{ label: "storage", usd: 10 }], notes: [], extrapolated: null },
      { cores: 2, monthlyUsd: 60 }
    )
    expect(cost).toEqual({
      backend: "tempo",
      monthlyUsd: 70,
      lines: [
        { label: "storage", usd: 10 },
        { label: "Collector compute: 2 Collector cores × $30.00/core-month", usd: 60 },
      ],
      notes: [],
      extrapolated: null,
    })
  })

  it("names the cores it leaves out when no cost per core is entered", () => {
    expect(
      withCollector(
        { backend: "tempo", monthlyUsd: 10, lines: [], notes: [], extrapolated: null },
        { cores: 1, monthlyUsd: 0 }
      ).notes
    ).toEqual([
      "1 Collector core at peak not priced (AWS Fargate on-demand, 1 core + 2 GB each: $36.02/mo): enter a cost per core to include it.",
    ])
  })

  it("leaves a plan without a Collector as it is", () => {
    const cost = { backend: "tempo" as const, monthlyUsd: 10, lines: [], notes: [], extrapolated: null }
    expect(withCollector(cost, { cores: 0, monthlyUsd: 0 })).toBe(cost)
  })
})

describe("figuresFor", () => {
  it("prices the same Collector tier on every backend, since it does not depend on where spans are stored", () => {
    const input = { ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }
    expect(figuresFor(input, "tempo").cost.monthlyUsd - figuresFor(DEFAULT_INPUT, "tempo").cost.monthlyUsd).toBeCloseTo(
      60,
      9
    )
    expect(
      figuresFor(input, "honeycomb").cost.monthlyUsd - figuresFor(DEFAULT_INPUT, "honeycomb").cost.monthlyUsd
    ).toBeCloseTo(60, 9)
  })
})

describe("figuresFor with a tail sampler's spans/s rate limit", () => {
  // Every trace reaches the Collector, which keeps only a baseline capped at 1,000 spans/s.
  const capped = {
    ...DEFAULT_INPUT,
    ratio: 1,
    daprSamplingRate: 1,
    tailSampling: true,
    tailKeepErrors: false,
    tailKeepSlow: false,
    tailBaselinePercent: 100,
    tailSpansPerSecond: 1000,
  }

  it("keeps 1,000 spans/s on average and again at peak, where twice the spans arrive", () => {
    // 5,000 req/s × 30 spans = 150,000 spans/s in: 1/150 kept. At the 10,000 req/s peak: 1/300.
    const { volume } = figuresFor({ ...capped, peakRps: 10_000 })
    expect(volume.spansPerDay).toBeCloseTo(86_400_000, 3)
    expect(volume.tracesPerDay).toBeCloseTo(2_880_000, 3)
    expect(volume.peakSpansPerSecond).toBeCloseTo(1000, 6)
    expect(volume.peakTracesPerSecond).toBeCloseTo(33.333333, 5)
  })

  it("counts traced health checks against the cap, one span each", () => {
    // 10 replicas × 3 probes every 10 s = 3 traced probe req/s: 150,003 spans/s share the 1,000.
    const { volume } = figuresFor({
      ...capped,
      excludeHealthChecks: false,
      replicas: 10,
      probesPerReplica: 3,
      probeIntervalSeconds: 10,
    })
    expect(volume.spansPerDay).toBeCloseTo(86_400_000, 3)
  })
})
