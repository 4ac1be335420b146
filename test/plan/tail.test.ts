import { describe, expect, it } from "vitest"

import { DEFAULT_INPUT } from "@/lib/plan/fields"
import { SOURCES } from "@/lib/sources"
import { FARGATE_USD_PER_GB_MONTH, FARGATE_USD_PER_VCPU_MONTH } from "@/lib/plan/prices"
import { collectorCompute, collectorUsdPerCore, tailKeptFraction, tailSizing, tailSizingFor } from "@/lib/plan/tail"

const policies = {
  errorRate: 0.01,
  slowRate: 0.05,
  tailKeepErrors: true,
  tailKeepSlow: true,
  tailBaselinePercent: 10,
  tailSpansPerSecond: 0,
}

describe("tailKeptFraction", () => {
  it("keeps the union of independent policies", () => {
    expect(tailKeptFraction(policies, 15_000)).toBeCloseTo(0.15355, 12) // 1 − 0.99 × 0.95 × 0.9
  })

  it("keeps only the baseline without error and latency policies", () => {
    expect(tailKeptFraction({ ...policies, tailKeepErrors: false, tailKeepSlow: false }, 15_000)).toBeCloseTo(0.1, 12)
  })

  it("caps only the baseline with a rate limit, keeping errors and slow traces beyond it", () => {
    // 10,000 spans/s in; a 500 spans/s limit caps the 10 % baseline at 5 %: 1 − 0.99 × 0.95 × 0.95
    expect(tailKeptFraction({ ...policies, tailSpansPerSecond: 500 }, 10_000)).toBeCloseTo(0.106525, 12)
    // A limit above the baseline's spans changes nothing
    expect(tailKeptFraction({ ...policies, tailSpansPerSecond: 1e9 }, 10_000)).toBeCloseTo(0.15355, 12)
  })
})

describe("tailSizing", () => {
  it("holds decision_wait seconds of traces, twice over, and a replica per 8K spans/s", () => {
    expect(
      tailSizing({ peakTracesPerSecondIn: 1000, spansPerTrace: 30, spanBytes: 500, decisionWaitSeconds: 30 })
    ).toEqual({
      newTracesPerSecond: 1000,
      spansPerSecondIn: 30_000,
      tracesInFlight: 30_000,
      // each of 4 replicas holds 7,500 in flight: twice that is below the processor's default
      numTraces: 50_000,
      memoryBytes: 900_000_000,
      memoryBytesRuleOfThumb: 2_000_000_000,
      replicas: 4,
      needsLoadBalancing: true,
      loadBalancerReplicas: 3,
    })
  })

  it("gives each replica num_traces for its own share of the traces in flight", () => {
    // 3,000 traces/s × 60 s = 180,000 in flight over ceil(90,000 / 8,000) = 12 replicas: 15,000 each, twice over
    expect(
      tailSizing({ peakTracesPerSecondIn: 3000, spansPerTrace: 30, spanBytes: 500, decisionWaitSeconds: 60 })
    ).toMatchObject({
      tracesInFlight: 180_000,
      replicas: 12,
      numTraces: 50_000,
    })
    // 2,000 traces/s × 600 s = 1.2M in flight over ceil(4,000 / 8,000) = 1 replica: 2.4M
    expect(
      tailSizing({ peakTracesPerSecondIn: 2000, spansPerTrace: 2, spanBytes: 500, decisionWaitSeconds: 600 })
    ).toMatchObject({
      replicas: 1,
      numTraces: 2_400_000,
    })
    // 1,000 traces/s × 300 s = 300,000 in flight over ceil(30,000 / 8,000) = 4 replicas: 75,000 each, twice over
    expect(
      tailSizing({ peakTracesPerSecondIn: 1000, spansPerTrace: 30, spanBytes: 500, decisionWaitSeconds: 300 })
    ).toMatchObject({
      replicas: 4,
      numTraces: 150_000,
    })
  })

  it("keeps the 50,000 default buffer and one replica for small loads", () => {
    expect(
      tailSizing({ peakTracesPerSecondIn: 10, spansPerTrace: 30, spanBytes: 500, decisionWaitSeconds: 30 })
    ).toMatchObject({
      numTraces: 50_000,
      replicas: 1,
      needsLoadBalancing: false,
      loadBalancerReplicas: 0,
    })
  })
})

describe("collectorCompute", () => {
  it("counts forwarding cores at 10,000 spans/s for head sampling through the Collector", () => {
    // 5,000 req/s × 10 % × 30 spans = 15,000 spans/s at peak → 2 cores of 1 vCPU + 2 GB,
    // each $29.53 + 2 × $3.24 = $36.01 a month at the default (Fargate) prices.
    const compute = collectorCompute(DEFAULT_INPUT, 0.1)
    expect(compute).toMatchObject({
      cores: 2,
      forwardingCores: 2,
      loadBalancingCores: 0,
      samplingCores: 0,
      memoryGbPerCore: 2,
      perCoreOverride: false,
    })
    expect(compute.usdPerCore).toBeCloseTo(36.01, 10)
    expect(compute.monthlyUsd).toBeCloseTo(72.02, 10)
    expect(collectorCompute({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }, 0.1)).toMatchObject({
      cores: 2,
      usdPerCore: 30,
      perCoreOverride: true,
      monthlyUsd: 60,
    })
  })

  it("counts the tail-sampling and load-balancing replicas with tail sampling", () => {
    const input = { ...DEFAULT_INPUT, tailSampling: true, collectorUsdPerCoreMonth: 25 }
    expect(tailSizingFor(input, 1)).toMatchObject({ replicas: 19, loadBalancerReplicas: 15 })
    expect(collectorCompute(input, 1)).toMatchObject({
      cores: 34,
      samplingCores: 19,
      loadBalancingCores: 15,
      forwardingCores: 0,
      monthlyUsd: 850,
    })
  })

  it("costs nothing when the nodes are already paid for (compute prices of 0)", () => {
    const paid = { ...DEFAULT_INPUT, computeUsdPerVcpuMonth: 0, computeUsdPerGbMonth: 0 }
    expect(collectorCompute(paid, 0.1)).toMatchObject({ cores: 2, usdPerCore: 0, monthlyUsd: 0 })
  })

  it("counts no Collector when the apps send straight to a backend, or send nothing", () => {
    expect(
      collectorCompute({ ...DEFAULT_INPUT, otlpEndpoint: "http://tempo-distributor.tempo.svc.cluster.local:4317" }, 0.1)
        .cores
    ).toBe(0)
    expect(collectorCompute(DEFAULT_INPUT, 0).cores).toBe(0)
  })
})

describe("collectorUsdPerCore", () => {
  it("prices 1 vCPU and 2 GB at the compute prices, or takes the per-core override", () => {
    // Fargate on-demand, us-east-1: $0.04048/vCPU-hour and $0.004445/GB-hour × 729.6 h (30.4 days).
    expect(FARGATE_USD_PER_VCPU_MONTH).toBe(29.53)
    expect(FARGATE_USD_PER_GB_MONTH).toBe(3.24)
    expect(collectorUsdPerCore(DEFAULT_INPUT)).toBeCloseTo(36.01, 10)
    expect(collectorUsdPerCore({ ...DEFAULT_INPUT, computeUsdPerVcpuMonth: 20, computeUsdPerGbMonth: 2.5 })).toBe(25)
    expect(collectorUsdPerCore({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 50 })).toBe(50)
  })

  it("is the price the compute source quotes", () => {
    expect(SOURCES.computePrice.title).toContain("$29.53 per vCPU-month and $3.24 per GB-month")
    expect(SOURCES.computePrice.citation).toContain("$0.04048 per vCPU-hour and $0.004445 per GB-hour")
  })
})
