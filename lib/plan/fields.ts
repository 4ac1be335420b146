// The plan's field registry: one plain table (no Zod) with everything about each input field, and
// the views other code reads (PLAN_FIELDS, DEFAULT_INPUT, DEFAULT_SOURCE, FIELD_LABELS…). The
// browser's first load needs this data (the form's labels, hints and defaults) but not the
// validator, which lives in ./schema and loads the first time the user changes something.
//
// Adding a field: add one entry to FIELDS below (its place there is its place in URLs and API
// answers; its section and, for the collapsible sections, its row in ./form-layout put it in the
// form). A number, enum or boolean field then validates, defaults, labels, renders and documents
// itself (`npm run docs:fields` rewrites docs/api.md). Only a special field (kind "text" or
// "special", a default that follows another field, a cross-field rule) also needs bespoke code:
// its Zod schema in ./schema and, when the form shows it with behaviour, its section component.
import { SOURCES, type SourceId } from "@/lib/sources"

import { BACKEND_IDS, BACKENDS, type BackendId } from "./backends"
import { DATADOG_COMMITMENTS, ENVIRONMENTS, LANGUAGES, PROTOCOLS, RED_METRICS_EXPORTS, TEMPO_VERSIONS } from "./choices"
import type { Endpoint } from "./endpoints"
import {
  MAX_APM_HOSTS,
  MAX_RETENTION_DAYS,
  MAX_RPS,
  MAX_SPAN_BYTES,
  MAX_SPANS_PER_TRACE,
  MAX_USD_PER_CORE_MONTH,
  MAX_ZONES,
} from "./limits"
import { FARGATE_USD_PER_GB_MONTH, FARGATE_USD_PER_VCPU_MONTH } from "./prices"
import { ENTRY_POINTS, SAMPLERS } from "./samplers"
import type { Topology } from "./topology"

export * from "./choices"
export * from "./limits"
export type { Endpoint } from "./endpoints"

/** Where a field sits in the form, in form order. */
export const FORM_SECTIONS = ["traffic", "sampling", "shape", "backend", "goals", "health", "service"] as const
export type FormSection = (typeof FORM_SECTIONS)[number]

/** Numeric kinds: a fraction is 0..1 (a typed percentage gets a hint), a percent is in % already. */
export type NumberKind = "number" | "integer" | "fraction" | "percent"

/**
 * How messages word a numeric field's bounds, where plain "must be at least 1." would not do. The
 * numbers themselves always come from the bounds.
 */
export interface BoundWords {
  /** Unit after a bound: "days" gives "at most 3,650 days" and "a whole number of days". */
  unit?: string
  /** Unit after a bound of exactly 1 when it differs: "day" gives "at least 1 day". */
  unitOfOne?: string
  /** What "a whole number of …" counts when it is not `unit`: "spans per second" for "spans/s". */
  wholeUnit?: string
  /** Aside after the lower bound, e.g. " (the root span)". */
  minAside?: string
  /** Aside after the upper bound, e.g. " (10 years)". */
  maxAside?: string
  /**
   * One message for both bounds, "Decision wait must be between 1 and 600 seconds.": the subject
   * when it is not the label, and an aside such as " (0.1 keeps 10 %)".
   */
  range?: { subject?: string; aside?: string }
  /** The whole-number check runs after the bounds, so a value that breaks both is told the bound. */
  intAfterBounds?: true
}

interface FieldCommon {
  /** Label a person reads, in the form and in every message. */
  label: string
  /** Unit shown after the label ("req/s"); also the docs' unit. */
  unit?: string
  section: FormSection
  /** Where the default comes from (shown beside the field and returned by the API). */
  source: SourceId
  /** Help shown under the field, before its default. */
  hint?: string
  /** The default as the hint writes it when its value reads worse: "the average rate". */
  defaultInWords?: string
  /** What the field means, for the API docs. */
  doc: string
  /** The field whose value this one takes when it is not given (and follows in the form). */
  follows?: string
  /**
   * The fields this one's default is figured from when it is not given (by ./schema's transform;
   * the form moves it along while it holds that figure). `defaultInWords` says how.
   */
  derivedFrom?: readonly string[]
}

export interface NumberFieldSpec extends FieldCommon {
  kind: NumberKind
  /** The value a plan takes when the field is not given: undefined ("none") for an optional field. */
  default: number | undefined
  /**
   * Whether the field may be left out: the plan then holds undefined ("none"), URLs omit it and the
   * form shows an empty box. An empty text reads as left out, so 0 stays a value of its own.
   */
  optional?: true
  /** `exclusiveMin`: greater than `min` rather than at least. Integers are kind "integer". */
  bounds: { min: number; max: number; exclusiveMin?: true }
  /** Typed into messages: "Enter retention, e.g. 7." */
  example: string
  says?: BoundWords
}

export interface EnumFieldSpec extends FieldCommon {
  kind: "enum"
  values: readonly [string, ...string[]]
  default: string
}

export interface BooleanFieldSpec extends FieldCommon {
  kind: "boolean"
  default: boolean
}

/** Text and structured fields: validated by bespoke Zod in ./schema; `rule` says what it accepts. */
export interface BespokeFieldSpec extends FieldCommon {
  kind: "text" | "special"
  default: unknown
  example?: string
  rule: string
}

export type FieldSpec = NumberFieldSpec | EnumFieldSpec | BooleanFieldSpec | BespokeFieldSpec

const DNS_LABEL_RULE = "a Kubernetes name (DNS-1123 label): lowercase letters, digits and `-`, at most 63 characters"

/**
 * Every field of a plan's input, in URL and API order: these names are the contract. The form's
 * order is its sections' (./form-layout and the section components).
 */
export const FIELDS = {
  rps: {
    kind: "number",
    label: "Requests per second",
    unit: "req/s",
    section: "traffic",
    default: 5000,
    source: "seedScenario",
    hint: "Average requests per second at the entry service; storage and cost follow it.",
    doc: "average requests/s at the entry service",
    example: "5000",
    bounds: { min: 0, exclusiveMin: true, max: MAX_RPS },
  },
  peakRps: {
    kind: "number",
    label: "Peak requests per second",
    unit: "req/s",
    section: "traffic",
    default: 5000,
    follows: "rps",
    source: "seedScenario",
    hint: "Busiest sustained rate; sizes collectors and ingest limits.",
    defaultInWords: "the average rate",
    doc: "peak requests/s, for sizing the Collector tier and ingest limits; at least `rps`",
    example: "8000",
    bounds: { min: 0, exclusiveMin: true, max: MAX_RPS },
  },
  retentionDays: {
    kind: "integer",
    label: "Retention",
    unit: "days",
    section: "traffic",
    default: 7,
    source: "seedScenario",
    doc: "days traces are kept",
    example: "7",
    bounds: { min: 1, max: MAX_RETENTION_DAYS },
    says: { unit: "days", unitOfOne: "day", maxAside: " (10 years)" },
  },
  sampler: {
    kind: "enum",
    label: "Sampler",
    section: "sampling",
    values: SAMPLERS,
    default: "parentbased_traceidratio",
    source: "seedScenario",
    doc: "the app's sampler, an `OTEL_TRACES_SAMPLER` value",
  },
  ratio: {
    kind: "fraction",
    label: "Sampling ratio",
    unit: "0–1",
    section: "sampling",
    default: 0.1,
    source: "seedScenario",
    hint: "Share of root traces kept: 0.1 keeps 10 %.",
    doc: "sampler argument for ratio samplers; the assumed rate for Jaeger remote",
    example: "0.1",
    bounds: { min: 0, max: 1 },
    says: { range: { aside: " (0.1 keeps 10 %)" } },
  },
  spansPerTrace: {
    kind: "number",
    label: "Spans per trace",
    unit: "spans",
    section: "shape",
    default: 30,
    source: "spansPerTrace",
    hint: "Average spans in one trace across every service and sidecar it crosses.",
    doc: "average spans in one trace; derived from `topology` when that is given",
    example: "30",
    bounds: { min: 1, max: MAX_SPANS_PER_TRACE },
    says: { minAside: " (the root span)" },
  },
  spanBytes: {
    kind: "number",
    label: "Bytes per span",
    unit: "bytes",
    section: "shape",
    default: 500,
    source: "spanBytes",
    hint: "Raw OTLP protobuf bytes per span, before compression.",
    doc: "raw OTLP protobuf bytes per span",
    example: "500",
    bounds: { min: 0, exclusiveMin: true, max: MAX_SPAN_BYTES },
    says: { maxAside: " (1 MB)" },
  },
  backend: {
    kind: "enum",
    label: "Backend",
    section: "backend",
    values: BACKEND_IDS,
    default: "tempo",
    source: "defaultBackend",
    doc: "where traces are stored and priced",
  },
  apmHosts: {
    kind: "integer",
    label: "Datadog APM hosts",
    unit: "hosts",
    section: "backend",
    default: 10,
    source: "datadogApmHosts",
    hint: "Hosts running the Datadog Agent with APM.",
    doc: "Datadog APM hosts (Datadog bills per host)",
    example: "10",
    bounds: { min: 1, max: MAX_APM_HOSTS },
  },
  tempoVersion: {
    kind: "enum",
    label: "Tempo version",
    section: "backend",
    values: TEMPO_VERSIONS,
    default: "3.x",
    source: "tempoSizing",
    hint: "3.x writes through a Kafka-compatible queue; 2.x replicates to ingesters.",
    doc: "Grafana Tempo's major version, which decides its components (3.x: live-stores, block-builders and a Kafka-compatible queue; 2.x: ingesters and compactors)",
  },
  datadogCommitment: {
    kind: "enum",
    label: "Datadog terms",
    section: "backend",
    values: DATADOG_COMMITMENTS,
    default: "annual",
    source: "datadogPrice",
    hint: "Annual commitment or month-to-month (on-demand) host prices.",
    doc: "Datadog host prices: `annual` (billed annually) or `on-demand` (month to month)",
  },
  newRelicFullUsers: {
    kind: "integer",
    label: "New Relic full platform users",
    unit: "users",
    section: "backend",
    default: 1,
    source: "newRelicUsers",
    hint: "The free tier includes one; basic users are free.",
    doc: "New Relic full platform users (the free tier includes one; basic users are free)",
    example: "1",
    bounds: { min: 0, max: MAX_APM_HOSTS },
  },
  computeUsdPerVcpuMonth: {
    kind: "number",
    label: "Compute price per vCPU",
    unit: "USD/vCPU-month",
    section: "backend",
    default: FARGATE_USD_PER_VCPU_MONTH,
    source: "computePrice",
    hint: "What a vCPU costs you a month where the Collector and a self-hosted backend run; 0 if you already pay for the nodes.",
    doc: "what one vCPU costs a month for the Collector tier and a self-hosted backend's components; 0 when the nodes are already paid for",
    example: "29.53",
    bounds: { min: 0, max: MAX_USD_PER_CORE_MONTH },
    says: { unit: "USD" },
  },
  computeUsdPerGbMonth: {
    kind: "number",
    label: "Compute price per GB of memory",
    unit: "USD/GB-month",
    section: "backend",
    default: FARGATE_USD_PER_GB_MONTH,
    source: "computePrice",
    hint: "What a GB of memory costs you a month; 0 if you already pay for the nodes.",
    doc: "what one GB of memory costs a month for the Collector tier and a self-hosted backend's components; 0 when the nodes are already paid for",
    example: "3.24",
    bounds: { min: 0, max: MAX_USD_PER_CORE_MONTH },
    says: { unit: "USD" },
  },
  collectorUsdPerCoreMonth: {
    kind: "number",
    label: "Collector cost per core",
    unit: "USD/core-month",
    section: "backend",
    default: 0,
    source: "collectorCompute",
    hint: "Optional: what one Collector core with its 2 GB costs you a month, instead of the compute prices above; 0 uses them.",
    doc: "optional override: what one Collector core (with ~2 GB of memory) costs a month; 0 prices the Collector tier at `computeUsdPerVcpuMonth` and `computeUsdPerGbMonth`",
    example: "30",
    bounds: { min: 0, max: MAX_USD_PER_CORE_MONTH },
    says: { unit: "USD" },
  },
  zones: {
    kind: "integer",
    label: "Availability zones",
    unit: "zones",
    section: "backend",
    default: 3,
    source: "availabilityZones",
    hint: "Zones your pods spread over: behind a Kubernetes Service about (zones − 1) ÷ zones of the traffic crosses zones.",
    doc: "availability zones the apps, the Collector and the backend spread over; (zones − 1) ÷ zones of each hop crosses a zone",
    example: "3",
    bounds: { min: 1, max: MAX_ZONES },
  },
  interZoneUsdPerGb: {
    kind: "number",
    label: "Inter-zone transfer price",
    unit: "USD/GB",
    section: "backend",
    default: 0.02,
    source: "interZonePrice",
    hint: "Per GB crossing zones, both directions together (AWS: $0.01 out + $0.01 in; Azure: 0).",
    doc: "what one GB crossing availability zones costs, both directions together",
    example: "0.02",
    bounds: { min: 0, max: 100 },
    says: { unit: "USD" },
  },
  egressUsdPerGb: {
    kind: "number",
    label: "Internet egress price",
    unit: "USD/GB",
    section: "backend",
    default: 0.09,
    source: "egressPrice",
    hint: "Per GB sent to a SaaS backend over the internet.",
    doc: "what one GB sent to a SaaS backend over the internet costs",
    example: "0.09",
    bounds: { min: 0, max: 100 },
    says: { unit: "USD" },
  },
  serviceName: {
    kind: "text",
    label: "Service name",
    section: "service",
    default: "task-api",
    source: "seedScenario",
    doc: "`service.name`, the Deployment name and the Dapr app-id",
    example: "task-api",
    rule: DNS_LABEL_RULE,
  },
  namespace: {
    kind: "text",
    label: "Namespace",
    section: "service",
    default: "default",
    source: "seedScenario",
    doc: "Kubernetes namespace of the app (and of its Dapr Configuration)",
    example: "tasks",
    rule: DNS_LABEL_RULE,
  },
  environment: {
    kind: "enum",
    label: "Environment",
    section: "goals",
    values: ENVIRONMENTS,
    default: "production",
    source: "seedScenario",
    doc: "deployment environment (`deployment.environment.name`); in `development` the recommendation keeps every trace",
  },
  language: {
    kind: "enum",
    label: "Language",
    section: "service",
    values: LANGUAGES,
    default: "python",
    source: "seedScenario",
    doc: "the app's language, for its SDK settings and instrumentation",
  },
  otlpEndpoint: {
    kind: "text",
    label: "OTLP endpoint",
    section: "service",
    default: "http://otel-collector.observability.svc.cluster.local:4317",
    source: "defaultEndpoint",
    hint: "Where the SDK sends OTLP: http:// or https://, port 4317 for grpc, 4318 for http/protobuf.",
    doc: "where the SDK exports OTLP (the Collector, which exports to the backend)",
    example: "http://otel-collector:4317",
    rule: "an http(s) URL without credentials, query or fragment, at most 2,048 characters; its port must not be the other protocol's",
  },
  protocol: {
    kind: "enum",
    label: "OTLP protocol",
    section: "service",
    values: PROTOCOLS,
    default: "grpc",
    source: "seedScenario",
    doc: "how the SDK sends OTLP",
  },
  daprEnabled: {
    kind: "boolean",
    label: "Dapr sidecar",
    section: "sampling",
    default: true,
    source: "seedScenario",
    doc: "a Dapr sidecar runs beside the app",
  },
  daprIngress: {
    kind: "boolean",
    label: "Requests enter through Dapr",
    section: "sampling",
    default: true,
    source: "daprIngress",
    doc: "older links' form of `entryPoint`: `true` is `sidecar`, `false` is `app`; ignored when `entryPoint` is given, and set from it in answers",
  },
  entryPoint: {
    kind: "enum",
    label: "Who calls this service",
    section: "sampling",
    values: ENTRY_POINTS,
    default: "sidecar",
    derivedFrom: ["daprIngress"],
    source: "daprIngress",
    hint: "Sidecar: requests reach Dapr's HTTP API without trace context, so Dapr's rate starts the traces. App: an Ingress sends them straight to the app's port, so the app's sampler decides and Dapr follows. Another Dapr app: the caller's side has decided already and this sidecar follows its traceparent.",
    defaultInWords: "sidecar (app for older links with daprIngress=false)",
    doc: "who calls this service: `sidecar` (an Ingress calls the Dapr sidecar's HTTP API: Dapr's `samplingRate` makes the root decision), `app` (an Ingress calls the app's port: the app's sampler decides, Dapr follows) or `dapr-app` (service invocation from another Dapr app: the caller's sidecar or app decided; the figures assume it runs this Dapr Configuration)",
  },
  daprSamplingRate: {
    kind: "fraction",
    label: "Dapr sampling rate",
    unit: "0–1",
    section: "sampling",
    default: 0.1,
    derivedFrom: ["sampler", "ratio"],
    source: "seedScenario",
    hint: "Dapr's samplingRate: decides only traces the sidecar starts; \"0\" turns the sidecar's tracing off and the app decides.",
    defaultInWords:
      "the sampler's own head rate: 1 for the always-on samplers, 0 for the always-off ones, the sampling ratio for ratio and Jaeger samplers, 0.05 for xray",
    doc: "Dapr's `spec.tracing.samplingRate`; `0` turns the sidecar's tracing off (no spans, no `traceparent`), so the app decides",
    example: "0.1",
    bounds: { min: 0, max: 1 },
    says: { range: { aside: ' ("1" traces every request Dapr starts)' } },
  },
  replicas: {
    kind: "integer",
    label: "Replicas",
    unit: "pods",
    section: "health",
    default: 3,
    source: "deploymentPlaceholders",
    doc: "replicas of the generated Deployment (each one is probed)",
    example: "3",
    bounds: { min: 1, max: 1000 },
  },
  image: {
    kind: "text",
    label: "Container image",
    section: "service",
    default: "registry.example.com/task-api:1.0.0",
    source: "deploymentPlaceholders",
    hint: "Replace with your image before applying the Deployment.",
    doc: "container image of the app, for the generated Deployment",
    example: "ghcr.io/acme/task-api:1.4.2",
    rule: "an image reference (lowercase repository, optional `:tag` or `@sha256:digest`), at most 512 characters",
  },
  containerPort: {
    kind: "integer",
    label: "Container port",
    unit: "port",
    section: "service",
    default: 8000,
    source: "deploymentPlaceholders",
    defaultInWords: "port 8000",
    doc: "the app's port in the generated Deployment",
    example: "8000",
    bounds: { min: 1, max: 65_535 },
    says: { range: {} },
  },
  excludeHealthChecks: {
    kind: "boolean",
    label: "Exclude health checks",
    section: "health",
    default: true,
    source: "seedScenario",
    doc: "health-check and metrics URLs are kept out of what is stored: Python's SDK skips them, for other languages the generated Collector config drops them",
  },
  excludedUrls: {
    kind: "text",
    label: "Excluded URLs",
    section: "health",
    default: "health,metrics,readiness",
    source: "seedScenario",
    hint: "Comma-separated regexes matched anywhere in the URL path. Python's SDK then skips them; for other languages the generated Collector config's filter processor drops them after the apps send them.",
    doc: "the URL patterns kept out of tracing",
    example: "health,metrics,readiness",
    rule: "comma-separated patterns of URL and regex characters, no empty entries, at most 1,024 characters",
  },
  probesPerReplica: {
    kind: "integer",
    label: "Probes per replica",
    section: "health",
    default: 3,
    source: "kubernetesProbes",
    hint: "Liveness, readiness and /metrics scrapes each count.",
    doc: "health-check and scrape requests each replica receives per interval",
    example: "3",
    bounds: { min: 0, max: 20 },
  },
  probeIntervalSeconds: {
    kind: "number",
    label: "Probe interval",
    unit: "s",
    section: "health",
    default: 10,
    source: "kubernetesProbes",
    doc: "seconds between one replica's rounds of probes",
    example: "10",
    bounds: { min: 1, max: 3600 },
    says: { unit: "seconds", unitOfOne: "second", minAside: " (Kubernetes periodSeconds minimum)" },
  },
  growthPercentPerMonth: {
    kind: "percent",
    label: "Traffic growth per month",
    unit: "%",
    section: "traffic",
    default: 0,
    source: "planningHorizon",
    hint: "Compounding; negative for shrinking traffic.",
    doc: "compounding monthly traffic growth; storage and cost are also shown at the horizon",
    example: "5",
    bounds: { min: -50, max: 200 },
    says: { unit: "%", range: { subject: "Traffic growth", aside: " per month" } },
  },
  horizonMonths: {
    kind: "integer",
    label: "Planning horizon",
    unit: "months",
    section: "traffic",
    default: 12,
    source: "planningHorizon",
    doc: "months ahead the growth figures look",
    example: "12",
    bounds: { min: 1, max: 60 },
    says: { unit: "months", range: {} },
  },
  topology: {
    kind: "special",
    label: "Request path",
    section: "shape",
    default: null as Topology | null,
    source: "spansPerTrace",
    defaultInWords: "typed spans per trace",
    doc: "the request path, e.g. `gateway.i1.o4~orders.i2.d2.c1.dapr` (`i` internal spans, `d` DB calls, `c` cache calls, `o` outgoing calls, `dapr` sidecar; `~` between services) or, in JSON, a list of `{name, internalSpans, dbCalls, cacheCalls, outgoingCalls, dapr}`; it decides `spansPerTrace`",
    rule: "at most 50 services; internal spans ≤ 100,000 and each kind of call ≤ 1,000 per service; at most 100,000 spans in all",
  },
  errorRate: {
    kind: "fraction",
    label: "Error rate",
    unit: "0–1",
    section: "goals",
    default: 0.01,
    source: "visibilityAssumptions",
    // The tail sampler's status_code policy keeps a trace with any ERROR span (a client span on a
    // 4xx, a retried call, a handled exception), so failed requests are the least it keeps.
    hint: "Share of requests that fail: 0.01 = 1 %. Tail sampling's keep-errors keeps more: any trace with one span in ERROR (a client call that got a 4xx, a retried call), so this is a lower bound.",
    doc: "share of requests that fail",
    example: "0.01",
    bounds: { min: 0, max: 1 },
  },
  slowRate: {
    kind: "fraction",
    label: "Slow requests",
    unit: "0–1",
    section: "goals",
    default: 0.05,
    source: "visibilityAssumptions",
    hint: "Share of requests slower than the threshold.",
    doc: "share of requests slower than `slowThresholdMs`",
    example: "0.05",
    bounds: { min: 0, max: 1 },
  },
  slowThresholdMs: {
    kind: "integer",
    label: "Slow threshold",
    unit: "ms",
    section: "goals",
    default: 1000,
    source: "visibilityAssumptions",
    doc: "how slow a slow request is; whole ms, as the Collector's latency policy takes it (`threshold_ms`)",
    example: "1000",
    bounds: { min: 0, exclusiveMin: true, max: 3_600_000 },
    says: { unit: "ms", maxAside: " (an hour)", intAfterBounds: true },
  },
  endpoints: {
    kind: "special",
    label: "Endpoints",
    section: "goals",
    default: null as Endpoint[] | null,
    source: "visibilityAssumptions",
    hint: "Optional: name:share pairs joined by ~, e.g. GET /tasks:0.7~POST /tasks:0.3.",
    defaultInWords: "none",
    doc: "endpoints and their share of traffic, for per-endpoint visibility: `GET /tasks:0.7~POST /tasks:0.3` or, in JSON, a list of `{name, share}`",
    rule: "at most 50 endpoints; shares above 0 that add up to at most 1",
  },
  tailSampling: {
    kind: "boolean",
    label: "Tail sampling in the Collector",
    section: "sampling",
    default: false,
    source: "tailSamplingDefaults",
    doc: "a Collector tier tail-samples after the head sampler",
  },
  redMetrics: {
    kind: "enum",
    label: "RED metrics from every span",
    section: "sampling",
    values: RED_METRICS_EXPORTS,
    default: "prometheusremotewrite",
    source: "spanMetrics",
    hint: "With tail sampling the Collector counts requests, errors and durations from every span before it samples, and sends them by Prometheus remote write or OTLP.",
    doc: "where a tail-sampling Collector sends the request, error and duration metrics its `spanmetrics` connector computes from every span before sampling: `prometheusremotewrite`, `otlp` or `off`",
  },
  tailKeepErrors: {
    kind: "boolean",
    label: "Keep every error trace",
    section: "sampling",
    default: true,
    source: "tailSamplingDefaults",
    doc: "the tail sampler keeps every error trace",
  },
  tailKeepSlow: {
    kind: "boolean",
    label: "Keep every slow trace",
    section: "sampling",
    default: true,
    source: "tailSamplingDefaults",
    doc: "the tail sampler keeps every trace slower than `slowThresholdMs`",
  },
  tailBaselinePercent: {
    kind: "percent",
    label: "Baseline kept",
    unit: "%",
    section: "sampling",
    default: 10,
    source: "tailSamplingDefaults",
    hint: "Share of other traces kept (probabilistic policy).",
    doc: "the share of other traces the tail sampler keeps",
    example: "10",
    bounds: { min: 0, max: 100 },
    says: { unit: "%", range: {} },
  },
  tailSpansPerSecond: {
    kind: "integer",
    label: "Rate limit",
    unit: "spans/s",
    section: "sampling",
    default: 0,
    source: "tailSamplingDefaults",
    hint: "Caps the baseline (errors and slow traces are kept beyond it); 0 for none.",
    doc: "caps the baseline's spans/s (traced health checks included, on average and at peak) for the whole tier, each sampling replica getting its share; errors and slow traces are kept beyond it; 0 for none",
    example: "5000",
    bounds: { min: 0, max: 1e9 },
    says: { unit: "spans/s", wholeUnit: "spans per second", intAfterBounds: true },
  },
  tailDecisionWaitSeconds: {
    kind: "integer",
    label: "Decision wait",
    unit: "s",
    section: "sampling",
    default: 30,
    source: "tailSamplingDefaults",
    hint: "How long the Collector buffers a trace before deciding.",
    doc: "how long the Collector buffers a trace before deciding",
    example: "30",
    bounds: { min: 1, max: 600 },
    says: { unit: "seconds", range: {}, intAfterBounds: true },
  },
  keepAllErrors: {
    kind: "boolean",
    label: "Every error must be kept",
    section: "goals",
    default: true,
    source: "visibilityAssumptions",
    doc: "a goal: every error trace must be kept (drives the tail-sampling recommendation)",
  },
  minTracesPerMinutePerEndpoint: {
    kind: "number",
    label: "Minimum traces per minute per endpoint",
    unit: "traces/min",
    section: "goals",
    default: 1,
    source: "visibilityAssumptions",
    doc: "a goal: the fewest kept traces per minute each endpoint needs",
    example: "1",
    bounds: { min: 0, max: 1e6 },
  },
  budgetUsdPerMonth: {
    kind: "number",
    label: "Monthly budget",
    unit: "USD/month",
    section: "goals",
    default: undefined,
    optional: true,
    defaultInWords: "none",
    source: "visibilityAssumptions",
    hint: "The whole bill on the chosen backend. Leave empty for none; 0 for free only: the backend's own bill stays within its free tier (the Collector and network you run are still shown).",
    doc: "a goal: the monthly budget for the whole bill on the chosen backend; absent for none; 0 for free only (the backend's own bill within its free tier; the Collector tier and network are still priced and shown)",
    example: "500",
    bounds: { min: 0, max: 1e12 },
    says: { unit: "USD" },
  },
  storageCapBytes: {
    kind: "number",
    label: "Storage cap",
    unit: "bytes",
    section: "goals",
    default: 0,
    source: "visibilityAssumptions",
    hint: "Most the backend may hold, in bytes (2000000000000 = 2 TB); 0 for none.",
    doc: "a goal: the largest storage the backend may hold; 0 for none",
    example: "2000000000000",
    bounds: { min: 0, max: 1e21 },
    says: { unit: "bytes" },
  },
  otlpAuthSecret: {
    kind: "text",
    label: "API key Secret",
    section: "service",
    default: "otlp-auth",
    source: "saasOtlpAuth",
    hint: 'For a SaaS endpoint (Honeycomb, Grafana Cloud, New Relic, Datadog): the Kubernetes Secret whose otlp-headers key holds the API key header; "none" for no credentials.',
    doc: "the Kubernetes Secret (key `otlp-headers`) that holds `OTEL_EXPORTER_OTLP_HEADERS` when `otlpEndpoint` is a SaaS intake; `none` for no credentials (the setup check then reports an error)",
    example: "otlp-auth",
    rule: `${DNS_LABEL_RULE}; \`none\` for no credentials`,
  },
} as const satisfies Record<string, FieldSpec>

export type PlanField = keyof typeof FIELDS

/** Every field of a plan's input, in URL and API order. */
export const PLAN_FIELDS = Object.keys(FIELDS) as readonly PlanField[]

/** The value a field's entry stands for: its enum's values, any number, any text, or its default's type. */
type ValueOf<Spec> = Spec extends { kind: "enum"; values: readonly (infer Value)[] }
  ? Value
  : Spec extends { kind: NumberKind; optional: true }
    ? number | undefined
    : Spec extends { kind: NumberKind }
      ? number
      : Spec extends { kind: "boolean" }
        ? boolean
        : Spec extends { kind: "text" }
          ? string
          : Spec extends { default: infer Value }
            ? Value
            : never

/**
 * A plan's input once validated and normalized: every field present. Derived from {@link FIELDS};
 * ./schema checks at compile time that its inferred output is exactly this type.
 */
export type PlanInput = { -readonly [Field in PlanField]: ValueOf<(typeof FIELDS)[Field]> }

/** Fields whose entry is of one of `kinds`, e.g. the numeric ones. */
export type FieldOfKind<Kind extends FieldSpec["kind"]> = {
  [Field in PlanField]: (typeof FIELDS)[Field]["kind"] extends Kind ? Field : never
}[PlanField]

/** A field's entry, as the general {@link FieldSpec} (for code that reads any field). */
export function fieldSpec(field: PlanField): FieldSpec {
  return FIELDS[field]
}

/** One value per field, in PLAN_FIELDS order. */
function perField<T>(value: (spec: FieldSpec, field: PlanField) => T): Record<PlanField, T> {
  return Object.fromEntries(PLAN_FIELDS.map((field) => [field, value(FIELDS[field], field)])) as Record<PlanField, T>
}

/** The example workload and cited defaults: what a plan uses for every field it is not given. */
export const DEFAULT_INPUT: PlanInput = perField((spec) => spec.default) as PlanInput

/** Where each default comes from (shown beside the field and returned by the API). */
export const DEFAULT_SOURCE: Record<PlanField, SourceId> = perField((spec) => spec.source)

/** Labels a person reads, used in the form and in every message. */
export const FIELD_LABELS: Record<PlanField, string> = perField((spec) => spec.label)

/**
 * The fields of one form section, in URL order.
 *
 * @example
 * fieldsInSection("backend") //=> ["backend", "apmHosts", "collectorUsdPerCoreMonth"]
 */
export function fieldsInSection(section: FormSection): PlanField[] {
  return PLAN_FIELDS.filter((field) => FIELDS[field].section === section)
}

/**
 * Fields whose default is another field's value: the peak follows the average (in the schema and,
 * while their text is the same, in the form). Defaults figured from several fields are
 * `derivedFrom` instead.
 *
 * @example
 * FOLLOWERS //=> [["peakRps", "rps"]]
 */
export const FOLLOWERS: ReadonlyArray<readonly [follower: PlanField, leader: PlanField]> = PLAN_FIELDS.flatMap(
  (field) => {
    const leader = fieldSpec(field).follows
    return leader === undefined ? [] : [[field, leader as PlanField] as const]
  }
)

/**
 * The text shown beside a default: its source's title and date.
 *
 * @example
 * describeDefault("retentionDays")
 * //=> "Example workload: 5,000 requests/s kept 7 days, parent-based sampling at 10 % (as of 2026-11-23)"
 */
export function describeDefault(field: PlanField): string {
  const source = SOURCES[DEFAULT_SOURCE[field]]
  return `${source.title} (as of ${source.asOf})`
}

/**
 * Label of a backend, for messages and the form.
 *
 * @example
 * backendLabel("tempo") //=> "Grafana Tempo on S3"
 */
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
