/**
 * The one error the import core throws on purpose: input that is not the format it claims to be.
 * Its message always starts with where the problem is and never carries a stack trace, so the UI
 * can show it as is.
 *
 * @example
 * new ImportFormatError("line 3: not OTLP JSON: missing resourceSpans").message
 * //=> "line 3: not OTLP JSON: missing resourceSpans"
 */
export class ImportFormatError extends Error {
  override name = "ImportFormatError"
}

/**
 * Joins location parts ("line 3", "resourceSpans 1", "span 2") into one, skipping empty parts.
 *
 * @example
 * locate("line 3", "", "span 2") //=> "line 3 span 2"
 */
export function locate(...parts: string[]): string {
  // Called once per span and event: a loop, not filter + join, keeps it off the import's profile.
  let place = ""
  for (const part of parts) {
    if (part === "") continue
    place = place === "" ? part : `${place} ${part}`
  }
  return place
}

/**
 * Throws an {@link ImportFormatError} whose message is `location: message` (or just the message).
 *
 * @example
 * fail("trace 2 span 5", "spanID must be 16 hex characters")
 * // throws ImportFormatError("trace 2 span 5: spanID must be 16 hex characters")
 */
export function fail(location: string, message: string): never {
  throw new ImportFormatError(location === "" ? message : `${location}: ${message}`)
}

/**
 * True for a plain JSON object (not null, not an array).
 *
 * @example
 * isRecord({ a: 1 }) //=> true
 * isRecord([1])      //=> false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/**
 * A short description of a JSON value's kind, for messages.
 *
 * @example
 * describeJson(null)    //=> "null"
 * describeJson([1, 2])  //=> "an array"
 * describeJson("x")     //=> "a string"
 */
export function describeJson(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  if (typeof value === "object") return "an object"
  if (typeof value === "undefined") return "nothing"
  return `a ${typeof value}`
}

const MAX_QUOTED_CHARS = 40

/**
 * A value quoted for a message, cut to 40 characters so a huge bad value does not flood the UI.
 *
 * @example
 * quote("abc") //=> '"abc"'
 * quote(12)    //=> "12"
 */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text
}
