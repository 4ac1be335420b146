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

    it("costs the whole bill: storage, Tempo 3.x's components, the Collector and the traffic", () => {
      expect(seed.cost.breakdown).toEqual({
        // 666.792 GB × $0.023 on S3 = $15.336216; Kafka's log: 7.5 MB/s × 86,400 s × 3 copies
        // = 1,944 GB = 1,810.5 GiB × $0.08 on gp3 = $144.8392868.
        storageUsd: 160.175502804,
        // At $29.53/vCPU and $3.24/GB: 1 distributor (2 vCPU + 2 GB) $65.54, 2 live-stores (1 + 12)
        // $136.82, 1 block-builder (0.5 + 7.5) $39.065, 5 queriers (0.5 + 12) $268.225, 2 query-frontends
        // $107.29, 1 backend-scheduler (0.5 + 1.5) $19.625, 3 backend-workers $58.875.
        backendComputeUsd: 695.44,
        // 15,000 spans/s at peak → 2 forwarding cores × (29.53 + 2 × 3.24).
        collectorComputeUsd: 72.02,
        // 648 GB/day × 30.4 = 19,699.2 GB a month. Apps → Collector: × 2/3 crossing × $0.02 = $262.656;
        // Collector → Tempo, gzip ÷ 4: $65.664; Kafka's 2 extra copies to other zones: 39,398.4 GB × $0.02 = $787.968.
        networkUsd: 1116.288,
        vendorUsd: 0,
      })
      expect(seed.cost.monthlyUsd).toBe(2043.9235028)
      expect(seed.cost.unpriced).toHaveLength(2)
      expect(seed.cost.unpriced[1]).toContain("Kafka-compatible queue Tempo 3.x writes through (1 partition")
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
      "tempoSizing",
      "datadogPrice",
      "newRelicUsers",
      "computePrice",
      "collectorCompute",
      "availabilityZones",
      "interZonePrice",
      "egressPrice",
      "defaultEndpoint",
      "daprIngress",
      "deploymentPlaceholders",
      "kubernetesProbes",
      "planningHorizon",
      "visibilityAssumptions",
      "tailSamplingDefaults",
      "spanMetrics",
      "saasOtlpAuth",
      "tempoStorage",
      "s3Price",
      "tempoSizing3",
      "tempoKafka",
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
      "Requests reach the Dapr sidecar's HTTP API without trace context: Dapr's samplingRate \"0.1\" starts the traces and a parent-based app follows it."
    )
    const direct = buildPlan({ ...DEFAULT_INPUT, ratio: 0.5, daprSamplingRate: 0.1, entryPoint: "app" })
    expect(direct.sampler.decidedBy).toBe("app")
    expect(direct.volume.tracesPerDay).toBe(216_000_000)
    expect(direct.assumptions).toContain(
      "Requests reach the app's port without passing its Dapr sidecar: the app's sampler starts the traces and Dapr follows each decision; its samplingRate \"0.1\" decides only calls that reach it without context."
    )
    expect(buildPlan({ ...DEFAULT_INPUT, daprEnabled: false }).assumptions.join(" ")).not.toContain("Dapr")
  })

  it("sizes Tempo's components at the peak ingest, and only for Tempo", () => {
    // 5,000 rps × 10 % × 30 spans × 500 B = 7.5 MB/s of raw OTLP at peak (peak = average here)
    // Tempo 3.x: 30 MB/s per distributor; the bill's components (lib/plan/sizing/tempo.ts).
    expect(seed.tempo).toMatchObject({
      peakIngestBytesPerSecond: 7_500_000,
      rateLimitBytesPerSecond: 30_000_000,
      distributorsForLimit: 1,
      sizing: { version: "3.x", distributors: 1 },
    })
    // 60 MB/s: 6 distributors at 10 MB/s each, 3 to stay under 30 MB/s each.
    expect(buildPlan({ ...DEFAULT_INPUT, peakRps: 40_000 }).tempo).toMatchObject({
      peakIngestBytesPerSecond: 60_000_000,
      rateLimitBytesPerSecond: 30_000_000,
      distributorsForLimit: 3,
      sizing: { version: "3.x", distributors: 6 },
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
    // Ten times the seed's traffic: storage and network × 10, Tempo's components sized for 75 MB/s.
    // Node has no excluded-URL variable: its SDK traces the 0.9 probes/s and sends them, one span of
    // 500 B each, and the Collector's filter drops them: 1.181952 GB a month to the Collector, 2/3 of
    // it across zones at $0.02/GB.
    expect(plan.cost.breakdown.storageUsd).toBeCloseTo(160.175502804 * 10, 6)
    expect(plan.cost.breakdown.networkUsd).toBeCloseTo(1116.288 * 10 + (1.181952 * 2 * 0.02) / 3, 6)
    expect(plan.cost.monthlyUsd).toBe(18418.2407874) // 18,418.225028 + the probes' $0.0157594
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

  it("sizes storage from the average rate and the backend and Collector from the peak", () => {
    const plan = buildPlan({ ...DEFAULT_INPUT, peakRps: 20_000 })
    expect(plan.volume.tracesPerDay).toBe(seed.volume.tracesPerDay)
    expect(plan.cost.breakdown.storageUsd).toBe(seed.cost.breakdown.storageUsd)
    expect(plan.cost.breakdown.networkUsd).toBe(seed.cost.breakdown.networkUsd)
    // Peak 60,000 spans/s: 6 forwarding cores instead of 2, and Tempo sized for 30 MB/s.
    expect(plan.cost.breakdown.collectorComputeUsd).toBe(216.06)
    expect(plan.cost.breakdown.backendComputeUsd).toBe(2081.09)
    expect(plan.volume.peakSpansPerSecond).toBe(60_000)
  })

  describe("health checks", () => {
    it("shows what probes would add if traced while they are excluded", () => {
      // 3 replicas × 3 probes / 10 s = 0.9 req/s = 77,760/day; at 10 %: 7,776 one-span traces × 500 B
      expect(seed.probes).toEqual({
        excluded: true,
        // Python's SDK skips them (OTEL_PYTHON_FASTAPI_EXCLUDED_URLS): they cost nothing.
        droppedBy: "sdk",
        monthlyUsd: 0,
        requestsPerDay: 77_760,
        ifTraced: {
          tracesPerDay: 7_776,
          spansPerDay: 7_776,
          ingestBytesPerDay: 3_888_000,
          // 45 B/s more crosses a querier boundary (7.5 MB/s ÷ 1.5 is exactly 5): a sixth querier,
          // $53.645, plus a few cents of storage and traffic.
          monthlyUsd: 53.652658781,
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
        monthlyUsdAtHorizon: 2043.9235028,
      })
      expect(seed.growth.series.at(-1)).toEqual({ day: 364, bytes: 666_792_000_000 })
    })

    it("compounds monthly growth to the horizon", () => {
      const plan = buildPlan({ ...DEFAULT_INPUT, growthPercentPerMonth: 10, horizonMonths: 12 })
      // 1.1 ^ (364 / 30.4) = 3.13057…
      expect(plan.growth.trafficFactor).toBeCloseTo(3.13057, 4)
      expect(plan.growth.rpsAtHorizon).toBeCloseTo(15_652.8, 0)
      // The whole bill at 15,653 req/s: three times the traffic, with Tempo sized for 23.5 MB/s.
      expect(plan.growth.monthlyUsdAtHorizon).toBe(6003.36394603)
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
    // The bill with 364 days held: 34,673.184 GB × $0.023 = $797.483232 of S3, and the rest as the seed's.
    expect(plan.growth.monthlyUsdAtHorizon).toBeCloseTo(2043.9235028 - 15.336216 + 797.483232, 6)
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
    // Nothing is kept, but the Tempo deployment still runs at its minimum: $480.86 of compute.
    expect(rows.at(-1)).toMatchObject({ ratio: 0, chosen: true, tracesPerDay: 0, monthlyUsd: 480.86 })
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
