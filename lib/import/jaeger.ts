/**
 * Reads Jaeger JSON (the query API and the UI's "Download Results": `{ "data": [trace, …] }`) into
 * compact span records, and sizes each span as the OTLP Span the OpenTelemetry Collector's Jaeger
 * translator would build from it, encoded by the JS protobuf exporter:
 * - tags become attributes with their types (string, bool, int64 → int_value, float64 →
 *   double_value, binary → bytes_value);
 * - `span.kind`, `error`, `otel.status_code`, `otel.status_description`, `otel.scope.*`,
 *   `otel.library.*` and `w3c.tracestate` become Span fields instead of attributes, and Jaeger's
 *   own `internal.span.format` is dropped;
 * - logs become events, the `event` field naming the event;
 * - the parent reference becomes parent_span_id and other references become links;
 * - the process (`serviceName` and tags) becomes the resource.
 * A Jaeger file keeps no export batches, so the envelope (resource, scope, framing) is shared
 * later, at summary time, as if each process exported its spans in batches of 512.
 */
import { describeJson, fail, isRecord, locate, quote } from "./errors"
import { PATH_KEYS, ROUTE_KEY, readOptionalArray, readPaddedHexId, stripQuery } from "./fields"
import {
  ANY_VALUE_BYTES,
  base64Bytes,
  eventFieldBytes,
  fieldBytes,
  int64TextVarintBytes,
  int64VarintBytes,
  keyValueBytes,
  linkFieldBytes,
  resourceFieldBytes,
  scopeFieldBytes,
  spanFieldBytes,
  utf8Bytes,
} from "./otlp-size"
import type { ReadUnit, SpanRecord } from "./types"

const KINDS: Record<string, number> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 }
const STATUS_OK = 1
const STATUS_ERROR = 2
/** Flags the JS exporter writes for a sampled local span or link: HAS_IS_REMOTE (0x100) | sampled. */
const EXPORTED_FLAGS = 0x101
const EMPTY_SPAN_ID = "0000000000000000"

/**
 * The `data` array of a Jaeger JSON document, or a precise error if the document is not one.
 *
 * @example
 * jaegerTracesOf({ data: [] }, "") //=> []
 * jaegerTracesOf({ data: null, errors: [{ msg: "trace not found" }] }, "")
 * // throws 'not Jaeger JSON: data must be an array, got null (errors: "trace not found")'
 */
export function jaegerTracesOf(doc: unknown, where: string): readonly unknown[] {
  if (!isRecord(doc)) return fail(where, `not Jaeger JSON: expected an object with data, got ${describeJson(doc)}`)
  if (doc.data === undefined) return fail(where, "not Jaeger JSON: missing data")
  if (!Array.isArray(doc.data)) {
    const messages = Array.isArray(doc.errors)
      ? doc.errors.map((error) => (isRecord(error) ? error.msg : undefined)).filter((msg) => typeof msg === "string")
      : []
    const errors = messages.length > 0 ? ` (errors: ${messages.map(quote).join(", ")})` : ""
    return fail(where, `not Jaeger JSON: data must be an array, got ${describeJson(doc.data)}${errors}`)
  }
  return doc.data
}

/** A process resolved once per trace: the service and its OTLP resource. */
interface Process {
  service: string
  resourceKey: string
  resourceFieldBytes: number
}

/**
 * Reads one element of Jaeger's `data` array: `{ traceID, spans, processes }`. Records carry the
 * Span message bytes only; `bytes` is their sum. Positions in messages count from 1.
 *
 * @example
 * readJaegerTrace({ traceID: "1", spans: [], processes: {} }, "trace 1") //=> { records: [], bytes: 0 }
 */
export function readJaegerTrace(trace: unknown, where: string): ReadUnit {
  if (!isRecord(trace))
    return fail(
      where,
      `not Jaeger JSON: a trace must be an object with traceID, spans and processes, got ${describeJson(trace)}`
    )
  if (!Array.isArray(trace.spans))
    return fail(where, `not Jaeger JSON: spans must be an array, got ${describeJson(trace.spans)}`)
  const processes = trace.processes ?? {}
  if (!isRecord(processes))
    return fail(where, `not Jaeger JSON: processes must be an object, got ${describeJson(processes)}`)

  const resolved = new Map<string, Process>()
  const records: SpanRecord[] = []
  let bytes = 0
  trace.spans.forEach((span: unknown, index: number) => {
    const record = readSpan(span, locate(where, `span ${index + 1}`), trace.traceID, processes, resolved)
    bytes += record.bytes
    records.push(record)
  })
  return { records, bytes }
}

function readSpan(
  span: unknown,
  where: string,
  traceTraceId: unknown,
  processes: Record<string, unknown>,
  resolved: Map<string, Process>
): SpanRecord {
  if (!isRecord(span)) return fail(where, `not Jaeger JSON: a span must be an object, got ${describeJson(span)}`)
  const traceId = readPaddedHexId(span.traceID ?? traceTraceId, 32, "traceID", where)
  const spanId = readPaddedHexId(span.spanID, 16, "spanID", where)
  if (typeof span.operationName !== "string")
    return fail(where, `operationName must be a string, got ${describeJson(span.operationName)}`)
  const startMicros = readMicros(span.startTime, "startTime", where)
  const durationMicros = readMicros(span.duration, "duration", where)
  const jaegerProcess = readProcess(span, where, processes, resolved)

  const tags = readTags(span.tags, where)
  const status = tags.isError ? STATUS_ERROR : tags.statusCode
  // The Collector keeps otel.status_description as the status message only when a status is set.
  const statusMessage = status !== 0 ? tags.statusDescription : ""
  const attributesBytes =
    tags.bytes + (status === 0 && tags.statusDescriptionField > 0 ? tags.statusDescriptionField : 0)
  const attributeCount = tags.count + (status === 0 && tags.statusDescriptionField > 0 ? 1 : 0)

  const logs = readOptionalArray(span.logs, "logs", where)
  let eventsBytes = 0
  logs.forEach((log, index) => {
    const logWhere = locate(where, `log ${index + 1}`)
    if (!isRecord(log)) fail(logWhere, `a log must be an object with timestamp and fields, got ${describeJson(log)}`)
    const fields = readTags(log.fields, logWhere, 3)
    eventsBytes += eventFieldBytes(utf8Bytes(fields.eventName), fields.bytes, 0)
  })

  const references = readReferences(span, traceId, where)
  const scopeName = tags.scopeName
  const scopeVersion = tags.scopeVersion

  const bytes = spanFieldBytes({
    traceStateBytes: utf8Bytes(tags.traceState),
    hasParent: references.parentSpanId !== "",
    nameBytes: utf8Bytes(span.operationName),
    kind: tags.kind,
    attributesBytes,
    droppedAttributesCount: 0,
    eventsBytes,
    droppedEventsCount: 0,
    linksBytes: references.links * linkFieldBytes(0, 0, 0, EXPORTED_FLAGS),
    droppedLinksCount: 0,
    statusCode: status,
    statusMessageBytes: utf8Bytes(statusMessage),
    flags: EXPORTED_FLAGS,
  })

  return {
    traceId,
    spanId,
    parentSpanId: references.parentSpanId,
    service: jaegerProcess.service,
    name: span.operationName,
    startMs: startMicros / 1000,
    durationMs: durationMicros / 1000,
    isError: status === STATUS_ERROR,
    attributeCount,
    eventCount: logs.length,
    bytes,
    route: tags.route,
    path: tags.path,
    batch: {
      resourceKey: jaegerProcess.resourceKey,
      resourceFieldBytes: jaegerProcess.resourceFieldBytes,
      scopeKey: `${scopeName}\u0000${scopeVersion}`,
      scopeFieldBytes: scopeFieldBytes(utf8Bytes(scopeName), utf8Bytes(scopeVersion), 0, 0),
    },
  }
}

function readMicros(value: unknown, field: string, where: string): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value
  return fail(where, `${field} must be microseconds as a number ≥ 0, got ${quote(value)}`)
}

function readProcess(
  span: Record<string, unknown>,
  where: string,
  processes: Record<string, unknown>,
  resolved: Map<string, Process>
): Process {
  // Old exports embed the process in each span instead of referring to trace.processes.
  if (span.processID === undefined && isRecord(span.process)) return toProcess(span.process, where)
  if (typeof span.processID !== "string")
    return fail(where, `processID must be a string, got ${describeJson(span.processID)}`)
  const known = resolved.get(span.processID)
  if (known) return known
  const jaegerProcess = Object.hasOwn(processes, span.processID) ? processes[span.processID] : undefined
  if (!isRecord(jaegerProcess)) return fail(where, `processID ${quote(span.processID)} is not in processes`)
  const made = toProcess(jaegerProcess, locate(where, `process ${quote(span.processID)}`))
  resolved.set(span.processID, made)
  return made
}

function toProcess(jaegerProcess: Record<string, unknown>, where: string): Process {
  if (typeof jaegerProcess.serviceName !== "string")
    return fail(where, `serviceName must be a string, got ${describeJson(jaegerProcess.serviceName)}`)
  const tags = readOptionalArray(jaegerProcess.tags, "tags", where)
  let attributesBytes = fieldBytes(
    1,
    keyValueBytes(utf8Bytes("service.name"), ANY_VALUE_BYTES.string(utf8Bytes(jaegerProcess.serviceName)))
  )
  tags.forEach((tag, index) => {
    const { key, valueBytes } = readTag(tag, index, where)
    attributesBytes += fieldBytes(1, keyValueBytes(utf8Bytes(key), valueBytes))
  })
  return {
    service: jaegerProcess.serviceName,
    // The same process seen in many traces must land in one export batch, so key it by content.
    resourceKey: `${jaegerProcess.serviceName}\u0000${JSON.stringify(tags)}`,
    resourceFieldBytes: resourceFieldBytes(attributesBytes),
  }
}

/** What a span's tags (or a log's fields) contribute, after the special tags are taken out. */
interface TagsRead {
  /** Sum of the attribute fields that remain, each with its tag and length. */
  bytes: number
  count: number
  kind: number
  isError: boolean
  statusCode: number
  statusDescription: string
  /** Bytes of otel.status_description as an attribute, in case no status is set and it stays one. */
  statusDescriptionField: number
  scopeName: string
  scopeVersion: string
  traceState: string
  eventName: string
  route: string
  path: string
}

function readTags(value: unknown, where: string, fieldNumber = 9): TagsRead {
  const read: TagsRead = {
    bytes: 0,
    count: 0,
    kind: 0,
    isError: false,
    statusCode: 0,
    statusDescription: "",
    statusDescriptionField: 0,
    scopeName: "",
    scopeVersion: "",
    traceState: "",
    eventName: "",
    route: "",
    path: "",
  }
  const isLog = fieldNumber !== 9
  let pathRank: number = PATH_KEYS.length
  readOptionalArray(value, isLog ? "fields" : "tags", where).forEach((tag, index) => {
    const { key, valueBytes, value: tagValue } = readTag(tag, index, where)
    const text = typeof tagValue === "string" ? tagValue : String(tagValue)
    if (isLog) {
      if (key === "event" && read.eventName === "" && typeof tagValue === "string") {
        read.eventName = tagValue
        return
      }
    } else {
      switch (key) {
        case "span.kind":
          read.kind = KINDS[text.toLowerCase()] ?? 0
          return
        case "error":
          if (tagValue === true || text === "true") {
            read.isError = true
            return
          }
          break
        case "otel.status_code":
          read.statusCode = text.toUpperCase() === "ERROR" ? STATUS_ERROR : text.toUpperCase() === "OK" ? STATUS_OK : 0
          return
        case "otel.status_description":
          read.statusDescription = text
          read.statusDescriptionField = fieldBytes(fieldNumber, keyValueBytes(utf8Bytes(key), valueBytes))
          return
        case "otel.scope.name":
        case "otel.library.name":
          read.scopeName = text
          return
        case "otel.scope.version":
        case "otel.library.version":
          read.scopeVersion = text
          return
        case "w3c.tracestate":
          read.traceState = text
          return
        case "internal.span.format":
          return
        case ROUTE_KEY:
          read.route = text
          break
        default: {
          const rank = (PATH_KEYS as readonly string[]).indexOf(key)
          if (rank >= 0 && rank < pathRank) {
            pathRank = rank
            read.path = stripQuery(text)
          }
        }
      }
    }
    read.bytes += fieldBytes(fieldNumber, keyValueBytes(utf8Bytes(key), valueBytes))
    read.count += 1
  })
  return read
}

/** One tag's key, its value and the bytes of that value as an OTLP AnyValue body. */
function readTag(tag: unknown, index: number, where: string): { key: string; value: unknown; valueBytes: number } {
  if (!isRecord(tag) || typeof tag.key !== "string")
    return fail(where, `tag ${index + 1} must be {"key", "type", "value"}, got ${quote(tag)}`)
  const { key, value } = tag
  const bad = (message: string): never => fail(locate(where, `tag ${quote(key)}`), message)
  const type = typeof tag.type === "string" ? tag.type.toLowerCase() : inferType(value)
  switch (type) {
    case "string":
      return {
        key,
        value,
        valueBytes: ANY_VALUE_BYTES.string(utf8Bytes(typeof value === "string" ? value : String(value ?? ""))),
      }
    case "bool":
      if (typeof value !== "boolean" && value !== "true" && value !== "false")
        return bad(`a bool tag needs true or false, got ${quote(value)}`)
      return { key, value, valueBytes: ANY_VALUE_BYTES.bool }
    case "int64": {
      const varint =
        typeof value === "number"
          ? jsonInt64VarintBytes(value)
          : typeof value === "string"
            ? int64TextVarintBytes(value)
            : undefined
      if (varint === undefined) return bad(`an int64 tag needs a whole number, got ${quote(value)}`)
      return { key, value, valueBytes: ANY_VALUE_BYTES.int(varint) }
    }
    case "float64":
      if (typeof value !== "number" && !(typeof value === "string" && Number.isFinite(Number(value))))
        return bad(`a float64 tag needs a number, got ${quote(value)}`)
      return { key, value, valueBytes: ANY_VALUE_BYTES.double }
    case "binary": {
      const byteCount = typeof value === "string" ? base64Bytes(value) : undefined
      if (byteCount === undefined) return bad(`a binary tag needs base64 text, got ${quote(value)}`)
      return { key, value, valueBytes: ANY_VALUE_BYTES.bytes(byteCount) }
    }
    default:
      return bad(`unknown tag type ${quote(tag.type)}; expected string, bool, int64, float64 or binary`)
  }
}

/**
 * Varint bytes of an int64 tag read by JSON.parse. Doubles cannot hold int64's extremes, so
 * 9223372036854775807 parses as 2^63: integers past either end are sized as that end.
 */
function jsonInt64VarintBytes(value: number): number | undefined {
  if (!Number.isInteger(value)) return undefined
  // 2^63 − 1 takes 9 varint bytes; every negative number takes 10.
  return int64VarintBytes(value) ?? (value < 0 ? 10 : 9)
}

function inferType(value: unknown): string {
  if (typeof value === "boolean") return "bool"
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64"
  return "string"
}

/**
 * The parent (Jaeger's rule: the first CHILD_OF reference in the same trace, else the first
 * FOLLOWS_FROM in the same trace) and how many other references become links.
 */
function readReferences(
  span: Record<string, unknown>,
  traceId: string,
  where: string
): { parentSpanId: string; links: number } {
  const references = readOptionalArray(span.references, "references", where)
  let childOf = -1
  let followsFrom = -1
  const spanIds: string[] = []
  references.forEach((reference, index) => {
    const referenceWhere = locate(where, `reference ${index + 1}`)
    if (!isRecord(reference))
      fail(referenceWhere, `a reference must be {refType, traceID, spanID}, got ${quote(reference)}`)
    const refType = reference.refType
    if (refType !== "CHILD_OF" && refType !== "FOLLOWS_FROM")
      fail(referenceWhere, `refType must be CHILD_OF or FOLLOWS_FROM, got ${quote(refType)}`)
    const sameTrace = readPaddedHexId(reference.traceID ?? traceId, 32, "traceID", referenceWhere) === traceId
    spanIds.push(readPaddedHexId(reference.spanID, 16, "spanID", referenceWhere))
    if (sameTrace && refType === "CHILD_OF" && childOf < 0) childOf = index
    if (sameTrace && refType === "FOLLOWS_FROM" && followsFrom < 0) followsFrom = index
  })
  const parentIndex = childOf >= 0 ? childOf : followsFrom
  if (parentIndex >= 0) return { parentSpanId: spanIds[parentIndex] as string, links: references.length - 1 }
  // Some older exports carry the parent as a field instead of a reference.
  if (typeof span.parentSpanID === "string" && span.parentSpanID !== "") {
    const parent = readPaddedHexId(span.parentSpanID, 16, "parentSpanID", where)
    if (parent !== EMPTY_SPAN_ID) return { parentSpanId: parent, links: references.length }
  }
  return { parentSpanId: "", links: references.length }
}
