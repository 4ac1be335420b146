import { ImportFormatError, describeJson, quote } from "./errors"
import type { ImportFormat } from "./types"

const BYTE_ORDER_MARK = "\uFEFF"
const BYTES_PER_KB = 1024

/**
 * The text without a leading UTF-8 byte order mark, which `JSON.parse` refuses.
 *
 * @example
 * withoutByteOrderMark("\uFEFF{}") //=> "{}"
 */
export function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text
}

/**
 * `JSON.parse` whose failure is an {@link ImportFormatError} naming the place, e.g.
 * `line 3: not JSON: Unexpected end of JSON input`.
 *
 * @example
 * parseJson('{"a":1}', "line 1") //=> { a: 1 }
 * parseJson('{"a":', "line 3")
 * // throws "line 3: not JSON: Unexpected end of JSON input"
 */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = `not JSON: ${error instanceof Error ? error.message : String(error)}`
    throw new ImportFormatError(where === "" ? message : `${where}: ${message}`)
  }
}

/** What a scan of the first top-level JSON value found, without parsing it. */
interface HeadScan {
  /** Keys of the top-level object seen in the head, in order. */
  keys: string[]
  /** Index just after the first top-level value, or -1 if it does not end within the head. */
  end: number
  /** Whether that value spans several lines (a pretty-printed document, not a JSON Lines line). */
  hasNewline: boolean
}

function scanFirstObject(text: string, start: number): HeadScan {
  const keys: string[] = []
  let depth = 0
  let inString = false
  let isEscaped = false
  let expectKey = false
  let keyStart = -1
  let hasNewline = false
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (isEscaped) isEscaped = false
      else if (char === "\\") isEscaped = true
      else if (char === '"') {
        inString = false
        if (keyStart >= 0) keys.push(text.slice(keyStart, i))
        keyStart = -1
      }
      continue
    }
    switch (char) {
      case '"':
        inString = true
        if (depth === 1 && expectKey) keyStart = i + 1
        expectKey = false
        break
      case "{":
        depth += 1
        expectKey = depth === 1
        break
      case "[":
        depth += 1
        break
      case "}":
      case "]":
        depth -= 1
        if (depth === 0) return { keys, end: i + 1, hasNewline }
        break
      case ",":
        expectKey = depth === 1
        break
      case "\n":
        hasNewline = true
        break
    }
  }
  return { keys, end: -1, hasNewline }
}

function skipWhitespace(text: string, from: number): number {
  let i = from
  while (i < text.length && /\s/.test(text[i] as string)) i++
  return i
}

const EXPECTED = 'expected a Jaeger {"data": […]} or OTLP {"resourceSpans": […]} object'

/**
 * Tells the export format from the first bytes of a file (at least 64 KB, or the whole file if
 * smaller), without parsing all of it:
 * - a top-level `data` key is Jaeger JSON;
 * - a top-level `resourceSpans` key is OTLP JSON: one document (`otlp-json`), or JSON Lines with
 *   one document per line (`otlp-jsonl`) when a second object follows the first.
 *
 * If the first document does not end within the head, a pretty-printed one (it has line breaks)
 * is `otlp-json`, and a single-line one is `otlp-jsonl`: a minified document is a one-line JSON
 * Lines file, so reading it line by line is right either way.
 *
 * @example
 * detectFormat('{"data":[{"traceID":"1","spans":[],"processes":{}}]}') //=> { success: true, format: "jaeger" }
 * detectFormat('{"resourceSpans":[]}\n{"resourceSpans":[]}\n')         //=> { success: true, format: "otlp-jsonl" }
 * detectFormat("")                                                      //=> { success: false, error: "the file is empty" }
 */
export function detectFormat(
  head: string
): { success: true; format: ImportFormat } | { success: false; error: string } {
  const text = withoutByteOrderMark(head)
  const start = skipWhitespace(text, 0)
  if (start === text.length) return { success: false, error: "the file is empty" }

  if (text[start] !== "{") {
    if (text[start] === "[")
      return { success: false, error: `not a trace export: the file holds a JSON array; ${EXPECTED}` }
    try {
      return {
        success: false,
        error: `not a trace export: the file holds ${describeJson(JSON.parse(text))}; ${EXPECTED}`,
      }
    } catch (error) {
      return { success: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` }
    }
  }

  const scan = scanFirstObject(text, start)
  const isJaeger = scan.keys.includes("data")
  const isOtlp = scan.keys.includes("resourceSpans")

  if (scan.end < 0) {
    if (isOtlp) return { success: true, format: scan.hasNewline ? "otlp-json" : "otlp-jsonl" }
    if (isJaeger) return { success: true, format: "jaeger" }
    const kb = Math.max(1, Math.round(text.length / BYTES_PER_KB))
    return {
      success: false,
      error: `not a trace export: no "data" (Jaeger) or "resourceSpans" (OTLP) key in the first ${kb} KB${foundKeys(scan.keys)}`,
    }
  }

  const after = skipWhitespace(text, scan.end)
  const isSingle = after === text.length
  const line = isSingle ? "" : "line 1: "
  try {
    JSON.parse(text.slice(start, scan.end))
  } catch (error) {
    return { success: false, error: `${line}not JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (!isSingle && text[after] !== "{") {
    const lineNumber = text.slice(0, after).split("\n").length
    return {
      success: false,
      error: `not JSON: unexpected ${quote(text[after])} at line ${lineNumber}, after the first object`,
    }
  }
  if (isOtlp) return { success: true, format: isSingle ? "otlp-json" : "otlp-jsonl" }
  if (isJaeger) {
    if (isSingle) return { success: true, format: "jaeger" }
    return {
      success: false,
      error: 'not Jaeger JSON: the file holds several JSON documents; Jaeger JSON is one {"data": […]} document',
    }
  }
  const looksLikeOneJaegerTrace = scan.keys.includes("traceID") && scan.keys.includes("spans")
  const hint = looksLikeOneJaegerTrace ? '; this looks like a single Jaeger trace: wrap it as {"data": [trace]}' : ""
  return { success: false, error: `${line}not a trace export: ${EXPECTED}${foundKeys(scan.keys)}${hint}` }
}

function foundKeys(keys: string[]): string {
  if (keys.length === 0) return ""
  const shown = keys.slice(0, 5).map(quote).join(", ")
  return `, found ${shown}${keys.length > 5 ? ", …" : ""}`
}

/** Bytes of a file's head that {@link checkEncoding} looks at. */
const ENCODING_HEAD_BYTES = 4096

/**
 * Refuses a file that is not UTF-8 text before any of it is decoded, so the message says what the
 * file is rather than quoting mojibake: UTF-16 (a byte order mark FF FE or FE FF, or a NUL in every
 * other byte, as ASCII text in UTF-16 has) or binary (any other NUL, or bytes that are not UTF-8).
 * Looks at the first 4 KB; a multi-byte character cut at the end of `head` is fine.
 *
 * @example
 * checkEncoding(new TextEncoder().encode('{"data": []}')) //=> { success: true }
 * checkEncoding(new Uint8Array([0xff, 0xfe, 0x7b, 0x00])) //=> { success: false, error: "the file is UTF-16: save it as UTF-8" }
 * checkEncoding(new Uint8Array([0x1f, 0x8b, 0x08, 0x00])) //=> { success: false, error: "this is a binary file, not a JSON trace export" }
 */
export function checkEncoding(head: Uint8Array): { success: true } | { success: false; error: string } {
  const bytes = head.subarray(0, ENCODING_HEAD_BYTES)
  const [first, second] = [bytes[0], bytes[1]]
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) return UTF16
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenNuls++
      else oddNuls++
    }
  }
  const pairs = Math.floor(bytes.length / 2)
  // ASCII in UTF-16 has a NUL in nearly every high byte; JSON is nearly all ASCII.
  if (pairs >= 2 && Math.max(evenNuls, oddNuls) >= pairs * 0.9) return UTF16
  if (evenNuls + oddNuls > 0 || !isUtf8(bytes)) return BINARY
  return { success: true }
}

const UTF16 = { success: false, error: "the file is UTF-16: save it as UTF-8" } as const
const BINARY = { success: false, error: "this is a binary file, not a JSON trace export" } as const

/** Whether bytes are well-formed UTF-8 (RFC 3629); a character cut by the end of the bytes is fine. */
function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const byte = bytes[i] as number
    if (byte < 0x80) {
      i++
      continue
    }
    let length: number
    let min: number
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80]
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800]
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000]
    else return false
    let codePoint = byte & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      if (i + k >= n) return true
      const next = bytes[i + k] as number
      if ((next & 0xc0) !== 0x80) return false
      codePoint = (codePoint << 6) | (next & 0x3f)
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return false
    i += length
  }
  return true
}
