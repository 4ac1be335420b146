/**
 * Reads OTLP/JSON (`TracesData` / `ExportTraceServiceRequest`) into compact span records and sizes
 * every span as the protobuf exporter would write it.
 */
import * as errors from "./errors"
import { fail } from "./errors"
import * as fields from "./fields"
import * as sizes from "./otlp-size"
import type { ReadUnit, SpanRecord } from "./types"

// Local names for the helpers every span goes through: a call through another module's export is
// a property read (a getter in CommonJS builds, as in the Node bench) that a local name avoids.
// `fail` keeps its import: the compiler narrows after a call only through a declared `never` function.
const { describeJson, isRecord, locate, quote } = errors
const { PATH_KEYS, ROUTE_KEY, readHexId, readOptionalArray, readOptionalString, readUint32, stripQuery } = fields
const { ANY_VALUE_BYTES, base64Bytes, eventFieldBytes, fieldBytes, int64TextVarintBytes, int64VarintBytes } = sizes
const { keyValueBytes, linkFieldBytes, resourceFieldBytes, scopeFieldBytes, spanFieldBytes, utf8Bytes } = sizes
const { spanFieldBytesOf } = sizes

/**
 * The service a span is counted under when its resource has no `service.name` (the SDK default).
 *
 * @example
 * UNKNOWN_SERVICE //=> "unknown_service"
 */
export const UNKNOWN_SERVICE = "unknown_service"

const SPAN_KIND_NAMES: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
}
const STATUS_CODE_NAMES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 }
const STATUS_ERROR = 2
/** Deeper nesting than this in array/kvlist values is refused rather than risking the stack. */
const MAX_VALUE_DEPTH = 64

/**
 * The `resourceSpans` array of an OTLP/JSON document, or a precise error if the document is not one.
 *
 * @example
 * resourceSpansOf({ resourceSpans: [] }, "line 1") //=> []
 * resourceSpansOf({ spans: [] }, "line 3")
 * // throws "line 3: not OTLP JSON: missing resourceSpans"
 */
export function resourceSpansOf(doc: unknown, where: string): readonly unknown[] {
  if (!isRecord(doc))
    return fail(where, `not OTLP JSON: expected an object with resourceSpans, got ${describeJson(doc)}`)
  const list = doc.resourceSpans
  if (list === undefined) return fail(where, "not OTLP JSON: missing resourceSpans")
  if (!Array.isArray(list))
    return fail(where, `not OTLP JSON: resourceSpans must be an array, got ${describeJson(list)}`)
  return list
}

/**
 * Reads one element of `resourceSpans`: every span in it, each sized as a Span message plus its
 * share of the envelope. A ScopeSpans' own bytes (scope, framing, schema URL) are shared by its
 * spans; the ResourceSpans' bytes (request tag, framing, resource, empty scopes) by all its spans.
 * `bytes` is the exact size of this ResourceSpans inside an ExportTraceServiceRequest.
 *
 * @example
 * readOtlpResourceSpans({ resource: { attributes: [] }, scopeSpans: [] }, "resourceSpans 1")
 * //=> { records: [], bytes: 0 }  (a ResourceSpans without spans adds nothing per span)
 */
export function readOtlpResourceSpans(value: unknown, where: string): ReadUnit {
  if (!isRecord(value))
    return fail(where, `not OTLP JSON: a resourceSpans entry must be an object, got ${describeJson(value)}`)

  const resource = value.resource ?? {}
  if (!isRecord(resource)) return fail(where, `resource must be an object, got ${describeJson(resource)}`)
  const resourceAttributes = readAttributes(1, resource.attributes, locate(where, "resource"))
  const service = resourceAttributes.serviceName || UNKNOWN_SERVICE

  // Collectors before OTLP 0.19 wrote instrumentationLibrarySpans / instrumentationLibrary.
  const scopeSpansList = readOptionalArray(value.scopeSpans ?? value.instrumentationLibrarySpans, "scopeSpans", where)
  const records: SpanRecord[] = []
  let scopeSpansFieldsBytes = 0
  let scopeSpansWithSpansBytes = 0

  scopeSpansList.forEach((scopeSpans, scopeIndex) => {
    const scopeWhere = locate(where, `scopeSpans ${scopeIndex + 1}`)
    if (!isRecord(scopeSpans))
      fail(scopeWhere, `not OTLP JSON: a scopeSpans entry must be an object, got ${describeJson(scopeSpans)}`)
    const scope = scopeSpans.scope ?? scopeSpans.instrumentationLibrary ?? {}
    if (!isRecord(scope)) fail(scopeWhere, `scope must be an object, got ${describeJson(scope)}`)
    const scopeBytes = scopeFieldBytes(
      utf8Bytes(readOptionalString(scope.name, "scope.name", scopeWhere)),
      utf8Bytes(readOptionalString(scope.version, "scope.version", scopeWhere)),
      readAttributes(3, scope.attributes, locate(scopeWhere, "scope")).bytes,
      readUint32(scope.droppedAttributesCount, "scope.droppedAttributesCount", scopeWhere)
    )

    const spans = readOptionalArray(scopeSpans.spans, "spans", scopeWhere)
    const first = records.length
    let spanFieldsBytes = 0
    for (let spanIndex = 0; spanIndex < spans.length; spanIndex++) {
      const span = spans[spanIndex]
      // The place is spelled out only when the quick reading declines (an odd or a bad span).
      const record =
        readUsualSpan(span, service) ?? readSpan(span, locate(scopeWhere, `span ${spanIndex + 1}`), service)
      spanFieldsBytes += record.bytes
      records.push(record)
    }

    const schemaUrlBytes = utf8Bytes(readOptionalString(scopeSpans.schemaUrl, "schemaUrl", scopeWhere))
    const scopeSpansField = fieldBytes(
      2,
      scopeBytes + spanFieldsBytes + (schemaUrlBytes > 0 ? fieldBytes(3, schemaUrlBytes) : 0)
    )
    scopeSpansFieldsBytes += scopeSpansField
    if (spans.length > 0) {
      scopeSpansWithSpansBytes += scopeSpansField
      const scopeShare = (scopeSpansField - spanFieldsBytes) / spans.length
      for (let i = first; i < records.length; i++) (records[i] as SpanRecord).bytes += scopeShare
    }
  })

  if (records.length === 0) return { records, bytes: 0 }
  const schemaUrlBytes = utf8Bytes(readOptionalString(value.schemaUrl, "schemaUrl", where))
  const resourceSpansField = fieldBytes(
    1,
    resourceFieldBytes(resourceAttributes.bytes) +
      scopeSpansFieldsBytes +
      (schemaUrlBytes > 0 ? fieldBytes(3, schemaUrlBytes) : 0)
  )
  const resourceShare = (resourceSpansField - scopeSpansWithSpansBytes) / records.length
  for (const record of records) record.bytes += resourceShare
  return { records, bytes: resourceSpansField }
}

/**
 * Reads one OTLP/JSON span into a record, sized as a Span message (envelope not included), or
 * throws a precise error naming `where`.
 *
 * @example
 * readSpan({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "GET /" }, "span 1", "shop").bytes
 * //=> 65
 * readSpan({ traceId: "x" }, "span 1", "shop") // throws 'span 1: traceId must be 32 hex characters, got "x"'
 */
export function readSpan(span: unknown, where: string, service: string): SpanRecord {
  if (!isRecord(span)) return fail(where, `not OTLP JSON: a span must be an object, got ${describeJson(span)}`)
  const traceId = readHexId(span.traceId, 32, "traceId", where)
  const spanId = readHexId(span.spanId, 16, "spanId", where)
  const parentSpanId =
    span.parentSpanId === undefined || span.parentSpanId === null || span.parentSpanId === ""
      ? ""
      : readHexId(span.parentSpanId, 16, "parentSpanId", where)
  const name = readOptionalString(span.name, "name", where)
  const start = readNanos(span.startTimeUnixNano, "startTimeUnixNano", where)
  const end = readNanos(span.endTimeUnixNano, "endTimeUnixNano", where)
  const attributes = readAttributes(9, span.attributes, where)

  const events = readOptionalArray(span.events, "events", where)
  let eventsBytes = 0
  events.forEach((event, index) => {
    const eventWhere = locate(where, `event ${index + 1}`)
    if (!isRecord(event)) fail(eventWhere, `an event must be an object, got ${describeJson(event)}`)
    readNanos(event.timeUnixNano, "timeUnixNano", eventWhere)
    eventsBytes += eventFieldBytes(
      utf8Bytes(readOptionalString(event.name, "name", eventWhere)),
      readAttributes(3, event.attributes, eventWhere).bytes,
      readUint32(event.droppedAttributesCount, "droppedAttributesCount", eventWhere)
    )
  })

  let linksBytes = 0
  readOptionalArray(span.links, "links", where).forEach((link, index) => {
    const linkWhere = locate(where, `link ${index + 1}`)
    if (!isRecord(link)) fail(linkWhere, `a link must be an object, got ${describeJson(link)}`)
    readHexId(link.traceId, 32, "traceId", linkWhere)
    readHexId(link.spanId, 16, "spanId", linkWhere)
    linksBytes += linkFieldBytes(
      utf8Bytes(readOptionalString(link.traceState, "traceState", linkWhere)),
      readAttributes(4, link.attributes, linkWhere).bytes,
      readUint32(link.droppedAttributesCount, "droppedAttributesCount", linkWhere),
      readUint32(link.flags, "flags", linkWhere)
    )
  })

  const status = span.status ?? {}
  if (!isRecord(status)) return fail(where, `status must be an object, got ${describeJson(status)}`)
  const statusCode = readEnum(status.code, STATUS_CODE_NAMES, "status.code", where)

  const bytes = spanFieldBytes({
    traceStateBytes: utf8Bytes(readOptionalString(span.traceState, "traceState", where)),
    hasParent: parentSpanId !== "",
    nameBytes: utf8Bytes(name),
    kind: readEnum(span.kind, SPAN_KIND_NAMES, "kind", where),
    attributesBytes: attributes.bytes,
    droppedAttributesCount: readUint32(span.droppedAttributesCount, "droppedAttributesCount", where),
    eventsBytes,
    droppedEventsCount: readUint32(span.droppedEventsCount, "droppedEventsCount", where),
    linksBytes,
    droppedLinksCount: readUint32(span.droppedLinksCount, "droppedLinksCount", where),
    statusCode,
    statusMessageBytes: utf8Bytes(readOptionalString(status.message, "status.message", where)),
    flags: readUint32(span.flags, "flags", where),
  })

  return {
    traceId,
    spanId,
    parentSpanId,
    service,
    name,
    startMs: start.seconds * 1000 + start.nanos / NANOS_PER_MS,
    // Seconds and nanoseconds apart, so 19-digit timestamps keep nanosecond precision; the
    // difference in whole nanoseconds is exact for any span shorter than 104 days.
    durationMs: Math.max(
      0,
      ((end.seconds - start.seconds) * NANOS_PER_SECOND + (end.nanos - start.nanos)) / NANOS_PER_MS
    ),
    isError: statusCode === STATUS_ERROR,
    attributeCount: attributes.count,
    eventCount: events.length,
    bytes,
    route: attributes.route,
    path: attributes.path,
  }
}

/** What {@link readUsualSpan} returns for anything it leaves to the full reading. */
const UNUSUAL = -1

/**
 * The last trace id and parent id found good: spans of a trace follow one another and share them.
 * A symbol at first, which no JSON value equals.
 */
const NO_ID = Symbol("no id")
let lastGoodTraceId: unknown = NO_ID
let lastGoodParentId: unknown = NO_ID

/** True for 16 or 32 lowercase hex characters (ids as OTLP JSON exporters write them). */
function isLowerHexId(value: unknown, length: 16 | 32): value is string {
  if (typeof value !== "string" || value.length !== length) return false
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i)
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) return false
  }
  return true
}

/** Most digits read as nanoseconds here: the seconds part (all but the last 9) stays exact as a double. */
const MAX_USUAL_NANOS_DIGITS = 24

/** Scratch for the two timestamps of the span being read (the quick reading allocates none). */
let splitSeconds = 0
let splitNanos = 0

/** {@link readNanos} for the usual values, into splitSeconds/splitNanos; false for the rest. */
function splitUsualNanos(value: unknown): boolean {
  if (value === undefined || value === null) {
    splitSeconds = 0
    splitNanos = 0
    return true
  }
  if (typeof value === "string") {
    const length = value.length
    if (length === 0 || length > MAX_USUAL_NANOS_DIGITS) return false
    // The same numbers as Number() of the two slices: at most 15 and 9 digits, each exact.
    const cut = length > 9 ? length - 9 : 0
    let seconds = 0
    for (let i = 0; i < cut; i++) {
      const digit = value.charCodeAt(i) - 0x30
      if (digit < 0 || digit > 9) return false
      seconds = seconds * 10 + digit
    }
    let nanos = 0
    for (let i = cut; i < length; i++) {
      const digit = value.charCodeAt(i) - 0x30
      if (digit < 0 || digit > 9) return false
      nanos = nanos * 10 + digit
    }
    splitSeconds = seconds
    splitNanos = nanos
    return true
  }
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
    splitSeconds = Math.floor(value / NANOS_PER_SECOND)
    splitNanos = value - splitSeconds * NANOS_PER_SECOND
    return true
  }
  return false
}

/** {@link readUint32} for a missing value or a JSON number; {@link UNUSUAL} for the rest. */
function usualUint32(value: unknown): number {
  if (value === undefined || value === null) return 0
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value < 2 ** 32) return value
  return UNUSUAL
}

/** {@link readEnum} for a missing value or an in-range number or a known name; {@link UNUSUAL} for the rest. */
function usualEnum(value: unknown, names: Record<string, number>, largest: number): number {
  if (value === undefined || value === null) return 0
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= largest ? value : UNUSUAL
  if (typeof value === "string") return names[value] ?? UNUSUAL
  return UNUSUAL
}

/** {@link readOptionalString}, or null for a value that is neither missing nor a string. */
function usualString(value: unknown): string | null {
  if (value === undefined || value === null) return ""
  return typeof value === "string" ? value : null
}

/** The route and path the last {@link usualAttributes} call found. */
let usualRoute = ""
let usualPath = ""

/**
 * {@link readAttributes} for a list of scalar values (no array, kvlist or bytes values, no text
 * for numbers); returns the bytes, or {@link UNUSUAL}. Its route and path land in usualRoute/usualPath.
 */
function usualAttributes(fieldNumber: number, value: unknown): number {
  usualRoute = ""
  usualPath = ""
  if (value === undefined || value === null) return 0
  if (!Array.isArray(value)) return UNUSUAL
  let bytes = 0
  let pathRank: number = PATH_KEYS.length
  for (let index = 0; index < value.length; index++) {
    const keyValue: unknown = value[index]
    if (!isRecord(keyValue) || typeof keyValue.key !== "string") return UNUSUAL
    const key = keyValue.key
    const anyValue = keyValue.value
    let body = 0
    let text: string | undefined
    if (anyValue !== undefined && anyValue !== null) {
      if (!isRecord(anyValue)) return UNUSUAL
      if (anyValue.stringValue !== undefined) {
        if (typeof anyValue.stringValue !== "string") return UNUSUAL
        text = anyValue.stringValue
        body = ANY_VALUE_BYTES.string(utf8Bytes(text))
      } else if (anyValue.boolValue !== undefined) {
        if (typeof anyValue.boolValue !== "boolean") return UNUSUAL
        body = ANY_VALUE_BYTES.bool
      } else if (anyValue.intValue !== undefined) {
        const raw = anyValue.intValue
        if (typeof raw !== "number" || !Number.isInteger(raw)) return UNUSUAL
        const varint = int64VarintBytes(raw)
        body = varint === undefined ? ANY_VALUE_BYTES.double : ANY_VALUE_BYTES.int(varint)
      } else if (anyValue.doubleValue !== undefined) {
        const raw = anyValue.doubleValue
        if (raw !== null && typeof raw !== "number") return UNUSUAL
        body = ANY_VALUE_BYTES.double
      } else if (
        anyValue.arrayValue !== undefined ||
        anyValue.kvlistValue !== undefined ||
        anyValue.bytesValue !== undefined
      ) {
        return UNUSUAL
      }
    }
    bytes += fieldBytes(fieldNumber, keyValueBytes(utf8Bytes(key), body))
    if (text !== undefined) {
      if (key === ROUTE_KEY) usualRoute = text
      else if (key === PATH_KEYS[0] || key === PATH_KEYS[1]) {
        const rank = key === PATH_KEYS[0] ? 0 : 1
        if (rank < pathRank) {
          pathRank = rank
          usualPath = stripQuery(text)
        }
      }
    }
  }
  return bytes
}

const LARGEST_SPAN_KIND = 5
const LARGEST_STATUS_CODE = 2

/**
 * {@link readSpan} for a span as exporters write it (lowercase hex ids, digit-string timestamps,
 * scalar attributes), without building its place for messages: the same record, or null for
 * anything unusual or wrong, which readSpan then reads again and names exactly.
 *
 * @example
 * readUsualSpan({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", name: "GET /" }, "shop")?.bytes
 * //=> 65
 * readUsualSpan({ traceId: "0AF7651916CD43DD8448EB211C80319C", spanId: "b7ad6b7169203331" }, "shop") //=> null
 */
export function readUsualSpan(span: unknown, service: string): SpanRecord | null {
  if (!isRecord(span)) return null
  const traceId = span.traceId
  const spanId = span.spanId
  if (traceId !== lastGoodTraceId) {
    if (!isLowerHexId(traceId, 32)) return null
    lastGoodTraceId = traceId
  }
  if (!isLowerHexId(spanId, 16)) return null
  let parentSpanId = span.parentSpanId
  if (parentSpanId === undefined || parentSpanId === null || parentSpanId === "") parentSpanId = ""
  else if (parentSpanId !== lastGoodParentId) {
    if (!isLowerHexId(parentSpanId, 16)) return null
    lastGoodParentId = parentSpanId
  }
  const name = usualString(span.name)
  if (name === null) return null
  if (!splitUsualNanos(span.startTimeUnixNano)) return null
  const startSeconds = splitSeconds
  const startNanos = splitNanos
  if (!splitUsualNanos(span.endTimeUnixNano)) return null
  const endSeconds = splitSeconds
  const endNanos = splitNanos
  // A span's own `service.name` attribute does not name its service, as in readAttributes.
  const attributesBytes = usualAttributes(9, span.attributes)
  if (attributesBytes === UNUSUAL) return null
  const route = usualRoute
  const path = usualPath
  const attributes = span.attributes as unknown[] | undefined | null
  const attributeCount = attributes === undefined || attributes === null ? 0 : attributes.length

  const events = span.events
  let eventsBytes = 0
  let eventCount = 0
  if (events !== undefined && events !== null) {
    if (!Array.isArray(events)) return null
    eventCount = events.length
    for (const event of events as unknown[]) {
      if (!isRecord(event) || !splitUsualNanos(event.timeUnixNano)) return null
      const eventName = usualString(event.name)
      const eventAttributes = usualAttributes(3, event.attributes)
      const dropped = usualUint32(event.droppedAttributesCount)
      if (eventName === null || eventAttributes === UNUSUAL || dropped === UNUSUAL) return null
      eventsBytes += eventFieldBytes(utf8Bytes(eventName), eventAttributes, dropped)
    }
  }

  const links = span.links
  let linksBytes = 0
  if (links !== undefined && links !== null) {
    if (!Array.isArray(links)) return null
    for (const link of links as unknown[]) {
      if (!isRecord(link) || !isLowerHexId(link.traceId, 32) || !isLowerHexId(link.spanId, 16)) return null
      const traceState = usualString(link.traceState)
      const linkAttributes = usualAttributes(4, link.attributes)
      const dropped = usualUint32(link.droppedAttributesCount)
      const flags = usualUint32(link.flags)
      if (traceState === null || linkAttributes === UNUSUAL || dropped === UNUSUAL || flags === UNUSUAL) return null
      linksBytes += linkFieldBytes(utf8Bytes(traceState), linkAttributes, dropped, flags)
    }
  }

  const status = span.status ?? {}
  if (!isRecord(status)) return null
  const statusCode = usualEnum(status.code, STATUS_CODE_NAMES, LARGEST_STATUS_CODE)
  const statusMessage = usualString(status.message)
  const kind = usualEnum(span.kind, SPAN_KIND_NAMES, LARGEST_SPAN_KIND)
  const traceState = usualString(span.traceState)
  const droppedAttributesCount = usualUint32(span.droppedAttributesCount)
  const droppedEventsCount = usualUint32(span.droppedEventsCount)
  const droppedLinksCount = usualUint32(span.droppedLinksCount)
  const flags = usualUint32(span.flags)
  if (
    statusCode === UNUSUAL ||
    statusMessage === null ||
    kind === UNUSUAL ||
    traceState === null ||
    droppedAttributesCount === UNUSUAL ||
    droppedEventsCount === UNUSUAL ||
    droppedLinksCount === UNUSUAL ||
    flags === UNUSUAL
  )
    return null

  const bytes = spanFieldBytesOf(
    utf8Bytes(traceState),
    parentSpanId !== "",
    utf8Bytes(name),
    kind,
    attributesBytes,
    droppedAttributesCount,
    eventsBytes,
    droppedEventsCount,
    linksBytes,
    droppedLinksCount,
    statusCode,
    utf8Bytes(statusMessage),
    flags
  )

  return {
    // Checked above, or equal to the last id checked.
    traceId: traceId as string,
    spanId,
    parentSpanId: parentSpanId as string,
    service,
    name,
    startMs: startSeconds * 1000 + startNanos / NANOS_PER_MS,
    durationMs: Math.max(0, ((endSeconds - startSeconds) * NANOS_PER_SECOND + (endNanos - startNanos)) / NANOS_PER_MS),
    isError: statusCode === STATUS_ERROR,
    attributeCount,
    eventCount,
    bytes,
    route,
    path,
  }
}

/** A timestamp split into whole seconds and nanoseconds, each exact as a double. */
interface SplitNanos {
  seconds: number
  nanos: number
}

const NANOS_PER_SECOND = 1e9
const NANOS_PER_MS = 1e6

function readNanos(value: unknown, field: string, where: string): SplitNanos {
  if (value === undefined || value === null) return { seconds: 0, nanos: 0 }
  if (typeof value === "string" && /^\d+$/.test(value)) {
    return { seconds: Number(value.slice(0, -9) || "0"), nanos: Number(value.slice(-9)) }
  }
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
    const seconds = Math.floor(value / NANOS_PER_SECOND)
    return { seconds, nanos: value - seconds * NANOS_PER_SECOND }
  }
  return fail(where, `${field} must be nanoseconds since the epoch as digits, got ${quote(value)}`)
}

const LARGEST_ENUM_VALUE = new Map<Record<string, number>, number>()

function readEnum(value: unknown, names: Record<string, number>, field: string, where: string): number {
  if (value === undefined || value === null) return 0
  const byName = typeof value === "string" ? names[value] : undefined
  if (byName !== undefined) return byName
  // The names run 0..n-1, so the largest value is one less than their count (cached: a hot path).
  let largest = LARGEST_ENUM_VALUE.get(names)
  if (largest === undefined) {
    largest = Object.keys(names).length - 1
    LARGEST_ENUM_VALUE.set(names, largest)
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= largest) return value
  return fail(where, `${field} must be 0 to ${largest} or one of ${Object.keys(names).join(", ")}, got ${quote(value)}`)
}

/** Attribute bytes and count, plus the few values the summary needs from a span's attributes. */
interface AttributesRead {
  /** Sum of the KeyValue fields, each with its tag and length. */
  bytes: number
  count: number
  serviceName: string
  route: string
  path: string
}

function readAttributes(fieldNumber: number, value: unknown, where: string): AttributesRead {
  const read: AttributesRead = { bytes: 0, count: 0, serviceName: "", route: "", path: "" }
  const list = readOptionalArray(value, "attributes", where)
  let pathRank: number = PATH_KEYS.length
  list.forEach((keyValue, index) => {
    if (!isRecord(keyValue) || typeof keyValue.key !== "string") {
      fail(where, `attribute ${index + 1} must be {"key": "…", "value": {…}}, got ${quote(keyValue)}`)
    }
    const key = keyValue.key
    read.bytes += fieldBytes(fieldNumber, keyValueBytes(utf8Bytes(key), anyValueBytes(keyValue.value, where, key, 0)))
    const text =
      isRecord(keyValue.value) && typeof keyValue.value.stringValue === "string"
        ? keyValue.value.stringValue
        : undefined
    if (text !== undefined) {
      if (key === "service.name") read.serviceName = text
      else if (key === ROUTE_KEY) read.route = text
      else {
        const rank = (PATH_KEYS as readonly string[]).indexOf(key)
        if (rank >= 0 && rank < pathRank) {
          pathRank = rank
          read.path = stripQuery(text)
        }
      }
    }
  })
  read.count = list.length
  return read
}

/**
 * Bytes of one OTLP/JSON AnyValue as its protobuf body. Unknown or empty values take 0 bytes, as the
 * exporter writes nothing for them. `key` names the attribute in messages; the location text is
 * only built on failure, as this runs for every attribute of every span.
 */
function anyValueBytes(value: unknown, spanWhere: string, key: string, depth: number): number {
  if (value === undefined || value === null) return 0
  const bad = (message: string): never => fail(locate(spanWhere, `attribute ${quote(key)}`), message)
  if (!isRecord(value)) return bad(`value must be an object like {"stringValue": "…"}, got ${describeJson(value)}`)
  if (depth > MAX_VALUE_DEPTH) return bad(`values are nested more than ${MAX_VALUE_DEPTH} levels deep`)

  if (value.stringValue !== undefined) {
    if (typeof value.stringValue !== "string")
      return bad(`stringValue must be a string, got ${describeJson(value.stringValue)}`)
    return ANY_VALUE_BYTES.string(utf8Bytes(value.stringValue))
  }
  if (value.boolValue !== undefined) {
    if (typeof value.boolValue !== "boolean")
      return bad(`boolValue must be true or false, got ${quote(value.boolValue)}`)
    return ANY_VALUE_BYTES.bool
  }
  if (value.intValue !== undefined) {
    const raw = value.intValue
    if (typeof raw === "number" && Number.isInteger(raw)) {
      // The JS exporter writes integers outside int64 as double_value.
      const varint = int64VarintBytes(raw)
      return varint === undefined ? ANY_VALUE_BYTES.double : ANY_VALUE_BYTES.int(varint)
    }
    const varint = typeof raw === "string" ? int64TextVarintBytes(raw) : undefined
    if (varint === undefined) return bad(`intValue must be a whole number within int64, got ${quote(raw)}`)
    return ANY_VALUE_BYTES.int(varint)
  }
  if (value.doubleValue !== undefined) {
    const raw = value.doubleValue
    // Protobuf JSON spells NaN and infinities as strings; JSON.stringify turns them into null.
    const isDouble =
      raw === null ||
      typeof raw === "number" ||
      (typeof raw === "string" && (/^(NaN|-?Infinity)$/.test(raw) || Number.isFinite(Number(raw))))
    if (!isDouble) return bad(`doubleValue must be a number, got ${quote(raw)}`)
    return ANY_VALUE_BYTES.double
  }
  if (value.arrayValue !== undefined) {
    const array = value.arrayValue
    if (!isRecord(array)) return bad(`arrayValue must be {"values": […]}, got ${describeJson(array)}`)
    const values = array.values ?? []
    if (!Array.isArray(values)) return bad(`arrayValue.values must be an array, got ${describeJson(values)}`)
    return ANY_VALUE_BYTES.array(values.map((element: unknown) => anyValueBytes(element, spanWhere, key, depth + 1)))
  }
  if (value.kvlistValue !== undefined) {
    const kvlist = value.kvlistValue
    if (!isRecord(kvlist)) return bad(`kvlistValue must be {"values": […]}, got ${describeJson(kvlist)}`)
    const values = kvlist.values ?? []
    if (!Array.isArray(values)) return bad(`kvlistValue.values must be an array, got ${describeJson(values)}`)
    return ANY_VALUE_BYTES.kvlist(
      values.map((keyValue: unknown) => {
        if (!isRecord(keyValue) || typeof keyValue.key !== "string")
          return bad(`kvlistValue entries must be {"key": "…", "value": {…}}, got ${quote(keyValue)}`)
        return keyValueBytes(utf8Bytes(keyValue.key), anyValueBytes(keyValue.value, spanWhere, key, depth + 1))
      })
    )
  }
  if (value.bytesValue !== undefined) {
    const byteCount = typeof value.bytesValue === "string" ? base64Bytes(value.bytesValue) : undefined
    if (byteCount === undefined) return bad(`bytesValue must be base64 text, got ${quote(value.bytesValue)}`)
    return ANY_VALUE_BYTES.bytes(byteCount)
  }
  return 0
}
