import { BACKENDS, type BackendId } from "@/lib/plan/backends"
import { probeDrop } from "@/lib/plan/probes"
import { SPANMETRICS } from "@/lib/plan/red-metrics"
import { sampledTracesPerSecond } from "@/lib/plan/samplers"
import type { PlanInput } from "@/lib/plan/fields"

import { formatDecimal } from "./format"
import { configUnavailableReason } from "./availability"
import { CONFIG_TITLES, type CollectorOptions, type ConfigResult, type TailSamplingOptions } from "./types"
import { COLLECTOR_REMOTE_SAMPLING_GRPC_PORT, COLLECTOR_STRATEGIES_PATH, collectorServesStrategies } from "./env"
import { BACKEND_OTLP_RECEIVERS, COLLECTOR_NAMESPACE } from "@/lib/plan/receivers"
import { renderYaml, type YamlDocument } from "./yaml"

/** Service (and namespace) the load-balancing tier resolves the tail-sampling replicas through. */
export const SAMPLING_TIER_SERVICE = "otel-collector-sampling"
/** The tail_sampling processor's own defaults (config-specs §4.2, factory.go). */
export const TAIL_DECISION_WAIT_SECONDS = 30
export const TAIL_NUM_TRACES = 50_000
/** probabilistic_sampler's hash_seed mode hashes with 14 bits: its smallest step is 1/16384. */
export const HASH_SEED_STEP_PERCENT = 100 / 16_384

/** A percentage of a ratio without binary noise (0.07 × 100 is 7.000000000000001 in doubles). */
function percentOf(ratio: number): number {
  return Number((ratio * 100).toPrecision(12))
}

/**
 * Tail-sampling defaults for a plan: keep errors, keep the plan's ratio of everything else, and the
 * processor's own decision_wait (30 s) and num_traces (50,000) on one replica.
 *
 * @example
 * defaultTailSamplingOptions(DEFAULT_INPUT)
 * //=> { keepErrors: true, baselinePercent: 10, decisionWaitSeconds: 30, numTraces: 50000, collectorReplicas: 1 }
 */
export function defaultTailSamplingOptions(input: PlanInput): TailSamplingOptions {
  return {
    keepErrors: true,
    baselinePercent: percentOf(input.ratio),
    decisionWaitSeconds: TAIL_DECISION_WAIT_SECONDS,
    numTraces: TAIL_NUM_TRACES,
    collectorReplicas: 1,
  }
}

/** One Collector configuration file's content. */
export interface CollectorConfig {
  receivers: Record<string, unknown>
  processors: Record<string, unknown>
  exporters: Record<string, unknown>
  extensions?: Record<string, unknown>
  /** Connectors join pipelines: spanmetrics ends a traces pipeline and starts a metrics one. */
  connectors?: Record<string, unknown>
  service: {
    extensions?: string[]
    pipelines: { traces: CollectorPipeline } & Record<string, CollectorPipeline>
  }
}

/** One pipeline of a Collector's service. */
export interface CollectorPipeline {
  receivers: string[]
  processors: string[]
  exporters: string[]
}

/**
 * The tier the apps send to, serving the Jaeger strategies file to their remote samplers on
 * 0.0.0.0:14250 (the extension listens on localhost by default, config-specs §5.1).
 */
function withStrategiesServed(config: CollectorConfig): CollectorConfig {
  const { service, extensions, ...rest } = config
  return {
    ...rest,
    extensions: {
      jaegerremotesampling: {
        source: { file: COLLECTOR_STRATEGIES_PATH, reload_interval: "60s" },
        grpc: { endpoint: `0.0.0.0:${COLLECTOR_REMOTE_SAMPLING_GRPC_PORT}` },
      },
      ...extensions,
    },
    service: { extensions: ["jaegerremotesampling", ...(service.extensions ?? [])], pipelines: service.pipelines },
  }
}

/** Where the Collector sends traces for a backend: exporter id, its settings and what to replace. */
interface ExportTarget {
  id: string
  config: Record<string, unknown>
  caveat: string
  /** Extensions the exporter authenticates with (basicauth, sigv4auth), by id. */
  extensions?: Record<string, unknown>
}

/** The region the X-Ray export is written for: a placeholder the caveat says to replace. */
export const XRAY_REGION = "us-east-1"

/**
 * X-Ray's OTLP traces endpoint in CloudWatch for a region: OTLP/HTTP only, signed with SigV4 for
 * service "xray", and it takes spans only once Transaction Search is on (AWS CloudWatch docs, OTLP
 * Endpoints, and Enable Transaction Search, read 2026-12-07).
 *
 * @example
 * xrayOtlpTracesEndpoint("eu-west-1") //=> "https://xray.eu-west-1.amazonaws.com/v1/traces"
 */
export function xrayOtlpTracesEndpoint(region: string): string {
  return `https://xray.${region}.amazonaws.com/v1/traces`
}

function exportTarget(backend: BackendId, retentionDays: number): ExportTarget {
  const otlp = (name: string, endpoint: string, extra: Record<string, unknown>, caveat: string): ExportTarget => ({
    id: `otlp/${name}`,
    config: { endpoint, ...extra },
    caveat,
  })
  const inCluster = { tls: { insecure: true } }
  switch (backend) {
    case "tempo":
      return otlp(
        "tempo",
        BACKEND_OTLP_RECEIVERS.tempo!,
        inCluster,
        "Replace tempo-distributor.tempo.svc.cluster.local:4317 with your Tempo distributor's OTLP gRPC address (port 4317)."
      )
    case "jaeger-elasticsearch":
    case "jaeger-cassandra":
    case "jaeger-badger":
      return otlp(
        "jaeger",
        BACKEND_OTLP_RECEIVERS[backend]!,
        inCluster,
        "Replace jaeger-collector.monitoring.svc.cluster.local:4317 with your Jaeger collector's OTLP gRPC address (port 4317); the Service name depends on how Jaeger was installed."
      )
    case "clickhouse":
      return {
        id: "clickhouse",
        config: {
          endpoint: "tcp://clickhouse.clickhouse.svc.cluster.local:9000",
          database: "otel",
          traces_table_name: "otel_traces",
          ttl: `${retentionDays * 24}h`,
        },
        caveat:
          "ClickHouse does not receive OTLP: the contrib clickhouse exporter writes to it. Replace tcp://clickhouse.clickhouse.svc.cluster.local:9000 with your server; ttl only applies when the exporter creates the tables (the retention snippet changes existing ones).",
      }
    case "datadog":
      return otlp(
        "datadog",
        BACKEND_OTLP_RECEIVERS.datadog!,
        inCluster,
        "Replace datadog-agent.datadog.svc.cluster.local:4317 with a Datadog Agent that has OTLP ingest enabled, or send to Datadog directly with the contrib datadog exporter (api.key)."
      )
    case "grafana-cloud":
      // Grafana Cloud docs: the stack's OTLP gateway, OTLP/HTTP with basic auth (instance id, token).
      return {
        id: "otlphttp/grafana-cloud",
        config: {
          endpoint: GRAFANA_CLOUD_OTLP_GATEWAY,
          auth: { authenticator: "basicauth/grafana-cloud" },
        },
        extensions: {
          "basicauth/grafana-cloud": {
            client_auth: { username: "${env:GRAFANA_CLOUD_INSTANCE_ID}", password: "${env:GRAFANA_CLOUD_API_TOKEN}" },
          },
        },
        caveat: `Replace ${GRAFANA_CLOUD_OTLP_GATEWAY} with your stack's OTLP endpoint (the OpenTelemetry tile of the stack shows it), and set GRAFANA_CLOUD_INSTANCE_ID (the OTLP instance id) and GRAFANA_CLOUD_API_TOKEN (an access policy token with traces:write) in the Collector's environment, from a Secret.`,
      }
    case "honeycomb":
      return otlp(
        "honeycomb",
        BACKEND_OTLP_RECEIVERS.honeycomb!,
        { headers: { "x-honeycomb-team": "${env:HONEYCOMB_API_KEY}" } },
        "Set HONEYCOMB_API_KEY in the Collector's environment; EU accounts use api.eu1.honeycomb.io:443."
      )
    case "new-relic":
      return otlp(
        "new-relic",
        BACKEND_OTLP_RECEIVERS["new-relic"]!,
        { headers: { "api-key": "${env:NEW_RELIC_LICENSE_KEY}" } },
        "Set NEW_RELIC_LICENSE_KEY in the Collector's environment; EU accounts use otlp.eu01.nr-data.net:4317."
      )
    case "aws-xray":
      // OTLP to CloudWatch with SigV4: it takes W3C trace ids, which the awsxray exporter drops.
      return {
        id: "otlphttp/xray",
        config: {
          traces_endpoint: xrayOtlpTracesEndpoint(XRAY_REGION),
          compression: "gzip",
          auth: { authenticator: "sigv4auth" },
        },
        extensions: { sigv4auth: { region: XRAY_REGION, service: "xray" } },
        caveat: `X-Ray takes OTLP at CloudWatch's endpoint (${xrayOtlpTracesEndpoint(XRAY_REGION)}), signed by the sigv4auth extension for service xray: replace ${XRAY_REGION} in traces_endpoint and sigv4auth with your region, and turn on Transaction Search in CloudWatch first (the endpoint refuses spans until then). Credentials come from the default AWS chain, e.g. an IAM role for the Collector's ServiceAccount.`,
      }
    case "google-cloud-trace":
      return {
        id: "googlecloud",
        config: { project: "my-gcp-project" },
        caveat:
          "Cloud Trace is written with the contrib googlecloud exporter: replace my-gcp-project with your project id; credentials come from Application Default Credentials.",
      }
  }
}

/** A placeholder Grafana Cloud OTLP gateway: each stack's zone differs, and the caveat says to replace it. */
export const GRAFANA_CLOUD_OTLP_GATEWAY = "https://otlp-gateway-prod-<zone>.grafana.net/otlp"

const OTLP_RECEIVERS = {
  otlp: { protocols: { grpc: { endpoint: "0.0.0.0:4317" }, http: { endpoint: "0.0.0.0:4318" } } },
}
const MEMORY_LIMITER = { check_interval: "1s", limit_percentage: 80, spike_limit_percentage: 25 }

/** The filter processor's id in the generated config. */
export const HEALTH_CHECK_FILTER = "filter/health-checks"

/**
 * The OTTL condition that drops the plan's excluded URLs: a server span whose url.path (stable HTTP
 * conventions) or http.target (the older ones, still Node's default) matches any entry. The entries
 * are joined with "|", whose precedence is the lowest, so each keeps its own anchors; IsMatch is an
 * unanchored RE2 search, as Python's re.search of the same entries is, and is false on a missing
 * attribute (ottlfuncs README, IsMatch).
 *
 * @example
 * healthCheckCondition("health,^/ready$")
 * //=> 'kind == SPAN_KIND_SERVER and (IsMatch(attributes["url.path"], "health|^/ready$") or IsMatch(attributes["http.target"], "health|^/ready$"))'
 */
export function healthCheckCondition(excludedUrls: string): string {
  // An OTTL string literal escapes backslashes (and quotes, which the field does not allow).
  const pattern = JSON.stringify(excludedUrls.split(",").join("|"))
  return `kind == SPAN_KIND_SERVER and (IsMatch(attributes["url.path"], ${pattern}) or IsMatch(attributes["http.target"], ${pattern}))`
}

/**
 * The filter processor that drops health-check spans for languages whose SDK has no excluded-URL
 * variable (Python's SDK skips them itself): exactly when the plan's figures drop probes at the
 * Collector ({@link probeDrop}), so the config and the figures never disagree. Legacy `traces.span` form, which every Collector with
 * OTTL filters reads; `trace_conditions` needs v0.146.0 (opentelemetry-collector-contrib
 * processor/filterprocessor/README.md at ba96fac1; OpenTelemetry blog, "OTTL context inference comes
 * to the Filter Processor", 2026-02-17: the legacy form "remains fully supported").
 */
function healthCheckFilter(input: PlanInput): Record<string, unknown> | undefined {
  if (probeDrop(input) !== "collector") return undefined
  return {
    [HEALTH_CHECK_FILTER]: { error_mode: "ignore", traces: { span: [healthCheckCondition(input.excludedUrls)] } },
  }
}

/**
 * The tail_sampling processor for a plan. Policies are OR'd (any "sample" keeps the trace; a "drop"
 * wins over all), so a rate limit is ANDed with the baseline to cap it: a rate_limiting policy of its
 * own would add traces rather than limit them.
 *
 * @example
 * buildTailSamplingProcessor(DEFAULT_INPUT, defaultTailSamplingOptions(DEFAULT_INPUT)).policies
 * //=> [{ name: "keep-errors", type: "status_code", status_code: { status_codes: ["ERROR"] } },
 * //    { name: "baseline", type: "probabilistic", probabilistic: { sampling_percentage: 10 } }]
 */
export function buildTailSamplingProcessor(input: PlanInput, tail: TailSamplingOptions): Record<string, unknown> {
  const policies: Record<string, unknown>[] = []
  if (tail.keepErrors) {
    policies.push({ name: "keep-errors", type: "status_code", status_code: { status_codes: ["ERROR"] } })
  }
  if (tail.latencyThresholdMs !== undefined) {
    policies.push({ name: "keep-slow", type: "latency", latency: { threshold_ms: tail.latencyThresholdMs } })
  }
  const baseline = {
    name: "baseline",
    type: "probabilistic",
    probabilistic: { sampling_percentage: tail.baselinePercent },
  }
  const keeps = policies.length > 0
  if (tail.baselinePercent === 0 && keeps) {
    // A 0 % baseline keeps nothing: the other policies say what is kept.
  } else if (tail.spansPerSecondLimit === undefined) {
    policies.push(baseline)
  } else {
    policies.push({
      name: "baseline-capped",
      type: "and",
      and: {
        and_sub_policy: [
          baseline,
          {
            name: "baseline-rate-limit",
            type: "rate_limiting",
            rate_limiting: { spans_per_second: rateLimitPerReplica(tail) },
          },
        ],
      },
    })
  }
  return { decision_wait: `${tail.decisionWaitSeconds}s`, num_traces: tail.numTraces, policies }
}

/**
 * The plan's spans/s limit is for the whole sampling tier; each replica's rate_limiting policy
 * counts only the spans routed to it, so each gets an equal share (at least 1).
 *
 * @example
 * rateLimitPerReplica({ ...defaultTailSamplingOptions(DEFAULT_INPUT), spansPerSecondLimit: 1000, collectorReplicas: 2 }) //=> 500
 */
export function rateLimitPerReplica(tail: TailSamplingOptions): number {
  return Math.max(1, Math.floor((tail.spansPerSecondLimit ?? 0) / tail.collectorReplicas))
}

function pipelineConfig(input: PlanInput, sampler: Record<string, unknown> | undefined): CollectorConfig {
  const target = exportTarget(input.backend, input.retentionDays)
  // The filter comes before any sampler: dropped probes take no place in tail_sampling's buffer.
  const processors: Record<string, unknown> = {
    memory_limiter: MEMORY_LIMITER,
    ...healthCheckFilter(input),
    ...sampler,
    batch: {},
  }
  const pipelines = {
    traces: { receivers: ["otlp"], processors: Object.keys(processors), exporters: [target.id] },
  }
  return {
    receivers: OTLP_RECEIVERS,
    processors,
    exporters: { [target.id]: target.config },
    ...(target.extensions
      ? { extensions: target.extensions, service: { extensions: Object.keys(target.extensions), pipelines } }
      : { service: { pipelines } }),
  }
}

/** The connector that counts requests, errors and durations from spans. */
export const SPAN_METRICS_CONNECTOR = "spanmetrics"

/** Prometheus as the kube-prometheus stack installs it: its remote-write and OTLP receivers. */
const PROMETHEUS_URL = "http://prometheus.monitoring.svc.cluster.local:9090"

/**
 * Where the span metrics go: Prometheus remote write or OTLP. A self-hosted backend's metrics go
 * to an in-cluster Prometheus (remote write needs --web.enable-remote-write-receiver, OTLP
 * --web.enable-otlp-receiver); a vendor reached over OTLP takes them on the trace exporter, which
 * already carries its endpoint and key.
 */
function metricsExporter(input: PlanInput): { id: string; config: Record<string, unknown> | undefined } {
  const target = exportTarget(input.backend, input.retentionDays)
  const saas = BACKENDS[input.backend].hosting === "saas"
  if (input.redMetrics === "otlp") {
    if (saas && target.id.startsWith("otlp/")) return { id: target.id, config: undefined }
    return {
      id: "otlphttp/metrics",
      config: { endpoint: saas ? "${env:OTLP_METRICS_ENDPOINT}" : `${PROMETHEUS_URL}/api/v1/otlp` },
    }
  }
  return {
    id: "prometheusremotewrite",
    config: {
      endpoint: saas ? "${env:PROMETHEUS_REMOTE_WRITE_URL}" : `${PROMETHEUS_URL}/api/v1/write`,
      target_info: { enabled: true },
    },
  }
}

/**
 * Adds RED metrics computed from every span to a Collector tier: the same OTLP receiver feeds a
 * second traces pipeline ending in the spanmetrics connector (a receiver fans out to every
 * pipeline that lists it, cloning the data for one that changes it), and a metrics pipeline sends
 * what the connector counts. Each replica labels its series with its host name
 * (`collector.instance`), so the replicas' cumulative series do not collide.
 *
 * @example
 * const config = buildCollectorConfigs({ ...DEFAULT_INPUT, tailSampling: true }, { mode: "tail" }).at(0)
 * Object.keys(config?.service.pipelines ?? {}) //=> ["traces", "traces/spanmetrics", "metrics/spanmetrics"]
 */
function withSpanMetrics(input: PlanInput, config: CollectorConfig): CollectorConfig {
  if (input.redMetrics === "off") return config
  const exporter = metricsExporter(input)
  const filter = healthCheckFilter(input)
  const processors = {
    ...config.processors,
    ...filter,
    "resource/collector-instance": {
      attributes: [{ key: "collector.instance", value: "${env:HOSTNAME}", action: "upsert" }],
    },
  }
  const { extensions, service } = config
  return {
    receivers: config.receivers,
    processors,
    exporters: exporter.config ? { ...config.exporters, [exporter.id]: exporter.config } : config.exporters,
    connectors: {
      [SPAN_METRICS_CONNECTOR]: {
        histogram: { explicit: { buckets: [...SPANMETRICS.buckets] } },
        dimensions: [{ name: "collector.instance" }],
        metrics_flush_interval: `${SPANMETRICS.flushIntervalSeconds}s`,
        resource_metrics_key_attributes: ["service.name", "telemetry.sdk.language", "telemetry.sdk.name"],
      },
    },
    ...(extensions ? { extensions } : {}),
    service: {
      ...service,
      pipelines: {
        ...service.pipelines,
        "traces/spanmetrics": {
          receivers: ["otlp"],
          processors: ["memory_limiter", ...Object.keys(filter ?? {}), "resource/collector-instance"],
          exporters: [SPAN_METRICS_CONNECTOR],
        },
        "metrics/spanmetrics": {
          receivers: [SPAN_METRICS_CONNECTOR],
          processors: ["memory_limiter", "batch"],
          exporters: [exporter.id],
        },
      },
    },
  }
}

/**
 * The files the two tiers are saved as. A Collector reads only the first YAML document of a
 * config file, so the two documents cannot run from one file.
 */
export const TIER_FILES = ["otel-collector-lb.yaml", "otel-collector-sampling.yaml"] as const

/**
 * The first tier in front of several tail-sampling replicas: routes every span of a trace to one
 * replica. Its k8s resolver watches the EndpointSlices of the sampling tier's headless Service
 * (`name.namespace`); the health-check filter drops probes here already, before they cross to the
 * sampling tier.
 */
function loadBalancingConfig(input: PlanInput, samplingService: string): CollectorConfig {
  const processors: Record<string, unknown> = { memory_limiter: MEMORY_LIMITER, ...healthCheckFilter(input), batch: {} }
  return {
    receivers: OTLP_RECEIVERS,
    processors,
    exporters: {
      loadbalancing: {
        routing_key: "traceID",
        protocol: { otlp: { tls: { insecure: true } } },
        resolver: { k8s: { service: samplingService, ports: [4317] } },
      },
    },
    service: {
      pipelines: {
        traces: { receivers: ["otlp"], processors: Object.keys(processors), exporters: ["loadbalancing"] },
      },
    },
  }
}

/** Options with every default filled in: mode forward, the plan's ratio, the tail defaults. */
function resolveOptions(input: PlanInput, options: CollectorOptions | undefined) {
  const mode = options?.mode ?? "forward"
  return {
    mode,
    samplingPercentage: options?.samplingPercentage ?? percentOf(input.ratio),
    tail: options?.tail ?? defaultTailSamplingOptions(input),
  }
}

/**
 * The Collector configuration documents for a plan. Receivers listen on 0.0.0.0 (the receiver binds
 * localhost by default since v0.104), memory_limiter comes first in every pipeline, batch last, and
 * only the backend's exporter is in the pipeline (`debug` is a commented block in the rendered
 * file, for development). Mode "probabilistic" adds `probabilistic_sampler` in hash_seed mode;
 * "tail" adds `tail_sampling`, and with more than one replica a load-balancing first tier comes
 * first in the list; its resolver names `samplingService` (`name.namespace`).
 *
 * @example
 * buildCollectorConfigs(DEFAULT_INPUT)[0]?.service.pipelines.traces.processors //=> ["memory_limiter", "batch"]
 * buildCollectorConfigs(DEFAULT_INPUT, { mode: "probabilistic" })[0]?.processors.probabilistic_sampler
 * //=> { mode: "hash_seed", sampling_percentage: 10 }
 */
export function buildCollectorConfigs(
  input: PlanInput,
  options?: CollectorOptions,
  samplingService: string = `${SAMPLING_TIER_SERVICE}.${COLLECTOR_NAMESPACE}`
): CollectorConfig[] {
  const [first, ...rest] = collectorTiers(input, options, samplingService)
  return collectorServesStrategies(input) ? [withStrategiesServed(first!), ...rest] : [first!, ...rest]
}

function collectorTiers(
  input: PlanInput,
  options: CollectorOptions | undefined,
  samplingService: string
): CollectorConfig[] {
  const { mode, samplingPercentage, tail } = resolveOptions(input, options)
  switch (mode) {
    case "forward":
      return [pipelineConfig(input, undefined)]
    case "probabilistic":
      return [
        pipelineConfig(input, {
          probabilistic_sampler: { mode: "hash_seed", sampling_percentage: samplingPercentage },
        }),
      ]
    case "tail": {
      const sampling = pipelineConfig(input, { tail_sampling: buildTailSamplingProcessor(input, tail) })
      // RED metrics come from the tier that sees every span once, before any is dropped.
      return tail.collectorReplicas > 1
        ? [withSpanMetrics(input, loadBalancingConfig(input, samplingService)), sampling]
        : [withSpanMetrics(input, sampling)]
    }
  }
}

/**
 * The Collector configuration as YAML; two tiers are two documents, each introduced by a comment.
 *
 * @example
 * renderCollectorConfig(DEFAULT_INPUT).startsWith("receivers:\n  otlp:\n") //=> true
 */
export function renderCollectorConfig(input: PlanInput, options?: CollectorOptions): string {
  const configs = buildCollectorConfigs(input, options)
  return renderYaml(collectorDocuments(input, options, configs))
}

/**
 * What turns the debug exporter on while setting up: a comment, so that a production pipeline
 * never logs every batch (the exporter's `basic` verbosity writes a line per batch).
 *
 * @example
 * debugExporterComment("otlp/tempo").split("\n").at(-1)
 * //=> "and listing it in service.pipelines.traces.exporters: [otlp/tempo, debug]."
 */
export function debugExporterComment(exporter: string): string {
  return [
    "For development only: log a line per batch by adding the debug exporter",
    "  exporters:",
    "    debug:",
    "      verbosity: basic",
    `and listing it in service.pipelines.traces.exporters: [${exporter}, debug].`,
  ].join("\n")
}

/** The Collector config documents with their comments: the tiers' file names and the debug block. */
function collectorDocuments(
  input: PlanInput,
  options: CollectorOptions | undefined,
  configs: CollectorConfig[]
): YamlDocument[] {
  const debugComment = (config: CollectorConfig | undefined) =>
    debugExporterComment(config?.service.pipelines.traces.exporters[0] ?? "")
  if (configs.length === 1) return [{ value: configs[0], trailingComment: debugComment(configs[0]) }]
  const { tail } = resolveOptions(input, options)
  return [
    {
      value: configs[0],
      comment: `Tier 1 of 2: load-balancing Collectors, the OTLP endpoint the apps send to.\nRoutes all spans of a trace to one sampling replica. Save this document as ${TIER_FILES[0]}.`,
    },
    {
      value: configs[1],
      comment: `Tier 2 of 2: ${tail.collectorReplicas} tail-sampling Collectors behind Service ${SAMPLING_TIER_SERVICE} in namespace ${COLLECTOR_NAMESPACE}.\nSave this document as ${TIER_FILES[1]}.`,
      trailingComment: debugComment(configs[1]),
    },
  ]
}

function tailCaveats(input: PlanInput, tail: TailSamplingOptions): string[] {
  const arriving = sampledTracesPerSecond(input.sampler, input.ratio, input.peakRps)
  const perReplica = arriving / tail.collectorReplicas
  const inFlight = Math.ceil(perReplica * tail.decisionWaitSeconds)
  const needed = 2 * inFlight
  const count = (n: number) => n.toLocaleString("en-US")
  const caveats = [
    `At peak about ${count(Math.ceil(perReplica))} new traces/s reach each sampling replica, so about ${count(inFlight)} wait for a decision at once: num_traces should be at least ${count(needed)} (2×).${tail.numTraces < needed ? ` ${count(tail.numTraces)} is too few: the oldest traces are evicted before their decision (watch otelcol_processor_tail_sampling_sampling_trace_dropped_too_early).` : ""}`,
    "Policies are OR'd, not first-match: a trace is kept if any policy keeps it, unless a drop policy matches.",
    "Point the apps (OTEL_EXPORTER_OTLP_ENDPOINT, and Dapr's endpointAddress) at this Collector, not at the backend: spans that skip it are never tail-sampled.",
  ]
  if (input.sampler !== "always_on" && input.sampler !== "parentbased_always_on") {
    caveats.push(
      `Tail sampling only sees what the SDKs send: with ${input.sampler} they already drop traces. Set OTEL_TRACES_SAMPLER=parentbased_always_on so the Collector decides on every trace. ` +
        "The page's figures and the other snippets follow the form's head rate: set the sampler to parentbased_always_on there (the recommendation's Use this setting does it) to see the volume, cost and Collector sizing of a Collector that decides on every trace."
    )
  }
  if (tail.spansPerSecondLimit !== undefined) {
    caveats.push(
      `The ${count(tail.spansPerSecondLimit)} spans/s limit caps the baseline only; errors and slow traces are kept beyond it.` +
        (tail.collectorReplicas > 1
          ? ` It is for the whole tier: rate_limiting counts per replica, so each of the ${count(tail.collectorReplicas)} sampling replicas gets ${count(rateLimitPerReplica(tail))} spans/s.`
          : "")
    )
  }
  if (tail.collectorReplicas > 1) {
    caveats.push(
      // opentelemetry-collector-contrib#44494: v0.140 moved the k8s resolver from Endpoints to
      // EndpointSlices, and a Role on endpoints alone leaves the first tier failing to start.
      `All spans of a trace must reach the same sampling replica: the first tier's loadbalancing exporter watches the EndpointSlices of the headless Service ${SAMPLING_TIER_SERVICE}.${COLLECTOR_NAMESPACE} through the Kubernetes API, so its ServiceAccount needs get, list and watch on endpointslices in the discovery.k8s.io API group (Collector v0.140 and later; older ones watched endpoints). The Collector on Kubernetes config has the Role, RoleBinding and headless Service.`
    )
  }
  return caveats
}

/** Each SDK's X-Ray trace id generator, which the awsxray exporter needs (it drops W3C ids). */
const XRAY_ID_GENERATORS: Record<PlanInput["language"], string> = {
  python: "AwsXRayIdGenerator from opentelemetry-sdk-extension-aws",
  node: "AWSXRayIdGenerator from @opentelemetry/id-generator-aws-xray",
  java: "AwsXrayIdGenerator from io.opentelemetry.contrib:opentelemetry-aws-xray",
  go: "xray.NewIDGenerator() from go.opentelemetry.io/contrib/propagators/aws/xray",
  dotnet: "the AWS X-Ray id generator of the OpenTelemetry .NET contrib AWS extensions",
}

/**
 * Why the X-Ray export is OTLP rather than the contrib awsxray exporter: that one drops spans
 * whose trace ids are not X-Ray ids ("the client SDK MUST use an X-Ray ID generator", its README);
 * Dapr's sidecar makes W3C ids, so behind Dapr it is never an option.
 *
 * @example
 * xrayExporterCaveat({ ...DEFAULT_INPUT, backend: "aws-xray" }).startsWith("Keep the OTLP export") //=> true
 */
export function xrayExporterCaveat(input: PlanInput): string {
  return input.daprEnabled
    ? "Keep the OTLP export: the contrib awsxray exporter drops every span whose trace id is not an X-Ray id, and the Dapr sidecar starts W3C (random) trace ids, so nothing would arrive."
    : `The contrib awsxray exporter (segments, without Transaction Search) only keeps spans with X-Ray trace ids: use it only if the app's SDK sets the ${XRAY_ID_GENERATORS[input.language]}; the OTLP export here takes any W3C trace id.`
}

/**
 * What keeps request, error and duration metrics right: the span metrics counted before the
 * sampler, or, when the SDK samples at the head, the SDK's own HTTP server metrics.
 */
function redMetricsCaveat(input: PlanInput, mode: CollectorOptions["mode"]): string {
  if (mode === "tail" && input.redMetrics !== "off") {
    const where =
      input.redMetrics === "otlp"
        ? "over OTLP"
        : "by Prometheus remote write (Prometheus needs --web.enable-remote-write-receiver)"
    return `RED metrics: the traces/spanmetrics pipeline counts every span before tail_sampling drops any (calls and a duration histogram by service, span name, kind and status) and sends them ${where} once a minute. Metrics counted from kept traces would undercount requests and errors. Each Collector replica labels its series collector.instance: sum over it in queries.`
  }
  if (mode === "tail") {
    return "RED metrics are off: dashboards built on spans would count only kept traces. Use the SDK's http.server.request.duration histograms (recorded for every request, whatever the sampler decides) or turn the RED metrics on."
  }
  return "Request, error and duration dashboards: the SDK's HTTP server metrics (the http.server.request.duration histogram of the stable HTTP conventions) are recorded for every request whatever the trace sampler decides, so they stay complete under head sampling; span counts do not."
}

/**
 * The Collector config for a plan, or why the options are invalid.
 *
 * @example
 * collectorSnippet(DEFAULT_INPUT).available //=> true
 */
export function collectorSnippet(input: PlanInput, options?: CollectorOptions): ConfigResult {
  const title = CONFIG_TITLES.collector
  const reason = configUnavailableReason("collector", input, options)
  if (reason !== undefined) return { id: "collector", title, available: false, reason }
  const { mode, samplingPercentage, tail } = resolveOptions(input, options)
  const target = exportTarget(input.backend, input.retentionDays)
  const caveats = [target.caveat]
  if ("headers" in target.config) {
    caveats.push(
      "Keep API keys out of this file: the header's ${env:…} reference reads the key from the Collector's environment."
    )
  }
  if (mode === "probabilistic") {
    const step = formatDecimal(Number(HASH_SEED_STEP_PERCENT.toPrecision(2)))
    caveats.push(
      samplingPercentage > 0 && samplingPercentage < HASH_SEED_STEP_PERCENT
        ? `${formatDecimal(samplingPercentage)} % is below hash_seed mode's smallest step (1/16384, about ${step} %): it truncates to zero hash buckets and keeps nothing. Use mode: proportional for rates this small.`
        : `hash_seed mode hashes trace ids with 14 bits, so ${formatDecimal(samplingPercentage)} % is applied in steps of 1/16384 (about ${step} %); all Collectors in a tier must share the hash_seed.`,
      `The Collector keeps ${formatDecimal(samplingPercentage)} % of what the SDKs send: on top of the SDK's own sampler the rates multiply. Set the SDKs to parentbased_always_on if the Collector should make the only decision.`
    )
  }
  if (mode === "tail") caveats.push(...tailCaveats(input, tail))
  caveats.push(redMetricsCaveat(input, mode))
  if (healthCheckFilter(input)) {
    caveats.push(
      `${HEALTH_CHECK_FILTER} drops server spans whose url.path (or http.target, on older HTTP conventions) matches ${input.excludedUrls.split(",").join("|")} as a Go (RE2) regex; a probe's own child spans, if it makes any, still pass. The apps still trace and send these spans, so the figures count them in the traffic to the Collector but not in what is kept.`
    )
  }
  if (collectorServesStrategies(input)) {
    caveats.push(
      `The apps' ${input.sampler} sampler polls this Collector on port ${COLLECTOR_REMOTE_SAMPLING_GRPC_PORT}: mount the Jaeger strategies file at ${COLLECTOR_STRATEGIES_PATH} and expose the port on its Service. The jaegerremotesampling extension is in otelcol-contrib.`
    )
  }
  if (input.backend === "aws-xray") caveats.push(xrayExporterCaveat(input))
  if (target.id.startsWith("otlphttp/")) {
    caveats.push(
      `Collector v0.144.0 (January 2026) and later name this exporter otlp_http and log that otlphttp is a deprecated alias: on those versions, rename ${target.id} to ${target.id.replace(/^otlphttp\//, "otlp_http/")} under exporters and in the pipeline.`
    )
  }
  if (target.id.startsWith("otlp/")) {
    // open-telemetry/opentelemetry-collector#14403: renamed in v0.144.0, the old name kept as an alias.
    caveats.push(
      `Collector v0.144.0 (January 2026) and later name this exporter otlp_grpc and log that otlp is a deprecated alias: on those versions, rename ${target.id} to ${target.id.replace(/^otlp\//, "otlp_grpc/")} under exporters and in the pipeline. It is written as otlp so that older Collectors, which know no otlp_grpc, run it too.`
    )
  }
  caveats.push(
    "The pipeline exports to the backend only: the commented debug block at the end turns on a log line per batch while you set up; leave it out in production."
  )
  const contrib = mode !== "forward" || !target.id.startsWith("otlp/") || collectorServesStrategies(input)
  return {
    id: "collector",
    title,
    available: true,
    snippet: {
      id: "collector",
      title,
      filename: "otel-collector-config.yaml",
      language: "yaml",
      content: renderCollectorConfig(input, options),
      applyNote:
        mode === "tail" && tail.collectorReplicas > 1
          ? `Two tiers, two configs: a Collector reads only the first YAML document of a file, so split this one at the --- line into ${TIER_FILES[0]} and ${TIER_FILES[1]}. Run the apps' Collectors with otelcol-contrib --config ${TIER_FILES[0]} and the ${tail.collectorReplicas} sampling replicas with otelcol-contrib --config ${TIER_FILES[1]} (on Kubernetes, the Collector on Kubernetes tab has both as ConfigMaps).`
          : contrib
            ? "Run the contrib distribution: otelcol-contrib --config otel-collector-config.yaml (or mount it as the Collector's ConfigMap)."
            : "Run otelcol --config otel-collector-config.yaml (or mount it as the Collector's ConfigMap).",
      caveats,
    },
  }
}
