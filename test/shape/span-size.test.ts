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

// The estimator's documented defaults, spelled out so the SDK spans are built with the same values.
const DEFAULTISH: Required<Omit<SpanShape, "spansPerBatch">> = {
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

const BARE_ROOT: Required<Omit<SpanShape, "spansPerBatch">> = {
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
