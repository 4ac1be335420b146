/**
 * Raw OTLP/protobuf bytes per span, computed from a span's shape with the protobuf wire rules.
 *
 * The field layout mirrors what `@opentelemetry/otlp-transformer` 0.223 (`ProtobufTraceSerializer`)
 * writes for spans from the JS SDK 2.x; the tests check the result against that serializer byte
 * for byte. Attribute values are modelled as strings (`AnyValue.string_value`), and sizes are UTF-8
 * byte counts, not character counts.
 */

/**
 * Ids of the span-size presets. These are part of the URL and API contract.
 *
 * @example
 * SPAN_SIZE_PRESET_IDS.includes("typical") //=> true
 */
export const SPAN_SIZE_PRESET_IDS = ["lean-grpc", "typical", "verbose", "heavy"] as const

/**
 * One of {@link SPAN_SIZE_PRESET_IDS}.
 *
 * @example
 * const id: SpanSizePresetId = "typical"
 */
export type SpanSizePresetId = (typeof SPAN_SIZE_PRESET_IDS)[number]

/**
 * A cited figure for raw OTLP bytes per span, resource and framing included.
 *
 * @example
 * const preset: SpanSizePreset = { id: "typical", label: "Typical", spanBytes: 500, source: "Tempo docs", asOf: "2026" }
 */
export interface SpanSizePreset {
  id: SpanSizePresetId
  label: string
  /** Raw OTLP protobuf bytes per span, the span's share of resource and framing included. */
  spanBytes: number
  /** Where the figure comes from. */
  source: string
  /** Date or version of the source as read. */
  asOf: string
}

/**
 * Span sizes a user can pick instead of describing a shape, smallest first.
 *
 * @example
 * SPAN_SIZE_PRESETS.map((preset) => preset.spanBytes) //=> [275, 500, 650, 1000]
 */
export const SPAN_SIZE_PRESETS: readonly SpanSizePreset[] = [
  {
    id: "lean-grpc",
    label: "Lean gRPC",
    spanBytes: 275,
    source:
      "Google hipstershop microservices demo, our measurement of its real OTLP export: 275 B/span raw including resource and framing, about 4.9 attributes per span; splunk/stef @353981e benchmarks/testdata/hipstershop_traces.pb.zst",
    asOf: "data 2024-12, measured 2026-11",
  },
  {
    id: "typical",
    label: "Typical",
    spanBytes: 500,
    source:
      'Grafana Tempo docs, operations/manage-trace-ingestion ("typical span size ~500 B"); Jaeger maintainer Yuri Shkuro, jaegertracing/documentation#210 ("average span size ~500b")',
    asOf: "2026 (Tempo 3.0-era docs); 2019-01-28 (Jaeger)",
  },
  {
    id: "verbose",
    label: "Verbose (OpenTelemetry demo)",
    spanBytes: 650,
    source:
      "OpenTelemetry demo (astronomy shop), our measurement of its real OTLP export: 613 B/span raw including resource and framing, about 9.8 attributes and 1.0 event per span; splunk/stef @353981e benchmarks/testdata/astronomy-traces.pb.zst. Rounded up to 650",
    asOf: "data 2024-12, measured 2026-11",
  },
  {
    id: "heavy",
    label: "Heavy (SQL text, events)",
    spanBytes: 1_000,
    source:
      "Estimate: no vendor publishes this. A preset for spans that carry SQL statements or several events, above the measured 275–613 B range",
    asOf: "2026-11-23",
  },
]

/**
 * What one span looks like, in counts and UTF-8 byte lengths. Attribute values are strings.
 *
 * Whole numbers give exact sizes. Averages (9.8 attributes, 22.5-byte keys) are accepted and
 * interpolated linearly, which is close but not exact because length prefixes grow in steps.
 *
 * @example
 * const shape: SpanShape = { attributesPerSpan: 10, attributeKeyBytes: 20, attributeValueBytes: 25, eventsPerSpan: 1 }
 */
export interface SpanShape {
  attributesPerSpan: number
  /** Bytes in each attribute key. */
  attributeKeyBytes: number
  /** Bytes in each (string) attribute value. */
  attributeValueBytes: number
  eventsPerSpan: number
  /** String attributes on each event, sized like the span's attributes. Default 0. */
  attributesPerEvent?: number
  /** Default 17, the length of `GET /api/products`. */
  spanNameBytes?: number
  /** Default 9, the length of `exception`. */
  eventNameBytes?: number
  /** False for a root span, which has no parent_span_id. Default true. */
  hasParent?: boolean
  /** True for a span whose status was set (ERROR carries an optional message). Default false. */
  statusSet?: boolean
  /** Bytes in the ERROR description when `statusSet` is true. Default 0. */
  statusMessageBytes?: number
  /** Attributes on the process's resource. Default 24 (a k8s + cloud + SDK resource). */
  resourceAttributes?: number
  /** Key + value bytes of each resource attribute, split evenly between the two. Default 38. */
  resourceAttributeBytes?: number
  /** Default 35, the length of `@opentelemetry/instrumentation-http`. */
  scopeNameBytes?: number
  /** Default 7, e.g. `0.208.0`; 0 for a scope without a version. */
  scopeVersionBytes?: number
  /** Spans in one export request, all from one resource and one scope. Default 512, the BatchSpanProcessor maxExportBatchSize. */
  spansPerBatch?: number
}

/**
 * One line of the byte breakdown: a part of the span and the bytes it costs per span.
 *
 * @example
 * const part: SpanSizePart = { label: "Timestamps and kind", bytes: 20 }
 */
export interface SpanSizePart {
  label: string
  /** Bytes per span; the batch envelope's share is fractional. */
  bytes: number
}

/**
 * The size of one span in an OTLP export request, and where its bytes go.
 *
 * @example
 * const estimate: SpanSizeEstimate = { spanBytes: 84, spanMessageBytes: 72, batchBytes: 84, breakdown: [] }
 */
export interface SpanSizeEstimate {
  /** Raw OTLP protobuf bytes per span in a full batch (batchBytes ÷ spansPerBatch), rounded to a whole byte. */
  spanBytes: number
  /** Bytes one more span adds to a batch: its tag, length prefix and Span message. */
  spanMessageBytes: number
  /** Bytes of the whole ExportTraceServiceRequest holding spansPerBatch such spans. */
  batchBytes: number
  /** Per-span bytes by part. The parts sum to batchBytes ÷ spansPerBatch before rounding. */
  breakdown: SpanSizePart[]
}

/** Protobuf wire types used by OTLP. */
export const WIRE_VARINT = 0
export const WIRE_FIXED64 = 1
export const WIRE_LENGTH_DELIMITED = 2
export const WIRE_FIXED32 = 5

/** Bytes of ids and fixed-width fields in OTLP. */
export const TRACE_ID_BYTES = 16
export const SPAN_ID_BYTES = 8
export const FIXED64_BYTES = 8
export const FIXED32_BYTES = 4

/**
 * Bytes of a non-negative integer encoded as a protobuf varint: 7 bits per byte.
 *
 * @example
 * varintSize(0)     //=> 1
 * varintSize(127)   //=> 1
 * varintSize(128)   //=> 2
 * varintSize(16384) //=> 3
 */
export function varintSize(value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`varintSize needs a non-negative number, got ${value}`)
  let bytes = 1
  // Division, not >>>, so values past 2^32 (up to 2^53) still count correctly.
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) bytes += 1
  return bytes
}

/**
 * Bytes of a field's tag (field number and wire type, as a varint).
 *
 * @example
 * tagSize(15, 2) //=> 1
 * tagSize(16, 5) //=> 2  (Span.flags)
 */
export function tagSize(fieldNumber: number, wireType: number): number {
  return varintSize(fieldNumber * 8 + wireType)
}

/**
 * Bytes of a length-delimited payload with its length prefix, without the tag.
 *
 * @example
 * lengthDelimitedSize(127) //=> 128
 * lengthDelimitedSize(128) //=> 130
 */
export function lengthDelimitedSize(payloadBytes: number): number {
  return varintSize(payloadBytes) + payloadBytes
}

/**
 * Bytes of a length-delimited field: tag, length prefix and payload (a string, bytes or a sub-message).
 *
 * @example
 * lengthDelimitedFieldSize(1, 16) //=> 18  (Span.trace_id)
 */
export function lengthDelimitedFieldSize(fieldNumber: number, payloadBytes: number): number {
  return tagSize(fieldNumber, WIRE_LENGTH_DELIMITED) + lengthDelimitedSize(payloadBytes)
}

/**
 * Bytes of a varint field holding `value`.
 *
 * @example
 * varintFieldSize(10, 0) //=> 2  (Span.dropped_attributes_count = 0)
 */
export function varintFieldSize(fieldNumber: number, value: number): number {
  return tagSize(fieldNumber, WIRE_VARINT) + varintSize(value)
}

/**
 * Bytes of a `KeyValue` message body with a string value: key (field 1) and
 * `AnyValue { string_value }` (field 2).
 *
 * @example
 * stringKeyValueSize(20, 25) //=> 51  (22 for the key + 29 for the value)
 */
export function stringKeyValueSize(keyBytes: number, valueBytes: number): number {
  const anyValueBytes = lengthDelimitedFieldSize(1, valueBytes)
  return lengthDelimitedFieldSize(1, keyBytes) + lengthDelimitedFieldSize(2, anyValueBytes)
}

/**
 * Bytes of `count` repeated string attributes under `fieldNumber`, each with its own tag and length.
 *
 * @example
 * stringAttributesSize(9, 10, 20, 25) //=> 530  (10 × 53)
 */
export function stringAttributesSize(fieldNumber: number, count: number, keyBytes: number, valueBytes: number): number {
  return count * lengthDelimitedFieldSize(fieldNumber, stringKeyValueSize(keyBytes, valueBytes))
}

const DEFAULTS = {
  attributesPerEvent: 0,
  spanNameBytes: 17,
  eventNameBytes: 9,
  hasParent: true,
  statusSet: false,
  statusMessageBytes: 0,
  resourceAttributes: 24,
  resourceAttributeBytes: 38,
  scopeNameBytes: 35,
  scopeVersionBytes: 7,
  spansPerBatch: 512,
} as const

function checkShape(shape: Required<SpanShape>): void {
  for (const [name, value] of Object.entries(shape)) {
    if (typeof value === "number" && (!Number.isFinite(value) || value < 0)) {
      throw new RangeError(`SpanShape.${name} must be a finite number ≥ 0, got ${value}`)
    }
  }
  if (shape.spansPerBatch < 1) throw new RangeError(`SpanShape.spansPerBatch must be ≥ 1, got ${shape.spansPerBatch}`)
}

/**
 * Raw OTLP/protobuf bytes per span for a span shape, exactly as the JS SDK's protobuf exporter
 * encodes it, with the span's share of the batch's resource and scope.
 *
 * Bytes per span = (ExportTraceServiceRequest bytes for `spansPerBatch` such spans) ÷ spansPerBatch.
 * Assumes one resource and one instrumentation scope per batch, no links, no trace_state and no
 * schema URLs (all empty by default in the SDK).
 *
 * @example
 * // A root span named "root" with nothing else, exported alone under an empty resource and scope.
 * estimateSpanBytes({ attributesPerSpan: 0, attributeKeyBytes: 0, attributeValueBytes: 0, eventsPerSpan: 0, spanNameBytes: 4,
 *   hasParent: false, resourceAttributes: 0, scopeNameBytes: 0, scopeVersionBytes: 0, spansPerBatch: 1 })
 * //=> { spanBytes: 84, spanMessageBytes: 72, batchBytes: 84, breakdown: [...] }
 *
 * // Ten 20 B/25 B attributes and one event, in a batch of 512 under a 24-attribute resource.
 * estimateSpanBytes({ attributesPerSpan: 10, attributeKeyBytes: 20, attributeValueBytes: 25, eventsPerSpan: 1 }).spanBytes
 * //=> 652
 */
export function estimateSpanBytes(shape: SpanShape): SpanSizeEstimate {
  const s: Required<SpanShape> = { ...DEFAULTS, ...withoutUndefined(shape) }
  checkShape(s)

  const attributeBytes = stringAttributesSize(9, s.attributesPerSpan, s.attributeKeyBytes, s.attributeValueBytes)

  // Event: time_unix_nano, name, attributes, and dropped_attributes_count, which is written even when 0.
  const eventBodyBytes =
    tagSize(1, WIRE_FIXED64) +
    FIXED64_BYTES +
    lengthDelimitedFieldSize(2, s.eventNameBytes) +
    stringAttributesSize(3, s.attributesPerEvent, s.attributeKeyBytes, s.attributeValueBytes) +
    varintFieldSize(4, 0)
  const eventBytes = s.eventsPerSpan * lengthDelimitedFieldSize(11, eventBodyBytes)

  // The SDK keeps a status message only for ERROR; the code is written even when UNSET (0).
  const statusMessage = s.statusSet && s.statusMessageBytes > 0 ? lengthDelimitedFieldSize(2, s.statusMessageBytes) : 0
  const statusBytes = lengthDelimitedFieldSize(15, statusMessage + varintFieldSize(3, 0))

  const idBytes =
    lengthDelimitedFieldSize(1, TRACE_ID_BYTES) +
    lengthDelimitedFieldSize(2, SPAN_ID_BYTES) +
    // parent_span_id is skipped for roots rather than written empty.
    (s.hasParent ? lengthDelimitedFieldSize(4, SPAN_ID_BYTES) : 0)
  const nameBytes = lengthDelimitedFieldSize(5, s.spanNameBytes)
  // The SDK's INTERNAL kind is 0 but maps to proto 1, so kind is never the skipped default;
  // timestamps are fixed64, so the clock reading never changes the size.
  const timeAndKindBytes = varintFieldSize(6, 1) + 2 * (tagSize(7, WIRE_FIXED64) + FIXED64_BYTES)
  const countersAndFlagsBytes =
    // dropped_attributes/events/links_count are written even when 0.
    varintFieldSize(10, 0) +
    varintFieldSize(12, 0) +
    varintFieldSize(14, 0) +
    // flags always has the HAS_IS_REMOTE bit set, so it is never 0 and never skipped; field 16 needs a 2-byte tag.
    tagSize(16, WIRE_FIXED32) +
    FIXED32_BYTES

  const spanBodyBytes =
    idBytes + nameBytes + timeAndKindBytes + attributeBytes + eventBytes + statusBytes + countersAndFlagsBytes
  const spanMessageBytes = lengthDelimitedFieldSize(2, spanBodyBytes)

  const batchBytes = requestBytes(s, spanMessageBytes)
  const envelopeBytes = batchBytes - s.spansPerBatch * spanMessageBytes

  return {
    spanBytes: Math.round(batchBytes / s.spansPerBatch),
    spanMessageBytes,
    batchBytes,
    breakdown: [
      { label: "Trace, span and parent ids", bytes: idBytes },
      { label: "Span name", bytes: nameBytes },
      { label: "Timestamps and kind", bytes: timeAndKindBytes },
      { label: "Attributes", bytes: attributeBytes },
      { label: "Events", bytes: eventBytes },
      { label: "Status", bytes: statusBytes },
      { label: "Flags and dropped counts", bytes: countersAndFlagsBytes },
      { label: "Span framing (tag and length)", bytes: spanMessageBytes - spanBodyBytes },
      { label: "Resource and scope (batch share)", bytes: envelopeBytes / s.spansPerBatch },
    ],
  }
}

/** ExportTraceServiceRequest { resource_spans: [ResourceSpans { resource, scope_spans: [ScopeSpans { scope, spans }] }] }. */
function requestBytes(s: Required<SpanShape>, spanMessageBytes: number): number {
  const resourceKeyBytes = Math.ceil(s.resourceAttributeBytes / 2)
  const resourceValueBytes = s.resourceAttributeBytes - resourceKeyBytes
  const resourceBodyBytes =
    stringAttributesSize(1, s.resourceAttributes, resourceKeyBytes, resourceValueBytes) +
    // The serializer does not track dropped resource attributes and writes a literal 0.
    varintFieldSize(2, 0)

  const scopeBodyBytes =
    // The scope name is written even when empty; the version only when non-empty.
    lengthDelimitedFieldSize(1, s.scopeNameBytes) +
    (s.scopeVersionBytes > 0 ? lengthDelimitedFieldSize(2, s.scopeVersionBytes) : 0)

  const scopeSpansBodyBytes = lengthDelimitedFieldSize(1, scopeBodyBytes) + s.spansPerBatch * spanMessageBytes
  const resourceSpansBodyBytes =
    lengthDelimitedFieldSize(1, resourceBodyBytes) + lengthDelimitedFieldSize(2, scopeSpansBodyBytes)
  return lengthDelimitedFieldSize(1, resourceSpansBodyBytes)
}

function withoutUndefined(shape: SpanShape): SpanShape {
  // A key present with value undefined must not override its default in the spread above.
  return Object.fromEntries(Object.entries(shape).filter(([, value]) => value !== undefined)) as SpanShape
}
