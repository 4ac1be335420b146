// The plan's fields, limits, defaults and labels: plain data, no Zod. The browser's first load needs
// these (the form's labels and defaults) but not the validator, which lives in ./schema and loads
// the first time the user changes something.
import { SOURCES, type SourceId } from "@/lib/sources"

import { BACKENDS, type BackendId } from "./backends"
import type { Language } from "./languages"
import type { Sampler } from "./samplers"
import type { Topology } from "./topology"

/** Highest request rate accepted: a billion requests per second is beyond any single system. */
export const MAX_RPS = 1e9
export const MAX_RETENTION_DAYS = 3650
export { MAX_SPANS_PER_TRACE } from "./topology"
/** 1 MB per span: far above Tempo's 5 MB per whole-trace default limit divided by any real span count. */
export const MAX_SPAN_BYTES = 1_000_000
export const MAX_APM_HOSTS = 100_000
export const MAX_USD_PER_CORE_MONTH = 10_000

/** Every field of a plan's input, in form order. These names are the URL and API contract. */
export const PLAN_FIELDS = [
  "rps",
  "peakRps",
  "retentionDays",
  "sampler",
  "ratio",
  "spansPerTrace",
  "spanBytes",
  "backend",
  "apmHosts",
  "collectorUsdPerCoreMonth",
  "serviceName",
  "namespace",
  "environment",
  "language",
  "otlpEndpoint",
  "protocol",
  "daprEnabled",
  "daprIngress",
  "daprSamplingRate",
  "replicas",
  "image",
  "containerPort",
  "excludeHealthChecks",
  "excludedUrls",
  "probesPerReplica",
  "probeIntervalSeconds",
  "growthPercentPerMonth",
  "horizonMonths",
  "topology",
  "errorRate",
  "slowRate",
  "slowThresholdMs",
  "endpoints",
  "tailSampling",
  "tailKeepErrors",
  "tailKeepSlow",
  "tailBaselinePercent",
  "tailSpansPerSecond",
  "tailDecisionWaitSeconds",
  "keepAllErrors",
  "minTracesPerMinutePerEndpoint",
  "budgetUsdPerMonth",
  "storageCapBytes",
] as const

export type PlanField = (typeof PLAN_FIELDS)[number]

export const PROTOCOLS = ["grpc", "http/protobuf"] as const
export type Protocol = (typeof PROTOCOLS)[number]
export { LANGUAGES, type Language } from "./languages"
export const ENVIRONMENTS = ["development", "staging", "production"] as const
export type Environment = (typeof ENVIRONMENTS)[number]

/** The OTLP port each protocol listens on by convention (OTel spec exporter defaults). */
export const OTLP_PORT: Record<Protocol, number> = { grpc: 4317, "http/protobuf": 4318 }

/** A plan's input once validated and normalized: every field present. */
export interface PlanInput {
  rps: number
  peakRps: number
  retentionDays: number
  sampler: Sampler
  ratio: number
  spansPerTrace: number
  spanBytes: number
  backend: BackendId
  apmHosts: number
  /** What one Collector core (with its ~2 GB of memory) costs a month; 0 leaves Collector compute unpriced. */
  collectorUsdPerCoreMonth: number
  /** `service.name`, the Deployment name and the Dapr app-id: a DNS-1123 label. */
  serviceName: string
  /** Kubernetes namespace of the app (and of its Dapr Configuration): a DNS-1123 label. */
  namespace: string
  environment: Environment
  language: Language
  /** Where the SDK exports OTLP: an http(s) URL whose port matches `protocol`. */
  otlpEndpoint: string
  protocol: Protocol
  daprEnabled: boolean
  /**
   * Whether requests reach the entry service through its Dapr sidecar (service invocation), so
   * Dapr's rate starts traces; false when they reach the app's port directly and the app decides.
   */
  daprIngress: boolean
  /** Dapr `spec.tracing.samplingRate` (0..1); defaults to `ratio`. */
  daprSamplingRate: number
  replicas: number
  /** Container image of the app, for the generated Deployment. */
  image: string
  containerPort: number
  /** Whether health-check and metrics URLs are kept out of tracing (Python's excluded-URL variable). */
  excludeHealthChecks: boolean
  /** Comma-separated URL patterns to exclude, e.g. "health,metrics,readiness". */
  excludedUrls: string
  /** Health-check and scrape requests each replica receives per interval (liveness, readiness, /metrics). */
  probesPerReplica: number
  probeIntervalSeconds: number
  /** Monthly traffic growth in percent (compounding); storage and cost are also shown at the horizon. */
  growthPercentPerMonth: number
  horizonMonths: number
  /** The request path, when spans per trace are derived from it instead of typed; null when typed. */
  topology: Topology | null
  /** Share of requests that fail (0..1). */
  errorRate: number
  /** Share of requests slower than `slowThresholdMs` (0..1). */
  slowRate: number
  slowThresholdMs: number
  /** Endpoints and their share of traffic, for per-endpoint visibility; null when not described. */
  endpoints: Endpoint[] | null
  /** Whether a Collector tier tail-samples after the head sampler. */
  tailSampling: boolean
  tailKeepErrors: boolean
  /** Keep traces slower than `slowThresholdMs`. */
  tailKeepSlow: boolean
  /** Probabilistic baseline the tail sampler keeps of everything else, in percent. */
  tailBaselinePercent: number
  /** Optional cap on the baseline in spans/s (rate_limiting ANDed with it); 0 for none. */
  tailSpansPerSecond: number
  tailDecisionWaitSeconds: number
  /** Whether every error trace must be kept (drives the tail-sampling recommendation). */
  keepAllErrors: boolean
  minTracesPerMinutePerEndpoint: number
  /** Monthly budget on the chosen backend; 0 for none. */
  budgetUsdPerMonth: number
  /** Largest storage the backend may hold; 0 for none. */
  storageCapBytes: number
}

/** One endpoint and its share of the entry service's traffic. */
export interface Endpoint {
  name: string
  /** Share of requests (0..1). */
  share: number
}

/** The seed scenario and cited defaults: what a plan uses for every field it is not given. */
export const DEFAULT_INPUT: PlanInput = {
  rps: 5000,
  peakRps: 5000,
  retentionDays: 7,
  sampler: "parentbased_traceidratio",
  ratio: 0.1,
  spansPerTrace: 30,
  spanBytes: 500,
  backend: "tempo",
  apmHosts: 10,
  collectorUsdPerCoreMonth: 0,
  serviceName: "task-api",
  namespace: "default",
  environment: "production",
  language: "python",
  otlpEndpoint: "http://otel-collector.observability.svc.cluster.local:4317",
  protocol: "grpc",
  daprEnabled: true,
  daprIngress: true,
  daprSamplingRate: 0.1,
  replicas: 3,
  image: "registry.example.com/task-api:1.0.0",
  containerPort: 8000,
  excludeHealthChecks: true,
  excludedUrls: "health,metrics,readiness",
  probesPerReplica: 3,
  probeIntervalSeconds: 10,
  growthPercentPerMonth: 0,
  horizonMonths: 12,
  topology: null,
  errorRate: 0.01,
  slowRate: 0.05,
  slowThresholdMs: 1000,
  endpoints: null,
  tailSampling: false,
  tailKeepErrors: true,
  tailKeepSlow: true,
  tailBaselinePercent: 10,
  tailSpansPerSecond: 0,
  tailDecisionWaitSeconds: 30,
  keepAllErrors: true,
  minTracesPerMinutePerEndpoint: 1,
  budgetUsdPerMonth: 0,
  storageCapBytes: 0,
}

/** Where each default comes from (shown beside the field and returned by the API). */
export const DEFAULT_SOURCE: Record<PlanField, SourceId> = {
  rps: "seedScenario",
  peakRps: "seedScenario",
  retentionDays: "seedScenario",
  sampler: "seedScenario",
  ratio: "seedScenario",
  spansPerTrace: "spansPerTrace",
  spanBytes: "spanBytes",
  backend: "defaultBackend",
  apmHosts: "datadogApmHosts",
  collectorUsdPerCoreMonth: "collectorCompute",
  serviceName: "seedScenario",
  namespace: "seedScenario",
  environment: "seedScenario",
  language: "seedScenario",
  otlpEndpoint: "defaultEndpoint",
  protocol: "seedScenario",
  daprEnabled: "seedScenario",
  daprIngress: "daprIngress",
  daprSamplingRate: "seedScenario",
  replicas: "deploymentPlaceholders",
  image: "deploymentPlaceholders",
  containerPort: "deploymentPlaceholders",
  excludeHealthChecks: "seedScenario",
  excludedUrls: "seedScenario",
  probesPerReplica: "kubernetesProbes",
  probeIntervalSeconds: "kubernetesProbes",
  growthPercentPerMonth: "planningHorizon",
  horizonMonths: "planningHorizon",
  topology: "spansPerTrace",
  errorRate: "visibilityAssumptions",
  slowRate: "visibilityAssumptions",
  slowThresholdMs: "visibilityAssumptions",
  endpoints: "visibilityAssumptions",
  tailSampling: "tailSamplingDefaults",
  tailKeepErrors: "tailSamplingDefaults",
  tailKeepSlow: "tailSamplingDefaults",
  tailBaselinePercent: "tailSamplingDefaults",
  tailSpansPerSecond: "tailSamplingDefaults",
  tailDecisionWaitSeconds: "tailSamplingDefaults",
  keepAllErrors: "visibilityAssumptions",
  minTracesPerMinutePerEndpoint: "visibilityAssumptions",
  budgetUsdPerMonth: "visibilityAssumptions",
  storageCapBytes: "visibilityAssumptions",
}

/** Labels a person reads, used in the form and in every message. */
export const FIELD_LABELS: Record<PlanField, string> = {
  rps: "Requests per second",
  peakRps: "Peak requests per second",
  retentionDays: "Retention",
  sampler: "Sampler",
  ratio: "Sampling ratio",
  spansPerTrace: "Spans per trace",
  spanBytes: "Bytes per span",
  backend: "Backend",
  apmHosts: "Datadog APM hosts",
  collectorUsdPerCoreMonth: "Collector cost per core",
  serviceName: "Service name",
  namespace: "Namespace",
  environment: "Environment",
  language: "Language",
  otlpEndpoint: "OTLP endpoint",
  protocol: "OTLP protocol",
  daprEnabled: "Dapr sidecar",
  daprIngress: "Requests enter through Dapr",
  daprSamplingRate: "Dapr sampling rate",
  replicas: "Replicas",
  image: "Container image",
  containerPort: "Container port",
  excludeHealthChecks: "Exclude health checks",
  excludedUrls: "Excluded URLs",
  probesPerReplica: "Probes per replica",
  probeIntervalSeconds: "Probe interval",
  growthPercentPerMonth: "Traffic growth per month",
  horizonMonths: "Planning horizon",
  topology: "Request path",
  errorRate: "Error rate",
  slowRate: "Slow requests",
  slowThresholdMs: "Slow threshold",
  endpoints: "Endpoints",
  tailSampling: "Tail sampling in the Collector",
  tailKeepErrors: "Keep every error trace",
  tailKeepSlow: "Keep every slow trace",
  tailBaselinePercent: "Baseline kept",
  tailSpansPerSecond: "Rate limit",
  tailDecisionWaitSeconds: "Decision wait",
  keepAllErrors: "Every error must be kept",
  minTracesPerMinutePerEndpoint: "Minimum traces per minute per endpoint",
  budgetUsdPerMonth: "Monthly budget",
  storageCapBytes: "Storage cap",
}

/** The text shown beside a default: its source's title and date. */
export function describeDefault(field: PlanField): string {
  const source = SOURCES[DEFAULT_SOURCE[field]]
  return `${source.title} (as of ${source.asOf})`
}

/** Label of a backend, for messages and the form. */
export function backendLabel(id: BackendId): string {
  return BACKENDS[id].label
}

/**
 * Longest key a suggestion is looked for: the longest field name is 29 characters, and a longer key
 * would only cost time (the distance below grows with its length).
 */
export const MAX_SUGGESTED_KEY_LENGTH = 40

/**
 * Typos (insert, delete, substitute, swap two neighbours) that turn `a` into `b`, or `limit + 1` as
 * soon as that many are certain: two rows at a time, and a stop once a whole row is over the limit.
 */
function typoDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before = new Array<number>(b.length + 1).fill(0)
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1)
    row[0] = i
    let smallest = i
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2]! + 1)
      row[j] = cost
      smallest = Math.min(smallest, cost)
    }
    if (smallest > limit) return limit + 1
    before = previous
    previous = row
  }
  return Math.min(previous[b.length]!, limit + 1)
}

/**
 * The plan field a key that is not one most likely meant: the field it starts (or is the start
 * of), ignoring case, or one within two typos (one for keys of four letters or fewer). Undefined
 * for anything else, such as the tracking parameters links pick up, and for keys longer than
 * {@link MAX_SUGGESTED_KEY_LENGTH}, so a hostile key costs no time.
 *
 * @example
 * closestPlanField("retention") //=> "retentionDays"
 * closestPlanField("rsp")       //=> "rps"
 * closestPlanField("utm_source") //=> undefined
 */
export function closestPlanField(key: string): PlanField | undefined {
  if (key.length < 3 || key.length > MAX_SUGGESTED_KEY_LENGTH) return undefined
  const lower = key.toLowerCase()
  const byPrefix = PLAN_FIELDS.find(
    (field) => field.toLowerCase().startsWith(lower) || lower.startsWith(field.toLowerCase())
  )
  if (byPrefix) return byPrefix
  const allowed = lower.length <= 4 ? 1 : 2
  let best: { field: PlanField; distance: number } | undefined
  for (const field of PLAN_FIELDS) {
    const distance = typoDistance(lower, field.toLowerCase(), allowed)
    if (distance <= allowed && (!best || distance < best.distance)) best = { field, distance }
  }
  return best?.field
}

/** First words of labels that keep their capitals inside a sentence: names and acronyms. */
const PROPER_FIRST_WORDS = new Set(["Collector", "Dapr", "Datadog"])

/**
 * A field's label as it reads inside a sentence: the first word lower-cased unless it is a name
 * (Dapr, Datadog, the Collector) or an acronym (OTLP).
 *
 * @example
 * labelInSentence("ratio")                    //=> "sampling ratio"
 * labelInSentence("daprSamplingRate")         //=> "Dapr sampling rate"
 * labelInSentence("collectorUsdPerCoreMonth") //=> "Collector cost per core"
 * labelInSentence("protocol")                 //=> "OTLP protocol"
 */
export function labelInSentence(field: PlanField): string {
  const label = FIELD_LABELS[field]
  const first = label.split(" ")[0] ?? ""
  if (PROPER_FIRST_WORDS.has(first) || first !== first[0] + first.slice(1).toLowerCase()) return label
  return label[0]!.toLowerCase() + label.slice(1)
}
