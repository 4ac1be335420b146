import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { createImportStream, TraceStatsAccumulator, type ImportFormat } from "@/lib/import"
import { readSpan, readUsualSpan } from "@/lib/import/otlp"

import { batches, shopSpans, toOtlpJson, toOtlpJsonLines } from "./fixtures"
import { toJaegerJson } from "./jaeger-json"

/** Everything an import gives back, or its error's words. */
function outcome(format: ImportFormat, chunks: string[], options: { batch: boolean; maxElementChars?: number }) {
  const accumulator = new TraceStatsAccumulator()
  try {
    const stream = createImportStream(format, accumulator, options)
    for (const chunk of chunks) stream.write(chunk)
    stream.end()
    return { summary: accumulator.summary({ slowThresholdMs: 1000 }), records: accumulator.traceRecords() }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

const cut = (text: string, positions: number[]) => {
  const at = [...new Set(positions.map((position) => Math.floor(position * text.length)))].sort((a, b) => a - b)
  return [0, ...at].map((from, index) => text.slice(from, at[index] ?? text.length))
}

const spans = shopSpans()
const request = JSON.parse(toOtlpJson(spans)) as { resourceSpans: Record<string, unknown>[] }
/** Elements whose strings hold what the scanner looks for: the text between elements, brackets, newlines. */
const trickyElements = request.resourceSpans.map((element, index) =>
  JSON.parse(
    JSON.stringify(element).replace(/"name":"([^"]*)"/, `"name":"$1 ,{\\"resource\\":{}} ]} \\\\\\" \\n ${index}"`)
  )
)
const elements = [
  ...request.resourceSpans,
  ...trickyElements,
  // The separator's text unescaped inside an element (a wrong guess, which must not parse).
  { ...request.resourceSpans[0], extra: [{ resource: 1 }, { resource: [] }] },
  ...request.resourceSpans,
]
const oneLine = JSON.stringify({ resourceSpans: elements })
const pretty = JSON.stringify({ resourceSpans: elements }, null, 2)
// Text after the array, with a `]` of its own: the line's last `]` is not the array's.
const lineWithTextAfter = JSON.stringify({ resourceSpans: trickyElements, after: [1, "]"] })
const lines = [
  ...toOtlpJsonLines(batches(spans, 3)).trim().split("\n"),
  lineWithTextAfter,
  JSON.stringify({ resourceSpans: elements.slice(0, 4) }),
  `{"note": {"a": [1, "]"]}, "resourceSpans": [${JSON.stringify(elements[1])} , ${JSON.stringify(elements[4])}]}`,
]
const texts: [ImportFormat, string][] = [
  ["otlp-jsonl", oneLine],
  ["otlp-json", oneLine],
  ["otlp-json", pretty],
  ["otlp-jsonl", `${lines.join("\n")}\n`],
  ["otlp-jsonl", lines.join("\r\n\r\n")],
  // Every line's guess misses: after a few, lines are scanned without guessing.
  ["otlp-jsonl", Array.from({ length: 8 }, () => lineWithTextAfter).join("\n")],
  ["jaeger", JSON.stringify(toJaegerJson(spans))],
  ["jaeger", JSON.stringify(toJaegerJson(spans), null, 2)],
]

/** Breaks a text at one place: a character dropped, one of JSON's own put in, or the end cut off. */
function mutate(text: string, kind: number, place: number, insert: string): string {
  const at = Math.floor(place * text.length)
  if (kind === 0) return text.slice(0, at) + text.slice(at + 1)
  if (kind === 1) return text.slice(0, at) + insert + text.slice(at)
  return text.slice(0, at)
}

describe("reading runs of elements with one JSON.parse", () => {
  it("gives what the bracket-by-bracket reading gives, at any chunking (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        fc.option(fc.integer({ min: 200, max: 6000 }), { nil: undefined }),
        (which, positions, maxElementChars) => {
          const [format, text] = texts[which] as [ImportFormat, string]
          const chunks = cut(text, positions)
          const batched = outcome(format, chunks, { batch: true, maxElementChars })
          expect(batched).toEqual(outcome(format, chunks, { batch: false, maxElementChars }))
          if (maxElementChars === undefined) expect(batched).toEqual(outcome(format, [text], { batch: false }))
        }
      ),
      { numRuns: 400 }
    )
  })

  it("says the same about a broken file, in the same words (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(",", "]", "}", "[", "{", '"', "\\", "\n", " ", "x", "1"),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (which, kind, place, insert, positions) => {
          const [format, text] = texts[which] as [ImportFormat, string]
          const chunks = cut(mutate(text, kind, place, insert), positions)
          expect(outcome(format, chunks, { batch: true })).toEqual(outcome(format, chunks, { batch: false }))
        }
      ),
      { numRuns: 400 }
    )
  })

  it("gives the same at a split at every position: inside a string, an escape, between elements", () => {
    const small = (name: string) => ({
      resource: { attributes: [{ key: "service.name", value: { stringValue: 'a\\"]},{"resource"' } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: "0af7651916cd43dd8448eb211c80319c",
              spanId: "b7ad6b7169203331",
              name,
              startTimeUnixNano: "1",
              endTimeUnixNano: "2",
            },
          ],
        },
      ],
    })
    // The second element holds the separator's text unescaped, deeper in: a guess there does not parse.
    const three = [small('x\\"y'), { ...small("é 🙂 \u0001"), extra: [{ resource: 1 }, { resource: 2 }] }, small("z")]
    const forms: [ImportFormat, string][] = [
      ["otlp-json", JSON.stringify({ resourceSpans: three })],
      ["otlp-json", JSON.stringify({ resourceSpans: three }, null, 2)],
      ["otlp-jsonl", `${JSON.stringify({ resourceSpans: three })}\n${JSON.stringify({ resourceSpans: three })}\n`],
    ]
    for (const [format, text] of forms) {
      const whole = outcome(format, [text], { batch: false })
      expect(whole.summary?.spans).toBe(format === "otlp-jsonl" ? 6 : 3)
      for (let i = 0; i <= text.length; i++) {
        expect(outcome(format, [text.slice(0, i), text.slice(i)], { batch: true })).toEqual(whole)
      }
    }
  })

  it("reads elements split across many small chunks, as the browser's 64 KB reads split a file", () => {
    const big = JSON.stringify({ resourceSpans: Array.from({ length: 40 }, () => elements).flat() })
    for (const size of [1000, 4096, 65_536]) {
      const chunks = cut(
        big,
        Array.from({ length: Math.ceil(big.length / size) }, (_, i) => (i * size) / big.length)
      )
      const batched = outcome("otlp-jsonl", chunks, { batch: true })
      // 40 copies of 55 spans: the shop's 16 three times, and the first element's 7 once more.
      expect(batched.summary?.spans).toBe(40 * 55)
      expect(batched).toEqual(outcome("otlp-jsonl", [big], { batch: false }))
    }
  })
})

const SPAN = {
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  parentSpanId: "00f067aa0ba902b7",
  name: "GET /a",
  kind: 2,
  startTimeUnixNano: "1700000000000000000",
  endTimeUnixNano: "1700000000120000000",
  attributes: [{ key: "http.route", value: { stringValue: "/a" } }],
  events: [{ timeUnixNano: "1700000000001000000", name: "e", attributes: [], droppedAttributesCount: 0 }],
  links: [{ traceId: "4bf92f3577b34da6a3ce929d0e0e4736", spanId: "00f067aa0ba902b7", flags: 1 }],
  status: { code: 2, message: "boom" },
  droppedAttributesCount: 0,
  droppedEventsCount: 0,
  droppedLinksCount: 0,
  flags: 257,
}

/** Values a field may hold in a file, good and bad. */
const oddValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    "",
    "0",
    "12",
    "-1",
    "1.5",
    "1e3",
    "99999999999999999999999999",
    "1700000000000000000",
    "0AF7651916CD43DD8448EB211C80319C",
    "B7AD6B7169203331",
    "b7ad6b716920333",
    "t7ad6b7169203331",
    "SPAN_KIND_SERVER",
    "STATUS_CODE_ERROR",
    "toString",
    0,
    1,
    2,
    5,
    6,
    -1,
    1.5,
    2 ** 32,
    1e21,
    true,
    [],
    {},
    [1],
    { stringValue: "x" }
  ),
  fc.string({ maxLength: 6 })
)
const attributeValue = fc.oneof(
  fc.record({ stringValue: fc.oneof(fc.string({ maxLength: 8 }), oddValue) }),
  fc.record({ boolValue: oddValue }),
  fc.record({ intValue: fc.oneof(fc.integer(), fc.constantFrom(2 ** 63, -(2 ** 60)), oddValue) }),
  fc.record({ doubleValue: fc.oneof(fc.double(), oddValue) }),
  fc.record({ arrayValue: fc.constantFrom({ values: [{ stringValue: "a" }] }, { values: 1 }) }),
  fc.record({ bytesValue: fc.constantFrom("AAEC", "not b64!") }),
  oddValue
)
const attributeList = fc.oneof(
  fc.array(
    fc.oneof(
      fc.record({
        key: fc.oneof(fc.constantFrom("http.route", "url.path", "http.target", "service.name"), oddValue),
        value: attributeValue,
      }),
      oddValue
    ),
    { maxLength: 3 }
  ),
  oddValue
)
const FIELDS = Object.keys(SPAN) as (keyof typeof SPAN)[]
/** A good span with a few fields replaced by odd values, good or bad. */
const oddSpan = fc
  .record({
    replaced: fc.dictionary(fc.constantFrom(...FIELDS), oddValue, { maxKeys: 3 }),
    attributes: fc.option(attributeList, { nil: "keep" as const }),
    event: fc.option(fc.record({ name: oddValue, timeUnixNano: oddValue, attributes: attributeList }), {
      nil: undefined,
    }),
    link: fc.option(fc.record({ traceId: oddValue, traceState: oddValue, flags: oddValue }), { nil: undefined }),
    status: fc.option(fc.record({ code: oddValue, message: oddValue }), { nil: undefined }),
  })
  .map(({ replaced, attributes, event, link, status }) => ({
    ...SPAN,
    ...(attributes === "keep" ? {} : { attributes }),
    ...(event ? { events: [{ ...SPAN.events[0], ...event }] } : {}),
    ...(link ? { links: [{ ...SPAN.links[0], ...link }] } : {}),
    ...(status ? { status } : {}),
    ...replaced,
  }))

describe("the quick span reading", () => {
  it("reads a span as exporters write it", () => {
    expect(readUsualSpan(SPAN, "shop")).toEqual(readSpan(SPAN, "span 1", "shop"))
    expect(readUsualSpan(SPAN, "shop")).not.toBeNull()
  })

  it("leaves missing or empty ids to readSpan, before and after a good span", () => {
    for (let round = 0; round < 2; round++) {
      for (const field of ["traceId", "spanId", "parentSpanId"]) {
        expect(readUsualSpan({ ...SPAN, [field]: field === "parentSpanId" ? "x" : "" }, "shop")).toBeNull()
        expect(readUsualSpan({ ...SPAN, [field]: field === "parentSpanId" ? 1 : undefined }, "shop")).toBeNull()
      }
      expect(readUsualSpan(SPAN, "shop")).not.toBeNull()
    }
  })

  it("gives readSpan's record or leaves the span to it, never another answer (property)", () => {
    fc.assert(
      fc.property(oddSpan, (span) => {
        let full: unknown
        try {
          full = readSpan(span, "span 1", "shop")
        } catch (error) {
          full = error
        }
        const usual = readUsualSpan(span, "shop")
        if (usual !== null) expect(usual).toEqual(full)
      }),
      { numRuns: 2000 }
    )
  })
})
