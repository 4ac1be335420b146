import type { BackendId } from "./backends"
import type { PlanInput } from "./schema"
import { tailSizingFor } from "./tail"

/**
 * Request, error and duration (RED) metrics that stay right under sampling: the Collector's
 * `spanmetrics` connector counts every span before the sampler drops any, and this module
 * estimates the metric series it writes and what they cost where a vendor bills series.
 *
 * The connector's defaults (open-telemetry/opentelemetry-collector-contrib
 * connector/spanmetricsconnector/README.md @001f9b83c244): dimensions service.name, span.name,
 * span.kind and status.code on every series; an explicit duration histogram with 16 buckets
 * (2 ms … 15 s); a `calls` sum. In Prometheus terms each (dimensions) combination is one
 * `calls_total` series and a `duration` histogram of 16 + 1 (`+Inf`) `_bucket` series, `_sum` and
 * `_count`: 20 series.
 */
export const SPANMETRICS = {
  /** The connector's default explicit histogram buckets, as its README lists them. */
  buckets: [
    "2ms",
    "4ms",
    "6ms",
    "8ms",
    "10ms",
    "50ms",
    "100ms",
    "200ms",
    "400ms",
    "800ms",
    "1s",
    "1400ms",
    "2s",
    "5s",
    "10s",
    "15s",
  ],
  /**
   * Flush once a minute (the connector's default is 15 s): Grafana Cloud Pro includes 1 data point
   * per minute per active series and bills on data points past that (Grafana Cloud docs, Metrics
   * pricing, 2026), and a minute is fine for RED dashboards.
   */
  flushIntervalSeconds: 60,
  /** Status codes a combination is seen with: instrumentations leave success Unset and set Error; Ok is set by application code only. */
  statusCodes: 2,
} as const

/** Series of one (service, span name, kind, status) combination in Prometheus: calls + buckets + `+Inf` + sum + count. */
export const SERIES_PER_COMBINATION = 1 + SPANMETRICS.buckets.length + 1 + 2

/**
 * Datadog counts a histogram it receives over OTLP as a distribution: 5 custom metrics per tag
 * combination (count, sum, min, max, avg), plus 1 for the `calls` count.
 */
export const DATADOG_CUSTOM_METRICS_PER_COMBINATION = 1 + 5

/** The series the span metrics create, as facts. */
export interface SpanMetricsSeries {
  /** Services on the request path (the topology's, else 1). */
  services: number
  /** Span names on one request path (spans per trace) × endpoints: an upper estimate, since endpoints often share DB and cache span names. */
  spanNames: number
  /** Collector replicas that compute them: each labels its own series (`collector_instance`), so they do not collide. */
  collectorReplicas: number
  /** (span name, status) combinations × collector replicas. */
  combinations: number
  /** Prometheus series: combinations × 20, plus one `target_info` per service and replica. */
  series: number
  /** Datadog custom metrics for the same data: combinations × 6. */
  datadogCustomMetrics: number
  /** Data points a minute: one per series per flush. */
  dataPointsPerMinute: number
}

/**
 * Whether the plan's Collector samples, so the generated config computes RED metrics ahead of the
 * sampler. With head sampling alone the SDK's own HTTP server metrics stay complete instead.
 *
 * @example
 * redMetricsApply(DEFAULT_INPUT)                          //=> false
 * redMetricsApply({ ...DEFAULT_INPUT, tailSampling: true }) //=> true
 */
export function redMetricsApply(input: Pick<PlanInput, "tailSampling" | "redMetrics">): boolean {
  return input.tailSampling && input.redMetrics !== "off"
}

/**
 * The metric series the generated `spanmetrics` connector writes for a plan.
 *
 * @example
 * // 30 spans per trace, no endpoints listed, tail sampling on one replica:
 * spanMetricsSeries({ ...DEFAULT_INPUT, rps: 100, peakRps: 100, tailSampling: true }, 1)
 * //=> { services: 1, spanNames: 30, collectorReplicas: 1, combinations: 60, series: 1201,
 * //     datadogCustomMetrics: 360, dataPointsPerMinute: 1201 }
 */
export function spanMetricsSeries(input: PlanInput, headProbability: number): SpanMetricsSeries {
  const services = input.topology?.length ?? 1
  const spanNames = Math.max(1, Math.round(input.spansPerTrace)) * Math.max(1, input.endpoints?.length ?? 0)
  const tail = tailSizingFor(input, headProbability)
  // The first tier sees every span once: the load-balancing tier when there is one.
  const collectorReplicas = tail.loadBalancerReplicas > 0 ? tail.loadBalancerReplicas : tail.replicas
  const combinations = spanNames * SPANMETRICS.statusCodes * collectorReplicas
  const series = combinations * SERIES_PER_COMBINATION + services * collectorReplicas
  return {
    services,
    spanNames,
    collectorReplicas,
    combinations,
    series,
    datadogCustomMetrics: combinations * DATADOG_CUSTOM_METRICS_PER_COMBINATION,
    dataPointsPerMinute: series * (60 / SPANMETRICS.flushIntervalSeconds),
  }
}

/** Series prices where a vendor bills them; the others are named, not priced. */
export const METRIC_SERIES_PRICES = {
  /** Grafana Cloud Pro: 10,000 active series free, then $6.50 per 1,000 (grafana.com/pricing as quoted, 2026). */
  "grafana-cloud": { freeSeries: 10_000, usdPerThousandSeries: 6.5 },
  /** Datadog Pro: 100 custom metrics per infrastructure host, then $5 per 100 (datadoghq.com/pricing/list as quoted). */
  datadog: { includedPerHost: 100, usdPerHundred: 5 },
} as const

/** What the RED metrics add to a bill on a backend: a priced line or a named gap. */
export type RedMetricsBill =
  | {
      kind: "priced"
      backend: "grafana-cloud"
      series: number
      freeSeries: number
      billedSeries: number
      unitUsd: number
      usd: number
    }
  | {
      kind: "priced"
      backend: "datadog"
      customMetrics: number
      includedCustomMetrics: number
      billedCustomMetrics: number
      unitUsd: number
      usd: number
    }
  | { kind: "unpriced"; backend: BackendId; series: number; dataPointsPerMinute: number }

/**
 * The RED metrics' line of the bill on `backend`: Grafana Cloud's active series above the free
 * ones, Datadog's custom metrics above the hosts' allotment, else the series named as unpriced
 * (New Relic and Honeycomb bill them as ingested data or events, CloudWatch and Google per metric
 * or sample, and a self-hosted Prometheus is your own nodes).
 *
 * @example
 * redMetricsBill("grafana-cloud", series, 0).kind //=> "priced"
 */
export function redMetricsBill(backend: BackendId, series: SpanMetricsSeries, infraHosts: number): RedMetricsBill {
  if (backend === "grafana-cloud") {
    const price = METRIC_SERIES_PRICES["grafana-cloud"]
    const billedSeries = Math.max(0, series.series - price.freeSeries)
    const unitUsd = price.usdPerThousandSeries / 1000
    return {
      kind: "priced",
      backend,
      series: series.series,
      freeSeries: price.freeSeries,
      billedSeries,
      unitUsd,
      usd: billedSeries * unitUsd,
    }
  }
  if (backend === "datadog") {
    const price = METRIC_SERIES_PRICES.datadog
    const includedCustomMetrics = price.includedPerHost * infraHosts
    const billedCustomMetrics = Math.max(0, series.datadogCustomMetrics - includedCustomMetrics)
    const unitUsd = price.usdPerHundred / 100
    return {
      kind: "priced",
      backend,
      customMetrics: series.datadogCustomMetrics,
      includedCustomMetrics,
      billedCustomMetrics,
      unitUsd,
      usd: billedCustomMetrics * unitUsd,
    }
  }
  return { kind: "unpriced", backend, series: series.series, dataPointsPerMinute: series.dataPointsPerMinute }
}
