import { describe, expect, it } from "vitest"

import { planDocument } from "@/lib/configs/plan-configs"
import { assumptionFacts } from "@/lib/plan/assumptions"
import { buildPlan } from "@/lib/plan/build-plan"
import { costFacts, wholeBillFacts, type CostInput } from "@/lib/plan/cost-facts"
import { figuresFor } from "@/lib/plan/figures"
import { LINT_RULES, lintFindings } from "@/lib/plan/lint-rules"
import { recommendationFacts } from "@/lib/plan/recommend-facts"
import { DEFAULT_INPUT } from "@/lib/plan/schema"
import { FIELDS, type PlanInput } from "@/lib/plan/fields"
import { assumptionText } from "@/lib/plan/text/assumptions"

// The model's decisions as facts: ids and numbers, asserted without the words (those are in
// text-layer.test.ts and the tests of recommend, lintPlan and monthlyCost).

const at = (changes: Partial<PlanInput>) => ({ ...DEFAULT_INPUT, ...changes })
const terms = { errorTracesPerDay: 0, datadogCommitment: "annual", newRelicFullUsers: 1 } satisfies Partial<CostInput>

describe("costFacts", () => {
  it("bills Datadog as host and overage items, with what, quantity, unit and unit price", () => {
    const facts = costFacts("datadog", {
      tracesPerDay: 1e6,
      spansPerDay: 3e7,
      ingestBytesPerDay: 15e9,
      retainedBytes: 0,
      retentionDays: 30,
      apmHosts: 2,
      ...terms,
      errorTracesPerDay: 1e4,
    })
    expect(facts.items.map(({ what, quantity, unit, unitUsd }) => ({ what, quantity, unit, unitUsd }))).toEqual([
      { what: "apm-hosts", quantity: 2, unit: "host-month", unitUsd: 31 },
      { what: "infra-hosts", quantity: 2, unit: "host-month", unitUsd: 15 },
      // 15 GB/day × 30.4 = 456 GB, 300 GB included by two hosts
      { what: "ingest-above-included", quantity: 156, unit: "GB", unitUsd: 0.1 },
      // 10,000 error traces/day × 30.4 = 0.304 M indexed error spans, within the 2 M two hosts include
      { what: "indexed-spans-above-included", quantity: 0, unit: "million spans", unitUsd: 1.7 },
    ])
    expect(facts.items[2]).toMatchObject({ includedQuantity: 300 })
    expect(facts.monthlyUsd).toBeCloseTo(62 + 30 + 15.6, 9)
    expect(facts.breakdown).toMatchObject({ vendorUsd: facts.monthlyUsd, storageUsd: 0, networkUsd: 0 })
    expect(facts.notes).toEqual([
      { id: "datadog-indexed-spans", indexedSpansPerMonth: 304_000 },
      { id: "retention-not-priced", includedRetentionDays: 15, retentionDays: 30 },
    ])
    expect(facts.unpriced).toEqual([{ id: "datadog-intelligent-retention" }])
    expect(facts.allowance).toEqual({ unit: "GB ingested", used: 456, free: 300, kind: "included" })
    expect(facts.extrapolation).toBeNull()
  })

  it("adds the backend's components, the Collector tiers and the hops to the backend's own bill", () => {
    const own = costFacts("tempo", {
      ...figuresFor(DEFAULT_INPUT).volume,
      retainedBytes: 1e9,
      retentionDays: 7,
      apmHosts: 1,
      ...terms,
    })
    const collector = {
      cores: 3,
      forwardingCores: 0,
      loadBalancingCores: 1,
      samplingCores: 2,
      memoryGbPerCore: 2,
      usdPerCore: 30,
      perCoreOverride: true,
      monthlyUsd: 90,
    }
    const bill = wholeBillFacts(own, {
      sizing: {
        components: [
          { id: "querier", replicas: 2, vcpu: 0.5, memoryGb: 4, diskGib: 0, source: "tempoSizing3" },
          { id: "kafka", replicas: 3, vcpu: 0, memoryGb: 0, diskGib: 100, source: "tempoKafka" },
        ],
        replicationCopies: 3,
        gaps: [{ id: "kafka-brokers", partitions: 1, replicationFactor: 3 }],
        notes: [],
      },
      collector,
      network: [],
      usdPerVcpuMonth: 20,
      usdPerGbMonth: 2,
    })
    expect(bill.items.slice(1).map(({ what, quantity, unitUsd, usd }) => ({ what, quantity, unitUsd, usd }))).toEqual([
      // 0.5 × $20 + 4 × $2 = $18 a querier; Kafka's log has no compute line, only its disk
      { what: "backend-compute", quantity: 2, unitUsd: 18, usd: 36 },
      { what: "backend-disk", quantity: 300, unitUsd: 0.08, usd: 24 },
      { what: "collector-compute", quantity: 1, unitUsd: 30, usd: 30 },
      { what: "collector-compute", quantity: 2, unitUsd: 30, usd: 60 },
    ])
    expect(bill.breakdown).toEqual({
      storageUsd: own.monthlyUsd + 24,
      backendComputeUsd: 36,
      collectorComputeUsd: 90,
      networkUsd: 0,
      vendorUsd: 0,
    })
    expect(bill.monthlyUsd).toBeCloseTo(own.monthlyUsd + 150, 9)
    expect(bill.unpriced).toEqual([
      { id: "object-store-requests" },
      { id: "kafka-brokers", partitions: 1, replicationFactor: 3 },
    ])
  })

  it("marks a price scaled past Honeycomb's published tiers", () => {
    const events = (perMonth: number) =>
      costFacts("honeycomb", {
        tracesPerDay: 0,
        spansPerDay: perMonth / 30.4,
        ingestBytesPerDay: 0,
        retainedBytes: 0,
        retentionDays: 7,
        apmHosts: 1,
        ...terms,
      })
    expect(events(50e6).items[0]).toMatchObject({ what: "events", plan: "pro", unitUsd: null })
    expect(events(200e6).extrapolation).toBe("honeycomb-pro-linear")
    expect(events(2e9).extrapolation).toBe("honeycomb-enterprise")
  })
})

describe("lintFindings", () => {
  it("is a table of rules, one per id, in the order findings are reported", () => {
    expect(LINT_RULES.map((rule) => `${rule.id}:${rule.severity}`)).toEqual([
      "fragmented-traces:error",
      "downstream-not-parent-based:warning",
      "dapr-disables-tracing:warning",
      "dapr-rate-unused:warning",
      "rates-do-not-multiply:warning",
      "sampler-unsupported:error",
      "tail-bypassed:error",
      "endpoint-other-backend:warning",
      "grpc-endpoint-path:warning",
      "tail-keeps-nothing:warning",
      "tail-needs-load-balancing:info",
      "tail-after-head-sampling:warning",
      "tempo-ingest-limit:warning",
      "cloud-trace-quota:warning",
      "saas-credentials-missing:error",
      "plan-over-limits:error",
      "health-checks-traced:warning",
    ])
  })

  it("reports the facts each rule found", () => {
    const input = at({
      sampler: "traceidratio",
      tailSampling: true,
      otlpEndpoint: "http://jaeger-collector:4317/v1/traces",
    })
    expect(lintFindings(input, figuresFor(input))).toEqual([
      { id: "fragmented-traces", severity: "error", facts: { upstream: { kind: "dapr" }, language: "python" } },
      {
        id: "tail-bypassed",
        severity: "error",
        facts: {
          endpoint: "http://jaeger-collector:4317/v1/traces",
          viaDapr: true,
          collectorEndpoint: "http://otel-collector.observability.svc.cluster.local:4317",
        },
      },
      {
        id: "grpc-endpoint-path",
        severity: "warning",
        facts: {
          endpoint: "http://jaeger-collector:4317/v1/traces",
          path: "/v1/traces",
          host: "jaeger-collector:4317",
          origin: "http://jaeger-collector:4317",
          viaDapr: true,
        },
      },
      // 5,000 rps peak × 10 % × 30 spans
      {
        id: "tail-needs-load-balancing",
        severity: "info",
        facts: { spansPerSecondIn: 15000, replicas: 2, loadBalancerReplicas: 2 },
      },
      { id: "tail-after-head-sampling", severity: "warning", facts: { headProbability: 0.1 } },
    ])
  })

  it("names the services upstream when no Dapr sidecar decides", () => {
    const input = at({
      daprEnabled: false,
      sampler: "always_on",
      topology: [
        { name: "gateway", internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 1, dapr: false },
        { name: "orders", internalSpans: 1, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: false },
      ],
    })
    expect(
      lintFindings(input, figuresFor(input)).find((finding) => finding.id === "downstream-not-parent-based")
    ).toEqual({
      id: "downstream-not-parent-based",
      severity: "warning",
      facts: {
        sampler: "always_on",
        upstream: { kind: "services", services: 2 },
        parentBasedForm: "parentbased_always_on",
        // No Dapr: the parent-based form follows the gateway's decision, not a Dapr rate.
        daprRate: null,
        appRate: 1,
      },
    })
  })
})

describe("recommendationFacts", () => {
  it("keeps everything in development", () => {
    const facts = recommendationFacts(at({ environment: "development" }))
    expect(facts).toMatchObject({ constraint: "development", ratio: 1, head: { kind: "development" }, warnings: [] })
    expect(facts.chosen.tracesPerDay).toBe(432_000_000)
  })

  it("names the budget as what binds, with the chosen rate's and the next rate up's figures", () => {
    // $500 fits nothing once Tempo's own replicas are priced (at least $480.86): $2,500 fits 10 %, not 25 %.
    const facts = recommendationFacts(at({ budgetUsdPerMonth: 2500, keepAllErrors: false }))
    expect(facts.constraint).toBe("budget")
    expect(facts.chosen).toMatchObject({ ratio: 0.1, tracesPerDay: 43_200_000 })
    // storage 15.336216 S3 + 144.839286804 Kafka disk, backend compute 695.44, 2 Collector cores × 36.01,
    // network 262.656 + 65.664 + 787.968 replication: $2,043.9235028
    expect(facts.chosen.monthlyUsd).toBeCloseTo(15.336216 + 144.839286804 + 695.44 + 2 * 36.01 + 1116.288, 9)
    expect(facts.head.kind === "within-limits" && facts.head.runnerUp).toMatchObject({
      ratio: 0.25,
      tracesPerDay: 108_000_000,
    })
    // storage 400.43875701 + backend compute 1,405.275 + 4 cores × 36.01 + network 2,790.72 = $4,740.47375701
    expect(facts.head.kind === "within-limits" && facts.head.runnerUp?.monthlyUsd).toBeCloseTo(
      400.43875701 + 1405.275 + 4 * 36.01 + 2790.72,
      7
    )
    expect(facts.runnerUp).toMatchObject({ id: "head-100" })
  })

  it("names the storage cap when that is what the next rate up breaks", () => {
    const facts = recommendationFacts(at({ storageCapBytes: 100e9, keepAllErrors: false }))
    expect(facts).toMatchObject({ constraint: "storage-cap", ratio: 0.01 })
    expect(facts.chosen.retainedBytes).toBeCloseTo(66_679_200_000, 0)
  })

  it("binds on nothing without limits, and on the visibility minimum when it raises the rate", () => {
    expect(recommendationFacts(at({ keepAllErrors: false })).constraint).toBe("none")
    // 1,000 traces/min of 300K requests/min needs 0.33 %: the next clean rate is 0.5 %
    const raised = recommendationFacts(
      at({ keepAllErrors: false, ratio: 0.001, daprSamplingRate: 0.001, minTracesPerMinutePerEndpoint: 1000 })
    )
    expect(raised).toMatchObject({ constraint: "endpoint-minimum", ratio: 0.005 })
    expect(raised.head).toMatchObject({ kind: "no-limits", snapped: 0.001, onClean: true, raisedFor: "service" })
  })

  it("gives every option priced on the whole bill, with its goals and limits", () => {
    // 100 % costs $18,418.23 on the whole bill (storage 1,601.76 + backend compute 5,113.44 + 15 cores 540.15
    // + network 11,162.88): a $20,000 budget fits it and tail sampling at a 50 % baseline ($12,615.47).
    const facts = recommendationFacts(at({ budgetUsdPerMonth: 20000 }))
    expect(facts.choice).toBe("head-100")
    expect(
      facts.options.map(({ id, ratio, tail, meetsGoals, fitsBudget, fitsStorageCap }) => ({
        id,
        ratio,
        baselinePercent: tail?.baselinePercent ?? null,
        meetsGoals,
        fitsBudget,
        fitsStorageCap,
      }))
    ).toEqual([
      { id: "head-100", ratio: 1, baselinePercent: null, meetsGoals: true, fitsBudget: true, fitsStorageCap: true },
      { id: "tail", ratio: 1, baselinePercent: 50, meetsGoals: true, fitsBudget: true, fitsStorageCap: true },
    ])
    for (const option of facts.options) {
      const { storageUsd, backendComputeUsd, collectorComputeUsd, networkUsd, vendorUsd } = option.breakdown
      expect(storageUsd + backendComputeUsd + collectorComputeUsd + networkUsd + vendorUsd).toBeCloseTo(
        option.monthlyUsd,
        9
      )
    }
  })

  it("gives the tail facts when it chooses tail sampling, with its Collector tier and network", () => {
    const facts = recommendationFacts(at({ backend: "honeycomb" }))
    expect(facts).toMatchObject({ constraint: "keep-all-errors", choice: "tail", sampler: "parentbased_always_on" })
    expect(facts.baselineLowered).toBe(false)
    expect(facts.tailReason).toEqual({
      headRatio: 0.1,
      baseline: 0.1,
      errorsPerHour: 180_000,
      errorsKeptAtHead: 18_000,
      usdPerCore: expect.closeTo(36.01, 9),
      // 19 sampling + 15 load-balancing cores
      collectorUsd: expect.closeTo(34 * 36.01, 9),
      networkUsd: expect.closeTo(3963.7827, 4),
      viaDapr: true,
      bypassedEndpoint: null,
      collectorEndpoint: "http://otel-collector.observability.svc.cluster.local:4317",
    })
  })

  it("lists which warnings apply, with their numbers", () => {
    // $50 fits nothing now; $1,000 fits 2 % ($772.16) and no option that keeps every error.
    const tight = recommendationFacts(at({ budgetUsdPerMonth: 1000 }))
    expect(tight.warnings).toEqual([
      {
        id: "errors-beyond-limits",
        // the cheapest keeper: tail at a 0.01 % baseline, storage 95.455069229 + backend compute 588.15
        // + 34 cores 1,224.34 + network 3,791.913880896 = $5,699.858950125
        option: "tail",
        monthlyUsd: expect.closeTo(5699.858950125, 6),
        // 2 % of 180K errors/hour
        errorsKeptPerHour: expect.closeTo(3600, 9),
        errorsPerHour: 180_000,
      },
    ])
    // At 0.01 % Tempo's fewest replicas, $480.86, are most of the $518.15: that is what the advice names.
    const over = recommendationFacts(at({ budgetUsdPerMonth: 0.01, keepAllErrors: false }))
    expect(over.constraint).toBe("budget")
    expect(over.warnings).toEqual([
      {
        id: "over-limits",
        cheapest: "head",
        monthlyUsd: expect.closeTo(518.146463503, 8),
        backendUsd: expect.closeTo(0.160175503 + 480.86, 8),
        advice: { kind: "backend-compute", monthlyUsd: expect.closeTo(480.86, 9) },
      },
    ])
  })
})

describe("assumptionFacts", () => {
  it("gives each assumption as an id and the numbers it states", () => {
    expect(assumptionFacts(at({ backend: "honeycomb", sampler: "jaeger_remote", language: "node" }))).toEqual([
      {
        id: "sdk-runs-other-sampler",
        language: "node",
        sampler: "jaeger_remote",
        runs: "parentbased_always_on",
        behindDapr: true,
      },
      { id: "dapr-decides", daprRate: 0.1 },
      { id: "one-trace-per-request" },
      { id: "averages", spansPerTrace: 30, spanBytes: 500 },
      { id: "steady-state", daysPerMonth: 30.4, retentionDays: 7 },
      { id: "average-rate" },
      // Node's SDK has no excluded-URL variable: the Collector's filter drops the probes.
      { id: "probes-dropped-at-collector", language: "node" },
      { id: "backend-size-unpublished", backend: "honeycomb", retentionDays: 7 },
      // AWS Fargate on-demand per vCPU and per GB; 3 zones, 2 of 3 hops crossing at $0.02/GB, gzip 4×.
      { id: "compute-prices", usdPerVcpuMonth: 29.53, usdPerGbMonth: 3.24, collectorUsdPerCore: null },
      { id: "zones", zones: 3, crossingShare: 2 / 3, usdPerGb: 0.02, gzipFactor: 4 },
    ])
  })

  it("carries the backend's sizing notes: what no source publishes, and single-node backends", () => {
    const badger = figuresFor(at({ backend: "jaeger-badger" })).sizing
    expect(assumptionFacts(at({ backend: "jaeger-badger" }), badger)).toContainEqual({
      id: "sizing",
      backend: "jaeger-badger",
      note: { id: "badger-single-node" },
    })
  })
})

// The tail sampler's status_code policy samples a trace when any received span has a listed status
// (open-telemetry/opentelemetry-collector-contrib@058a89fa09ece0fcecbf164a8191e1e5dd4c6bb1,
// processor/tailsamplingprocessor/internal/sampling/status_code.go: Evaluate → hasSpanWithCondition
// over every span of the trace), so the share of failed requests is the least it keeps.
describe("the error policy's lower bound", () => {
  it.each([
    ["tail sampling keeps errors", { tailSampling: true, tailKeepErrors: true, errorRate: 0.02 }, true],
    ["tail sampling without keep-errors", { tailSampling: true, tailKeepErrors: false }, false],
    ["no tail sampling", { tailSampling: false, tailKeepErrors: true }, false],
  ] satisfies [string, Partial<PlanInput>, boolean][])("%s", (_, changes, shown) => {
    const found = assumptionFacts(at(changes)).filter((assumption) => assumption.id === "errors-any-span")
    expect(found).toEqual(shown ? [{ id: "errors-any-span", errorRate: changes.errorRate }] : [])
  })

  it("says so in words and in the field's hint", () => {
    expect(assumptionText({ id: "errors-any-span", errorRate: 0.02 })).toBe(
      "The tail sampler keeps a trace when any of its spans has status ERROR (a client span on a 4xx, a retried call, a handled exception), not only when the request fails: 2 % of requests failing is the least it keeps for errors, and the figures keep that much."
    )
    expect(FIELDS.errorRate.hint).toMatch(/any trace with one span in ERROR .* lower bound\.$/)
  })
})

describe("the facts in the plan the API returns", () => {
  it("adds the recommendation's constraint and the bill's items beside the words", () => {
    const document = planDocument(at({ zones: 1, collectorUsdPerCoreMonth: 30, backend: "honeycomb" }))
    expect(document.cost.items.map((item) => item.what)).toEqual(["events", "collector-compute", "network", "network"])
    expect(document.cost.breakdown.collectorComputeUsd).toBe(60)
    expect(document.cost.items.map((item) => item.usd)).toEqual(document.cost.lines.map((line) => line.usd))
    expect(buildPlan({ ...DEFAULT_INPUT, keepAllErrors: false }).recommendation.constraint).toBe("none")
    expect(buildPlan(DEFAULT_INPUT).recommendation.constraint).toBe("keep-all-errors")
  })
})
