import { z } from "zod"

import { formatDecimal } from "@/lib/format"

import { BACKEND_IDS } from "./backends"
import { SAMPLERS } from "./samplers"
import { MAX_ENDPOINTS, parseEndpoints } from "./endpoints"
import {
  MAX_INTERNAL_SPANS,
  MAX_TOPOLOGY_COUNT,
  MAX_TOPOLOGY_SERVICES,
  parseTopology,
  spansPerTraceOf,
  type Topology,
} from "./topology"
import {
  DEFAULT_INPUT,
  ENVIRONMENTS,
  FIELD_LABELS,
  labelInSentence,
  LANGUAGES,
  MAX_APM_HOSTS,
  MAX_USD_PER_CORE_MONTH,
  MAX_RETENTION_DAYS,
  MAX_RPS,
  MAX_SPAN_BYTES,
  MAX_SPANS_PER_TRACE,
  OTLP_PORT,
  PLAN_FIELDS,
  PROTOCOLS,
  type PlanField,
  type PlanInput,
} from "./fields"

// The plan's validator. Its fields, defaults and labels are in ./fields (no Zod) and re-exported
// here, so the server and tests read one module; browser code that only needs the data imports
// ./fields and leaves Zod out of the page's first load.
export * from "./fields"

const count = (n: number) => n.toLocaleString("en-US")

/** Decimal text, optionally with an exponent: "5000", "0.1", ".5", "1e3". Not "0x10" or "Infinity", which Number() also reads. */
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** A percentage typed where a fraction belongs: "10%", "0.5 %". */
const PERCENT_TEXT = /^\s*(\d+\.?\d*|\.\d+)\s*%\s*$/

/** Turns text from a form or a URL into a number, leaving anything else for zod to reject. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value
  const trimmed = value.trim()
  return DECIMAL_TEXT.test(trimmed) ? Number(trimmed) : value
}

/** Trims and lowercases enum text so `ParentBased_TraceIdRatio ` is read as the spec name. */
function toEnumText(value: unknown): unknown {
  return typeof value === "string" ? value.trim().toLowerCase() : value
}

/**
 * The message for a percentage typed where a fraction belongs, or undefined past 100 %.
 * The number is read as a percentage, and the message says what to type for it.
 */
function percentHint(label: string, percent: number): string | undefined {
  if (!(percent >= 0 && percent <= 100)) return undefined
  return `${label} is a fraction between 0 and 1: for ${formatDecimal(percent, 0, 12)} %, type ${formatDecimal(percent / 100, 0, 12)}.`
}

/** A `.max(1)` error for a fraction field: the percentage hint for a number up to 100, else `otherwise`. */
function percentOr(field: PlanField, otherwise: string) {
  return (issue: { input?: unknown }) =>
    (typeof issue.input === "number" ? percentHint(FIELD_LABELS[field], issue.input) : undefined) ?? otherwise
}

function numberField(field: PlanField, example: string, fraction = false) {
  const label = FIELD_LABELS[field]
  return z.number({
    error: (issue) => {
      if (issue.input === "") return `Enter ${labelInSentence(field)}, e.g. ${example}.`
      if (typeof issue.input === "number") return `${label} must be a finite number.`
      const percent = typeof issue.input === "string" ? PERCENT_TEXT.exec(issue.input) : null
      const hint = fraction && percent ? percentHint(label, Number(percent[1])) : undefined
      if (hint) return hint
      return `${label} must be a number, e.g. ${example} (digits only, no commas or units).`
    },
  })
}

const rpsSchema = numberField("rps", "5000")
  .positive({ error: "Requests per second must be greater than 0." })
  .max(MAX_RPS, { error: `Requests per second must be at most ${count(MAX_RPS)}.` })

const peakRpsSchema = numberField("peakRps", "8000")
  .positive({ error: "Peak requests per second must be greater than 0." })
  .max(MAX_RPS, { error: `Peak requests per second must be at most ${count(MAX_RPS)}.` })

const retentionDaysSchema = numberField("retentionDays", "7")
  .int({ error: "Retention must be a whole number of days." })
  .min(1, { error: "Retention must be at least 1 day." })
  .max(MAX_RETENTION_DAYS, { error: `Retention must be at most ${count(MAX_RETENTION_DAYS)} days (10 years).` })

const samplerSchema = z.enum(SAMPLERS, {
  error: (issue) => `Unknown sampler ${JSON.stringify(issue.input)}. Use one of: ${SAMPLERS.join(", ")}.`,
})

const ratioSchema = numberField("ratio", "0.1", true)
  .min(0, { error: "Sampling ratio must be between 0 and 1 (0.1 keeps 10 %)." })
  .max(1, {
    error: percentOr("ratio", "Sampling ratio must be between 0 and 1 (0.1 keeps 10 %)."),
  })

const spansPerTraceSchema = numberField("spansPerTrace", "30")
  .min(1, { error: "Spans per trace must be at least 1 (the root span)." })
  .max(MAX_SPANS_PER_TRACE, { error: `Spans per trace must be at most ${count(MAX_SPANS_PER_TRACE)}.` })

const spanBytesSchema = numberField("spanBytes", "500")
  .positive({ error: "Bytes per span must be greater than 0." })
  .max(MAX_SPAN_BYTES, { error: `Bytes per span must be at most ${count(MAX_SPAN_BYTES)} (1 MB).` })

const backendSchema = z.enum(BACKEND_IDS, {
  error: (issue) => `Unknown backend ${JSON.stringify(issue.input)}. Use one of: ${BACKEND_IDS.join(", ")}.`,
})

const apmHostsSchema = numberField("apmHosts", "10")
  .int({ error: "Datadog APM hosts must be a whole number." })
  .min(1, { error: "Datadog APM hosts must be at least 1." })
  .max(MAX_APM_HOSTS, { error: `Datadog APM hosts must be at most ${count(MAX_APM_HOSTS)}.` })

function enumField<const T extends readonly [string, ...string[]]>(field: PlanField, values: T) {
  return z.enum(values, {
    error: (issue) =>
      `Unknown ${labelInSentence(field)} ${JSON.stringify(issue.input)}. Use one of: ${values.join(", ")}.`,
  })
}

/** Reads "true"/"false" in any case, as forms and URLs carry booleans. */
function toBoolean(value: unknown): unknown {
  if (typeof value !== "string") return value
  const text = value.trim().toLowerCase()
  return text === "true" ? true : text === "false" ? false : value
}

function booleanField(field: PlanField) {
  return z.boolean({ error: `${FIELD_LABELS[field]} must be true or false.` })
}

/** Kubernetes DNS-1123 label: what names of Deployments, namespaces and Dapr app-ids must be. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

function dnsLabelField(field: PlanField, example: string) {
  const label = FIELD_LABELS[field]
  return z
    .string({ error: `${label} must be text, e.g. ${example}.` })
    .min(1, { error: `Enter a ${labelInSentence(field)}, e.g. ${example}.` })
    .max(63, { error: `${label} must be at most 63 characters (a Kubernetes name).` })
    .regex(DNS_1123_LABEL, {
      error: `${label} must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. ${example}).`,
    })
}

const otlpEndpointSchema = z
  .string({ error: "OTLP endpoint must be text, e.g. http://otel-collector:4317." })
  .min(1, { error: "Enter the OTLP endpoint, e.g. http://otel-collector.observability.svc.cluster.local:4317." })
  .max(2048, { error: "OTLP endpoint must be at most 2,048 characters." })
  .check((ctx) => {
    const fail = (message: string): void => {
      ctx.issues.push({ code: "custom", input: ctx.value, message })
    }
    // Control characters too: a URL parser drops them from the ends ("…:4317\u0000" parses), but
    // the text as typed is what goes into every config.
    if (/[\s"'`\\\u0000-\u001f\u007f-\u009f]/.test(ctx.value)) {
      return fail("OTLP endpoint must be a URL without spaces, quotes, backslashes or control characters.")
    }
    let url: URL
    try {
      url = new URL(ctx.value)
    } catch {
      return fail("OTLP endpoint must be a URL with a scheme, e.g. http://otel-collector:4317.")
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return fail(
        "OTLP endpoint must start with http:// or https://, e.g. http://otel-collector:4317; the scheme decides TLS."
      )
    }
    if (url.username || url.password)
      return fail("OTLP endpoint must not carry a user name or password; use headers for credentials.")
    if (url.search || url.hash) return fail("OTLP endpoint must not have a query string or fragment.")
  })

/** Registry/name:tag or @digest, as Kubernetes accepts in `image:`. */
const IMAGE_REFERENCE =
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]{1,2}[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/

const imageSchema = z
  .string({ error: "Container image must be text, e.g. ghcr.io/acme/task-api:1.4.2." })
  .min(1, { error: "Enter a container image, e.g. ghcr.io/acme/task-api:1.4.2." })
  .max(512, { error: "Container image must be at most 512 characters." })
  .regex(IMAGE_REFERENCE, {
    error:
      "Container image must be an image reference such as ghcr.io/acme/task-api:1.4.2 (lowercase repository, optional :tag or @sha256:digest).",
  })

/** One excluded-URL pattern: URL and regex characters only, so the value is safe in env files and YAML. */
const EXCLUDED_URL_PATTERN = /^[A-Za-z0-9/._~*?+^$()[\]{}|\\-]+$/

const excludedUrlsSchema = z
  .string({ error: "Excluded URLs must be text, e.g. health,metrics,readiness." })
  .max(1024, { error: "Excluded URLs must be at most 1,024 characters." })
  .check((ctx) => {
    const entries = ctx.value.split(",").map((entry) => entry.trim())
    const bad = entries.find((entry) => entry === "" || !EXCLUDED_URL_PATTERN.test(entry))
    if (bad !== undefined) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message:
          bad === ""
            ? "Excluded URLs must be a comma-separated list without empty entries, e.g. health,metrics,readiness."
            : `Excluded URL pattern ${JSON.stringify(bad)} may only use letters, digits and / . _ ~ * ? + ^ $ ( ) [ ] { } | \\ -.`,
      })
    }
  })
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .join(",")
  )

const replicasSchema = numberField("replicas", "3")
  .int({ error: "Replicas must be a whole number." })
  .min(1, { error: "Replicas must be at least 1." })
  .max(1000, { error: "Replicas must be at most 1,000." })

const containerPortSchema = numberField("containerPort", "8000")
  .int({ error: "Container port must be a whole number." })
  .min(1, { error: "Container port must be between 1 and 65,535." })
  .max(65_535, { error: "Container port must be between 1 and 65,535." })

const daprSamplingRateSchema = numberField("daprSamplingRate", "0.1", true)
  .min(0, { error: 'Dapr sampling rate must be between 0 and 1 ("1" traces every request Dapr starts).' })
  .max(1, {
    error: percentOr(
      "daprSamplingRate",
      'Dapr sampling rate must be between 0 and 1 ("1" traces every request Dapr starts).'
    ),
  })

const probesPerReplicaSchema = numberField("probesPerReplica", "3")
  .int({ error: "Probes per replica must be a whole number." })
  .min(0, { error: "Probes per replica must be 0 or more." })
  .max(20, { error: "Probes per replica must be at most 20." })

const probeIntervalSecondsSchema = numberField("probeIntervalSeconds", "10")
  .min(1, { error: "Probe interval must be at least 1 second (Kubernetes periodSeconds minimum)." })
  .max(3600, { error: "Probe interval must be at most 3,600 seconds." })

const growthPercentPerMonthSchema = numberField("growthPercentPerMonth", "5")
  .min(-50, { error: "Traffic growth must be between -50 % and 200 % per month." })
  .max(200, { error: "Traffic growth must be between -50 % and 200 % per month." })

const horizonMonthsSchema = numberField("horizonMonths", "12")
  .int({ error: "Planning horizon must be a whole number of months." })
  .min(1, { error: "Planning horizon must be between 1 and 60 months." })
  .max(60, { error: "Planning horizon must be between 1 and 60 months." })

// Messages about one service's part read after the service's name: see serviceIssueMessage in parse.ts.
const countSchema = (what: string, max = MAX_TOPOLOGY_COUNT) =>
  z
    .number({ error: `${what} must be a number.` })
    .int({ error: `${what} must be a whole number.` })
    .min(0, { error: `${what} must be 0 or more.` })
    .max(max, { error: `${what} must be at most ${count(max)}.` })

const topologyServiceSchema = z.strictObject(
  {
    name: z
      .string({ error: "its name must be text, e.g. orders." })
      .min(1, { error: "it needs a name, e.g. orders." })
      .max(63, { error: "its name must be at most 63 characters (a Kubernetes name)." })
      .regex(DNS_1123_LABEL, {
        error:
          'its name must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. orders).',
      }),
    internalSpans: countSchema("internal spans", MAX_INTERNAL_SPANS).default(0),
    dbCalls: countSchema("database calls").default(0),
    cacheCalls: countSchema("cache calls").default(0),
    outgoingCalls: countSchema("outgoing calls").default(0),
    dapr: z.boolean({ error: "dapr must be true or false." }).default(false),
  },
  { error: 'it must be an object such as {"name": "orders", "dbCalls": 2}.' }
)

/** Accepts the compact text form (URLs, forms) or a JSON array of services (API bodies). */
const topologySchema = z
  .preprocess(
    (value, ctx) => {
      if (typeof value !== "string") return value
      if (value.trim() === "") return null
      const parsed = parseTopology(value)
      if (parsed.success) return parsed.data
      ctx.issues.push({ code: "custom", input: value, message: `Request path: ${parsed.error}` })
      return z.NEVER
    },
    z
      .array(topologyServiceSchema, {
        error: "Request path must be text like task-api.i2.d1.dapr or a list of services.",
      })
      .min(1, { error: "Request path needs at least one service." })
      .max(MAX_TOPOLOGY_SERVICES, { error: `A request path can have at most ${MAX_TOPOLOGY_SERVICES} services.` })
      // The same bound as typed spans per trace, so a path gives no figure the field would refuse.
      .refine((topology) => spansPerTraceOf(topology) <= MAX_SPANS_PER_TRACE, {
        error: (issue) =>
          `Request path adds up to ${count(spansPerTraceOf(issue.input as Topology))} spans per trace; at most ${count(MAX_SPANS_PER_TRACE)}.`,
      })
      .nullable()
  )
  .default(null)

function fractionField(field: PlanField, example: string) {
  const message = `${FIELD_LABELS[field]} is a fraction between 0 and 1 (${example} = ${Number(example) * 100} %).`
  return numberField(field, example, true)
    .min(0, { error: message })
    .max(1, { error: percentOr(field, message) })
}

function nonNegativeField(field: PlanField, example: string, max: number, unit: string) {
  return numberField(field, example)
    .min(0, { error: `${FIELD_LABELS[field]} must be 0 or more.` })
    .max(max, { error: `${FIELD_LABELS[field]} must be at most ${count(max)}${unit}.` })
}

const endpointSchema = z.strictObject({
  name: z
    .string({ error: "Endpoint names must be text, e.g. GET /tasks." })
    .trim()
    .min(1, { error: "Each endpoint needs a name, e.g. GET /tasks." })
    .max(120, { error: "Endpoint names must be at most 120 characters." })
    .regex(/^[^~\u0000-\u001f]+$/, { error: "Endpoint names cannot contain ~ or control characters." }),
  share: z
    .number({ error: "Each endpoint's share must be a number between 0 and 1." })
    .gt(0, { error: "Each endpoint's share must be greater than 0." })
    .max(1, { error: "Each endpoint's share must be at most 1 (100 % of traffic)." }),
})

/** Accepts `GET /tasks:0.6~POST /tasks:0.3` (URLs, forms) or a JSON array (API bodies). */
const endpointsSchema = z
  .preprocess(
    (value, ctx) => {
      if (typeof value !== "string") return value
      if (value.trim() === "") return null
      const parsed = parseEndpoints(value)
      if (parsed.success) return parsed.data
      ctx.issues.push({ code: "custom", input: value, message: `Endpoints: ${parsed.error}` })
      return z.NEVER
    },
    z
      .array(endpointSchema, {
        error: "Endpoints must be text like GET /tasks:0.6~POST /tasks:0.4 or a list of {name, share}.",
      })
      .min(1, { error: "List at least one endpoint, or leave endpoints empty." })
      .max(MAX_ENDPOINTS, { error: `List at most ${MAX_ENDPOINTS} endpoints.` })
      .refine((list) => list.reduce((sum, endpoint) => sum + endpoint.share, 0) <= 1 + 1e-9, {
        error: "Endpoint shares add up to more than 1 (100 % of traffic).",
      })
      .nullable()
  )
  .default(null)

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value)

/**
 * The one schema for a plan's input: the page URL, the form, the API and the config generators
 * all parse through it. Text is accepted for every field (URLs and forms carry text); missing
 * fields take {@link DEFAULT_INPUT}, and a missing `peakRps` equals `rps`.
 *
 * @example
 * planInputSchema.parse({ rps: "10000" }).peakRps //=> 10000
 */
export const planInputSchema = z
  .strictObject({
    rps: z.preprocess(toNumber, rpsSchema.default(DEFAULT_INPUT.rps)),
    peakRps: z.preprocess(toNumber, peakRpsSchema.optional()),
    retentionDays: z.preprocess(toNumber, retentionDaysSchema.default(DEFAULT_INPUT.retentionDays)),
    sampler: z.preprocess(toEnumText, samplerSchema.default(DEFAULT_INPUT.sampler)),
    ratio: z.preprocess(toNumber, ratioSchema.default(DEFAULT_INPUT.ratio)),
    spansPerTrace: z.preprocess(toNumber, spansPerTraceSchema.default(DEFAULT_INPUT.spansPerTrace)),
    spanBytes: z.preprocess(toNumber, spanBytesSchema.default(DEFAULT_INPUT.spanBytes)),
    backend: z.preprocess(toEnumText, backendSchema.default(DEFAULT_INPUT.backend)),
    apmHosts: z.preprocess(toNumber, apmHostsSchema.default(DEFAULT_INPUT.apmHosts)),
    collectorUsdPerCoreMonth: z.preprocess(
      toNumber,
      nonNegativeField("collectorUsdPerCoreMonth", "30", MAX_USD_PER_CORE_MONTH, " USD").default(
        DEFAULT_INPUT.collectorUsdPerCoreMonth
      )
    ),
    serviceName: z.preprocess(trimmed, dnsLabelField("serviceName", "task-api").default(DEFAULT_INPUT.serviceName)),
    namespace: z.preprocess(trimmed, dnsLabelField("namespace", "tasks").default(DEFAULT_INPUT.namespace)),
    environment: z.preprocess(toEnumText, enumField("environment", ENVIRONMENTS).default(DEFAULT_INPUT.environment)),
    language: z.preprocess(toEnumText, enumField("language", LANGUAGES).default(DEFAULT_INPUT.language)),
    otlpEndpoint: z.preprocess(trimmed, otlpEndpointSchema.default(DEFAULT_INPUT.otlpEndpoint)),
    protocol: z.preprocess(toEnumText, enumField("protocol", PROTOCOLS).default(DEFAULT_INPUT.protocol)),
    daprEnabled: z.preprocess(toBoolean, booleanField("daprEnabled").default(DEFAULT_INPUT.daprEnabled)),
    daprIngress: z.preprocess(toBoolean, booleanField("daprIngress").default(DEFAULT_INPUT.daprIngress)),
    daprSamplingRate: z.preprocess(toNumber, daprSamplingRateSchema.optional()),
    replicas: z.preprocess(toNumber, replicasSchema.default(DEFAULT_INPUT.replicas)),
    image: z.preprocess(trimmed, imageSchema.default(DEFAULT_INPUT.image)),
    containerPort: z.preprocess(toNumber, containerPortSchema.default(DEFAULT_INPUT.containerPort)),
    excludeHealthChecks: z.preprocess(
      toBoolean,
      booleanField("excludeHealthChecks").default(DEFAULT_INPUT.excludeHealthChecks)
    ),
    excludedUrls: z.preprocess(trimmed, excludedUrlsSchema.default(DEFAULT_INPUT.excludedUrls)),
    probesPerReplica: z.preprocess(toNumber, probesPerReplicaSchema.default(DEFAULT_INPUT.probesPerReplica)),
    probeIntervalSeconds: z.preprocess(
      toNumber,
      probeIntervalSecondsSchema.default(DEFAULT_INPUT.probeIntervalSeconds)
    ),
    growthPercentPerMonth: z.preprocess(
      toNumber,
      growthPercentPerMonthSchema.default(DEFAULT_INPUT.growthPercentPerMonth)
    ),
    horizonMonths: z.preprocess(toNumber, horizonMonthsSchema.default(DEFAULT_INPUT.horizonMonths)),
    topology: topologySchema,
    errorRate: z.preprocess(toNumber, fractionField("errorRate", "0.01").default(DEFAULT_INPUT.errorRate)),
    slowRate: z.preprocess(toNumber, fractionField("slowRate", "0.05").default(DEFAULT_INPUT.slowRate)),
    slowThresholdMs: z.preprocess(
      toNumber,
      numberField("slowThresholdMs", "1000")
        .positive({ error: "Slow threshold must be greater than 0 ms." })
        .max(3_600_000, { error: "Slow threshold must be at most 3,600,000 ms (an hour)." })
        // The Collector's latency policy takes whole milliseconds (threshold_ms).
        .int({ error: "Slow threshold must be a whole number of ms." })
        .default(DEFAULT_INPUT.slowThresholdMs)
    ),
    endpoints: endpointsSchema,
    tailSampling: z.preprocess(toBoolean, booleanField("tailSampling").default(DEFAULT_INPUT.tailSampling)),
    tailKeepErrors: z.preprocess(toBoolean, booleanField("tailKeepErrors").default(DEFAULT_INPUT.tailKeepErrors)),
    tailKeepSlow: z.preprocess(toBoolean, booleanField("tailKeepSlow").default(DEFAULT_INPUT.tailKeepSlow)),
    tailBaselinePercent: z.preprocess(
      toNumber,
      numberField("tailBaselinePercent", "10")
        .min(0, { error: "Baseline kept must be between 0 and 100 %." })
        .max(100, { error: "Baseline kept must be between 0 and 100 %." })
        .default(DEFAULT_INPUT.tailBaselinePercent)
    ),
    tailSpansPerSecond: z.preprocess(
      toNumber,
      nonNegativeField("tailSpansPerSecond", "5000", 1e9, " spans/s")
        .int({ error: "Rate limit must be a whole number of spans per second." })
        .default(DEFAULT_INPUT.tailSpansPerSecond)
    ),
    tailDecisionWaitSeconds: z.preprocess(
      toNumber,
      numberField("tailDecisionWaitSeconds", "30")
        .min(1, { error: "Decision wait must be between 1 and 600 seconds." })
        .max(600, { error: "Decision wait must be between 1 and 600 seconds." })
        .int({ error: "Decision wait must be a whole number of seconds." })
        .default(DEFAULT_INPUT.tailDecisionWaitSeconds)
    ),
    keepAllErrors: z.preprocess(toBoolean, booleanField("keepAllErrors").default(DEFAULT_INPUT.keepAllErrors)),
    minTracesPerMinutePerEndpoint: z.preprocess(
      toNumber,
      nonNegativeField("minTracesPerMinutePerEndpoint", "1", 1e6, "").default(
        DEFAULT_INPUT.minTracesPerMinutePerEndpoint
      )
    ),
    budgetUsdPerMonth: z.preprocess(
      toNumber,
      nonNegativeField("budgetUsdPerMonth", "500", 1e12, " USD").default(DEFAULT_INPUT.budgetUsdPerMonth)
    ),
    storageCapBytes: z.preprocess(
      toNumber,
      nonNegativeField("storageCapBytes", "2000000000000", 1e21, " bytes").default(DEFAULT_INPUT.storageCapBytes)
    ),
  })
  .check((ctx) => {
    const { rps, peakRps } = ctx.value
    if (peakRps !== undefined && peakRps < rps) {
      ctx.issues.push({
        code: "custom",
        input: peakRps,
        path: ["peakRps"],
        message: `Peak requests per second (${count(peakRps)}) must be at least the average (${count(rps)}).`,
      })
    }
    const port = portOf(ctx.value.otlpEndpoint)
    const { protocol } = ctx.value
    const other = protocol === "grpc" ? "http/protobuf" : "grpc"
    if (port === OTLP_PORT[other]) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value.otlpEndpoint,
        path: ["otlpEndpoint"],
        message: `Port ${port} is OTLP over ${other}; with ${protocol} use port ${OTLP_PORT[protocol]}, or switch the protocol to ${other}.`,
      })
    }
  })
  // Rebuilt in PLAN_FIELDS order, so the API echoes fields in the order the docs list them.
  .transform((value): PlanInput => {
    const filled: PlanInput = {
      ...value,
      peakRps: value.peakRps ?? value.rps,
      daprSamplingRate: value.daprSamplingRate ?? value.ratio,
      // A described request path decides spans per trace.
      spansPerTrace: value.topology ? spansPerTraceOf(value.topology) : value.spansPerTrace,
    }
    return Object.fromEntries(PLAN_FIELDS.map((field) => [field, filled[field]])) as unknown as PlanInput
  })

/** The port of an endpoint URL, explicit or implied by its scheme; undefined if it is not a URL. */
function portOf(endpoint: string): number | undefined {
  try {
    const url = new URL(endpoint)
    return Number(url.port || (url.protocol === "https:" ? 443 : 80))
  } catch {
    return undefined
  }
}
