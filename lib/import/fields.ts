import { base64Bytes } from "./otlp-size"
import { describeJson, fail, quote } from "./errors"

/**
 * Attribute keys that name a root span's endpoint, best first. `http.route` is the templated route;
 * `url.path` and the older `http.target` hold the raw path.
 *
 * @example
 * ROUTE_KEY //=> "http.route"
 */
export const ROUTE_KEY = "http.route"

/**
 * Raw path attribute keys, newest semantic conventions first.
 *
 * @example
 * PATH_KEYS //=> ["url.path", "http.target"]
 */
export const PATH_KEYS = ["url.path", "http.target"] as const

/**
 * A path without its query string or fragment, since `http.target` carries both.
 *
 * @example
 * stripQuery("/health?full=1") //=> "/health"
 */
export function stripQuery(path: string): string {
  const cut = path.search(/[?#]/)
  return cut < 0 ? path : path.slice(0, cut)
}

const HEX = /^[0-9a-fA-F]+$/

/**
 * Reads a hex id of exactly `length` characters (OTLP), lowercased. Anything else fails with a
 * message naming the field; base64 (what protobuf JSON would use for bytes) gets a hint.
 *
 * @example
 * readHexId("B7AD6B7169203331", 16, "spanId", "span 1") //=> "b7ad6b7169203331"
 * readHexId("t7ad", 16, "spanId", "span 1")
 * // throws 'span 1: spanId must be 16 hex characters, got "t7ad"'
 */
export function readHexId(value: unknown, length: number, field: string, location: string): string {
  if (typeof value === "string" && value.length === length && HEX.test(value)) return value.toLowerCase()
  const hint =
    typeof value === "string" && base64Bytes(value) === length / 2 ? " (base64? OTLP JSON writes ids as hex)" : ""
  return fail(
    location,
    `${field} must be ${length} hex characters, got ${typeof value === "string" ? quote(value) : describeJson(value)}${hint}`
  )
}

/**
 * Reads a hex id of at most `length` characters and left-pads it with zeros. Jaeger before 1.x
 * wrote ids without leading zeros (`%x`), so `"1f"` is a valid span id there.
 *
 * @example
 * readPaddedHexId("1f", 16, "spanID", "trace 1 span 1") //=> "000000000000001f"
 */
export function readPaddedHexId(value: unknown, length: number, field: string, location: string): string {
  if (typeof value === "string" && value.length > 0 && value.length <= length && HEX.test(value)) {
    return value.toLowerCase().padStart(length, "0")
  }
  return fail(
    location,
    `${field} must be ${length} hex characters, got ${typeof value === "string" ? quote(value) : describeJson(value)}`
  )
}

const UINT32_LIMIT = 2 ** 32

/**
 * Reads an unsigned 32-bit count or flag set (a JSON number or decimal text); missing means 0.
 *
 * @example
 * readUint32(undefined, "droppedEventsCount", "span 1") //=> 0
 * readUint32("3", "droppedEventsCount", "span 1")       //=> 3
 */
export function readUint32(value: unknown, field: string, location: string): number {
  if (value === undefined || value === null) return 0
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value
  if (typeof number === "number" && Number.isInteger(number) && number >= 0 && number < UINT32_LIMIT) return number
  return fail(location, `${field} must be a whole number from 0 to 4294967295, got ${quote(value)}`)
}

/**
 * Reads an optional string field; missing means "".
 *
 * @example
 * readOptionalString(undefined, "name", "span 1") //=> ""
 * readOptionalString("GET /", "name", "span 1")   //=> "GET /"
 */
export function readOptionalString(value: unknown, field: string, location: string): string {
  if (value === undefined || value === null) return ""
  if (typeof value === "string") return value
  return fail(location, `${field} must be a string, got ${describeJson(value)}`)
}

/**
 * Reads an optional JSON array; missing means empty.
 *
 * @example
 * readOptionalArray(undefined, "events", "span 1") //=> []
 */
export function readOptionalArray(value: unknown, field: string, location: string): readonly unknown[] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) return value
  return fail(location, `${field} must be an array, got ${describeJson(value)}`)
}
