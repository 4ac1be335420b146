import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"
import {
  redMetricsApply,
  redMetricsBill,
  SERIES_PER_COMBINATION,
  spanMetricsSeries,
  SPANMETRICS,
} from "@/lib/plan/red-metrics"
import { tailSizingFor } from "@/lib/plan/tail"

// Every request traced (the SDK and Dapr at 100 %), so the Collector decides on every trace.
const TAIL: PlanInput = {
  ...DEFAULT_INPUT,
  tailSampling: true,
  sampler: "parentbased_always_on",
  ratio: 1,
  daprSamplingRate: 1,
}

describe("the series the spanmetrics connector writes", () => {
  it("counts 20 Prometheus series per combination: calls, 16 buckets, +Inf, sum and count", () => {
    // spanmetrics connector README @001f9b83c244: default buckets 2ms … 15s (16 of them).
    expect(SPANMETRICS.buckets).toHaveLength(16)
    expect(SERIES_PER_COMBINATION).toBe(20)
  })

  it("runs only where the Collector samples and the user did not turn it off", () => {
    expect(redMetricsApply(DEFAULT_INPUT)).toBe(false)
    expect(redMetricsApply(TAIL)).toBe(true)
    expect(redMetricsApply({ ...TAIL, redMetrics: "off" })).toBe(false)
  })

  it("multiplies span names, 2 status codes and the first tier's replicas", () => {
    // 5,000 req/s × 30 spans at 100 % = 150,000 spans/s: 19 sampling replicas at 8,000 spans/s per
    // core and 15 load-balancing replicas at 10,000 (tailSizing), so the first tier has 15.
    const tail = tailSizingFor(TAIL, 1)
    expect([tail.replicas, tail.loadBalancerReplicas]).toEqual([19, 15])
    const series = spanMetricsSeries(TAIL, 1)
    expect(series).toEqual({
      services: 1,
      spanNames: 30,
      collectorReplicas: 15,
      combinations: 900, // 30 × 2 × 15
      series: 18_015, // 900 × 20 + 1 target_info × 15
      datadogCustomMetrics: 5_400, // 900 × (1 + 5)
      dataPointsPerMinute: 18_015, // flushed once a minute
    })
  })

  it("counts each endpoint's span names and each service's target_info", () => {
    const input: PlanInput = {
      ...TAIL,
      rps: 10,
      peakRps: 10,
      endpoints: [
        { name: "GET /tasks", share: 0.7 },
        { name: "POST /tasks", share: 0.3 },
      ],
    }
    // 10 req/s × 30 spans = 300 spans/s: one sampling replica, no load-balancing tier.
    expect(spanMetricsSeries(input, 1)).toMatchObject({ spanNames: 60, collectorReplicas: 1, series: 2_401 })
  })
})

describe("the RED metrics on the bill", () => {
  const series = spanMetricsSeries(TAIL, 1)

  it("prices Grafana Cloud's active series past 10,000 free at $6.50 per 1,000", () => {
    const bill = redMetricsBill("grafana-cloud", series, 10)
    // (18,015 − 10,000) × $0.0065 = $52.0975
    expect(bill).toEqual({
      kind: "priced",
      backend: "grafana-cloud",
      series: 18_015,
      freeSeries: 10_000,
      billedSeries: 8_015,
      unitUsd: 0.0065,
      usd: 8_015 * 0.0065,
    })
  })

  it("prices Datadog's custom metrics past 100 per host at $5 per 100", () => {
    const bill = redMetricsBill("datadog", series, 10)
    // 5,400 − 10 hosts × 100 = 4,400 × $0.05 = $220
    expect(bill).toMatchObject({ billedCustomMetrics: 4_400, usd: 220 })
  })

  it("names the series where they cannot be priced", () => {
    expect(redMetricsBill("tempo", series, 10)).toEqual({
      kind: "unpriced",
      backend: "tempo",
      series: 18_015,
      dataPointsPerMinute: 18_015,
    })
  })

  it("adds to the whole bill only when the Collector samples", () => {
    const grafana = { ...TAIL, backend: "grafana-cloud" } as const
    const withMetrics = buildPlan(grafana)
    const without = buildPlan({ ...grafana, redMetrics: "off" })
    expect(withMetrics.cost.monthlyUsd - without.cost.monthlyUsd).toBeCloseTo(52.0975, 2)
    expect(withMetrics.cost.lines.map((line) => line.label)).toContain(
      "RED metrics: 8,015 active series above 10,000 free (of 18,015) × $6.50 per 1,000"
    )
    const tempo = buildPlan(TAIL)
    expect(tempo.cost.unpriced).toContain(
      "Not priced: the RED metrics the Collector computes before sampling, about 18K series (18K data points a minute), which your own Prometheus (or Mimir) stores on nodes not sized here."
    )
    expect(buildPlan(DEFAULT_INPUT).cost.unpriced.join(" ")).not.toContain("RED metrics")
  })
})
