import fc from "fast-check"

import { BACKEND_IDS } from "@/lib/plan/backends"
import { SAMPLERS } from "@/lib/plan/samplers"
import {
  ENVIRONMENTS,
  LANGUAGES,
  MAX_APM_HOSTS,
  MAX_RETENTION_DAYS,
  MAX_RPS,
  MAX_SPAN_BYTES,
  MAX_SPANS_PER_TRACE,
  OTLP_PORT,
  PROTOCOLS,
} from "@/lib/plan/schema"
import { MAX_TOPOLOGY_COUNT, MAX_TOPOLOGY_SERVICES, type TopologyService } from "@/lib/plan/topology"

/** Cases all properties run together by default: a few thousand, in seconds. */
export const NORMAL_TOTAL_RUNS = 3800

/**
 * Cases for one property: `normal` by default; with FUZZ_RUNS set (`npm run fuzz` sets 100000),
 * each property's share of that total, so the suite runs FUZZ_RUNS cases in all.
 */
export function runs(normal: number): number {
  const total = Number(process.env.FUZZ_RUNS)
  return Number.isInteger(total) && total > 0 ? Math.max(1, Math.round((normal * total) / NORMAL_TOTAL_RUNS)) : normal
}

const positive = (max: number) => fc.double({ min: Number.MIN_VALUE, max, noNaN: true })
const fraction = fc.double({ min: 0, max: 1, noNaN: true })

export const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/)

const topologyService: fc.Arbitrary<TopologyService> = fc.record({
  name: dnsLabel,
  internalSpans: fc.nat(MAX_TOPOLOGY_COUNT),
  dbCalls: fc.nat(MAX_TOPOLOGY_COUNT),
  cacheCalls: fc.nat(MAX_TOPOLOGY_COUNT),
  outgoingCalls: fc.nat(MAX_TOPOLOGY_COUNT),
  dapr: fc.boolean(),
})

/** An OTLP endpoint whose port never names the other protocol's port (the schema refuses that). */
const endpointFor = (protocol: (typeof PROTOCOLS)[number]) =>
  fc
    .record({
      scheme: fc.constantFrom("http", "https"),
      // Labels start with a letter (a numeric last label makes WHATWG URL read the host as IPv4)
      // and never with "xn--" (that is punycode, and most such labels are invalid IDNA).
      host: fc
        .array(fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/).filter((label) => !label.startsWith("xn--")), { minLength: 1, maxLength: 4 })
        .map((labels) => labels.join(".")),
      port: fc.oneof(fc.constant(OTLP_PORT[protocol]), fc.integer({ min: 1, max: 65_535 }), fc.constant(undefined)),
      path: fc.constantFrom("", "/", "/v1/traces"),
    })
    .filter(({ port }) => port !== OTLP_PORT[protocol === "grpc" ? "http/protobuf" : "grpc"])
    .map(({ scheme, host, port, path }) => `${scheme}://${host}${port === undefined ? "" : `:${port}`}${path}`)

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
    ratio: fraction,
    spansPerTrace: fc.double({ min: 1, max: MAX_SPANS_PER_TRACE, noNaN: true }),
    spanBytes: positive(MAX_SPAN_BYTES),
    backend: fc.constantFrom(...BACKEND_IDS),
    apmHosts: fc.integer({ min: 1, max: MAX_APM_HOSTS }),
    serviceName: dnsLabel,
    namespace: dnsLabel,
    environment: fc.constantFrom(...ENVIRONMENTS),
    language: fc.constantFrom(...LANGUAGES),
    protocol: fc.constantFrom(...PROTOCOLS),
    daprEnabled: fc.boolean(),
    daprSamplingRate: fc.option(fraction, { nil: undefined }),
    replicas: fc.integer({ min: 1, max: 1000 }),
    image: fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?(\/[a-z0-9]{1,12}([._-][a-z0-9]{1,6})?){0,2}(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,20})?$/),
    containerPort: fc.integer({ min: 1, max: 65_535 }),
    excludeHealthChecks: fc.boolean(),
    excludedUrls: fc.array(fc.stringMatching(/^[A-Za-z0-9/._~*?+^$()[\]{}|\\-]{1,16}$/), { minLength: 1, maxLength: 5 }).map((urls) => urls.join(",")),
    probesPerReplica: fc.integer({ min: 0, max: 20 }),
    probeIntervalSeconds: fc.double({ min: 1, max: 3600, noNaN: true }),
    // + 0 turns -0 into 0: a link writes both as "0", and -0 means nothing else here.
    growthPercentPerMonth: fc.double({ min: -50, max: 200, noNaN: true }).map((percent) => percent + 0),
    horizonMonths: fc.integer({ min: 1, max: 60 }),
    topology: fc.option(fc.array(topologyService, { minLength: 1, maxLength: MAX_TOPOLOGY_SERVICES }), { nil: null, freq: 4 }),
  })
  .chain(({ peakFactor, protocol, ...fields }) =>
    endpointFor(protocol).map((otlpEndpoint) => ({
      ...fields,
      protocol,
      otlpEndpoint,
      ...(peakFactor === undefined ? {} : { peakRps: Math.min(MAX_RPS, fields.rps * peakFactor) }),
    }))
  )

const HOSTILE_PIECES = [
  "\n", "\r\n", "\r", "\t", "\u0000", "\u0085", "\u2028", "\u202e", '"', "'", "`", ": ", ":", "#", " #", "\\",
  "{", "}", "[", "]", "&anchor", "*alias", "!!str", "|", ">", "- ", "---", "%", "@", "$(id)", "${HOME}", "~", ",", ".",
  "é", "日本", "🙂", " ",
]

/** Values that are valid somewhere, so hostile additions sometimes land next to something accepted. */
const VALID_SEEDS = [
  "task-api", "default", "http://otel:4317", "https://otel.example.com:4318/v1/traces", "ghcr.io/acme/api:1.0",
  "health,metrics", "gateway.i1.o4~orders.i2.d1", "5000", "0.1", "true", "FALSE", "tempo", "grpc", "xray", "1e3", "",
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
  fc.tuple(fc.constantFrom(" ", "\t", "\n", "\r\n"), fc.constantFrom(...VALID_SEEDS)).map(([space, seed]) => `${space}${seed}${space}`),
  fc.constantFrom(...HOSTILE_PIECES, ...VALID_SEEDS).map((piece) => (piece || "x").repeat(Math.ceil(10_240 / (piece || "x").length)).slice(0, 10_240))
)
