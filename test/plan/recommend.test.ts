import { describe, expect, it } from "vitest"

import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import { recommend } from "@/lib/plan/recommend"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

const seed = DEFAULT_INPUT // 5,000 rps, 30 spans × 500 B, 7 days on Tempo, 1 % errors, 5 % slow

describe("recommend", () => {
  it("recommends the same setting after it is adopted (the default plan: tail sampling at a 10 % baseline)", () => {
    const adopted = applyRecommendation(seed, recommend(seed))
    expect(adopted).toMatchObject({
      sampler: "parentbased_always_on",
      ratio: 1,
      daprSamplingRate: 1,
      tailSampling: true,
      tailBaselinePercent: 10,
    })
    const again = recommend(adopted)
    expect(again).toMatchObject({ sampler: "parentbased_always_on", ratio: 1, daprSamplingRate: 1 })
    expect(again.tail?.baselinePercent).toBe(10)
    expect(again.monthlyUsd).toBe(recommend(seed).monthlyUsd)
  })

  it("adopting tail sampling points apps that sent straight to the backend at the Collector, and leaves a Collector endpoint alone", () => {
    const toJaeger = { ...seed, otlpEndpoint: "http://jaeger-collector.monitoring.svc.cluster.local:4317" }
    expect(applyRecommendation(toJaeger, recommend(toJaeger)).otlpEndpoint).toBe(
      "http://otel-collector.observability.svc.cluster.local:4317"
    )
    expect(recommend(toJaeger).reasons).toContain(
      "The apps send to http://jaeger-collector.monitoring.svc.cluster.local:4317, a backend's own intake rather than a Collector; this setting points them at the Collector (http://otel-collector.observability.svc.cluster.local:4317), which exports to Grafana Tempo on S3."
    )
    const http = {
      ...seed,
      protocol: "http/protobuf" as const,
      otlpEndpoint: "http://jaeger-collector.monitoring.svc.cluster.local:4318",
    }
    expect(applyRecommendation(http, recommend(http)).otlpEndpoint).toBe(
      "http://otel-collector.observability.svc.cluster.local:4318"
    )
    const collector = { ...seed, otlpEndpoint: "http://my-collector.obs:4317" }
    expect(applyRecommendation(collector, recommend(collector)).otlpEndpoint).toBe("http://my-collector.obs:4317")
    const headOnly = { ...seed, keepAllErrors: false }
    expect(applyRecommendation(headOnly, recommend(headOnly)).otlpEndpoint).toBe(seed.otlpEndpoint)
  })

  it.each<
    [
      string,
      Partial<PlanInput>,
      { sampler: string; ratio: number; dapr: number | null; baselinePercent: number | null; monthlyUsd: number },
    ]
  >([
    [
      "development keeps every trace",
      { environment: "development" },
      { sampler: "parentbased_always_on", ratio: 1, dapr: 1, baselinePercent: null, monthlyUsd: 153.36216 },
    ],
    [
      "a $20 budget without the error rule takes 10 %, the highest clean rate under it",
      { budgetUsdPerMonth: 20, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: 0.1, baselinePercent: null, monthlyUsd: 15.336216 },
    ],
    [
      "a 100 GB storage cap takes 1 %",
      { storageCapBytes: 100e9, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.01, dapr: 0.01, baselinePercent: null, monthlyUsd: 1.5336216 },
    ],
    [
      "a $20 budget with every error kept adds tail sampling with a 5 % baseline that fits",
      { budgetUsdPerMonth: 20 },
      { sampler: "parentbased_always_on", ratio: 1, dapr: 1, baselinePercent: 5, monthlyUsd: 16.336904094 },
    ],
    [
      "no budget keeps the current 10 % and adds tail sampling for errors",
      {},
      { sampler: "parentbased_always_on", ratio: 1, dapr: 1, baselinePercent: 10, monthlyUsd: 23.548759668 },
    ],
    [
      "no Dapr leaves Dapr's rate out",
      { daprEnabled: false, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: null, baselinePercent: null, monthlyUsd: 15.336216 },
    ],
    [
      "a rate of 50 % or more keeps most errors without tail sampling",
      { ratio: 0.5, daprSamplingRate: 0.5 },
      { sampler: "parentbased_traceidratio", ratio: 0.5, dapr: 0.5, baselinePercent: null, monthlyUsd: 76.68108 },
    ],
  ])("%s", (_name, changes, expected) => {
    const result = recommend({ ...seed, ...changes })
    expect({
      sampler: result.sampler,
      ratio: result.ratio,
      dapr: result.daprSamplingRate,
      baselinePercent: result.tail?.baselinePercent ?? null,
      monthlyUsd: Number(result.monthlyUsd.toPrecision(11)),
    }).toEqual(expected)
  })

  it("with tail sampling already on, keeps its baseline share of all traces and says how that share is made", () => {
    // 10 % head × 10 % baseline = 0.010000000000000002 in floating point: that is 1 %, a clean rate.
    const onTail = recommend({ ...seed, tailSampling: true, tailBaselinePercent: 10 })
    expect(onTail.tail?.baselinePercent).toBe(1)
    expect(onTail.reasons[0]).toMatch(/^Head sampling alone at 1 % keeps ~1\.8K of 180K errors\/hour;/)
    expect(onTail.reasons).toContain(
      "Head sampling alone, at 1 %: 4.32M traces/day, 66.7 GB on Grafana Tempo on S3, $1.53/mo. No budget or storage cap is set, so this keeps your current baseline, 1 % of all traces (10 % head × 10 % tail baseline); set a budget or cap to let TraceBudget pick the highest rate that fits."
    )
    // 100 % head × 3 % baseline: not a clean rate, so it moves to the nearest one and says so.
    const offClean = recommend({ ...seed, ratio: 1, daprSamplingRate: 1, tailSampling: true, tailBaselinePercent: 3 })
    expect(offClean.reasons.join(" ")).toContain(
      "keeps your current baseline, 3 % of all traces (100 % head × 3 % tail baseline) at the nearest clean rate, 2 %"
    )
  })

  it("keeps within a budget that tail sampling for every error would break, and says what keeping them would cost", () => {
    const result = recommend({ ...seed, budgetUsdPerMonth: 5 })
    expect(result).toMatchObject({
      sampler: "parentbased_traceidratio",
      ratio: 0.02,
      tail: null,
      daprSamplingRate: 0.02,
    })
    expect(result.monthlyUsd).toBeCloseTo(3.0672432, 6)
    expect(result.reasons[0]).toBe(
      "At 2 %: 8.64M traces/day, 133 GB on Grafana Tempo on S3, $3.07/mo. That is the highest clean rate within the $5.00/mo budget (on storage: the Collector cores are not priced)."
    )
    expect(result.warnings).toEqual([
      "Keeping every error needs Collector tail sampling, which costs at least $9.14/mo and holds 397 GB (errors, slow traces and a 0.01 % baseline), beyond the $5.00/mo budget. This stays on head sampling, which keeps ~3.6K of 180K errors/hour: raise the limit to keep them all.",
    ])
  })

  it("says when its setting would send Tempo more than a distributor's default limit", () => {
    const at20 = recommend({ ...seed, ratio: 0.2, daprSamplingRate: 0.2, keepAllErrors: false })
    expect(at20.warnings).toEqual([
      "At peak this setting sends 18.8 MB/s to Tempo, at or above a distributor's default 15 MB/s per tenant: run enough distributors or raise rate_limit_bytes (see Check your setup once applied).",
    ])
  })

  it("says when it moves the current rate to the nearest clean one, up or down", () => {
    const at20 = recommend({ ...seed, ratio: 0.2, daprSamplingRate: 0.2, keepAllErrors: false })
    expect(at20.ratio).toBe(0.25)
    expect(at20.reasons[0]).toBe(
      "At 25 %: 108M traces/day, 1.67 TB on Grafana Tempo on S3, $38.34/mo. No budget or storage cap is set, so this keeps your current 20 % at the nearest clean rate, 25 %; set a budget or cap to let TraceBudget pick the highest rate that fits."
    )
    expect(recommend({ ...seed, ratio: 0.03, daprSamplingRate: 0.03, keepAllErrors: false }).ratio).toBe(0.02)
    expect(recommend({ ...seed, keepAllErrors: false }).reasons[0]).toContain(
      "No budget or storage cap is set, so this keeps your current rate;"
    )
  })

  it("cites the numbers in its reasons, why tail sampling first and head sampling alone after it, for comparison", () => {
    const result = recommend({ ...seed, budgetUsdPerMonth: 20 })
    expect(result.reasons).toEqual([
      "Head sampling alone at 10 % keeps ~18K of 180K errors/hour; Collector tail sampling with an error policy keeps all of them plus a 5 % baseline and every slow trace: +42.3 GB/day, +$1.00/mo against head sampling alone, before the Collector's compute (below).",
      "The baseline drops to 5 % so errors and slow traces fit within the $20.00/mo budget (on storage: the Collector cores are not priced).",
      "Tail sampling needs every span at the Collector: SDKs and Dapr sample 100 %. At peak that is 150K spans/s: 19 tail-sampling replicas of 1 core + 2 GB, num_traces 50K each, ~4.5 GB of buffered spans in all, behind 15 load-balancing replicas routing by trace id. Their compute (34 cores; AWS Fargate on-demand, 1 core + 2 GB each: $1,225/mo) is not in the $ figures: enter a cost per core to include it.",
      "Head sampling alone, at 10 %: 43.2M traces/day, 667 GB on Grafana Tempo on S3, $15.34/mo. That is the highest clean rate within the $20.00/mo budget (on storage: the Collector cores are not priced).",
      "The next rate up, 25 %, would cost $38.34/mo and hold 1.67 TB.",
      "Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply.",
    ])
  })

  it("says how many Collector cores its $ figure leaves out while no cost per core is entered", () => {
    expect(recommend(seed).unpricedCollectorCores).toBe(34)
    expect(recommend({ ...seed, collectorUsdPerCoreMonth: 30 }).unpricedCollectorCores).toBe(0)
  })

  it("prices the Collector tier at the cost per core entered: a $200 budget then cannot afford 34 tail-sampling cores", () => {
    const priced = recommend({ ...seed, collectorUsdPerCoreMonth: 30, budgetUsdPerMonth: 200 })
    expect(priced.tail).toBeNull()
    expect(priced.ratio).toBe(0.25)
    // 25 % head sampling: $38.34 of storage and 4 forwarding cores (37.5K spans/s) at $30.
    expect(priced.monthlyUsd).toBeCloseTo(158.34, 2)
    expect(priced.warnings[0]).toMatch(/^Keeping every error needs Collector tail sampling, which costs at least \$1,0/)
  })

  it("advises what can lower the bill when even the lowest rate breaks the budget: retention only where storage is priced", () => {
    const advice = (backend: PlanInput["backend"]) =>
      recommend({ ...seed, backend, budgetUsdPerMonth: 0.001, keepAllErrors: false }).warnings[0]
    expect(advice("tempo")).toMatch(/Raise the budget, shorten retention or pick a cheaper backend\.$/)
    expect(advice("datadog")).toMatch(
      /Raise the budget, run APM on fewer hosts \(each costs its fee whatever the rate\) or pick a cheaper backend\.$/
    )
    expect(
      recommend({ ...seed, budgetUsdPerMonth: 20, collectorUsdPerCoreMonth: 30, keepAllErrors: false }).warnings[0]
    ).toMatch(
      /Most of it is the Collector tier, 1 core at \$30\.00\/mo whatever the rate: raise the budget, or send straight to the backend if you need no Collector\.$/
    )
    expect(advice("honeycomb")).toMatch(
      /Raise the budget or pick a cheaper backend: Honeycomb bills what it ingests, whatever the retention\.$/
    )
  })

  it("says how many errors a rate of 50 % or more still drops when every error must be kept", () => {
    // Requests enter the app directly and its 50 % decides: 5,000 req/s × 1 % errors × 3,600 s = 180K errors/hour, half kept.
    const result = recommend({ ...seed, daprIngress: false, ratio: 0.5, budgetUsdPerMonth: 80 })
    expect(result.ratio).toBe(0.5)
    expect(result.tail).toBeNull()
    expect(result.warnings).toContain(
      "At 50 % head sampling keeps ~90K of 180K errors/hour, not every one: to keep them all, sample 100 % or add Collector tail sampling with an error policy."
    )
  })

  it("warns when even the lowest rate breaks the budget", () => {
    const result = recommend({ ...seed, budgetUsdPerMonth: 0.001, keepAllErrors: false })
    expect(result.ratio).toBe(0.0001)
    expect(result.warnings[0]).toMatch(/^Even 0\.01 % exceeds the \$0\.00\/mo budget/)
  })

  it("offers only a global rate for an endpoint below the minimum when Dapr decides the root", () => {
    const result = recommend({
      ...seed,
      budgetUsdPerMonth: 20,
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.99999 },
        { name: "POST /admin/reindex", share: 0.00001 },
      ],
    })
    expect(result.perOperation).toEqual([])
    expect(result.warnings).toEqual([
      "POST /admin/reindex keeps 0.3 traces/minute at 10 %, below the 1/minute minimum. With Dapr deciding the root at one rate, raise every endpoint to 50 % ($76.68/mo); a per-endpoint rate would need the app to decide.",
    ])
  })

  it("offers a per-operation rate behind Dapr when requests bypass the sidecar and the app decides", () => {
    const result = recommend({
      ...seed,
      daprIngress: false,
      budgetUsdPerMonth: 20,
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.99999 },
        { name: "POST /admin/reindex", share: 0.00001 },
      ],
    })
    expect(result.perOperation.map((operation) => [operation.endpoint, operation.ratio])).toEqual([
      ["POST /admin/reindex", 0.5],
    ])
    expect(result.daprSamplingRate).toBe(0.1)
  })

  it("proposes a per-operation rate or a higher global rate for an endpoint below the minimum, with the cost of each", () => {
    const result = recommend({
      ...seed,
      daprEnabled: false,
      budgetUsdPerMonth: 20,
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.9 },
        { name: "POST /admin/reindex", share: 0.00001 },
        { name: "GET /rare", share: 0.0000001 },
      ],
    })
    expect(result.perOperation).toEqual([
      { endpoint: "POST /admin/reindex", ratio: 0.5, extraMonthlyUsd: expect.closeTo(0.00061345, 8) },
    ])
    expect(result.warnings).toEqual([
      "POST /admin/reindex keeps 0.3 traces/minute at 10 %, below the 1/minute minimum. Sample it at 50 % with a per-operation strategy (+$0.00/mo; the app's sampler must be parentbased_jaeger_remote to fetch it), or raise every endpoint to 50 % ($76.68/mo).",
      "GET /rare gets only 0.03 requests/minute: even 100 % cannot give it 1 trace per minute.",
    ])
  })

  it("sizes the tail-sampling tier at peak", () => {
    expect(recommend(seed).tail?.sizing).toEqual({
      newTracesPerSecond: 5000,
      spansPerSecondIn: 150_000,
      tracesInFlight: 150_000,
      // per replica: 150,000 in flight / 19 × 2 = 15,790, under the processor's 50,000 default
      numTraces: 50_000,
      memoryBytes: 4_500_000_000,
      memoryBytesRuleOfThumb: 9_500_000_000,
      replicas: 19,
      needsLoadBalancing: true,
      loadBalancerReplicas: 15,
    })
  })
})
