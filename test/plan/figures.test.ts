import { describe, expect, it } from "vitest"

import { BACKEND_IDS, type BackendId } from "@/lib/plan/backends"
import { figuresFor } from "@/lib/plan/figures"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/fields"

describe("figuresFor: the whole bill", () => {
  const hops = (input: PlanInput, backend?: BackendId) =>
    figuresFor(input, backend).cost.items.flatMap((item) =>
      item.what === "network" ? [[item.hop, Number(item.usd.toFixed(6))] as const] : []
    )

  it("prices the same Collector tier on every backend, since it does not depend on where spans are stored", () => {
    // 2 forwarding cores at $30 instead of $36.01 (1 vCPU + 2 GB at Fargate prices): −$12.02.
    const input = { ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }
    for (const backend of ["tempo", "honeycomb"] as const) {
      expect(
        figuresFor(input, backend).cost.monthlyUsd - figuresFor(DEFAULT_INPUT, backend).cost.monthlyUsd
      ).toBeCloseTo(-12.02, 9)
    }
  })

  it("prices traffic between zones: apps to the Collector raw, the Collector's exports gzip-compressed", () => {
    // 648 GB/day × 30.4 = 19,699.2 GB a month; 2 of 3 zones away × $0.02 = $262.656, ÷ 4 with gzip = $65.664;
    // Tempo 3.x's Kafka sends 2 more copies of each byte to other zones: 39,398.4 GB × $0.02.
    expect(hops(DEFAULT_INPUT)).toEqual([
      ["app-to-collector", 262.656],
      ["collector-to-backend", 65.664],
      ["backend-replication", 787.968],
    ])
  })

  it("prices no cross-zone traffic in one zone", () => {
    expect(figuresFor({ ...DEFAULT_INPUT, zones: 1 }).cost.breakdown.networkUsd).toBe(0)
  })

  it("prices a SaaS export as internet egress, after the Collector compresses it", () => {
    // 19,699.2 GB ÷ 4 × $0.09 = $443.232; no backend replication is ours to pay.
    expect(hops(DEFAULT_INPUT, "honeycomb")).toEqual([
      ["app-to-collector", 262.656],
      ["collector-to-saas", 443.232],
    ])
    expect(figuresFor(DEFAULT_INPUT, "honeycomb").cost.unpriced).toContainEqual({ id: "nat-gateway", usdPerGb: 0.045 })
  })

  it("reaches the cloud's own trace service without an egress charge", () => {
    for (const backend of ["aws-xray", "google-cloud-trace"] as const) {
      expect(hops(DEFAULT_INPUT, backend)).toEqual([
        ["app-to-collector", 262.656],
        ["collector-to-saas", 0],
      ])
    }
  })

  it("sends every head-sampled span through the load-balancing tier under tail sampling", () => {
    // 100 % head: 5,000 × 86,400 × 30 × 500 B = 6,480 GB/day × 30.4 = 196,992 GB a month reach the Collector.
    const tail = { ...DEFAULT_INPUT, ratio: 1, daprSamplingRate: 1, tailSampling: true }
    const [toCollector, toSamplers] = hops(tail)
    expect(toCollector).toEqual(["app-to-collector", 2626.56])
    expect(toSamplers).toEqual(["load-balancer-to-sampler", 656.64])
  })

  it("sends straight to the backend's own intake without a Collector", () => {
    const direct = { ...DEFAULT_INPUT, otlpEndpoint: "http://tempo-distributor.tempo.svc.cluster.local:4317" }
    expect(figuresFor(direct).collector.cores).toBe(0)
    expect(hops(direct).map(([hop]) => hop)).toEqual(["app-to-backend", "backend-replication"])
  })

  it("prices every part at 0 when the nodes are already paid for, and says so", () => {
    const paid = figuresFor({ ...DEFAULT_INPUT, computeUsdPerVcpuMonth: 0, computeUsdPerGbMonth: 0 })
    expect(paid.cost.breakdown.backendComputeUsd).toBe(0)
    expect(paid.cost.breakdown.collectorComputeUsd).toBe(0)
    expect(paid.cost.notes).toContainEqual({ id: "compute-already-paid" })
  })

  it("adds up to its breakdown on every backend", () => {
    for (const backend of BACKEND_IDS) {
      const { cost } = figuresFor({ ...DEFAULT_INPUT, tailSampling: true }, backend)
      const parts = Object.values(cost.breakdown).reduce((sum, usd) => sum + usd, 0)
      expect(cost.monthlyUsd).toBeCloseTo(parts, 6)
    }
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
