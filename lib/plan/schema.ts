import { z } from "zod"

import { formatDecimal } from "@/lib/format"

import { MAX_ENDPOINTS, parseEndpoints } from "./endpoints"
import { humanNumberMessage, readHumanNumber } from "./human-number"
import { samplerHeadRate } from "./samplers"
import {
  FIELDS,
  fieldSpec,
  labelInSentence,
  MAX_SPANS_PER_TRACE,
  OTLP_PORT,
  PLAN_FIELDS,
  type FieldOfKind,
  type NumberFieldSpec,
  type NumberKind,
  type PlanField,
  type PlanInput as RegistryPlanInput,
} from "./fields"
import {
  MAX_INTERNAL_SPANS,
  MAX_TOPOLOGY_COUNT,
  MAX_TOPOLOGY_SERVICES,
  parseTopology,
  spansPerTraceOf,
  type Topology,
} from "./topology"

// The plan's validator. Number, enum and boolean fields are built from their entries in the field
// registry (./fields); text and structured fields, the defaults that follow other fields and the
// cross-field checks are written out below. The registry is re-exported here, so the server and
// tests read one module; browser code that only needs the data imports ./fields and leaves Zod out
// of the page's first load.
export * from "./fields"

const count = (n: number) => n.toLocaleString("en-US")

/**
 * Turns text from a form or a URL into a number as people type it ("5000", "5k", "5,000", "10%"
 * for a share: ./human-number), leaving anything else for zod to reject with a message.
 */
function toNumber(value: unknown, kind: NumberKind): unknown {
  if (typeof value !== "string") return value
  const read = readHumanNumber(value, kind)
  return read.ok ? read.value : value
}

/** An optional number: empty text (a blank form box, `budgetUsdPerMonth=` in a URL) or null is left out. */
function toOptionalNumber(value: unknown, kind: NumberKind): unknown {
  if (value === null || (typeof value === "string" && value.trim() === "")) return undefined
  return toNumber(value, kind)
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
    (typeof issue.input === "number" ? percentHint(fieldSpec(field).label, issue.input) : undefined) ?? otherwise
}

function numberField(field: PlanField, spec: NumberFieldSpec) {
  const label = spec.label
  return z.number({
    error: (issue) => {
      if (issue.input === "") return `Enter ${labelInSentence(field)}, e.g. ${spec.example}.`
      if (typeof issue.input === "number") return `${label} must be a finite number.`
      // Not text (true, a list): the plain "must be a number" message; quoting a list once overflowed the stack.
      return humanNumberMessage(typeof issue.input === "string" ? issue.input : "", spec.kind, label, spec.example)
    },
  })
}

/**
 * A value as a message quotes it, bounded whatever was sent: short text as JSON, long text by its
 * start, and a list or an object by what it is (quoting one in full once overflowed the stack).
 *
 * @example
 * quoteInput("zipkin")   //=> '"zipkin"'
 * quoteInput([["a"]])    //=> "a list"
 */
export function quoteInput(value: unknown): string {
  if (typeof value === "string")
    return value.length <= 60 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 60))}…`
  if (Array.isArray(value)) return "a list"
  if (value !== null && typeof value === "object") return "an object"
  return String(value)
}

function enumField<const T extends readonly [string, ...string[]]>(field: PlanField, values: T) {
  return z.enum(values, {
    error: (issue) => `Unknown ${labelInSentence(field)} ${quoteInput(issue.input)}. Use one of: ${values.join(", ")}.`,
  })
}

/** Reads "true"/"false" in any case, as forms and URLs carry booleans. */
function toBoolean(value: unknown): unknown {
  if (typeof value !== "string") return value
  const text = value.trim().toLowerCase()
  return text === "true" ? true : text === "false" ? false : value
}

function booleanField(field: PlanField) {
  return z.boolean({ error: `${fieldSpec(field).label} must be true or false.` })
}

/**
 * The messages of a numeric field's bounds and whole-number check, worded by its registry entry:
 * "Retention must be at least 1 day.", "Traffic growth must be between -50 % and 200 % per month.".
 */
function boundMessages(spec: NumberFieldSpec): { below: string; above: string; whole: string } {
  const { label, example, bounds } = spec
  const says = spec.says ?? {}
  const unit = says.unit ? ` ${says.unit}` : ""
  const wholeUnit = says.wholeUnit ?? says.unit
  const whole = `${label} must be a whole number${wholeUnit ? ` of ${wholeUnit}` : ""}.`
  if (says.range) {
    // A negative lower bound repeats the unit ("-50 % and 200 %"); otherwise the unit closes the range.
    const from = `${count(bounds.min)}${bounds.min < 0 ? unit : ""}`
    const range = `${says.range.subject ?? label} must be between ${from} and ${count(bounds.max)}${unit}${says.range.aside ?? ""}.`
    return { below: range, above: range, whole }
  }
  if (spec.kind === "fraction") {
    const range = `${label} is a fraction between 0 and 1 (${example} = ${Number(example) * 100} %).`
    return { below: range, above: range, whole }
  }
  const minUnit = bounds.min === 1 && says.unitOfOne ? ` ${says.unitOfOne}` : unit
  const below = bounds.exclusiveMin
    ? `${label} must be greater than ${count(bounds.min)}${unit}.`
    : bounds.min === 0
      ? `${label} must be 0 or more.`
      : `${label} must be at least ${count(bounds.min)}${minUnit}${says.minAside ?? ""}.`
  return { below, above: `${label} must be at most ${count(bounds.max)}${unit}${says.maxAside ?? ""}.`, whole }
}

/**
 * A numeric field's schema from its registry entry: the whole-number check (first, unless the
 * entry says after the bounds), the lower bound, the upper bound.
 */
function numberSchema(field: PlanField, spec: NumberFieldSpec): z.ZodNumber {
  const { below, above, whole } = boundMessages(spec)
  const fraction = spec.kind === "fraction"
  const integer = spec.kind === "integer"
  const wholeLast = spec.says?.intAfterBounds === true
  let schema = numberField(field, spec)
  if (integer && !wholeLast) schema = schema.int({ error: whole })
  schema = spec.bounds.exclusiveMin
    ? schema.gt(spec.bounds.min, { error: below })
    : schema.min(spec.bounds.min, { error: below })
  schema = schema.max(spec.bounds.max, { error: fraction ? percentOr(field, above) : above })
  if (integer && wholeLast) schema = schema.int({ error: whole })
  return schema
}

/** The fields built from their registry entry alone. */
type GenericField = FieldOfKind<NumberKind | "enum" | "boolean">

/** Fields whose default is another field's value or figured from others: optional here, filled in by the transform below. */
type FollowerField = {
  [Field in PlanField]: (typeof FIELDS)[Field] extends { follows: string } | { derivedFrom: readonly string[] }
    ? Field
    : never
}[PlanField]

/** What a generic field's schema reads: any input, and the registry's value type (or none, for a follower or an optional field). */
type GenericShape = {
  [Field in GenericField]: z.ZodType<
    Field extends FollowerField ? RegistryPlanInput[Field] | undefined : RegistryPlanInput[Field],
    unknown
  >
}

/** A generic field's schema: text read as its kind, validated, its default filled in. */
function genericSchema(field: PlanField): z.ZodType {
  const spec = fieldSpec(field)
  switch (spec.kind) {
    case "enum":
      return z.preprocess(
        toEnumText,
        spec.derivedFrom === undefined
          ? enumField(field, spec.values).default(spec.default)
          : enumField(field, spec.values).optional()
      )
    case "boolean":
      return z.preprocess(toBoolean, booleanField(field).default(spec.default))
    case "text":
    case "special":
      throw new Error(`${field} has no generic schema: give it one in BESPOKE_SCHEMAS.`)
    default: {
      const schema = numberSchema(field, spec)
      if (spec.optional) return z.preprocess((value) => toOptionalNumber(value, spec.kind), schema.optional())
      return z.preprocess(
        (value) => toNumber(value, spec.kind),
        spec.follows === undefined && spec.derivedFrom === undefined && spec.default !== undefined
          ? schema.default(spec.default)
          : schema.optional()
      )
    }
  }
}

/** Kubernetes DNS-1123 label: what names of Deployments, namespaces and Dapr app-ids must be. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

function dnsLabelField(field: "serviceName" | "namespace") {
  const { label, example } = FIELDS[field]
  return z
    .string({ error: `${label} must be text, e.g. ${example}.` })
    .min(1, { error: `Enter a ${labelInSentence(field)}, e.g. ${example}.` })
    .max(63, { error: `${label} must be at most 63 characters (a Kubernetes name).` })
    .regex(DNS_1123_LABEL, {
      error: `${label} must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. ${example}).`,
    })
}

/** A Secret's name, or "none" for no credentials. */
const otlpAuthSecretSchema = z
  .string({ error: `${FIELDS.otlpAuthSecret.label} must be text, e.g. ${FIELDS.otlpAuthSecret.example}.` })
  .min(1, { error: `Enter the ${FIELDS.otlpAuthSecret.label}, e.g. ${FIELDS.otlpAuthSecret.example}, or none.` })
  .max(63, { error: `${FIELDS.otlpAuthSecret.label} must be at most 63 characters (a Kubernetes name).` })
  .regex(DNS_1123_LABEL, {
    error: `${FIELDS.otlpAuthSecret.label} must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. ${FIELDS.otlpAuthSecret.example}), or none.`,
  })

/**
 * Characters that print as nothing or reorder what follows: zero-width spaces and joiners, bidi
 * marks, embeddings, overrides and isolates, the word joiner and its kin, the BOM. In a shared
 * link they can make an endpoint read as one host and export to another.
 */
const INVISIBLE_OR_BIDI = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u

/** "U+202E" for the first invisible or bidi character of a text. */
function firstInvisible(text: string): string {
  const found = INVISIBLE_OR_BIDI.exec(text)?.[0] ?? ""
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`
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
    if (INVISIBLE_OR_BIDI.test(ctx.value)) {
      return fail(
        `OTLP endpoint must not contain invisible or text-direction characters (it has ${firstInvisible(ctx.value)}): they can make an address read as another.`
      )
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

const endpointSchema = z.strictObject({
  name: z
    .string({ error: "Endpoint names must be text, e.g. GET /tasks." })
    .trim()
    .min(1, { error: "Each endpoint needs a name, e.g. GET /tasks." })
    .max(120, { error: "Endpoint names must be at most 120 characters." })
    .regex(/^[^~\u0000-\u001f]+$/, { error: "Endpoint names cannot contain ~ or control characters." })
    .refine((name) => !INVISIBLE_OR_BIDI.test(name), {
      error: (issue) =>
        `Endpoint names cannot contain invisible or text-direction characters (${JSON.stringify(String(issue.input).slice(0, 40))} has ${firstInvisible(String(issue.input))}).`,
    }),
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

/** Text and structured fields: their checks do not fit a registry entry. */
const BESPOKE_SCHEMAS = {
  serviceName: z.preprocess(trimmed, dnsLabelField("serviceName").default(FIELDS.serviceName.default)),
  namespace: z.preprocess(trimmed, dnsLabelField("namespace").default(FIELDS.namespace.default)),
  otlpEndpoint: z.preprocess(trimmed, otlpEndpointSchema.default(FIELDS.otlpEndpoint.default)),
  otlpAuthSecret: z.preprocess(trimmed, otlpAuthSecretSchema.default(FIELDS.otlpAuthSecret.default)),
  image: z.preprocess(trimmed, imageSchema.default(FIELDS.image.default)),
  excludedUrls: z.preprocess(trimmed, excludedUrlsSchema.default(FIELDS.excludedUrls.default)),
  topology: topologySchema,
  endpoints: endpointsSchema,
} satisfies Record<FieldOfKind<"text" | "special">, z.ZodType>

const isBespoke = (field: PlanField): field is keyof typeof BESPOKE_SCHEMAS => field in BESPOKE_SCHEMAS

/** Every field's schema in PLAN_FIELDS order, which is the order Zod reports problems in. */
const PLAN_SHAPE = Object.fromEntries(
  PLAN_FIELDS.map((field) => [field, isBespoke(field) ? BESPOKE_SCHEMAS[field] : genericSchema(field)])
) as GenericShape & typeof BESPOKE_SCHEMAS

/** `value` with its keys in PLAN_FIELDS order, so the API echoes fields in the order the docs list them. */
function inFieldOrder<T extends object>(value: T): T {
  return Object.assign(Object.fromEntries(PLAN_FIELDS.map((field) => [field, undefined])), value)
}

/**
 * The one schema for a plan's input: the page URL, the form, the API and the config generators
 * all parse through it. Text is accepted for every field (URLs and forms carry text); missing
 * fields take {@link DEFAULT_INPUT}, a missing `peakRps` equals `rps`, a missing `daprSamplingRate`
 * is the sampler's own head rate and a missing `entryPoint` follows `daprIngress`.
 *
 * @example
 * planInputSchema.parse({ rps: "10000" }).peakRps //=> 10000
 */
export const planInputSchema = z
  .strictObject(PLAN_SHAPE)
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
  .transform((value) => {
    // `entryPoint` supersedes the older `daprIngress`, which answers say in its old sense.
    const entryPoint = value.entryPoint ?? (value.daprIngress ? "sidecar" : "app")
    return inFieldOrder({
      ...value,
      peakRps: value.peakRps ?? value.rps,
      daprIngress: entryPoint === "sidecar",
      entryPoint,
      daprSamplingRate: value.daprSamplingRate ?? samplerHeadRate(value.sampler, value.ratio),
      // A described request path decides spans per trace.
      spansPerTrace: value.topology ? spansPerTraceOf(value.topology) : value.spansPerTrace,
    })
  })

/** A plan's input once validated and normalized: every field present. What {@link planInputSchema} outputs. */
export type PlanInput = z.output<typeof planInputSchema>

/** Whether `A` and `B` accept the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

// The zod-free side types plans with the registry's PlanInput: it must be exactly the schema's output.
const registryTypeMatchesSchema: Same<PlanInput, RegistryPlanInput> = true
void registryTypeMatchesSchema

/** The port of an endpoint URL, explicit or implied by its scheme; undefined if it is not a URL. */
function portOf(endpoint: string): number | undefined {
  try {
    const url = new URL(endpoint)
    return Number(url.port || (url.protocol === "https:" ? 443 : 80))
  } catch {
    return undefined
  }
}
