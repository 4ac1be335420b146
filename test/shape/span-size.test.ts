import fc from "fast-check"
import { describe, expect, it } from "vitest"

import {
  SPAN_SIZE_PRESETS,
  estimateSpanBytes,
  lengthDelimitedFieldSize,
  lengthDelimitedSize,
  stringKeyValueSize,
  tagSize,
  varintSize,
  type SpanShape,
} from "@/lib/shape/span-size"

import { readFields, serializeRequest, serializedBytes, spanFields, type FullSpanShape } from "./otlp-spans"

// The estimator's documented defaults, spelled out so the SDK spans are built with the same values.
const DEFAULTISH: FullSpanShape = {
  attributesPerSpan: 10,
  attributeKeyBytes: 20,
  attributeValueBytes: 25,
  eventsPerSpan: 1,
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
}

const BARE_ROOT: FullSpanShape = {
  ...DEFAULTISH,
  attributesPerSpan: 0,
  eventsPerSpan: 0,
  spanNameBytes: 4,
  hasParent: false,
  resourceAttributes: 0,
  scopeNameBytes: 0,
  scopeVersionBytes: 0,
}

const estimate = (shape: SpanShape, spansPerBatch = 512) => estimateSpanBytes({ ...shape, spansPerBatch })

describe("protobuf size helpers", () => {
  it.each([
    [0, 1],
    [1, 1],
    [127, 1],
    [128, 2],
    [16_383, 2],
    [16_384, 3],
    [2_097_151, 3],
    [2_097_152, 4],
    [268_435_455, 4],
    [268_435_456, 5],
    [2 ** 32, 5],
    [2 ** 35, 6],
    [Number.MAX_SAFE_INTEGER, 8],
  ])("encodes %d as a %d-byte varint", (value, bytes) => {
    expect(varintSize(value)).toBe(bytes)
  })

  it("needs a 2-byte tag from field 16 on (Span.flags)", () => {
    expect(tagSize(15, 2)).toBe(1)
    expect(tagSize(16, 5)).toBe(2)
  })

  it("adds a second length byte once a payload reaches 128 bytes", () => {
    expect(lengthDelimitedSize(127)).toBe(128)
    expect(lengthDelimitedSize(128)).toBe(130)
  })

  it("sizes a trace_id field as tag + length + 16 bytes", () => {
    expect(lengthDelimitedFieldSize(1, 16)).toBe(18)
  })

  it("sizes a string KeyValue as key field + AnyValue field", () => {
    // key: 1 + 1 + 20 = 22; AnyValue{string_value}: 1 + 1 + 25 = 27; value field: 1 + 1 + 27 = 29
    expect(stringKeyValueSize(20, 25)).toBe(51)
    // A 200-byte value: AnyValue 1 + 2 + 200 = 203, so its field is 1 + 2 + 203 = 206
    expect(stringKeyValueSize(20, 200)).toBe(228)
  })

  it("rejects negative and non-finite varints", () => {
    expect(() => varintSize(-1)).toThrow(RangeError)
    expect(() => varintSize(Number.NaN)).toThrow(RangeError)
  })
})

describe("SPAN_SIZE_PRESETS", () => {
  it("offers lean gRPC 275 B, typical 500 B, verbose 650 B and heavy 1,000 B", () => {
    expect(SPAN_SIZE_PRESETS.map((preset) => [preset.id, preset.spanBytes])).toEqual([
      ["lean-grpc", 275],
      ["typical", 500],
      ["verbose", 650],
      ["heavy", 1_000],
    ])
  })

  it("cites a source with a date for every preset", () => {
    for (const preset of SPAN_SIZE_PRESETS) {
      expect(preset.source.length).toBeGreaterThan(20)
      expect(preset.asOf).not.toBe("")
    }
  })
})

describe("estimateSpanBytes, worked by hand", () => {
  it("sizes a bare root span exported alone at 84 B", () => {
    // Span: trace_id 18 + span_id 10 + name 1+1+4 + kind 2 + start/end 9+9 + dropped counts 2+2+2
    //       + status (1+1+2) + flags (2+4) = 70; in ScopeSpans: 1 + 1 + 70 = 72.
    // Envelope: resource 1+1+2, scope 1+1+(1+1+0); ScopeSpans 1+1+(4+72) = 78; ResourceSpans 1+1+(4+78) = 84.
    const result = estimate(BARE_ROOT, 1)
    expect(result).toMatchObject({ spanBytes: 84, spanMessageBytes: 72, batchBytes: 84 })
  })

  it("sizes the default-ish span (10 attributes of 20 B/25 B, 1 event) at 650 B plus 2.28 B of envelope", () => {
    // ids 18+10+10 = 38; name 1+1+17 = 19; kind + times 2+9+9 = 20; attributes 10 × (1+1+51) = 530;
    // event 1+1+(9 + 1+1+9 + 2) = 24; status 4; dropped counts + flags 6+6 = 12 → body 647 → 1+2+647 = 650.
    // Resource: 24 × (1+1+44) + 2 = 1,106 → 1+2+1,106 = 1,109; scope (1+1+35)+(1+1+7) = 46 → 48;
    // ScopeSpans 48 + 512 × 650 = 332,848 → 1+3+332,848 = 332,852; ResourceSpans 1,109 + 332,852 = 333,961;
    // request 1+3+333,961 = 333,965 = 512 × 652.28.
    const result = estimate(DEFAULTISH)
    expect(result).toMatchObject({ spanBytes: 652, spanMessageBytes: 650, batchBytes: 333_965 })
  })

  it("uses the documented defaults for every optional field", () => {
    const required = { attributesPerSpan: 10, attributeKeyBytes: 20, attributeValueBytes: 25, eventsPerSpan: 1 }
    expect(estimateSpanBytes(required)).toEqual(estimate(DEFAULTISH))
    expect(estimateSpanBytes({ ...required, hasParent: undefined })).toEqual(estimate(DEFAULTISH))
  })

  it("shows where the bytes go, summing to the unrounded bytes per span", () => {
    const result = estimate(DEFAULTISH)
    expect(result.breakdown.map((part) => [part.label, part.bytes])).toEqual([
      ["Trace, span and parent ids", 38],
      ["Span name", 19],
      ["Timestamps and kind", 20],
      ["Attributes", 530],
      ["Events", 24],
      ["Status", 4],
      ["Flags and dropped counts", 12],
      ["Span framing (tag and length)", 3],
      ["Resource and scope (batch share)", 1_165 / 512],
    ])
    const total = result.breakdown.reduce((sum, part) => sum + part.bytes, 0)
    expect(total).toBeCloseTo(333_965 / 512, 9)
  })

  it("charges a single-span export the whole resource", () => {
    // 650 + resource 1,109 + scope 48 + ScopeSpans 1+2 + ResourceSpans 1+2 + request 1+2 = 1,813
    expect(estimate(DEFAULTISH, 1).spanBytes).toBe(1_813)
  })

  it("lands the default-ish span near the 400–650 B the cost anchors report", () => {
    // Tempo and Jaeger say ~500 B (S1, S2); the OpenTelemetry demo measured 613 B with ~9.8 attributes
    // and 1 event per span (S4). Twenty-byte keys with 25-byte values sit at the top of that band.
    const { spanBytes } = estimate(DEFAULTISH)
    expect(spanBytes).toBeGreaterThanOrEqual(400)
    expect(spanBytes).toBeLessThanOrEqual(700)
  })

  describe("edge cases", () => {
    it("interpolates linearly between whole attribute counts", () => {
      const nine = estimate({ ...DEFAULTISH, attributesPerSpan: 9 }).spanMessageBytes
      const ten = estimate({ ...DEFAULTISH, attributesPerSpan: 10 }).spanMessageBytes
      expect(estimate({ ...DEFAULTISH, attributesPerSpan: 9.5 }).spanMessageBytes).toBe((nine + ten) / 2)
    })

    it("rejects negative counts and empty batches", () => {
      expect(() => estimate({ ...DEFAULTISH, attributesPerSpan: -1 })).toThrow(RangeError)
      expect(() => estimate(DEFAULTISH, 0)).toThrow(RangeError)
    })

    it("ignores a status message unless the status is set", () => {
      expect(estimate({ ...DEFAULTISH, statusMessageBytes: 40 })).toEqual(estimate(DEFAULTISH))
    })

    it("does not mutate its input", () => {
      const input: SpanShape = { ...DEFAULTISH }
      estimateSpanBytes(input)
      expect(input).toEqual(DEFAULTISH)
    })
  })
})

describe("estimateSpanBytes against the real serializer (@opentelemetry/otlp-transformer ProtobufTraceSerializer)", () => {
  // Each row: the shape and its hand-computed Span message size (tag + length + Span).
  const shapes: [string, FullSpanShape, number][] = [
    // bare root above: 72
    ["a root span with no attributes or events", BARE_ROOT, 72],
    // ids 38 + name 19 + 20 + status 4 + 12 = 93 → 1+1+93
    ["a child span with no attributes", { ...DEFAULTISH, attributesPerSpan: 0, eventsPerSpan: 0 }, 95],
    // the default-ish span above: 650
    ["ten 20 B/25 B attributes and one event", DEFAULTISH, 650],
    // attributes 2 × (1+2+228) = 462; body 28 + 19 + 20 + 462 + 4 + 12 = 545 → 1+2+545
    [
      "two 200-byte values (2-byte length prefixes) on a root span",
      { ...DEFAULTISH, attributesPerSpan: 2, attributeValueBytes: 200, eventsPerSpan: 0, hasParent: false },
      548,
    ],
    // event 1+2+(9 + 11 + 3 × 53 + 2) = 184, × 2 = 368; body 38 + 19 + 20 + 368 + 4 + 12 = 461 → 1+2+461
    [
      "two exception-like events with three attributes each",
      { ...DEFAULTISH, attributesPerSpan: 0, eventsPerSpan: 2, attributesPerEvent: 3 },
      464,
    ],
    // status 1+1+((1+1+40) + 2) = 46; attributes 5 × 53 = 265; body 38 + 19 + 20 + 265 + 46 + 12 = 400 → 1+2+400
    [
      "an ERROR status with a 40-byte message",
      { ...DEFAULTISH, attributesPerSpan: 5, eventsPerSpan: 0, statusSet: true, statusMessageBytes: 40 },
      403,
    ],
    // value field 1+3+(1+3+20,000) = 20,008; KeyValue 14 + 20,008 = 20,022 → 1+3+20,022 = 20,026;
    // body 38 + 19 + 20 + 20,026 + 4 + 12 = 20,119 → 1+3+20,119 (a 3-byte span length)
    [
      "a 20,000-byte SQL statement",
      { ...DEFAULTISH, attributesPerSpan: 1, attributeKeyBytes: 12, attributeValueBytes: 20_000, eventsPerSpan: 0 },
      20_123,
    ],
  ]

  describe.each(shapes)("%s", (_name, shape, spanMessageBytes) => {
    it(`adds exactly ${spanMessageBytes} B per extra span`, () => {
      expect(estimate(shape).spanMessageBytes).toBe(spanMessageBytes)
      // From 2 spans up the envelope's length prefixes keep their width for every shape here,
      // so the per-span difference is exactly the Span message.
      expect((serializedBytes(shape, 10) - serializedBytes(shape, 2)) / 8).toBe(spanMessageBytes)
      expect(spanFields(serializeRequest(shape, 3)).map((field) => field.totalBytes)).toEqual([
        spanMessageBytes,
        spanMessageBytes,
        spanMessageBytes,
      ])
    })

    it("matches the whole request for a single span and for a batch of 512", () => {
      expect(estimate(shape, 1).batchBytes).toBe(serializedBytes(shape, 1))
      const batch = serializedBytes(shape, 512)
      expect(estimate(shape).batchBytes).toBe(batch)
      expect(estimate(shape).spanBytes).toBe(Math.round(batch / 512))
    })
  })

  it("pins the serializer behaviours the estimate relies on", () => {
    const [span] = spanFields(serializeRequest(BARE_ROOT, 1))
    const fields = readFields(span?.payload ?? new Uint8Array())
    const byNumber = new Map(fields.map((field) => [field.fieldNumber, field]))
    // kind INTERNAL is written as 1; dropped counts are written as 0; flags = sampled | HAS_IS_REMOTE.
    expect(fields.map((field) => field.fieldNumber)).toEqual([1, 2, 5, 6, 7, 8, 10, 12, 14, 15, 16])
    expect(byNumber.get(6)?.value).toBe(1)
    expect([10, 12, 14].map((number) => byNumber.get(number)?.value)).toEqual([0, 0, 0])
    expect(byNumber.get(16)).toMatchObject({ wireType: 5, value: 0x101, totalBytes: 6 })
    // An UNSET status is still a 2-byte sub-message holding code 0.
    expect(readFields(byNumber.get(15)?.payload ?? new Uint8Array())).toEqual([
      { fieldNumber: 3, wireType: 0, totalBytes: 2, value: 0 },
    ])
  })

  it("matches the serializer exactly for random shapes (property)", () => {
    const shapeArbitrary = fc.record({
      attributesPerSpan: fc.integer({ min: 0, max: 40 }),
      // At least 2 bytes so 40 keys can be distinct.
      attributeKeyBytes: fc.integer({ min: 2, max: 40 }),
      // Crosses 128 so the AnyValue, KeyValue and span length prefixes change width.
      attributeValueBytes: fc.integer({ min: 0, max: 300 }),
      eventsPerSpan: fc.integer({ min: 0, max: 4 }),
      attributesPerEvent: fc.integer({ min: 0, max: 4 }),
      spanNameBytes: fc.integer({ min: 0, max: 150 }),
      eventNameBytes: fc.integer({ min: 0, max: 150 }),
      hasParent: fc.boolean(),
      statusSet: fc.boolean(),
      statusMessageBytes: fc.integer({ min: 0, max: 200 }),
      resourceAttributes: fc.integer({ min: 0, max: 40 }),
      // At least 4 bytes so the 2-byte half that becomes the key can be distinct 40 times.
      resourceAttributeBytes: fc.integer({ min: 4, max: 300 }),
      scopeNameBytes: fc.integer({ min: 0, max: 60 }),
      scopeVersionBytes: fc.integer({ min: 0, max: 10 }),
    })
    fc.assert(
      fc.property(shapeArbitrary, fc.integer({ min: 1, max: 12 }), (shape: FullSpanShape, spansPerBatch) => {
        const request = serializeRequest(shape, spansPerBatch)
        const result = estimate(shape, spansPerBatch)
        expect(result.batchBytes).toBe(request.length)
        expect(result.spanBytes).toBe(Math.round(request.length / spansPerBatch))
        for (const span of spanFields(request)) expect(span.totalBytes).toBe(result.spanMessageBytes)
      }),
      { numRuns: 300 }
    )
  })
})
