/**
 * Sizes of OTLP protobuf messages, field by field, as `@opentelemetry/otlp-transformer` 0.223
 * (`ProtobufTraceSerializer`) writes them. Built on the wire helpers in `lib/shape/span-size.ts`.
 *
 * What the serializer writes even when empty or zero, and so what these sizes count:
 * span name, kind (unless 0), both timestamps, the three dropped counts, status (its code always,
 * its message only when non-empty), flags (unless 0); event time, name and dropped count; link
 * ids and dropped count, flags (unless 0); scope name (version only when non-empty, dropped count
 * only when non-zero); resource dropped count, written as a literal 0.
 */
import * as wire from "@/lib/shape/span-size"

// The wire helpers of lib/shape/span-size.ts, the same rules copied here: the import sizes every
// span of a file with them, and calls within one module are cheaper than calls into another (an
// export is read through a getter in CommonJS builds, as in the Node bench).

const { FIXED32_BYTES, FIXED64_BYTES, SPAN_ID_BYTES, TRACE_ID_BYTES, WIRE_FIXED32, WIRE_FIXED64 } = wire
const { WIRE_LENGTH_DELIMITED, WIRE_VARINT } = wire

/** Same as span-size's varintSize. */
function varintSize(value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`varintSize needs a non-negative number, got ${value}`)
  let bytes = 1
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes += 1
  return bytes
}

/** Same as span-size's tagSize. */
function tagSize(fieldNumber: number, wireType: number): number {
  return varintSize(fieldNumber * 8 + wireType)
}

/** Same as span-size's lengthDelimitedFieldSize. */
function lengthDelimitedFieldSize(fieldNumber: number, payloadBytes: number): number {
  return tagSize(fieldNumber, WIRE_LENGTH_DELIMITED) + (varintSize(payloadBytes) + payloadBytes)
}

/** Same as span-size's varintFieldSize. */
function varintFieldSize(fieldNumber: number, value: number): number {
  return tagSize(fieldNumber, WIRE_VARINT) + varintSize(value)
}
/** A negative int64 is sign-extended to 64 bits, so its varint always takes 10 bytes. */
const NEGATIVE_VARINT_BYTES = 10
const INT64_MIN = -(2 ** 63)
const INT64_LIMIT = 2 ** 63

/**
 * Bytes of a string in UTF-8, counted without encoding it. A lone surrogate counts 3 bytes, as
 * `TextEncoder` writes it as U+FFFD.
 *
 * @example
 * utf8Bytes("abc")  //=> 3
 * utf8Bytes("café") //=> 5
 * utf8Bytes("☕")    //=> 3
 * utf8Bytes("🚀")   //=> 4
 */
export function utf8Bytes(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Bytes that a base64 text decodes to (padding and whitespace ignored), without decoding it.
 * Returns undefined if the text is not base64.
 *
 * @example
 * base64Bytes("AAECAw==") //=> 4
 * base64Bytes("AAECAw")   //=> 4
 * base64Bytes("not b64!") //=> undefined
 */
export function base64Bytes(text: string): number | undefined {
  const compact = text.replace(/\s+/g, "")
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return undefined
  const unpadded = compact.replace(/=+$/, "")
  if (unpadded.length % 4 === 1) return undefined
  return Math.floor((unpadded.length * 3) / 4)
}

/**
 * Bytes of an int64 written as a protobuf varint. Negative values take 10 bytes.
 * A JS number outside the int64 range is written as a double by the JS exporter, so it returns
 * undefined for those and the caller sizes a double instead.
 *
 * @example
 * int64VarintBytes(0)        //=> 1
 * int64VarintBytes(200)      //=> 2
 * int64VarintBytes(-1)       //=> 10
 * int64VarintBytes(2 ** 63)  //=> undefined
 */
export function int64VarintBytes(value: number): number | undefined {
  if (!Number.isInteger(value) || value < INT64_MIN || value >= INT64_LIMIT) return undefined
  return value < 0 ? NEGATIVE_VARINT_BYTES : varintSize(value)
}

/**
 * Bytes of an int64 given as decimal text (OTLP/JSON allows `"intValue": "123"`), or undefined if
 * the text is not an integer within int64.
 *
 * @example
 * int64TextVarintBytes("300")                  //=> 2
 * int64TextVarintBytes("-5")                   //=> 10
 * int64TextVarintBytes("9223372036854775807")  //=> 9
 * int64TextVarintBytes("12.5")                 //=> undefined
 */
export function int64TextVarintBytes(text: string): number | undefined {
  if (!/^-?\d+$/.test(text)) return undefined
  // Up to 15 digits a double holds the value exactly; beyond that BigInt keeps every bit.
  if (text.length <= 15) return int64VarintBytes(Number(text))
  const value = BigInt(text)
  if (value < -(2n ** 63n) || value >= 2n ** 63n) return undefined
  if (value < 0n) return NEGATIVE_VARINT_BYTES
  return Math.max(1, Math.ceil(value.toString(2).length / 7))
}

/**
 * Bytes of each kind of `AnyValue` body (the AnyValue message content, without its own framing).
 *
 * @example
 * ANY_VALUE_BYTES.bool   //=> 2
 * ANY_VALUE_BYTES.double //=> 9
 */
export const ANY_VALUE_BYTES = {
  /**
   * `string_value` (field 1).
   *
   * @example
   * ANY_VALUE_BYTES.string(5) //=> 7
   */
  string: (textBytes: number): number => lengthDelimitedFieldSize(1, textBytes),
  /** `bool_value` (field 2): tag and one byte. */
  bool: 2,
  /**
   * `int_value` (field 3): tag and the varint.
   *
   * @example
   * ANY_VALUE_BYTES.int(10) //=> 11
   */
  int: (varintBytes: number): number => tagSize(3, WIRE_VARINT) + varintBytes,
  /** `double_value` (field 4): tag and 8 bytes. */
  double: tagSize(4, WIRE_FIXED64) + FIXED64_BYTES,
  /**
   * `bytes_value` (field 7).
   *
   * @example
   * ANY_VALUE_BYTES.bytes(4) //=> 6
   */
  bytes: (byteCount: number): number => lengthDelimitedFieldSize(7, byteCount),
  /**
   * `array_value` (field 5) holding `ArrayValue { values }`, given each element's AnyValue body.
   *
   * @example
   * ANY_VALUE_BYTES.array([3, 3]) //=> 12
   */
  array: (elementBodies: number[]): number =>
    lengthDelimitedFieldSize(
      5,
      elementBodies.reduce((sum, body) => sum + lengthDelimitedFieldSize(1, body), 0)
    ),
  /**
   * `kvlist_value` (field 6) holding `KeyValueList { values }`, given each KeyValue body.
   *
   * @example
   * ANY_VALUE_BYTES.kvlist([8]) //=> 12
   */
  kvlist: (keyValueBodies: number[]): number =>
    lengthDelimitedFieldSize(
      6,
      keyValueBodies.reduce((sum, body) => sum + lengthDelimitedFieldSize(1, body), 0)
    ),
} as const

/**
 * Bytes of a `KeyValue` body: the key (field 1) and the AnyValue (field 2, written even when empty).
 *
 * @example
 * keyValueBytes(3, 7) //=> 14  (1+1+3 for the key, 1+1+7 for the value)
 */
export function keyValueBytes(keyBytes: number, anyValueBody: number): number {
  return lengthDelimitedFieldSize(1, keyBytes) + lengthDelimitedFieldSize(2, anyValueBody)
}

/**
 * Bytes of a Span's trace_id and span_id fields, which every span and link carries.
 *
 * @example
 * ID_FIELDS_BYTES //=> 28
 */
export const ID_FIELDS_BYTES = lengthDelimitedFieldSize(1, TRACE_ID_BYTES) + lengthDelimitedFieldSize(2, SPAN_ID_BYTES)

/**
 * What decides a Span message's size, in bytes and counts; the values themselves do not matter.
 *
 * @example
 * const root: SpanWireShape = { traceStateBytes: 0, hasParent: false, nameBytes: 4, kind: 2, attributesBytes: 0,
 *   droppedAttributesCount: 0, eventsBytes: 0, droppedEventsCount: 0, linksBytes: 0, droppedLinksCount: 0,
 *   statusCode: 0, statusMessageBytes: 0, flags: 257 }
 */
export interface SpanWireShape {
  /** UTF-8 bytes of trace_state; 0 when absent (not written). */
  traceStateBytes: number
  hasParent: boolean
  nameBytes: number
  /** Proto enum value; 0 (UNSPECIFIED) is not written. */
  kind: number
  /** Sum of the attribute fields (field 9), each with its tag and length. */
  attributesBytes: number
  droppedAttributesCount: number
  /** Sum of the event fields (field 11), see {@link eventFieldBytes}. */
  eventsBytes: number
  droppedEventsCount: number
  /** Sum of the link fields (field 13), see {@link linkFieldBytes}. */
  linksBytes: number
  droppedLinksCount: number
  statusCode: number
  /** UTF-8 bytes of the status message; 0 when empty (not written). */
  statusMessageBytes: number
  /** Span.flags; 0 is not written. */
  flags: number
}

/**
 * Bytes one span adds to its ScopeSpans: the `spans` field tag, its length prefix and the Span.
 *
 * @example
 * // A root span named "root", no attributes, events or links, status unset, kind SERVER, flags 0x101.
 * spanFieldBytes({ traceStateBytes: 0, hasParent: false, nameBytes: 4, kind: 2, attributesBytes: 0,
 *   droppedAttributesCount: 0, eventsBytes: 0, droppedEventsCount: 0, linksBytes: 0, droppedLinksCount: 0,
 *   statusCode: 0, statusMessageBytes: 0, flags: 257 })
 * //=> 72
 */
export function spanFieldBytes(span: SpanWireShape): number {
  return spanFieldBytesOf(
    span.traceStateBytes,
    span.hasParent,
    span.nameBytes,
    span.kind,
    span.attributesBytes,
    span.droppedAttributesCount,
    span.eventsBytes,
    span.droppedEventsCount,
    span.linksBytes,
    span.droppedLinksCount,
    span.statusCode,
    span.statusMessageBytes,
    span.flags
  )
}

/**
 * {@link spanFieldBytes} with the shape's fields as arguments, in {@link SpanWireShape}'s order:
 * the import sizes every span of a file, without an object for each.
 *
 * @example
 * spanFieldBytesOf(0, false, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 257) //=> 72
 */
export function spanFieldBytesOf(
  traceStateBytes: number,
  hasParent: boolean,
  nameBytes: number,
  kind: number,
  attributesBytes: number,
  droppedAttributesCount: number,
  eventsBytes: number,
  droppedEventsCount: number,
  linksBytes: number,
  droppedLinksCount: number,
  statusCode: number,
  statusMessageBytes: number,
  flags: number
): number {
  const statusBody =
    (statusMessageBytes > 0 ? lengthDelimitedFieldSize(2, statusMessageBytes) : 0) + varintFieldSize(3, statusCode)
  const body =
    ID_FIELDS_BYTES +
    (traceStateBytes > 0 ? lengthDelimitedFieldSize(3, traceStateBytes) : 0) +
    (hasParent ? lengthDelimitedFieldSize(4, SPAN_ID_BYTES) : 0) +
    lengthDelimitedFieldSize(5, nameBytes) +
    (kind !== 0 ? varintFieldSize(6, kind) : 0) +
    2 * (tagSize(7, WIRE_FIXED64) + FIXED64_BYTES) +
    attributesBytes +
    varintFieldSize(10, droppedAttributesCount) +
    eventsBytes +
    varintFieldSize(12, droppedEventsCount) +
    linksBytes +
    varintFieldSize(14, droppedLinksCount) +
    lengthDelimitedFieldSize(15, statusBody) +
    (flags !== 0 ? tagSize(16, WIRE_FIXED32) + FIXED32_BYTES : 0)
  return lengthDelimitedFieldSize(2, body)
}

/**
 * Bytes of one `events` field (11) of a Span: time, name, attributes (field 3) and dropped count.
 *
 * @example
 * eventFieldBytes(9, 0, 0) //=> 24  (the SDK's "exception" event with no attributes)
 */
export function eventFieldBytes(nameBytes: number, attributesBytes: number, droppedAttributesCount: number): number {
  const body =
    tagSize(1, WIRE_FIXED64) +
    FIXED64_BYTES +
    lengthDelimitedFieldSize(2, nameBytes) +
    attributesBytes +
    varintFieldSize(4, droppedAttributesCount)
  return lengthDelimitedFieldSize(11, body)
}

/**
 * Bytes of one `links` field (13) of a Span: ids, trace_state (if any), attributes (field 4),
 * dropped count and flags (unless 0).
 *
 * @example
 * linkFieldBytes(0, 0, 0, 257) //=> 37
 */
export function linkFieldBytes(
  traceStateBytes: number,
  attributesBytes: number,
  droppedAttributesCount: number,
  flags: number
): number {
  const body =
    ID_FIELDS_BYTES +
    (traceStateBytes > 0 ? lengthDelimitedFieldSize(3, traceStateBytes) : 0) +
    attributesBytes +
    varintFieldSize(5, droppedAttributesCount) +
    (flags !== 0 ? tagSize(6, WIRE_FIXED32) + FIXED32_BYTES : 0)
  return lengthDelimitedFieldSize(13, body)
}

/**
 * Bytes of the `scope` field (1) of a ScopeSpans. The name is written even when empty.
 *
 * @example
 * scopeFieldBytes(2, 5, 0, 0) //=> 13  (scope "fe" version "1.2.3")
 * scopeFieldBytes(0, 0, 0, 0) //=> 4
 */
export function scopeFieldBytes(
  nameBytes: number,
  versionBytes: number,
  attributesBytes: number,
  droppedAttributesCount: number
): number {
  const body =
    lengthDelimitedFieldSize(1, nameBytes) +
    (versionBytes > 0 ? lengthDelimitedFieldSize(2, versionBytes) : 0) +
    attributesBytes +
    (droppedAttributesCount > 0 ? varintFieldSize(4, droppedAttributesCount) : 0)
  return lengthDelimitedFieldSize(1, body)
}

/**
 * Bytes of the `resource` field (1) of a ResourceSpans: its attributes (field 1) and the
 * dropped count the serializer always writes as 0.
 *
 * @example
 * resourceFieldBytes(0) //=> 4
 */
export function resourceFieldBytes(attributesBytes: number): number {
  return lengthDelimitedFieldSize(1, attributesBytes + varintFieldSize(2, 0))
}

/**
 * Bytes of a length-delimited field (tag, length prefix, payload), re-exported for the envelope sums.
 *
 * @example
 * fieldBytes(2, 300) //=> 303
 */
export function fieldBytes(fieldNumber: number, payloadBytes: number): number {
  return lengthDelimitedFieldSize(fieldNumber, payloadBytes)
}
