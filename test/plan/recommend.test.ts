import { describe, expect, it } from "vitest"

import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import { buildPlan } from "@/lib/plan/build-plan"
import { recommend } from "@/lib/plan/recommend"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

const seed = DEFAULT_INPUT // 5,000 rps, 30 spans × 500 B, 7 days on Tempo, 1 % errors, 5 % slow, via the Collector

// The whole bill at the seed, by rate p of head sampling (backend compute is not sized yet, so 0):
//   storage   6,480 GB/day × p × 0.14 × 1.05 × 7 days = 6,667.92 GB × p × $0.023 = $153.36216 × p
//   Collector ceil(150,000 × p spans/s ÷ 10,000) forwarding cores × $36.01 ($29.53 + 2 × $3.24)
//   network   6,480 GB/day × p × 30.4 = 196,992 GB × p: × 2/3 × $0.02 app → Collector ($2,626.56 × p),
//             and ÷ 4 (gzip) Collector → Tempo ($656.64 × p): $3,283.20 × p
const SEED_100 = 153.36216 + 15 * 36.01 + 3283.2 // = $3,976.71216
const SEED_TAIL_10 = 4631.915831668 // 34 cores ($1,224.34) + $3,384.03 network + $23.55 storage (figures.test)
const SEED_001 = 0.0001 * 153.36216 + 36.01 + 0.0001 * 3283.2 // 1 core at 0.01 %: $36.353656216

describe("recommend", () => {
  it("prices its choice as exactly the bill of the plan applying it gives, and recommends the same setting again", () => {
    for (const changes of [{}, { budgetUsdPerMonth: 50 }, { rps: 5, peakRps: 5 }, { budgetUsdPerMonth: 5000 }]) {
      const input = { ...seed, ...changes }
      const recommendation = buildPlan(input).recommendation
      const adopted = applyRecommendation(input, recommendation)
      expect(buildPlan(adopted).cost.monthlyUsd).toBe(recommendation.monthlyUsd)
      const again = recommend(adopted)
      expect({ sampler: again.sampler, ratio: again.ratio, tail: again.tail?.baselinePercent }).toEqual({
        sampler: recommendation.sampler,
        ratio: recommendation.ratio,
        tail: recommendation.tail?.baselinePercent,
      })
    }
  })

  it("at the default plan, with no budget, takes the cheapest option that keeps every error: 100 % head sampling", () => {
    const result = recommend(seed)
    expect(result.choice).toBe("head-100")
    expect(result.constraint).toBe("keep-all-errors")
    expect(result.monthlyUsd).toBeCloseTo(SEED_100, 6) // $3,976.71
    expect(result.options.map((option) => [option.id, option.ratio, option.tail?.baselinePercent ?? null])).toEqual([
      ["head", 0.1, null],
      ["head-100", 1, null],
      ["tail", 1, 10],
    ])
    // The current 10 %: 153.36216 × 0.1 + 2 cores × 36.01 + 3,283.2 × 0.1 = $415.676216, keeps ~18K of 180K errors/hour.
    expect(result.options[0]!.monthlyUsd).toBeCloseTo(415.676216, 6)
    expect(result.options[0]!.meetsGoals).toBe(false)
    // Tail sampling: 19 sampling + 15 load-balancing cores, and the network of every span to the Collector.
    expect(result.options[2]!.monthlyUsd).toBeCloseTo(SEED_TAIL_10, 6)
    expect(result.options[2]!.breakdown.collectorComputeUsd).toBeCloseTo(34 * 36.01, 6)
    expect(result.runnerUp).toMatchObject({ id: "tail" })
    expect(result.runnerUp!.differenceUsd).toBeCloseTo(SEED_TAIL_10 - SEED_100, 6) // +$655.20
    expect(result.headline).toBe("100 % head sampling: $3,977/mo, keeps every trace (432M traces/day)")
    expect(result.reasons).toEqual([
      "No budget or storage cap is set, so this is the cheapest option that keeps every error: 100 % head sampling at $3,977/mo, against Collector tail sampling (errors, slow traces and a 10 % baseline) at $4,632/mo.",
      "Runner-up: Collector tail sampling (errors, slow traces and a 10 % baseline): +$655/mo ($4,632/mo in all).",
      "Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply.",
    ])
  })

  it("at 5 req/s keeps every trace with 100 % head sampling rather than a tail-sampling tier within 5 % of it", () => {
    const result = recommend({ ...seed, rps: 5, peakRps: 5 })
    // 100 %: storage 0.15336216 + 1 forwarding core 36.01 + network 3.2832 = $39.44656216
    // tail (10 % baseline): 1 sampling core 36.01 + storage 0.023548760 + network 2.727387 = $38.760935832
    expect(result.choice).toBe("head-100")
    expect(result.tail).toBeNull()
    expect(result.monthlyUsd).toBeCloseTo(39.44656216, 8)
    expect(result.runnerUp?.id).toBe("tail")
    expect(result.runnerUp!.differenceUsd).toBeCloseTo(38.760935832 - 39.44656216, 6) // −$0.69
    expect(result.reasons[0]).toBe(
      "No budget or storage cap is set: 100 % head sampling keeps every error and more traces for $39.45/mo, within 5 % of the cheapest option that keeps every error (Collector tail sampling (errors, slow traces and a 10 % baseline) at $38.76/mo)."
    )
  })

  it("with a $50 budget at the default plan takes the highest clean head rate within it, no tail sampling", () => {
    const result = recommend({ ...seed, budgetUsdPerMonth: 50 })
    // 0.2 %: 0.002 × 153.36216 + 1 core 36.01 + 0.002 × 3,283.2 = $42.88312432; 0.5 % costs $53.19
    expect(result).toMatchObject({ choice: "head", ratio: 0.002, tail: null, constraint: "budget" })
    expect(result.monthlyUsd).toBeCloseTo(42.88312432, 8)
    expect(result.options.map((option) => [option.id, option.fitsBudget])).toEqual([
      ["head", true],
      ["head-100", false],
      ["tail", false],
    ])
    expect(result.reasons).toContain(
      "At 0.2 %: 864K traces/day, 13.3 GB on Grafana Tempo on S3, $42.88/mo. That is the highest clean rate within the $50.00/mo budget."
    )
    expect(result.runnerUp?.text).toBe(
      "Runner-up: Keep every error with 100 % head sampling: +$3,934/mo ($3,977/mo in all, beyond the $50.00/mo budget)."
    )
    expect(result.warnings).toEqual([
      "Keeping every error takes 100 % head sampling, $3,977/mo, beyond the $50.00/mo budget. This keeps ~360 of 180K errors/hour: raise the limit to keep them all.",
    ])
  })

  it("says so when nothing fits the budget, and names the cheapest plan with its total", () => {
    const result = recommend({ ...seed, budgetUsdPerMonth: 10 })
    expect(result).toMatchObject({ choice: "head", ratio: 0.0001, constraint: "budget" })
    expect(result.monthlyUsd).toBeCloseTo(SEED_001, 8) // $36.35, $36.01 of it the one Collector core
    expect(result.warnings[0]).toBe(
      "Nothing fits the $10.00/mo budget: the cheapest plan, head sampling at 0.01 %, costs $36.35/mo. Most of it is the Collector tier, 1 core at $36.01/mo whatever the rate: raise the budget, or send straight to the backend if you need no Collector."
    )
  })

  it("stays within Honeycomb's free tier with a free budget (0), the Collector and network still priced", () => {
    const result = recommend({ ...seed, backend: "honeycomb", budgetUsdPerMonth: 0, rps: 5, peakRps: 5 })
    // 5 % of 5 req/s: 21,600 traces/day × 30 spans × 30.4 days = 19.70M events ≤ Honeycomb's free 20M;
    // 10 % would be 39.4M, on Pro. The bill: 1 Collector core $36.01 + internet egress
    // 21,600 × 30 × 500 B = 0.324 GB/day × 30.4 ÷ 4 (gzip) × $0.09 = $0.221616 → $36.231616 + app → Collector
    // 0.324 × 30.4 × 2/3 × $0.02 = $0.131328: $36.362944.
    expect(result).toMatchObject({ choice: "head", ratio: 0.05, tail: null, constraint: "budget" })
    expect(result.monthlyUsd).toBeCloseTo(36.362944, 6)
    expect(result.options[0]).toMatchObject({ backendUsd: 0, fitsBudget: true })
    expect(result.reasons[0]).toBe(
      "Within Honeycomb's free tier (19.7M of its 20M events a month): Honeycomb's part of the bill is $0; the $36.36/mo left is the Collector tier and network you run."
    )
  })

  it("says nothing is free on Tempo, or past Honeycomb's free tier, and names the cheapest plan", () => {
    const tempo = recommend({ ...seed, budgetUsdPerMonth: 0 })
    expect(tempo).toMatchObject({ choice: "head", ratio: 0.0001, constraint: "budget" })
    expect(tempo.monthlyUsd).toBeCloseTo(SEED_001, 8)
    expect(tempo.warnings[0]).toBe(
      "Nothing is free: Grafana Tempo on S3 has no free tier: its storage is paid from the first byte. The cheapest plan, head sampling at 0.01 %, costs $36.35/mo, $0.02/mo of it Grafana Tempo on S3's."
    )
    // 5,000 req/s at 0.01 %: 43,200 traces × 30 spans × 30.4 = 39.4M events, past the free 20M: Pro, $130.
    const honeycomb = recommend({ ...seed, backend: "honeycomb", budgetUsdPerMonth: 0 })
    expect(honeycomb.ratio).toBe(0.0001)
    expect(honeycomb.warnings[0]).toBe(
      "Nothing is free: even the lowest rate is past Honeycomb's free tier. The cheapest plan, head sampling at 0.01 %, costs $167/mo, $130/mo of it Honeycomb's."
    )
  })

  it("takes the option that sees the most within a budget: 100 % head sampling when it is affordable", () => {
    const result = recommend({ ...seed, budgetUsdPerMonth: 5000 })
    expect(result).toMatchObject({ choice: "head-100", ratio: 1, constraint: "none" })
    expect(result.monthlyUsd).toBeCloseTo(SEED_100, 6)
    // Tail sampling starts at a 50 % baseline: it fits too ($4,936.64) but keeps fewer traces.
    expect(result.runnerUp?.id).toBe("tail")
    expect(result.runnerUp!.differenceUsd).toBeCloseTo(4936.63864426 - SEED_100, 6)
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
      { sampler: "parentbased_always_on", ratio: 1, dapr: 1, baselinePercent: null, monthlyUsd: 3976.71216 },
    ],
    [
      // 10 %: 15.336216 + 2 cores 72.02 + 328.32; 25 % would be $1,003.18
      "a $500 budget without the error rule takes 10 %, the highest clean rate under it",
      { budgetUsdPerMonth: 500, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: 0.1, baselinePercent: null, monthlyUsd: 415.676216 },
    ],
    [
      // 1 % holds 66.7 GB, 2 % 133 GB: 1.5336216 + 1 core 36.01 + 32.832
      "a 100 GB storage cap takes 1 %",
      { storageCapBytes: 100e9, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.01, dapr: 0.01, baselinePercent: null, monthlyUsd: 70.3756216 },
    ],
    [
      "no budget without the error rule keeps the current 10 %",
      { keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: 0.1, baselinePercent: null, monthlyUsd: 415.676216 },
    ],
    [
      "no Dapr leaves Dapr's rate out",
      { daprEnabled: false, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: null, baselinePercent: null, monthlyUsd: 415.676216 },
    ],
    [
      // Honeycomb bills what it ingests: tail sampling's 6 % + baseline is far cheaper than 100 %.
      // 100 %: $519,778.23; tail at a 10 % baseline: $83,833.24
      "on Honeycomb, keeping every error takes tail sampling, the cheapest option that does",
      { backend: "honeycomb" },
      { sampler: "parentbased_always_on", ratio: 1, dapr: 1, baselinePercent: 10, monthlyUsd: 83833.238896 },
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

  it("adopting tail sampling points apps that sent straight to the backend at the Collector, and leaves a Collector endpoint alone", () => {
    const honeycomb = { ...seed, backend: "honeycomb" as const }
    const toJaeger = { ...honeycomb, otlpEndpoint: "http://jaeger-collector.monitoring.svc.cluster.local:4317" }
    expect(recommend(toJaeger).choice).toBe("tail")
    expect(applyRecommendation(toJaeger, recommend(toJaeger)).otlpEndpoint).toBe(
      "http://otel-collector.observability.svc.cluster.local:4317"
    )
    expect(recommend(toJaeger).reasons).toContain(
      "The apps send to http://jaeger-collector.monitoring.svc.cluster.local:4317, a backend's own intake rather than a Collector; this setting points them at the Collector (http://otel-collector.observability.svc.cluster.local:4317), which exports to Honeycomb."
    )
    const collector = { ...honeycomb, otlpEndpoint: "http://my-collector.obs:4317" }
    expect(applyRecommendation(collector, recommend(collector)).otlpEndpoint).toBe("http://my-collector.obs:4317")
    const headOnly = { ...toJaeger, keepAllErrors: false }
    expect(applyRecommendation(headOnly, recommend(headOnly)).otlpEndpoint).toBe(toJaeger.otlpEndpoint)
  })

  it("with tail sampling already on, keeps its baseline share of all traces and says how that share is made", () => {
    // 10 % head × 10 % baseline = 0.010000000000000002 in floating point: that is 1 %, a clean rate.
    const onTail = recommend({ ...seed, tailSampling: true, tailBaselinePercent: 10, keepAllErrors: false })
    expect(onTail.ratio).toBe(0.01)
    expect(onTail.reasons[0]).toBe(
      "At 1 %: 4.32M traces/day, 66.7 GB on Grafana Tempo on S3, $70.38/mo. No budget or storage cap is set, so this keeps your current baseline, 1 % of all traces (10 % head × 10 % tail baseline); set a budget or cap to let TraceBudget pick the option that sees the most within it."
    )
    // 100 % head × 3 % baseline: not a clean rate, so it moves to the nearest one and says so.
    const offClean = recommend({
      ...seed,
      keepAllErrors: false,
      ratio: 1,
      daprSamplingRate: 1,
      tailSampling: true,
      tailBaselinePercent: 3,
    })
    expect(offClean.reasons.join(" ")).toContain(
      "keeps your current baseline, 3 % of all traces (100 % head × 3 % tail baseline) at the nearest clean rate, 2 %"
    )
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
    // 25 %: 38.34054 + 4 cores 144.04 + 820.8 = $1,003.18054
    expect(at20.reasons[0]).toBe(
      "At 25 %: 108M traces/day, 1.67 TB on Grafana Tempo on S3, $1,003/mo. No budget or storage cap is set, so this keeps your current 20 % at the nearest clean rate, 25 %; set a budget or cap to let TraceBudget pick the option that sees the most within it."
    )
    expect(recommend({ ...seed, ratio: 0.03, daprSamplingRate: 0.03, keepAllErrors: false }).ratio).toBe(0.02)
    expect(recommend({ ...seed, keepAllErrors: false }).reasons[0]).toContain(
      "No budget or storage cap is set, so this keeps your current rate;"
    )
  })

  it("cites the tail tier's whole cost when it chooses tail sampling: its Collector cores and network", () => {
    const result = recommend({ ...seed, backend: "honeycomb" })
    expect(result.reasons.slice(1, 3)).toEqual([
      "Head sampling alone at 10 % keeps ~18K of 180K errors/hour; Collector tail sampling with an error policy keeps all of them plus a 10 % baseline and every slow trace: +347 GB/day, +$31,837/mo against head sampling alone, its Collector tier and network included.",
      "Tail sampling needs every span at the Collector: SDKs and Dapr sample 100 %. At peak that is 150K spans/s: 19 tail-sampling replicas of 1 core + 2 GB, num_traces 50K each, ~4.5 GB of buffered spans in all, behind 15 load-balancing replicas routing by trace id. Their compute, 34 cores at $36.01, is $1,224/mo of the bill, and the network $3,964/mo.",
    ])
  })

  it("prices the Collector tier at the cost per core entered", () => {
    // 1 forwarding core at $300 makes every head rate cost at least $300: a $200 budget fits none.
    const priced = recommend({ ...seed, collectorUsdPerCoreMonth: 300, budgetUsdPerMonth: 200, keepAllErrors: false })
    expect(priced.ratio).toBe(0.0001)
    expect(priced.monthlyUsd).toBeCloseTo(300 + 0.0001 * (153.36216 + 3283.2), 8)
  })

  it("advises what can lower the bill when nothing fits the budget: what most of it is, else what the backend bills by", () => {
    const advice = (backend: PlanInput["backend"], changes: Partial<PlanInput> = {}) =>
      recommend({ ...seed, backend, budgetUsdPerMonth: 0.001, keepAllErrors: false, ...changes }).warnings[0]
    // At 0.01 % the Tempo bill is $36.35, $36.01 of it the Collector core.
    expect(advice("tempo")).toMatch(/Most of it is the Collector tier, 1 core at \$36\.01\/mo whatever the rate/)
    // With compute already paid for (priced at 0), the network is most of it: 0.0001 × $3,283.20 = $0.33 of $0.34.
    const paid = { computeUsdPerVcpuMonth: 0, computeUsdPerGbMonth: 0 }
    expect(advice("tempo", paid)).toBe(
      "Nothing fits the $0.00/mo budget: the cheapest plan, head sampling at 0.01 %, costs $0.34/mo. Most of it is the network, $0.33/mo of spans crossing zones or leaving for the internet: run fewer zones, or raise the budget."
    )
    // In one zone nothing crosses: storage is what is left, and retention helps.
    expect(advice("tempo", { ...paid, zones: 1 })).toMatch(
      /Raise the budget, shorten retention or pick a cheaper backend\.$/
    )
    expect(advice("datadog")).toMatch(
      /Raise the budget, run APM on fewer hosts \(each costs its fee whatever the rate\) or pick a cheaper backend\.$/
    )
    expect(advice("honeycomb")).toMatch(
      /Raise the budget or pick a cheaper backend: Honeycomb bills what it ingests, whatever the retention\.$/
    )
  })

  it("says how many errors a head rate keeps when every error is asked for but its options break the budget", () => {
    // Requests enter the app directly and its 50 % decides: 5,000 req/s × 1 % errors × 3,600 s = 180K errors/hour, half kept.
    // 50 % costs $2,006.36 (76.68108 + 8 cores 288.08 + 1,641.6); 100 % $3,976.71 breaks $2,500.
    const result = recommend({ ...seed, daprIngress: false, ratio: 0.5, budgetUsdPerMonth: 2500 })
    expect(result.ratio).toBe(0.5)
    expect(result.tail).toBeNull()
    expect(result.warnings).toContain(
      "Keeping every error takes 100 % head sampling, $3,977/mo, beyond the $2,500/mo budget. This keeps ~90K of 180K errors/hour: raise the limit to keep them all."
    )
  })

  it("offers only a global rate for an endpoint below the minimum when Dapr decides the root", () => {
    const result = recommend({
      ...seed,
      budgetUsdPerMonth: 500,
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.99999 },
        { name: "POST /admin/reindex", share: 0.00001 },
      ],
    })
    expect(result.perOperation).toEqual([])
    // 50 %: 76.68108 + 8 cores 288.08 + 1,641.6 = $2,006.36
    expect(result.warnings).toEqual([
      "POST /admin/reindex keeps 0.3 traces/minute at 10 %, below the 1/minute minimum. With Dapr deciding the root at one rate, raise every endpoint to 50 % ($2,006/mo); a per-endpoint rate would need the app to decide.",
    ])
  })

  it("offers a per-operation rate behind Dapr when requests bypass the sidecar and the app decides", () => {
    const result = recommend({
      ...seed,
      daprIngress: false,
      budgetUsdPerMonth: 500,
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
      budgetUsdPerMonth: 500,
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.9 },
        { name: "POST /admin/reindex", share: 0.00001 },
        { name: "GET /rare", share: 0.0000001 },
      ],
    })
    // (50 % $2,006.36108 − 10 % $415.676216) × 0.00001 = $0.0159068
    expect(result.perOperation).toEqual([
      { endpoint: "POST /admin/reindex", ratio: 0.5, extraMonthlyUsd: expect.closeTo(0.0159068486, 9) },
    ])
    expect(result.warnings).toEqual([
      "POST /admin/reindex keeps 0.3 traces/minute at 10 %, below the 1/minute minimum. Sample it at 50 % with a per-operation strategy (+$0.02/mo; the app's sampler must be parentbased_jaeger_remote to fetch it), or raise every endpoint to 50 % ($2,006/mo).",
      "GET /rare gets only 0.03 requests/minute: even 100 % cannot give it 1 trace per minute.",
    ])
  })

  it("sizes the tail-sampling tier at peak", () => {
    expect(recommend(seed).options.find((option) => option.id === "tail")?.tail?.sizing).toEqual({
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
