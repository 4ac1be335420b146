import { describe, expect, it } from "vitest"

import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import { buildPlan } from "@/lib/plan/build-plan"
import { recommend } from "@/lib/plan/recommend"
import { perOperationUnavailable, recommendationFacts } from "@/lib/plan/recommend-facts"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

const seed = DEFAULT_INPUT // 5,000 rps, 30 spans × 500 B, 7 days on Tempo, 1 % errors, 5 % slow, via the Collector

// The whole bill at the seed, by rate p of head sampling (the lines of buildPlan(...).cost):
//   storage   S3: 6,480 GB/day × p × 0.14 × 1.05 × 7 days = 6,667.92 GB × p × $0.023 = $153.36216 × p,
//             + Tempo's Kafka disk: 18,104.9 GiB × p × $0.08 = $1,448.39286804 × p: $1,601.75502804 × p
//   backend   Tempo 3.x's components at $29.53/vCPU + $3.24/GB-month: $480.86 at the fewest replicas
//             (1 distributor 65.54 + 2 live stores 136.82 + 1 block builder 39.065 + 1 querier 53.645
//             + 2 query frontends 107.29 + 1 backend scheduler 19.625 + 3 backend workers 58.875),
//             $695.44 at 10 %, $1,405.275 at 25 %, $2,629.99 at 50 %, $5,113.44 at 100 %
//   Collector ceil(150,000 × p spans/s ÷ 10,000) forwarding cores × $36.01 ($29.53 + 2 × $3.24)
//   network   6,480 GB/day × p × 30.4 = 196,992 GB × p: × 2/3 × $0.02 app → Collector ($2,626.56 × p),
//             ÷ 4 (gzip) × 2/3 × $0.02 Collector → Tempo ($656.64 × p), and Tempo's replication of raw
//             bytes between zones 393,984 GB × p × $0.02 ($7,879.68 × p): $11,162.88 × p
const SEED_100 = 1601.75502804 + 5113.44 + 15 * 36.01 + 11162.88 // = $18,418.22502804
const SEED_10 = 160.175502804 + 695.44 + 2 * 36.01 + 1116.288 // = $2,043.9235028
// Tail at a 10 % baseline: storage 23.548759668 S3 + 222.400724888 Kafka, backend compute $1,097.80,
// 19 sampling + 15 load-balancing cores, network 2,626.56 + 656.64 + 100.827072 + 1,209.924864
const SEED_TAIL_10 = 245.949484556 + 1097.8 + 34 * 36.01 + 4593.951936 // = $7,162.04142056
const SEED_001 = 0.0001 * 1601.75502804 + 480.86 + 36.01 + 0.0001 * 11162.88 // 0.01 %: $518.146463503

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

  it("at the default plan, with no budget, takes the cheapest option that keeps every error: Collector tail sampling", () => {
    // With the backend's compute and Tempo's replication priced, 100 % head sampling ($18,418) costs
    // far more than tail sampling's 34 Collector cores ($7,162): tail is the cheapest keeper now.
    const result = recommend(seed)
    expect(result.choice).toBe("tail")
    expect(result.constraint).toBe("keep-all-errors")
    expect(result.monthlyUsd).toBeCloseTo(SEED_TAIL_10, 6) // $7,162.04
    expect(result.options.map((option) => [option.id, option.ratio, option.tail?.baselinePercent ?? null])).toEqual([
      ["head", 0.1, null],
      ["head-100", 1, null],
      ["tail", 1, 10],
    ])
    // The current 10 %: $2,043.92, keeps ~18K of 180K errors/hour.
    expect(result.options[0]!.monthlyUsd).toBeCloseTo(SEED_10, 6)
    expect(result.options[0]!.meetsGoals).toBe(false)
    expect(result.options[1]!.monthlyUsd).toBeCloseTo(SEED_100, 6)
    // Tail sampling: 19 sampling + 15 load-balancing cores, and the network of every span to the Collector.
    expect(result.options[2]!.breakdown.collectorComputeUsd).toBeCloseTo(34 * 36.01, 6)
    expect(result.runnerUp).toMatchObject({ id: "head-100" })
    expect(result.runnerUp!.differenceUsd).toBeCloseTo(SEED_100 - SEED_TAIL_10, 6) // +$11,256.18
    expect(result.headline).toBe(
      "Collector tail sampling (errors, slow traces and a 10 % baseline): $7,162/mo, keeps every error and slow trace (66.3M traces/day)"
    )
    expect(result.reasons[0]).toBe(
      "No budget or storage cap is set, so this is the cheapest option that keeps every error: Collector tail sampling (errors, slow traces and a 10 % baseline) at $7,162/mo, against 100 % head sampling at $18,418/mo."
    )
    expect(result.reasons).toContain("Runner-up: 100 % head sampling: +$11,256/mo ($18,418/mo in all).")
  })

  it("at 5 req/s keeps every trace with 100 % head sampling rather than a tail-sampling tier within 5 % of it", () => {
    const result = recommend({ ...seed, rps: 5, peakRps: 5 })
    // 100 %: storage 1.601755028 + Tempo's fewest replicas 480.86 + 1 forwarding core 36.01 + network 11.16288
    //   = $529.634635028
    // tail (10 % baseline): storage 0.245949485 + 480.86 + 1 sampling core 36.01 + network 3.937311936
    //   = $521.053261421: 100 % is 1.6 % dearer, within the 5 %
    expect(result.choice).toBe("head-100")
    expect(result.tail).toBeNull()
    expect(result.monthlyUsd).toBeCloseTo(529.634635028, 8)
    expect(result.runnerUp?.id).toBe("tail")
    expect(result.runnerUp!.differenceUsd).toBeCloseTo(521.053261421 - 529.634635028, 6) // −$8.58
    expect(result.reasons[0]).toBe(
      "No budget or storage cap is set: 100 % head sampling keeps every error and more traces for $530/mo, within 5 % of the cheapest option that keeps every error (Collector tail sampling (errors, slow traces and a 10 % baseline) at $521/mo)."
    )
  })

  it("with a $1,000 budget at the default plan takes the highest clean head rate within it, no tail sampling", () => {
    // $50 (the budget this test had when the backend's compute was $0) now fits nothing: Tempo's
    // fewest replicas cost $480.86. $1,000 leaves room for a head rate and none for a keeper.
    const result = recommend({ ...seed, budgetUsdPerMonth: 1000 })
    // 2 %: 0.02 × 1,601.75502804 + 480.86 + 1 core 36.01 + 0.02 × 11,162.88 = $772.162700561;
    // 5 % costs $1,262.39 (80.0877514 + 588.15 + 36.01 + 558.144)
    expect(result).toMatchObject({ choice: "head", ratio: 0.02, tail: null, constraint: "budget" })
    expect(result.monthlyUsd).toBeCloseTo(772.162700561, 8)
    expect(result.options.map((option) => [option.id, option.fitsBudget])).toEqual([
      ["head", true],
      ["head-100", false],
      ["tail", false],
    ])
    expect(result.reasons).toContain(
      "At 2 %: 8.64M traces/day, 133 GB on Grafana Tempo on S3, $772/mo. That is the highest clean rate within the $1,000/mo budget."
    )
    // The cheapest way to keep every error is tail sampling at its lowest baseline, 0.01 %: storage 95.455069229
    // + backend compute 588.15 + 34 cores 1,224.34 + network 3,791.913880896 = $5,699.86; 2 % keeps 3.6K errors/hour.
    expect(result.warnings).toEqual([
      "Keeping every error takes Collector tail sampling (errors, slow traces and a 0.01 % baseline), $5,700/mo, beyond the $1,000/mo budget. This keeps ~3.6K of 180K errors/hour: raise the limit to keep them all.",
    ])
    // The runner-up is that same cheapest way to keep every error (not 100 % head at $18,418): $5,699.86 − $772.16.
    expect(result.runnerUp?.text).toBe(
      "Runner-up: Keep every error with Collector tail sampling (errors, slow traces and a 0.01 % baseline): +$4,928/mo ($5,700/mo in all, beyond the $1,000/mo budget)."
    )
  })

  it("says so when nothing fits the budget, and names the cheapest plan with its total", () => {
    const result = recommend({ ...seed, budgetUsdPerMonth: 10 })
    expect(result).toMatchObject({ choice: "head", ratio: 0.0001, constraint: "budget" })
    expect(result.monthlyUsd).toBeCloseTo(SEED_001, 8) // $518.15, $480.86 of it Tempo's fewest replicas
    expect(result.warnings[0]).toBe(
      "Nothing fits the $10.00/mo budget: the cheapest plan, head sampling at 0.01 %, costs $518/mo. Most of it is the backend's compute, $481/mo, which a lower rate barely moves: raise the budget or pick a backend that costs less to run."
    )
    // The headline says it too: the option shown is only the cheapest, not one that fits.
    expect(result.headline).toBe(
      "Head sampling at 0.01 %: $518/mo, keeps 43.2K traces/day, ~18 of 180K errors/hour (the cheapest plan: nothing fits the $10.00/mo budget)"
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
      // Tempo's part: storage 0.160175503 + compute 480.86 = $481.02 of the $518.15
      "Nothing is free: Grafana Tempo on S3 has no free tier: its nodes and storage are paid from the first byte. The cheapest plan, head sampling at 0.01 %, costs $518/mo, $481/mo of it Grafana Tempo on S3's."
    )
    // 5,000 req/s at 0.01 %: 43,200 traces × 30 spans × 30.4 = 39.4M events, past the free 20M: Pro, $130.
    const honeycomb = recommend({ ...seed, backend: "honeycomb", budgetUsdPerMonth: 0 })
    expect(honeycomb.ratio).toBe(0.0001)
    expect(honeycomb.warnings[0]).toBe(
      "Nothing is free: even the lowest rate is past Honeycomb's free tier. The cheapest plan, head sampling at 0.01 %, costs $167/mo, $130/mo of it Honeycomb's."
    )
  })

  it("does not call X-Ray free: its span ingestion has a price the bill names but cannot give", () => {
    const xray = recommend({ ...seed, backend: "aws-xray", budgetUsdPerMonth: 0 })
    expect(xray.constraint).toBe("budget")
    expect(xray.warnings[0]).toBe(
      "Nothing is known to be free: AWS X-Ray bills span ingestion at CloudWatch prices this plan cannot give, so no rate counts as free. The cheapest plan, head sampling at 0.01 %, costs $36.27/mo besides that ingestion."
    )
  })

  it("takes the option that sees the most within a budget: 100 % head sampling when it is affordable", () => {
    // $5,000 (this test's budget when the backend's compute was $0) now buys 25 % at most; $20,000 buys 100 %.
    const result = recommend({ ...seed, budgetUsdPerMonth: 20000 })
    expect(result).toMatchObject({ choice: "head-100", ratio: 1, constraint: "none" })
    expect(result.monthlyUsd).toBeCloseTo(SEED_100, 6)
    // Tail sampling starts at a 50 % baseline: it fits too but keeps fewer traces. Its bill: storage
    // 848.529726105 + backend compute 2,737.28 + 34 cores 1,224.34 + network 7,805.31552 = $12,615.465246105.
    expect(result.runnerUp?.id).toBe("tail")
    expect(result.runnerUp!.differenceUsd).toBeCloseTo(12615.465246105 - SEED_100, 6) // −$5,802.76
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
      { sampler: "parentbased_always_on", ratio: 1, dapr: 1, baselinePercent: null, monthlyUsd: 18418.225028 }, // SEED_100
    ],
    [
      // $500 now fits nothing (Tempo's fewest replicas cost $480.86), so $2,500:
      // 10 %: 160.175502804 + 695.44 + 2 cores 72.02 + 1,116.288 = $2,043.9235028; 25 % would be $4,740.47
      "a $2,500 budget without the error rule takes 10 %, the highest clean rate under it",
      { budgetUsdPerMonth: 2500, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: 0.1, baselinePercent: null, monthlyUsd: 2043.9235028 },
    ],
    [
      // 1 % holds 66.7 GB, 2 % 133 GB: 16.0175502804 + 480.86 + 1 core 36.01 + 111.6288 = $644.51635028
      "a 100 GB storage cap takes 1 %",
      { storageCapBytes: 100e9, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.01, dapr: 0.01, baselinePercent: null, monthlyUsd: 644.51635028 },
    ],
    [
      "no budget without the error rule keeps the current 10 %",
      { keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: 0.1, baselinePercent: null, monthlyUsd: 2043.9235028 },
    ],
    [
      "no Dapr leaves Dapr's rate out",
      { daprEnabled: false, keepAllErrors: false },
      { sampler: "parentbased_traceidratio", ratio: 0.1, dapr: null, baselinePercent: null, monthlyUsd: 2043.9235028 },
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
      // 1 %: 16.0175502804 + 480.86 + 36.01 + 111.6288 = $644.52
      "At 1 %: 4.32M traces/day, 66.7 GB on Grafana Tempo on S3, $645/mo. No budget or storage cap is set, so this keeps your current baseline, 1 % of all traces (10 % head × 10 % tail baseline); set a budget or cap to let TraceBudget pick the option that sees the most within it."
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
    // Tempo 3.x's default is 30 MB/s (it was 15 MB/s in 2.x, when 25 % was over it): 50 % of the peak's
    // 75 MB/s of raw OTLP (150K spans/s × 500 B) is 37.5 MB/s.
    const at50 = recommend({ ...seed, ratio: 0.5, daprSamplingRate: 0.5, keepAllErrors: false })
    expect(at50.warnings).toEqual([
      "At peak this setting sends 37.5 MB/s to Tempo, at or above a distributor's default 30 MB/s per tenant: run enough distributors or raise rate_limit_bytes (see Check your setup once applied).",
    ])
  })

  it("says when it moves the current rate to the nearest clean one, up or down", () => {
    const at20 = recommend({ ...seed, ratio: 0.2, daprSamplingRate: 0.2, keepAllErrors: false })
    expect(at20.ratio).toBe(0.25)
    // 25 %: 400.43875701 + backend compute 1,405.275 + 4 cores 144.04 + 2,790.72 = $4,740.47375701
    expect(at20.reasons[0]).toBe(
      "At 25 %: 108M traces/day, 1.67 TB on Grafana Tempo on S3, $4,740/mo. No budget or storage cap is set, so this keeps your current 20 % at the nearest clean rate, 25 %; set a budget or cap to let TraceBudget pick the option that sees the most within it."
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
      "Tail sampling needs every span at the Collector: SDKs and Dapr sample 100 %. At peak that is 150K spans/s: 19 tail-sampling replicas of 1 core + 2 GB, behind 15 load-balancing replicas routing by trace id. Their compute, 34 cores at $36.01, is $1,224/mo of the bill, and the network $3,964/mo.",
    ])
  })

  it("prices the Collector tier at the cost per core entered", () => {
    // 1 forwarding core at $300 makes every head rate cost at least $300: a $200 budget fits none.
    // Nodes already paid for (compute at $0) keep Tempo's own replicas out of the sum, so the
    // Collector's entered price is all the compute there is.
    const priced = recommend({
      ...seed,
      collectorUsdPerCoreMonth: 300,
      computeUsdPerVcpuMonth: 0,
      computeUsdPerGbMonth: 0,
      budgetUsdPerMonth: 200,
      keepAllErrors: false,
    })
    expect(priced.ratio).toBe(0.0001)
    expect(priced.options[0]!.breakdown).toMatchObject({ backendComputeUsd: 0, collectorComputeUsd: 300 })
    expect(priced.monthlyUsd).toBeCloseTo(300 + 0.0001 * (1601.75502804 + 11162.88), 8) // $301.28
  })

  it("advises what can lower the bill when nothing fits the budget: what most of it is, else what the backend bills by", () => {
    const advice = (backend: PlanInput["backend"], changes: Partial<PlanInput> = {}) =>
      recommend({ ...seed, backend, budgetUsdPerMonth: 0.001, keepAllErrors: false, ...changes }).warnings[0]
    // At 0.01 % the Tempo bill is $518.15, $480.86 of it Tempo's fewest replicas.
    expect(advice("tempo")).toMatch(
      /Most of it is the backend's compute, \$481\/mo, which a lower rate barely moves: raise the budget or pick a backend that costs less to run\.$/
    )
    // On Honeycomb at 5 req/s (within its free tier, so $0 to the vendor) the one Collector core is
    // most of it: $36.01 of $36.010705888 (network 0.000705888).
    expect(advice("honeycomb", { rps: 5, peakRps: 5 })).toMatch(
      /Most of it is the Collector tier, 1 core at \$36\.01\/mo whatever the rate/
    )
    // With compute already paid for (priced at 0), the network is most of it:
    // 0.0001 × $11,162.88 = $1.12 of $1.28 (storage 0.0001 × $1,601.76 = $0.16).
    const paid = { computeUsdPerVcpuMonth: 0, computeUsdPerGbMonth: 0 }
    expect(advice("tempo", paid)).toBe(
      "Nothing fits the $0.00/mo budget: the cheapest plan, head sampling at 0.01 %, costs $1.28/mo. Most of it is the network, $1.12/mo of spans crossing zones or leaving for the internet: run fewer zones, or raise the budget."
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
    // Requests enter the app directly and its rate decides: 5,000 req/s × 1 % errors × 3,600 s = 180K errors/hour.
    // $2,500 (this test's budget when the backend's compute was $0) now buys only 10 %, and 50 % ($9,300.39)
    // costs more than tail sampling, so $5,000: 25 % costs $4,740.47 (400.43875701 + 1,405.275 + 4 cores
    // 144.04 + 2,790.72) and keeps a quarter of the errors; tail at a 0.01 % baseline ($5,699.86, the
    // cheapest keeper) and 100 % ($18,418.23) break it.
    const result = recommend({ ...seed, entryPoint: "app", ratio: 0.5, budgetUsdPerMonth: 5000 })
    expect(result.ratio).toBe(0.25)
    expect(result.tail).toBeNull()
    expect(result.warnings).toContain(
      "Keeping every error takes Collector tail sampling (errors, slow traces and a 0.01 % baseline), $5,700/mo, beyond the $5,000/mo budget. This keeps ~45K of 180K errors/hour: raise the limit to keep them all."
    )
  })

  it("offers only a global rate for an endpoint below the minimum when Dapr decides the root", () => {
    const result = recommend({
      ...seed,
      budgetUsdPerMonth: 2500, // 10 % ($2,043.92) fits, 25 % ($4,740.47) does not
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.99999 },
        { name: "POST /admin/reindex", share: 0.00001 },
      ],
    })
    expect(result.perOperation).toEqual([])
    // 50 %: 800.877514021 + backend compute 2,629.99 + 8 cores 288.08 + 5,581.44 = $9,300.387514021
    expect(result.warnings).toEqual([
      "POST /admin/reindex keeps 0.3 traces/minute at 10 %, below the 1/minute minimum. With Dapr deciding the root at one rate, raise every endpoint to 50 % ($9,300/mo); a per-endpoint rate would need the app to decide.",
    ])
  })

  it("offers a per-operation rate behind Dapr when requests bypass the sidecar and the app decides", () => {
    const result = recommend({
      ...seed,
      language: "java",
      entryPoint: "app",
      budgetUsdPerMonth: 2500, // 10 % ($2,043.92) fits, 25 % ($4,740.47) does not
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
      language: "java",
      daprEnabled: false,
      budgetUsdPerMonth: 2500, // 10 % ($2,043.92) fits, 25 % ($4,740.47) does not
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.9 },
        { name: "POST /admin/reindex", share: 0.00001 },
        { name: "GET /rare", share: 0.0000001 },
      ],
    })
    // (50 % $9,300.395393701 − 10 % $2,043.92507874) × 0.00001 = $0.0725647031: Java's health checks
    // are dropped at the Collector, so they still travel the apps → Collector hop (+$0.0016 at 10 %).
    expect(result.perOperation).toEqual([
      { endpoint: "POST /admin/reindex", ratio: 0.5, extraMonthlyUsd: expect.closeTo(0.0725647031, 9) },
    ])
    expect(result.warnings).toEqual([
      "POST /admin/reindex keeps 0.3 traces/minute at 10 %, below the 1/minute minimum. Sample it at 50 % with a per-operation strategy (+$0.07/mo; the app's sampler must be parentbased_jaeger_remote to fetch it, and at this setting the Jaeger sampling strategies file lists it), or raise every endpoint to 50 % ($9,300/mo).",
      "GET /rare gets only 0.03 requests/minute: even 100 % cannot give it 1 trace per minute.",
    ])
  })

  // A per-operation strategy reaches the app only through parentbased_jaeger_remote in OTEL_TRACES_SAMPLER:
  // offered where the SDK loads that name, and nowhere its fallback would keep 100 % of roots.
  it.each([
    // The Java agent bundles the Jaeger remote sampler (opentelemetry-java-instrumentation v2.31.0 javaagent-tooling/build.gradle.kts).
    ["java", true, null],
    // sdk-trace-base config.ts buildSamplerFromEnv / sdk-node create-from-env.ts (opentelemetry-js v2.10.0).
    ["node", false, "parentbased_always_on"],
    // sdk/trace/sampling.py _get_from_env_or_default (opentelemetry-python v1.44.0).
    ["python", false, "parentbased_always_on"],
    // sdk/trace/sampler_env.go samplerFromEnv (opentelemetry-go v1.45.0).
    ["go", false, "parentbased_always_on"],
    // src/OpenTelemetry/Trace/TracerProviderSdk.cs GetSampler (opentelemetry-dotnet core-1.18.0).
    ["dotnet", false, "parentbased_always_on"],
  ] as const)("offers a per-operation rate to %s: %s", (language, offered, runs) => {
    const facts = recommendationFacts({
      ...seed,
      language,
      daprEnabled: false,
      budgetUsdPerMonth: 2500, // 10 % ($2,043.92) fits, 25 % ($4,740.47) does not
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.99999 },
        { name: "POST /admin/reindex", share: 0.00001 },
      ],
    })
    expect(facts.perOperation.length > 0).toBe(offered)
    const warning = facts.warnings.find((candidate) => candidate.id === "endpoint-below-minimum")
    expect(warning).toMatchObject({
      endpointRatio: 0.5,
      perOperationUnavailable: offered ? null : { reason: "sdk-cannot-load", language, runs },
    })
  })

  it.each([
    [
      "Dapr decides every root at one rate",
      { language: "java", daprEnabled: true, entryPoint: "sidecar" },
      false,
      "dapr-decides",
    ],
    [
      "another Dapr app calls it (service invocation): the caller decides",
      { language: "java", daprEnabled: true, entryPoint: "dapr-app" },
      false,
      "dapr-decides",
    ],
    ["the SDK cannot load the sampler", { language: "go", daprEnabled: false }, false, "sdk-cannot-load"],
    ["a tail sampler's baseline decides", { language: "java", daprEnabled: false }, true, "tail-decides"],
    ["the Java app decides at the head", { language: "java", daprEnabled: false }, false, null],
  ] as const)("offers no per-operation rate when %s", (_why, plan, tailDecides, reason) => {
    expect(perOperationUnavailable({ ...seed, ...plan }, tailDecides)?.reason ?? null).toBe(reason)
  })

  it("tells a Python app that its SDK cannot load the per-operation sampler, and offers the global rate", () => {
    const result = recommend({
      ...seed,
      daprEnabled: false,
      budgetUsdPerMonth: 2500,
      keepAllErrors: false,
      endpoints: [
        { name: "GET /tasks", share: 0.99999 },
        { name: "POST /admin/reindex", share: 0.00001 },
      ],
    })
    expect(result.perOperation).toEqual([])
    expect(result.warnings).toEqual([
      "POST /admin/reindex keeps 0.3 traces/minute at 10 %, below the 1/minute minimum. The python SDK cannot load parentbased_jaeger_remote from OTEL_TRACES_SAMPLER (it would run parentbased_always_on: 100 % of roots), so a per-operation rate is not offered: raise every endpoint to 50 % ($9,300/mo).",
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
