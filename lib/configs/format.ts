import { endpointPath } from "@/lib/plan/endpoint-url"
import { OTLP_PORT, type PlanInput, type Protocol } from "@/lib/plan/fields"

/**
 * Writes a finite number as a plain decimal, never in exponent notation, with the shortest digits
 * that read back as the same number. SDKs parse `OTEL_TRACES_SAMPLER_ARG` and Dapr parses
 * `samplingRate` as decimals; `1e-7` is a trap for any reader that is not a full float parser.
 *
 * @param value - any finite number
 * @returns the decimal text, e.g. "0.0000001"
 * @throws RangeError for NaN and ±Infinity, which have no decimal form
 *
 * @example
 * formatDecimal(1e-7)  //=> "0.0000001"
 * formatDecimal(0.25)  //=> "0.25"
 * formatDecimal(1e21)  //=> "1000000000000000000000"
 */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} has no decimal form.`)
  const text = String(value)
  const exponential = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!exponential) return text
  const [, sign = "", lead = "", fraction = "", exponentText = "0"] = exponential
  const digits = lead + fraction
  const exponent = Number(exponentText)
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`
  const pointAt = exponent + 1
  return digits.length <= pointAt
    ? sign + digits + "0".repeat(pointAt - digits.length)
    : `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`
}

const HEX = "0123456789ABCDEF"

/** W3C baggage-octet (what may stay unencoded) minus "%" and "=", which decoders would misread. */
function isSafeResourceOctet(byte: number): boolean {
  const baggageOctet =
    byte === 0x21 ||
    (byte >= 0x23 && byte <= 0x2b) ||
    (byte >= 0x2d && byte <= 0x3a) ||
    (byte >= 0x3c && byte <= 0x5b) ||
    (byte >= 0x5d && byte <= 0x7e)
  return baggageOctet && byte !== 0x25 && byte !== 0x3d
}

/**
 * Percent-encodes one key or value of `OTEL_RESOURCE_ATTRIBUTES`. The OTel resource spec wants
 * baggage-style text: "," and "=" MUST be encoded and characters outside baggage-octet (space,
 * quotes, ";", "\\", controls, non-ASCII) are encoded as UTF-8 bytes. "%" is encoded too, so decoding
 * (`decodeURIComponent` in JS, `unquote` in Python) returns exactly the input. Encoding leading and
 * trailing spaces also protects them from the JS SDK, which trims values.
 *
 * @example
 * encodeResourceAttributeValue("prod")        //=> "prod"
 * encodeResourceAttributeValue("a,b=c 100%")  //=> "a%2Cb%3Dc%20100%25"
 * encodeResourceAttributeValue("zürich")      //=> "z%C3%BCrich"
 */
export function encodeResourceAttributeValue(value: string): string {
  let encoded = ""
  for (const byte of new TextEncoder().encode(value)) {
    encoded += isSafeResourceOctet(byte) ? String.fromCharCode(byte) : `%${HEX[byte >> 4]}${HEX[byte & 15]}`
  }
  return encoded
}

/**
 * The plan's resource attributes (besides `service.name`, which `OTEL_SERVICE_NAME` sets), in order.
 *
 * @example
 * planResourceAttributes(DEFAULT_INPUT)
 * //=> { "deployment.environment.name": "production", "service.namespace": "default" }
 */
export function planResourceAttributes(input: PlanInput): Record<string, string> {
  return { "deployment.environment.name": input.environment, "service.namespace": input.namespace }
}

/**
 * `OTEL_RESOURCE_ATTRIBUTES` for a plan: `key=value` pairs joined by ",", each part percent-encoded.
 *
 * @example
 * renderResourceAttributes(DEFAULT_INPUT)
 * //=> "deployment.environment.name=production,service.namespace=default"
 */
export function renderResourceAttributes(input: PlanInput): string {
  return Object.entries(planResourceAttributes(input))
    .map(([key, value]) => `${encodeResourceAttributeValue(key)}=${encodeResourceAttributeValue(value)}`)
    .join(",")
}

/** The path an OTLP/HTTP exporter posts traces to, under its base URL. */
export const OTLP_TRACES_PATH = "/v1/traces"

/**
 * Whether an endpoint already ends in the traces path, i.e. is a full traces URL rather than the
 * base URL the generic OTEL_EXPORTER_OTLP_ENDPOINT and the Operator expect.
 *
 * @example
 * isTracesUrl("http://collector:4318/v1/traces") //=> true
 * isTracesUrl("http://collector:4318/otlp")      //=> false
 */
export function isTracesUrl(endpoint: string): boolean {
  return endpointPath(endpoint).replace(/\/+$/, "").endsWith(OTLP_TRACES_PATH)
}

/**
 * The base URL of an endpoint: a trailing traces path removed, since whatever reads a base URL
 * appends it again.
 *
 * @example
 * otlpBaseUrl("http://collector:4318/v1/traces") //=> "http://collector:4318"
 * otlpBaseUrl("http://collector:4318/otlp")      //=> "http://collector:4318/otlp"
 */
export function otlpBaseUrl(endpoint: string): string {
  return isTracesUrl(endpoint) ? endpoint.replace(/\/v1\/traces\/*$/, "") : endpoint
}

/**
 * The plan's OTLP endpoint for an OTLP/HTTP exporter: unchanged for http/protobuf; for grpc, the
 * conventional gRPC port 4317 becomes 4318 (any other port is kept, see the caveats that use this).
 *
 * @example
 * otlpHttpEndpoint("http://otel-collector:4317", "grpc")          //=> "http://otel-collector:4318"
 * otlpHttpEndpoint("http://otel-collector:4318", "http/protobuf") //=> "http://otel-collector:4318"
 */
export function otlpHttpEndpoint(endpoint: string, protocol: Protocol): string {
  if (protocol === "http/protobuf") return endpoint
  const url = new URL(endpoint)
  if (Number(url.port) !== OTLP_PORT.grpc) return endpoint
  url.port = String(OTLP_PORT["http/protobuf"])
  // URL always writes a path; keep the user's text as it was when they gave none.
  const text = url.toString()
  return new URL(endpoint).pathname === "/" && !/\/$/.test(endpoint) ? text.replace(/\/$/, "") : text
}
