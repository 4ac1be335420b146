/**
 * zod schemas of the two custom resources TraceBudget emits, written from the CRDs (not from the
 * generators), so the tests check the generators against an independent statement of the shape.
 * Objects are strict: the API server prunes unknown fields silently, so an extra or misspelt key
 * would be lost without an error; here it fails the test.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { parseAllDocuments } from "yaml"
import { z } from "zod"

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS_1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

const metadata = z.strictObject({
  name: z.string().max(253).regex(DNS_1123_SUBDOMAIN),
  namespace: z.string().max(63).regex(DNS_1123_LABEL),
})

/** A plain decimal as `strconv.ParseFloat` reads it; anything else silently becomes 0.0001 in daprd. */
const PLAIN_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/

/**
 * Dapr `Configuration`, from dapr/dapr `charts/dapr/crds/configuration.yaml` (copy read beside
 * config-specs.md): group dapr.io, only version v1alpha1, namespaced. `spec.tracing.samplingRate` is a
 * required string; inside `otel`, endpointAddress (string), isSecure (boolean) and protocol (string)
 * are all required. Runtime rules from config-specs §3.2: the rate is a decimal daprd can parse,
 * the address is host:port with no scheme or path, and the protocol is exactly grpc or http.
 */
export const daprConfigurationSchema = z.strictObject({
  apiVersion: z.literal("dapr.io/v1alpha1"),
  kind: z.literal("Configuration"),
  metadata,
  spec: z.strictObject({
    tracing: z.strictObject({
      samplingRate: z.string().regex(PLAIN_DECIMAL),
      stdout: z.boolean().optional(),
      zipkin: z.strictObject({ endpointAddress: z.string() }).optional(),
      otel: z
        .strictObject({
          endpointAddress: z.string().regex(/^([^/:\s[\]]+|\[[0-9a-fA-F:.]+\]):[0-9]{1,5}$/),
          isSecure: z.boolean(),
          protocol: z.enum(["grpc", "http"]),
          headers: z
            .array(
              z.strictObject({
                name: z.string(),
                value: z.unknown().optional(),
                envRef: z.string().optional(),
                secretKeyRef: z.strictObject({ name: z.string(), key: z.string().optional() }).optional(),
              })
            )
            .optional(),
          timeout: z.string().optional(),
        })
        .optional(),
    }),
  }),
})

/** `spec.sampler.type` enum of `config/crd/bases/opentelemetry.io_instrumentations.yaml` (config-specs §6). */
export const OPERATOR_SAMPLER_TYPES = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
  "jaeger_remote",
  "xray",
] as const

const PROPAGATORS = ["tracecontext", "baggage", "b3", "b3multi", "jaeger", "xray", "ottrace", "none"] as const

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)
// core/v1 EnvVar: a value, or valueFrom.secretKeyRef (name, key) for a secret.
const envVar = z.union([
  z.strictObject({ name: envName, value: z.string() }),
  z.strictObject({
    name: envName,
    valueFrom: z.strictObject({
      secretKeyRef: z.strictObject({ name: z.string().max(253).regex(DNS_1123_SUBDOMAIN), key: z.string().min(1) }),
    }),
  }),
])
const languageSpec = z.strictObject({ env: z.array(envVar).optional() }).optional()

function isRatio(text: string): boolean {
  const value = Number(text)
  return text.trim() !== "" && Number.isFinite(value) && value >= 0 && value <= 1
}

/**
 * OpenTelemetry Operator `Instrumentation` (opentelemetry.io/v1alpha1, the only served version):
 * sampler.type from the CRD enum, sampler.argument a string that the admission webhook checks
 * (a float in [0, 1] for ratio types; key=value pairs with an integer pollingIntervalMs and an
 * initialSamplingRate in [0, 1] for jaeger types).
 */
export const instrumentationSchema = z.strictObject({
  apiVersion: z.literal("opentelemetry.io/v1alpha1"),
  kind: z.literal("Instrumentation"),
  metadata,
  spec: z.strictObject({
    exporter: z.strictObject({
      endpoint: z.string().regex(/^https?:\/\/[^\s]+$/),
      tls: z.record(z.string(), z.string()).optional(),
    }),
    propagators: z.array(z.enum(PROPAGATORS)).optional(),
    sampler: z.strictObject({ type: z.enum(OPERATOR_SAMPLER_TYPES), argument: z.string().optional() }).check((ctx) => {
      const { type, argument } = ctx.value
      if (argument === undefined) return
      const fail = (message: string): void => {
        ctx.issues.push({ code: "custom", input: argument, message })
      }
      if (type === "traceidratio" || type === "parentbased_traceidratio") {
        if (!isRatio(argument)) fail(`argument ${argument} is not a ratio in [0, 1]`)
      }
      if (type === "jaeger_remote") {
        const pairs = argument.split(",").map((pair) => pair.split("="))
        if (pairs.some((pair) => pair.length !== 2)) return fail("argument is not key=value pairs")
        const values = Object.fromEntries(pairs) as Record<string, string>
        if (values.pollingIntervalMs !== undefined && !/^[0-9]+$/.test(values.pollingIntervalMs))
          fail("pollingIntervalMs is not an integer")
        if (values.initialSamplingRate !== undefined && !isRatio(values.initialSamplingRate))
          fail("initialSamplingRate is not in [0, 1]")
      }
    }),
    resource: z
      .strictObject({
        resourceAttributes: z.record(z.string(), z.string()).optional(),
        addK8sUIDAttributes: z.boolean().optional(),
      })
      .optional(),
    env: z.array(envVar).optional(),
    python: languageSpec,
    nodejs: languageSpec,
    java: languageSpec,
    dotnet: languageSpec,
    go: languageSpec,
  }),
})

/** The part of a CRD's `openAPIV3Schema` (a structural schema) that the walk below reads. */
export interface StructuralSchema {
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean"
  properties?: Record<string, StructuralSchema>
  additionalProperties?: StructuralSchema | boolean
  items?: StructuralSchema
  required?: string[]
  enum?: unknown[]
  minimum?: number
  maximum?: number
  pattern?: string
  "x-kubernetes-preserve-unknown-fields"?: boolean
  "x-kubernetes-int-or-string"?: boolean
}

function typeProblem(value: unknown, schema: StructuralSchema): string | undefined {
  if (schema["x-kubernetes-int-or-string"])
    return Number.isInteger(value) || typeof value === "string" ? undefined : "is not an integer or a string"
  switch (schema.type) {
    case undefined:
      return undefined
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value) ? undefined : "is not an object"
    case "array":
      return Array.isArray(value) ? undefined : "is not an array"
    case "integer":
      return Number.isInteger(value) ? undefined : "is not an integer"
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "is not a number"
    default:
      return typeof value === schema.type ? undefined : `is not a ${schema.type}`
  }
}

/**
 * Checks a custom resource against its CRD's structural schema as the API server does with strict
 * field validation: types (int-or-string included), enums, bounds, patterns, required fields, and
 * every field the schema does not declare, unless the schema preserves unknown fields there (as
 * OpenTelemetryCollector's `spec.config` sections do). Returns one line per problem.
 *
 * @example
 * validateStructural({ spec: { mode: "deployments" } }, schema) //=> ["/spec/mode is not one of deployment, …"]
 */
export function validateStructural(value: unknown, schema: StructuralSchema, path = ""): string[] {
  const at = path || "/"
  const problem = typeProblem(value, schema)
  if (problem) return [`${at} ${problem}`]
  const problems: string[] = []
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at} is not one of ${schema.enum.join(", ")}`)
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at} is below ${schema.minimum}`)
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at} is above ${schema.maximum}`)
  }
  if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value))
    problems.push(`${at} does not match ${schema.pattern}`)
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => problems.push(...validateStructural(item, schema.items!, `${path}/${index}`)))
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    for (const key of schema.required ?? []) {
      if (!(key in record)) problems.push(`${path}/${key} is required`)
    }
    for (const [key, child] of Object.entries(record)) {
      const childSchema =
        schema.properties?.[key] ??
        (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined)
      if (childSchema) problems.push(...validateStructural(child, childSchema, `${path}/${key}`))
      else if (!schema["x-kubernetes-preserve-unknown-fields"] && schema.additionalProperties !== true)
        problems.push(`${path}/${key} is not a field of the schema`)
    }
  }
  return problems
}

/** The served versions' schemas of a CRD fixture (test/fixtures), by apiVersion. */
export function crdSchemas(crdYaml: string): Record<string, StructuralSchema> {
  const documents = parseAllDocuments(crdYaml).map((document) => document.toJS() as unknown)
  const crd = documents.find(
    (document) => (document as { kind?: string } | null)?.kind === "CustomResourceDefinition"
  ) as {
    spec: {
      group: string
      versions: { name: string; served: boolean; schema: { openAPIV3Schema: StructuralSchema } }[]
    }
  }
  return Object.fromEntries(
    crd.spec.versions
      .filter(({ served }) => served)
      .map(({ name, schema }) => [`${crd.spec.group}/${name}`, schema.openAPIV3Schema])
  )
}

const OTELCOL_CRD = readFileSync(
  fileURLToPath(new URL("../fixtures/opentelemetry.io_opentelemetrycollectors.yaml", import.meta.url)),
  "utf8"
)
/** OpenTelemetryCollector schemas from the Operator's CRD at be89444 (test/fixtures). */
export const OPENTELEMETRY_COLLECTOR_SCHEMAS = crdSchemas(OTELCOL_CRD)

/**
 * Problems with an OpenTelemetryCollector resource: its version's CRD schema (a strict walk), and
 * metadata as the generators write it (a name and a namespace, both DNS names).
 */
export function validateOpenTelemetryCollector(value: unknown): string[] {
  // The API server checks metadata as ObjectMeta, not through the CRD's schema (type: object only).
  const { metadata: objectMeta, ...rest } = value as { apiVersion?: string; metadata?: unknown }
  const schema = OPENTELEMETRY_COLLECTOR_SCHEMAS[rest.apiVersion ?? ""]
  if (!schema) return [`${rest.apiVersion} is not a served version of the CRD`]
  const meta = metadata.safeParse(objectMeta)
  return [
    ...validateStructural(rest, schema),
    ...(meta.success ? [] : meta.error.issues.map((issue) => `/metadata/${issue.path.join("/")} ${issue.message}`)),
  ]
}
