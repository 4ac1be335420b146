// Which SaaS intakes refuse OTLP without an auth header, and how the header is written. The
// configs (lib/configs) write it; the lint (lint-rules.ts) says when a plan sends there without it.
// Sources, read 2026-12-07:
// - Honeycomb docs, "Send Data with OpenTelemetry": api.honeycomb.io:443 (EU api.eu1.honeycomb.io),
//   header x-honeycomb-team with an ingest API key.
// - Grafana Cloud docs, learning hub "Direct export or a collector": OTEL_EXPORTER_OTLP_HEADERS
//   "Authorization=Basic <BASE64_CREDENTIALS>", the base64 of OTLP instance id and access policy
//   token, sent to the stack's OTLP gateway https://otlp-gateway-<zone>.grafana.net/otlp.
// - New Relic docs, "New Relic OTLP endpoint": otlp.nr-data.net (EU otlp.eu01.nr-data.net),
//   header api-key with the account's license key.
// - Datadog docs, "Datadog OTLP Traces Intake Endpoint": otlp.<site>/v1/traces, http/protobuf,
//   header dd-api-key. Through the Datadog Agent (in the cluster) no header is needed.
// - OpenTelemetry specification, OTLP exporter, "Specifying headers via environment variables":
//   OTEL_EXPORTER_OTLP_HEADERS is key=value pairs in the W3C Baggage format, values percent-encoded.
import type { BackendId } from "./backends"

/** The vendors whose OTLP intake takes an API key in a header. */
export type AuthVendor = Extract<BackendId, "honeycomb" | "grafana-cloud" | "new-relic" | "datadog">

/** How one vendor's intake authenticates an OTLP export. */
export interface OtlpAuth {
  vendor: AuthVendor
  /** The vendor's name, as sentences say it. */
  name: string
  /** The HTTP header (gRPC metadata key) the intake reads. */
  header: string
  /** The header's value with the secret as a placeholder, as the vendor's docs write it (not yet percent-encoded). */
  placeholderValue: string
  /** Where the secret comes from, for the words around it. */
  secretName: string
  /** Hosts (and their subdomains) of the vendor's OTLP intake. */
  domains: readonly string[]
}

/** Each SaaS intake's auth, by vendor. */
export const OTLP_AUTH: Record<AuthVendor, OtlpAuth> = {
  honeycomb: {
    vendor: "honeycomb",
    name: "Honeycomb",
    header: "x-honeycomb-team",
    placeholderValue: "YOUR_HONEYCOMB_INGEST_KEY",
    secretName: "a Honeycomb ingest API key",
    domains: ["honeycomb.io"],
  },
  "grafana-cloud": {
    vendor: "grafana-cloud",
    name: "Grafana Cloud",
    header: "Authorization",
    placeholderValue: "Basic YOUR_BASE64_INSTANCE_ID_AND_TOKEN",
    secretName: "the base64 of your Grafana Cloud OTLP instance id and access policy token (instanceId:token)",
    domains: ["grafana.net"],
  },
  "new-relic": {
    vendor: "new-relic",
    name: "New Relic",
    header: "api-key",
    placeholderValue: "YOUR_NEW_RELIC_LICENSE_KEY",
    secretName: "a New Relic license (ingest) key",
    domains: ["nr-data.net"],
  },
  datadog: {
    vendor: "datadog",
    name: "Datadog",
    header: "dd-api-key",
    placeholderValue: "YOUR_DATADOG_API_KEY",
    secretName: "a Datadog API key",
    // The OTLP intake per Datadog site: otlp.datadoghq.com, otlp.us3.datadoghq.com, otlp.datadoghq.eu, …
    domains: ["datadoghq.com", "datadoghq.eu", "ddog-gov.com"],
  },
}

/**
 * The API key Secret's value for "no credentials": a word rather than empty text, which a share
 * link drops (it would come back as the default Secret).
 */
export const NO_OTLP_AUTH_SECRET = "none"

/** The Secret key the generated manifests read OTEL_EXPORTER_OTLP_HEADERS from. */
export const OTLP_HEADERS_SECRET_KEY = "otlp-headers"

/** The host of an endpoint, or undefined when it does not parse. */
function hostOf(endpoint: string): string | undefined {
  try {
    return new URL(endpoint.includes("://") ? endpoint : `https://${endpoint}`).hostname || undefined
  } catch {
    return undefined
  }
}

/**
 * The auth a SaaS OTLP intake needs when the endpoint is one, or undefined (a Collector, an
 * in-cluster Datadog Agent or Tempo need none).
 *
 * @example
 * saasOtlpAuth("https://api.honeycomb.io:443")?.header                              //=> "x-honeycomb-team"
 * saasOtlpAuth("https://otlp-gateway-prod-eu-west-2.grafana.net/otlp")?.vendor      //=> "grafana-cloud"
 * saasOtlpAuth("http://datadog-agent.datadog.svc.cluster.local:4317")               //=> undefined
 */
export function saasOtlpAuth(endpoint: string): OtlpAuth | undefined {
  const host = hostOf(endpoint)
  if (host === undefined) return undefined
  return Object.values(OTLP_AUTH).find((auth) =>
    auth.domains.some((domain) => host === domain || host.endsWith(`.${domain}`))
  )
}

/**
 * One `OTEL_EXPORTER_OTLP_HEADERS` entry, `key=value` with the value percent-encoded as the OTel
 * spec asks (the Baggage format allows no space, comma, semicolon, quote or backslash; Java's
 * decoder also reads `+` as a space, so it is encoded too).
 *
 * @example
 * otlpHeaderEntry("Authorization", "Basic YWJj+/==") //=> "Authorization=Basic%20YWJj%2B%2F%3D%3D"
 * otlpHeaderEntry("x-honeycomb-team", "abc123")      //=> "x-honeycomb-team=abc123"
 */
export function otlpHeaderEntry(header: string, value: string): string {
  return `${header}=${encodeURIComponent(value)}`
}

/**
 * The placeholder `OTEL_EXPORTER_OTLP_HEADERS` value for a vendor: what the `.env` file carries and
 * what the Kubernetes Secret must hold, with the real key in place of the placeholder.
 *
 * @example
 * otlpHeadersPlaceholder(OTLP_AUTH["grafana-cloud"]) //=> "Authorization=Basic%20YOUR_BASE64_INSTANCE_ID_AND_TOKEN"
 */
export function otlpHeadersPlaceholder(auth: OtlpAuth): string {
  return otlpHeaderEntry(auth.header, auth.placeholderValue)
}

/**
 * Whether the plan's apps export straight to a SaaS intake and say where its key is: the
 * configs then carry the auth header; with "none" they cannot, and the lint says so.
 *
 * @example
 * exportsWithCredentials({ otlpEndpoint: "https://api.honeycomb.io:443", otlpAuthSecret: "otlp-auth" }) //=> true
 * exportsWithCredentials({ otlpEndpoint: "https://api.honeycomb.io:443", otlpAuthSecret: "none" })      //=> false
 */
export function exportsWithCredentials(input: { otlpEndpoint: string; otlpAuthSecret: string }): boolean {
  return saasOtlpAuth(input.otlpEndpoint) !== undefined && input.otlpAuthSecret !== NO_OTLP_AUTH_SECRET
}
