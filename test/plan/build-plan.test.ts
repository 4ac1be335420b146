import { describe, expect, it } from "vitest"

import { BACKEND_IDS } from "@/lib/plan/backends"
import { buildPlan, compareRates, withoutFloatNoise } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

const seed = buildPlan(DEFAULT_INPUT)

describe("buildPlan", () => {
  describe("the seed scenario: 5,000 rps, parentbased_traceidratio 0.1, 7 days on Tempo", () => {
    it("keeps 43.2 M traces, 1.296 B spans and 648 GB of raw OTLP a day", () => {
      expect(seed.volume).toEqual({
        probability: 0.1,
        requestsPerDay: 432_000_000,
        tracesPerDay: 43_200_000,
        probeTracesPerDay: 0,
        spansPerDay: 1_296_000_000,
        ingestBytesPerDay: 648_000_000_000,
        peakTracesPerSecond: 500,
        peakSpansPerSecond: 15_000,
        peakIngestBytesPerSecond: 7_500_000,
      })
    })

    it("holds 666.792 GB in Tempo at the steady state", () => {
      expect(seed.storage.retainedBytes).toBe(666_792_000_000)
      expect(seed.storage.storedBytesPerDay).toBe(95_256_000_000)
    })

    it("costs $15.34 a month of S3 storage", () => {
      expect(seed.cost.monthlyUsd).toBe(15.336216)
    })

    it("reports the sampler's effective probability and how it is known", () => {
      expect(seed.sampler).toMatchObject({
        id: "parentbased_traceidratio",
        basis: "ratio",
        parentBased: true,
        probability: 0.1,
      })
    })
  })

  it("prices the plan on every backend", () => {
    expect(seed.backends.map((backend) => backend.id)).toEqual([...BACKEND_IDS])
    expect(seed.backends.find((backend) => backend.id === "jaeger-elasticsearch")?.retainedBytes).toBe(
      12_845_952_000_000
    )
    expect(seed.backends.find((backend) => backend.id === "tempo")?.monthlyUsd).toBe(seed.cost.monthlyUsd)
  })

  it("says what each disk backend's headroom is for: object-store lag is not free disk", () => {
    expect(buildPlan(DEFAULT_INPUT).assumptions).toContain(
      "Grafana Tempo on S3 stores 0.14 bytes per raw byte, 1 copy, plus 5 % for blocks the compactor has not deleted yet (object-store lag)."
    )
    expect(buildPlan({ ...DEFAULT_INPUT, backend: "jaeger-elasticsearch" }).assumptions).toContain(
      "Jaeger + Elasticsearch on gp3 stores 1.2 bytes per raw byte, 2 copies, plus 18 % for free disk under the 85 % low watermark."
    )
  })

  it("cites a source with a date for every default and the chosen backend's prices", () => {
    const ids = seed.sources.map((source) => source.id)
    expect(ids).toEqual([
      "seedScenario",
      "spansPerTrace",
      "spanBytes",
      "defaultBackend",
      "datadogApmHosts",
      "collectorCompute",
      "defaultEndpoint",
      "daprIngress",
      "deploymentPlaceholders",
      "kubernetesProbes",
      "planningHorizon",
      "visibilityAssumptions",
      "tailSamplingDefaults",
      "tempoStorage",
      "s3Price",
      "tempoSizing",
      "daysPerMonth",
    ])
    for (const source of seed.sources) expect(source.asOf).not.toBe("")
    expect(seed.sources[0]?.usedFor.slice(0, 5)).toEqual([
      "default rps",
      "default peakRps",
      "default retentionDays",
      "default sampler",
      "default ratio",
    ])
  })

  it("counts the app's rate when requests reach the app without passing its Dapr sidecar, and says who decides", () => {
    const throughDapr = buildPlan({ ...DEFAULT_INPUT, ratio: 0.5, daprSamplingRate: 0.1 })
    expect(throughDapr.sampler.decidedBy).toBe("dapr")
    expect(throughDapr.volume.tracesPerDay).toBe(43_200_000)
    expect(throughDapr.assumptions).toContain(
      "Requests enter through the Dapr sidecar (service invocation): Dapr's samplingRate starts the traces and a parent-based app follows it."
    )
    const direct = buildPlan({ ...DEFAULT_INPUT, ratio: 0.5, daprSamplingRate: 0.1, daprIngress: false })
    expect(direct.sampler.decidedBy).toBe("app")
    expect(direct.volume.tracesPerDay).toBe(216_000_000)
    expect(direct.assumptions).toContain(
      "Requests reach the app's port without passing its Dapr sidecar: the app's sampler starts the traces and Dapr follows each decision."
    )
    expect(buildPlan({ ...DEFAULT_INPUT, daprEnabled: false }).assumptions.join(" ")).not.toContain("Dapr")
  })

  it("sizes Tempo's components at the peak ingest, and only for Tempo", () => {
    // 5,000 rps × 10 % × 30 spans × 500 B = 7.5 MB/s of raw OTLP at peak (peak = average here)
    expect(seed.tempo).toEqual({
      peakIngestBytesPerSecond: 7_500_000,
      rateLimitBytesPerSecond: 15_000_000,
      distributorsForLimit: 1,
      sizing: { distributors: 1, ingesters: 2, liveStores: 1, compactors: 2, queriers: 5 },
    })
    expect(buildPlan({ ...DEFAULT_INPUT, peakRps: 40_000 }).tempo).toEqual({
      peakIngestBytesPerSecond: 60_000_000,
      rateLimitBytesPerSecond: 15_000_000,
      distributorsForLimit: 5,
      sizing: { distributors: 6, ingesters: 15, liveStores: 8, compactors: 15, queriers: 40 },
    })
    expect(buildPlan({ ...DEFAULT_INPUT, backend: "clickhouse" }).tempo).toBeNull()
  })

  it("counts what an SDK runs when it cannot read the sampler: Node falls back to 100 %, and says so", () => {
    const plan = buildPlan({
      ...DEFAULT_INPUT,
      daprEnabled: false,
      language: "node",
      sampler: "parentbased_jaeger_remote",
    })
    expect(plan.volume.tracesPerDay).toBe(432_000_000)
    expect(plan.cost.monthlyUsd).toBe(153.36216)
    expect(plan.assumptions[0]).toBe(
      "The node SDK cannot read OTEL_TRACES_SAMPLER=parentbased_jaeger_remote and runs parentbased_always_on; the figures use what it runs."
    )
    expect(plan.assumptions.join(" ")).not.toContain("is the rate assumed here")
    expect(plan.warnings.find((warning) => warning.id === "sampler-unsupported")?.fix).toBe(
      "Use parentbased_traceidratio with the rate you expect, or configure that sampler in code: the figures use what the SDK runs, parentbased_always_on."
    )
  })

  it("behind Dapr, an SDK's parent-based fallback follows Dapr's rate", () => {
    expect(
      buildPlan({ ...DEFAULT_INPUT, language: "node", sampler: "parentbased_jaeger_remote" }).volume.tracesPerDay
    ).toBe(43_200_000)
  })

  it("labels the Jaeger remote rate as an assumption", () => {
    const plan = buildPlan({ ...DEFAULT_INPUT, language: "java", sampler: "jaeger_remote", ratio: 0.01 })
    expect(plan.sampler.basis).toBe("assumed")
    expect(plan.volume.tracesPerDay).toBe(4_320_000)
    expect(plan.assumptions.join(" ")).toMatch(/0\.01 is the rate assumed here/)
    expect(plan.sources.map((source) => source.id)).toContain("jaegerRemoteAssumed")
  })

  it("sizes storage and cost from the average rate and throughput from the peak", () => {
    const plan = buildPlan({ ...DEFAULT_INPUT, peakRps: 20_000 })
    expect(plan.volume.tracesPerDay).toBe(seed.volume.tracesPerDay)
    expect(plan.cost.monthlyUsd).toBe(seed.cost.monthlyUsd)
    expect(plan.volume.peakSpansPerSecond).toBe(60_000)
  })

  describe("health checks", () => {
    it("shows what probes would add if traced while they are excluded", () => {
      // 3 replicas × 3 probes / 10 s = 0.9 req/s = 77,760/day; at 10 %: 7,776 one-span traces × 500 B
      expect(seed.probes).toEqual({
        excluded: true,
        requestsPerDay: 77_760,
        ifTraced: {
          tracesPerDay: 7_776,
          spansPerDay: 7_776,
          ingestBytesPerDay: 3_888_000,
          monthlyUsd: expect.closeTo(0.000092017296, 12),
        },
      })
      expect(seed.volume.probeTracesPerDay).toBe(0)
    })

    it("adds probe traces to the volume when they are not excluded", () => {
      const plan = buildPlan({ ...DEFAULT_INPUT, excludeHealthChecks: false })
      expect(plan.volume.probeTracesPerDay).toBe(7_776)
      expect(plan.volume.tracesPerDay).toBe(43_207_776)
      expect(plan.volume.spansPerDay).toBe(1_296_007_776)
      expect(plan.probes.ifTraced.monthlyUsd).toBe(seed.probes.ifTraced.monthlyUsd)
    })
  })

  describe("growth over the planning horizon", () => {
    it("stays flat at the retention plateau without growth", () => {
      expect(seed.growth).toMatchObject({
        horizonDays: 364,
        trafficFactor: 1,
        retainedBytesAtHorizon: 666_792_000_000,
        monthlyUsdAtHorizon: 15.336216,
      })
      expect(seed.growth.series.at(-1)).toEqual({ day: 364, bytes: 666_792_000_000 })
    })

    it("compounds monthly growth to the horizon", () => {
      const plan = buildPlan({ ...DEFAULT_INPUT, growthPercentPerMonth: 10, horizonMonths: 12 })
      // 1.1 ^ (364 / 30.4) = 3.13057…
      expect(plan.growth.trafficFactor).toBeCloseTo(3.13057, 4)
      expect(plan.growth.rpsAtHorizon).toBeCloseTo(15_652.8, 0)
      expect(plan.growth.monthlyUsdAtHorizon).toBeCloseTo(48.01, 2)
      // Held bytes keep rising after the plateau day as traffic grows.
      const held = plan.growth.series.map((point) => point.bytes)
      expect([...held].sort((a, b) => a - b)).toEqual(held)
    })
  })

  it("reports spans per service when the trace shape comes from a request path", () => {
    const plan = buildPlan({
      ...DEFAULT_INPUT,
      topology: [{ name: "task-api", internalSpans: 2, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: true }],
      spansPerTrace: 6,
    })
    expect(plan.topology).toEqual([{ name: "task-api", server: 1, internal: 2, clients: 1, sidecar: 2, total: 6 }])
    expect(seed.topology).toBeNull()
  })

  it("with a retention longer than the horizon, holds at the horizon what the series holds on its last day, and prices that", () => {
    const plan = buildPlan({ ...DEFAULT_INPUT, retentionDays: 730 })
    // 95.256 GB/day × 364 days so far, not the 730-day plateau of 69.5 TB
    expect(plan.storage.retainedBytes).toBe(69_536_880_000_000)
    expect(plan.growth.retainedBytesAtHorizon).toBe(34_673_184_000_000)
    expect(plan.growth.series.at(-1)).toEqual({ day: 364, bytes: 34_673_184_000_000 })
    // 34,673.184 GB × $0.023
    expect(plan.growth.monthlyUsdAtHorizon).toBeCloseTo(797.483232, 6)
  })

  it("does not mutate its input", () => {
    const input: PlanInput = { ...DEFAULT_INPUT }
    buildPlan(input)
    expect(input).toEqual(DEFAULT_INPUT)
  })

  it("is deterministic", () => {
    expect(buildPlan(DEFAULT_INPUT)).toEqual(seed)
  })
})

describe("compareRates", () => {
  it("gives the classic table at 10,000 rps", () => {
    const rows = compareRates({ ...DEFAULT_INPUT, rps: 10_000, peakRps: 10_000 })
    expect(rows.map((row) => [row.ratio, row.tracesPerDay])).toEqual([
      [1, 864_000_000],
      [0.5, 432_000_000],
      [0.25, 216_000_000],
      [0.1, 86_400_000],
      [0.05, 43_200_000],
      [0.01, 8_640_000],
      [0.001, 864_000],
      [0.0001, 86_400],
    ])
  })

  it("marks the chosen rate and does not repeat it", () => {
    const rows = compareRates(DEFAULT_INPUT)
    expect(rows).toHaveLength(8)
    expect(rows.filter((row) => row.chosen).map((row) => row.ratio)).toEqual([0.1])
  })

  it("adds the chosen rate as its own row when it is not a standard one", () => {
    const rows = compareRates({ ...DEFAULT_INPUT, ratio: 0.02, daprSamplingRate: 0.02 })
    expect(rows.map((row) => row.ratio)).toEqual([1, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01, 0.001, 0.0001])
    expect(rows[5]).toMatchObject({ chosen: true, tracesPerDay: 8_640_000 })
  })

  it("shows an X-Ray plan's effective rate with its own sampler", () => {
    const chosen = compareRates({ ...DEFAULT_INPUT, language: "java", sampler: "xray", daprEnabled: false }).find(
      (row) => row.chosen
    )
    expect(chosen?.sampler).toBe("xray")
    expect(chosen?.ratio).toBeCloseTo(0.05019, 5)
  })

  it("puts always_off at the bottom with nothing kept", () => {
    const rows = compareRates({ ...DEFAULT_INPUT, sampler: "always_off" })
    expect(rows.at(-1)).toMatchObject({ ratio: 0, chosen: true, tracesPerDay: 0, monthlyUsd: 0 })
  })

  it("costs less at every lower rate", () => {
    const costs = compareRates({ ...DEFAULT_INPUT, backend: "jaeger-elasticsearch" }).map((row) => row.monthlyUsd)
    expect([...costs].sort((a, b) => b - a)).toEqual(costs)
    expect(new Set(costs).size).toBe(costs.length)
  })
})

describe("withoutFloatNoise", () => {
  it("drops binary floating-point noise from every number, deeply", () => {
    expect(withoutFloatNoise({ a: [0.1 + 0.2], b: { c: 95256000000.00002 }, d: "text" })).toEqual({
      a: [0.3],
      b: { c: 95_256_000_000 },
      d: "text",
    })
  })
})
