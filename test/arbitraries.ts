import fc from "fast-check"

import type { CollectorOptions } from "@/lib/configs"
import { BACKEND_IDS } from "@/lib/plan/backends"
import { SAMPLERS } from "@/lib/plan/samplers"
import {
  DATADOG_COMMITMENTS,
  ENVIRONMENTS,
  LANGUAGES,
  MAX_APM_HOSTS,
  MAX_USD_PER_CORE_MONTH,
  MAX_ZONES,
  TEMPO_VERSIONS,
  MAX_RETENTION_DAYS,
  MAX_RPS,
  MAX_SPAN_BYTES,
  MAX_SPANS_PER_TRACE,
  OTLP_PORT,
  planInputSchema,
  PROTOCOLS,
  type PlanInput,
} from "@/lib/plan/schema"
import {
  MAX_INTERNAL_SPANS,
  MAX_TOPOLOGY_COUNT,
  MAX_TOPOLOGY_SERVICES,
  spansPerTraceOf,
  type TopologyService,
} from "@/lib/plan/topology"

// The one set of generators the property tests share: plans the schema accepts (with values that
// look like YAML booleans and numbers, dotenv-breaking URL patterns and edge rates), Collector
// options, and hostile text.

/**
 * Cases the properties that `npm run fuzz` runs (test/property and the config round trips in
 * test/configs/round-trip.test.ts) run together by default: a few thousand, in seconds.
 */
export const NORMAL_TOTAL_RUNS = 5900

/**
 * Cases for one property: `normal` by default; with FUZZ_RUNS set (`npm run fuzz` sets 100000),
 * each property's share of that total, so the suite runs FUZZ_RUNS cases in all.
 */
export function runs(normal: number): number {
  const total = Number(process.env.FUZZ_RUNS)
  return Number.isInteger(total) && total > 0 ? Math.max(1, Math.round((normal * total) / NORMAL_TOTAL_RUNS)) : normal
}

const positive = (max: number) => fc.double({ min: Number.MIN_VALUE, max, noNaN: true })

const ALNUM = [..."abcdefghijklmnopqrstuvwxyz0123456789"]

/** Valid labels that a YAML 1.1 or 1.2 reader would take for a boolean, number or null if left plain. */
export const YAML_LOOKALIKE_LABELS = [
  "yes",
  "no",
  "on",
  "off",
  "y",
  "n",
  "true",
  "null",
  "0",
  "1e3",
  "0x1f",
  "0o17",
  "0123",
  "nan",
  "inf",
]

/** A DNS-1123 label (what the schema accepts for serviceName and namespace), including YAML look-alikes. */
export const dnsLabel: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ALNUM) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...ALNUM),
        fc.string({ unit: fc.constantFrom(...ALNUM, "-"), maxLength: 61 }),
        fc.constantFrom(...ALNUM)
      )
      .map(([first, middle, last]) => first + middle + last),
  },
  { weight: 3, arbitrary: fc.constantFrom(...YAML_LOOKALIKE_LABELS) }
)

const host = fc.oneof(
  fc.array(dnsLabel, { minLength: 1, maxLength: 4 }).map((labels) => labels.join(".")),
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join(".")),
  fc.constant("[::1]"),
  // The SaaS intakes whose auth the configs carry (lib/plan/otlp-auth.ts).
  fc.constantFrom(
    "api.honeycomb.io",
    "api.eu1.honeycomb.io",
    "otlp-gateway-prod-eu-west-2.grafana.net",
    "otlp.nr-data.net",
    "otlp.eu01.nr-data.net",
    "otlp.datadoghq.com",
    "otlp.datadoghq.eu"
  )
)

const urlPath = fc.oneof(
  fc.constant(""),
  fc.constant("/"),
  fc
    .array(fc.string({ unit: fc.constantFrom(...ALNUM, "-", "_", "."), minLength: 1, maxLength: 12 }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((segments) => `/${segments.join("/")}`)
)

/** An OTLP endpoint whose port never belongs to the other protocol (the schema's rule). */
const endpointFor = (protocol: (typeof PROTOCOLS)[number]) => {
  const other = protocol === "grpc" ? "http/protobuf" : "grpc"
  const port = fc.oneof(
    { weight: 4, arbitrary: fc.constant(`:${OTLP_PORT[protocol]}`) },
    { weight: 1, arbitrary: fc.constant("") },
    {
      weight: 2,
      arbitrary: fc
        .integer({ min: 1, max: 65_535 })
        .filter((p) => p !== OTLP_PORT[other])
        .map((p) => `:${p}`),
    }
  )
  return (
    fc
      .tuple(fc.constantFrom("http", "https"), host, port, urlPath)
      .map(([scheme, h, p, path]) => `${scheme}://${h}${p}${path}`)
      // WHATWG URL reads a host ending in a number as IPv4, so "a.1" is not a URL.
      .filter((url) => URL.canParse(url))
  )
}

const imageComponent = fc
  .array(fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 })
  .chain((parts) => fc.constantFrom(".", "_", "-").map((sep) => parts.join(sep)))

/** A container image reference the schema accepts, including some that look like YAML numbers. */
export const image: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        imageComponent,
        fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
        fc.array(imageComponent, { maxLength: 2 }),
        fc.option(
          fc
            .string({ unit: fc.constantFrom(...ALNUM, "A", "Z", "_", ".", "-"), minLength: 1, maxLength: 20 })
            .filter((t) => /^[A-Za-z0-9_]/.test(t)),
          { nil: undefined }
        ),
        fc.option(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }), {
          nil: undefined,
        })
      )
      .map(([name, port, path, tag, digest]) =>
        [
          name,
          port === undefined ? "" : `:${port}`,
          ...path.map((p) => `/${p}`),
          tag === undefined ? "" : `:${tag}`,
          digest === undefined ? "" : `@sha256:${digest}`,
        ].join("")
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom("12:30", "1_0", "yes", "0.5", "nginx", "registry.example.com:5000/team/app:v1.2"),
  }
)

const URL_PATTERN_CHARS = [..."abcXYZ019/._~*?+^$()[]{}|\\-"]

/** Excluded-URL patterns the schema accepts, including ones dotenv cannot carry (`\\`, `${`, trailing `\`). */
export const excludedUrls: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.string({ unit: fc.constantFrom(...URL_PATTERN_CHARS), minLength: 1, maxLength: 20 }), {
        minLength: 1,
        maxLength: 5,
      })
      .map((entries) => entries.join(",")),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom("health,metrics,readiness", "^/health$,/ready", "healthz", "/livez,/readyz"),
  },
  { weight: 1, arbitrary: fc.constantFrom("a\\\\b", "x${1}", "health\\", "^/v[0-9]+/health$") }
)

const ratio = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 1e-7, 0.1, 0.25, 0.07, 5e-324, 0.000123) }
)

const topologyService: fc.Arbitrary<TopologyService> = fc.record({
  name: dnsLabel,
  // Mostly a handful; sometimes a batch handler's thousands (up to the spans per trace limit).
  internalSpans: fc.oneof(
    { weight: 4, arbitrary: fc.nat(MAX_TOPOLOGY_COUNT) },
    { weight: 1, arbitrary: fc.nat(MAX_INTERNAL_SPANS) }
  ),
  dbCalls: fc.nat(MAX_TOPOLOGY_COUNT),
  cacheCalls: fc.nat(MAX_TOPOLOGY_COUNT),
  outgoingCalls: fc.nat(MAX_TOPOLOGY_COUNT),
  dapr: fc.boolean(),
})

/**
 * Raw plan input that `planInputSchema` accepts: every field in its valid range, with the
 * cross-field rules kept (peak ≥ average, endpoint port matches the protocol). Optional fields
 * are sometimes left out, as the API allows.
 */
export const validRawInput = fc
  .record({
    rps: positive(MAX_RPS),
    peakFactor: fc.option(fc.double({ min: 1, max: 100, noNaN: true }), { nil: undefined }),
    retentionDays: fc.integer({ min: 1, max: MAX_RETENTION_DAYS }),
    sampler: fc.constantFrom(...SAMPLERS),
    ratio,
    spansPerTrace: fc.double({ min: 1, max: MAX_SPANS_PER_TRACE, noNaN: true }),
    spanBytes: positive(MAX_SPAN_BYTES),
    backend: fc.constantFrom(...BACKEND_IDS),
    apmHosts: fc.integer({ min: 1, max: MAX_APM_HOSTS }),
    tempoVersion: fc.constantFrom(...TEMPO_VERSIONS),
    datadogCommitment: fc.constantFrom(...DATADOG_COMMITMENTS),
    newRelicFullUsers: fc.integer({ min: 0, max: 1000 }),
    computeUsdPerVcpuMonth: fc.oneof(fc.constant(0), fc.double({ min: 0, max: MAX_USD_PER_CORE_MONTH, noNaN: true })),
    computeUsdPerGbMonth: fc.oneof(fc.constant(0), fc.double({ min: 0, max: MAX_USD_PER_CORE_MONTH, noNaN: true })),
    collectorUsdPerCoreMonth: fc.oneof(fc.constant(0), fc.double({ min: 0, max: MAX_USD_PER_CORE_MONTH, noNaN: true })),
    zones: fc.integer({ min: 1, max: MAX_ZONES }),
    interZoneUsdPerGb: fc.double({ min: 0, max: 100, noNaN: true }),
    egressUsdPerGb: fc.double({ min: 0, max: 100, noNaN: true }),
    serviceName: dnsLabel,
    namespace: dnsLabel,
    otlpAuthSecret: fc.oneof(fc.constant("none"), fc.constant("otlp-auth"), dnsLabel),
    environment: fc.constantFrom(...ENVIRONMENTS),
    language: fc.constantFrom(...LANGUAGES),
    protocol: fc.constantFrom(...PROTOCOLS),
    daprEnabled: fc.boolean(),
    daprSamplingRate: fc.option(ratio, { nil: undefined }),
    replicas: fc.integer({ min: 1, max: 1000 }),
    image,
    containerPort: fc.integer({ min: 1, max: 65_535 }),
    excludeHealthChecks: fc.boolean(),
    excludedUrls,
    probesPerReplica: fc.integer({ min: 0, max: 20 }),
    probeIntervalSeconds: fc.double({ min: 1, max: 3600, noNaN: true }),
    // + 0 turns -0 into 0: a link writes both as "0", and -0 means nothing else here.
    growthPercentPerMonth: fc.double({ min: -50, max: 200, noNaN: true }).map((percent) => percent + 0),
    horizonMonths: fc.integer({ min: 1, max: 60 }),
    errorRate: fc.double({ min: 0, max: 1, noNaN: true }),
    slowRate: fc.double({ min: 0, max: 1, noNaN: true }),
    slowThresholdMs: fc.integer({ min: 1, max: 3_600_000 }),
    tailSampling: fc.boolean(),
    tailKeepErrors: fc.boolean(),
    tailKeepSlow: fc.boolean(),
    tailBaselinePercent: fc.double({ min: 0, max: 100, noNaN: true }),
    tailSpansPerSecond: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
    tailDecisionWaitSeconds: fc.integer({ min: 1, max: 600 }),
    topology: fc.option(
      // A path adds up to no more spans per trace than the field accepts.
      fc
        .array(topologyService, { minLength: 1, maxLength: MAX_TOPOLOGY_SERVICES })
        .filter((path) => spansPerTraceOf(path) <= MAX_SPANS_PER_TRACE),
      { nil: null, freq: 4 }
    ),
  })
  .chain(({ peakFactor, protocol, ...fields }) =>
    endpointFor(protocol).map((otlpEndpoint) => ({
      ...fields,
      protocol,
      otlpEndpoint,
      ...(peakFactor === undefined ? {} : { peakRps: Math.min(MAX_RPS, fields.rps * peakFactor) }),
    }))
  )

/** A validated plan: raw plans run through the one schema, exactly as the app does. */
export const planInput: fc.Arbitrary<PlanInput> = validRawInput.map((raw) => planInputSchema.parse(raw))

/** Collector options that pass collectorOptionsSchema, in every mode. */
export const collectorOptions: fc.Arbitrary<CollectorOptions> = fc.oneof(
  fc.constant({ mode: "forward" as const }),
  fc.record({
    mode: fc.constant("probabilistic" as const),
    samplingPercentage: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  fc.record({
    mode: fc.constant("tail" as const),
    tail: fc.record(
      {
        keepErrors: fc.boolean(),
        latencyThresholdMs: fc.integer({ min: 1, max: 600_000 }),
        baselinePercent: fc.double({ min: 0, max: 100, noNaN: true }),
        spansPerSecondLimit: fc.integer({ min: 1, max: 1_000_000 }),
        decisionWaitSeconds: fc.integer({ min: 1, max: 300 }),
        numTraces: fc.integer({ min: 1, max: 10_000_000 }),
        collectorReplicas: fc.integer({ min: 1, max: 20 }),
      },
      { requiredKeys: ["keepErrors", "baselinePercent", "decisionWaitSeconds", "numTraces", "collectorReplicas"] }
    ),
  })
)

const HOSTILE_PIECES = [
  "\n",
  "\r\n",
  "\r",
  "\t",
  "\u0000",
  "\u0085",
  "\u2028",
  "\u202e",
  '"',
  "'",
  "`",
  ": ",
  ":",
  "#",
  " #",
  "\\",
  "{",
  "}",
  "[",
  "]",
  "&anchor",
  "*alias",
  "!!str",
  "!!int ",
  "|",
  ">",
  "- ",
  "---",
  "...",
  "%",
  "@",
  "$(id)",
  "${HOME}",
  "$",
  "~",
  ",",
  ".",
  "=",
  "key: value",
  "é",
  "日本",
  "🙂",
  " ",
]

/** Values that are valid somewhere, so hostile additions sometimes land next to something accepted. */
const VALID_SEEDS = [
  "task-api",
  "default",
  "http://otel:4317",
  "https://otel.example.com:4318/v1/traces",
  "ghcr.io/acme/api:1.0",
  "health,metrics",
  "gateway.i1.o4~orders.i2.d1",
  "5000",
  "0.1",
  "true",
  "FALSE",
  "tempo",
  "grpc",
  "xray",
  "1e3",
  "",
]

/**
 * Strings built to break a config file or an env line: newlines, quotes, `: `, `#`, YAML
 * indicators, shell expansions, control and bidi characters, emoji, any UTF-16 text and 10 KB runs.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.constantFrom(...HOSTILE_PIECES, ...VALID_SEEDS), { maxLength: 8 }).map((parts) => parts.join("")),
  fc
    .tuple(fc.constantFrom(...VALID_SEEDS), fc.constantFrom(...HOSTILE_PIECES), fc.constantFrom(...VALID_SEEDS))
    .map(([before, piece, after]) => `${before}${piece}${after}`),
  fc
    .tuple(fc.constantFrom(" ", "\t", "\n", "\r\n"), fc.constantFrom(...VALID_SEEDS))
    .map(([space, seed]) => `${space}${seed}${space}`),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", minLength: 10_000, maxLength: 10_240 }),
  fc
    .constantFrom(...HOSTILE_PIECES, ...VALID_SEEDS)
    .map((piece) => (piece || "x").repeat(Math.ceil(10_240 / (piece || "x").length)).slice(0, 10_240))
)

/**
 * Property tests run hundreds of cases; the machine may be shared, so they get more than Vitest's
 * 5 s, and under FUZZ_RUNS (thousands of cases each) half an hour.
 */
export const PROPERTY_TIMEOUT_MS = process.env.FUZZ_RUNS ? 30 * 60 * 1000 : 120_000
