import fc from "fast-check"
import { describe, expect, it } from "vitest"

import {
  createImportStream,
  detectFormat,
  importText,
  MAX_ELEMENT_CHARS,
  TraceStatsAccumulator,
  type ImportFormat,
  type ImportSummary,
} from "@/lib/import"

import { batches, shopSpans, toOtlpJson, toOtlpJsonLines } from "./fixtures"
import { toJaegerJson } from "./jaeger-json"

const HEAD_CHARS = 64 * 1024

/** Streams chunks as the worker does: format from the first 64 KB, then every chunk in order. */
function streamChunks(chunks: string[], options: { maxElementChars?: number } = {}) {
  const text = chunks.join("")
  const detected = detectFormat(text.slice(0, HEAD_CHARS))
  if (!detected.success) throw new Error(detected.error)
  const accumulator = new TraceStatsAccumulator()
  const stream = createImportStream(detected.format, accumulator, options)
  for (const chunk of chunks) stream.write(chunk)
  stream.end()
  return { format: detected.format, summary: accumulator.summary({ slowThresholdMs: 1000 }) }
}

const streamed = (text: string, size: number, options: { maxElementChars?: number } = {}) => {
  const chunks: string[] = []
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size))
  return streamChunks(chunks, options)
}

/** Streams text as the given format, skipping detection (which parses a small file's head whole). */
function streamAs(format: ImportFormat, text: string, size: number, options: { maxElementChars?: number } = {}) {
  const accumulator = new TraceStatsAccumulator()
  const stream = createImportStream(format, accumulator, options)
  for (let i = 0; i < text.length; i += size) stream.write(text.slice(i, i + size))
  stream.end()
  return accumulator.summary({ slowThresholdMs: 1000 })
}

const errorOf = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  return "(no error)"
}

function wholeSummary(text: string): ImportSummary {
  const result = importText(text, { slowThresholdMs: 1000 })
  if (!result.success) throw new Error(result.error)
  return result.data
}

const spans = shopSpans()
const otlp = toOtlpJson(spans)
const SPAN = {
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  startTimeUnixNano: "1",
  endTimeUnixNano: "2",
}
/** A one-span document whose name holds escapes, brackets, a multi-byte character and a surrogate pair. */
const tricky = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: 'shop "}]' } }] },
      scopeSpans: [{ scope: { name: "s\\" }, spans: [{ ...SPAN, name: 'GET /a\\"b]}{[ é 🙂 \u0001' }] }],
    },
  ],
})

describe("the streaming scanner reads every form alike", () => {
  const forms: [string, string, ImportFormat][] = [
    ["a minified OTLP document", otlp, "otlp-json"],
    ["a pretty-printed OTLP document", JSON.stringify(JSON.parse(otlp), null, 2), "otlp-json"],
    ["OTLP JSON Lines", toOtlpJsonLines(batches(spans, 4)), "otlp-jsonl"],
    ["minified Jaeger JSON", JSON.stringify(toJaegerJson(spans)), "jaeger"],
    ["pretty-printed Jaeger JSON", JSON.stringify(toJaegerJson(spans), null, 2), "jaeger"],
  ]

  it.each(forms)("gives %s the same summary as reading it whole, in 1-character chunks too", (_, text, format) => {
    const whole = wholeSummary(text)
    for (const size of [1, 13, 4096, text.length]) {
      const result = streamed(text, size)
      expect(result.format).toBe(format)
      expect(result.summary).toEqual(whole)
    }
  })

  it("streams a one-line document longer than the head, naming it by line as JSON Lines", () => {
    const request = JSON.parse(otlp) as { resourceSpans: unknown[] }
    const big = JSON.stringify({ resourceSpans: Array.from({ length: 60 }, () => request.resourceSpans).flat() })
    expect(big.length).toBeGreaterThan(HEAD_CHARS)
    const result = streamed(big, 1000)
    expect(result.format).toBe("otlp-jsonl")
    // The same figures as the whole document read at once; only the name of the form differs.
    expect({ ...result.summary, format: "otlp-json" }).toEqual(wholeSummary(big))
    expect(result.summary.spans).toBe(60 * 16)
  })

  it("reads JSON Lines whose documents carry other keys, blank lines and Windows line ends", () => {
    const lines = toOtlpJsonLines(batches(spans, 5))
      .trim()
      .split("\n")
      .map((line) => `{"note": {"a": [1, "]"]}, ${line.slice(1)}`)
      .join("\r\n\r\n")
    const result = streamed(`\uFEFF${lines}\r\n`, 7)
    expect([result.format, result.summary.traces, result.summary.spans]).toEqual(["otlp-jsonl", 7, 16])
  })

  it("survives a split at every position of a file with escapes and multi-byte characters", () => {
    const whole = wholeSummary(tricky)
    expect(whole.operations[0]?.name).toBe('GET /a\\"b]}{[ é 🙂 \u0001')
    for (let i = 0; i <= tricky.length; i++) {
      expect(streamChunks([tricky.slice(0, i), tricky.slice(i)]).summary).toEqual(whole)
    }
  })

  it("gives the same summary however the text is cut into chunks (property)", () => {
    const texts = [tricky, otlp, toOtlpJsonLines(batches(spans, 3)), JSON.stringify(toJaegerJson(spans), null, 1)]
    const wholes = texts.map(wholeSummary)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (which, cuts) => {
          const text = texts[which] as string
          const positions = [...new Set(cuts.map((cut) => Math.floor(cut * text.length)))].sort((a, b) => a - b)
          const chunks = [0, ...positions].map((from, index) => text.slice(from, positions[index] ?? text.length))
          expect(streamChunks(chunks).summary).toEqual(wholes[which])
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe("the streaming scanner's limits", () => {
  it("holds at most 64 Mi characters as one piece by default", () => {
    expect(MAX_ELEMENT_CHARS).toBe(67_108_864)
  })

  it("refuses one element larger than the limit, naming it", () => {
    const element = JSON.stringify((JSON.parse(otlp) as { resourceSpans: unknown[] }).resourceSpans[0])
    expect(element.length).toBeGreaterThan(500)
    expect(errorOf(() => streamed(otlp, 100, { maxElementChars: 500 }))).toBe(
      "resourceSpans 1: this element is larger than 500 characters, more than the importer reads as one piece; export smaller batches"
    )
    expect(errorOf(() => streamed(toOtlpJsonLines(batches(spans, 4)), 100, { maxElementChars: 500 }))).toBe(
      "line 1 resourceSpans 1: this element is larger than 500 characters, more than the importer reads as one piece; export smaller batches"
    )
  })

  it("refuses a document whose text outside its array is larger than the limit", () => {
    const text = `{"resourceSpans": [], "padding": "${"x".repeat(600)}"}`
    expect(errorOf(() => streamed(text, 100, { maxElementChars: 500 }))).toBe(
      "the document outside its array is larger than 500 characters, more than the importer reads as one piece; export smaller batches"
    )
  })

  it("keeps no whitespace between elements, so a long pretty array stays within the limit", () => {
    const element = JSON.stringify({ scopeSpans: [{ spans: [SPAN] }] })
    const elements = Array.from({ length: 200 }, () => element).join(`,${" ".repeat(30)}\n`)
    const text = `{"resourceSpans": [\n${elements}\n]}`
    expect(text.length).toBeGreaterThan(20 * 200)
    expect(element.length).toBeLessThan(150)
    expect(streamAs("otlp-json", text, 64, { maxElementChars: 150 }).spans).toBe(200)
  })

  it("refuses a JSON Lines line that is not an object and larger than the limit", () => {
    const text = `{"resourceSpans": []}\n"${"x".repeat(600)}"\n`
    expect(errorOf(() => streamAs("otlp-jsonl", text, 100, { maxElementChars: 5000 }))).toBe(
      "line 2: not OTLP JSON: expected an object with resourceSpans, got a string"
    )
    expect(errorOf(() => streamAs("otlp-jsonl", text, 100, { maxElementChars: 500 }))).toBe(
      "line 2: this line is larger than 500 characters, more than the importer reads as one piece; export smaller batches"
    )
  })

  it("states a limit of whole MiB in MB", () => {
    const text = `{"resourceSpans": [], "padding": "${"x".repeat(2 * 1024 * 1024)}"}`
    expect(errorOf(() => streamed(text, 1 << 20, { maxElementChars: 1024 * 1024 }))).toBe(
      "line 1: the document outside its array is larger than 1 MB, more than the importer reads as one piece; export smaller batches"
    )
  })
})

describe("the streaming scanner's messages for broken files", () => {
  const good = otlp
  it("passes on JSON.parse's words for broken elements and brackets, naming the place", () => {
    expect(errorOf(() => streamAs("otlp-json", '{"resourceSpans": [{"a": 1}, {"a": tru}]}', 5))).toBe(
      `resourceSpans 2: not JSON: Unexpected token '}', "{"a": tru}" is not valid JSON`
    )
    expect(errorOf(() => streamAs("otlp-jsonl", `${good}\n{"resourceSpans": [{}, ]}\n`, 5))).toBe(
      `line 2: not JSON: Unexpected token ']', ..."ans": [0, ]" is not valid JSON`
    )
    expect(errorOf(() => streamAs("otlp-jsonl", `${good}\n{"resourceSpans": [,{}]}\n`, 5))).toBe(
      `line 2: not JSON: Unexpected token ',', "{"resourceSpans": [," is not valid JSON`
    )
    expect(errorOf(() => streamAs("otlp-json", '{"resourceSpans": [}', 5))).toBe(
      `not JSON: Unexpected token '}', "{"resourceSpans": [}" is not valid JSON`
    )
    expect(errorOf(() => streamAs("jaeger", '{"data": [{"traceID": "1"} {}]}', 5))).toBe(
      `trace 1: not JSON: Unexpected non-whitespace character after JSON at position 17`
    )
  })

  it("names the line of a JSON Lines document cut at the end of the file, in JSON.parse's words", () => {
    // The same words JSON.parse gives for the cut line: the array's elements read so far count.
    expect(errorOf(() => streamed(`${good}\n${good.slice(0, 300)}`, 64))).toBe(
      "line 2: not JSON: Unterminated string in JSON at position 300"
    )
    expect(errorOf(() => streamed(`${good}\n{"resourceSpans": [{"a": [`, 64))).toBe(
      "line 2: not JSON: Unexpected end of JSON input"
    )
  })

  it("refuses text after a single document", () => {
    expect(errorOf(() => streamed(`${JSON.stringify(JSON.parse(good), null, 2)}\n\nx`, 64))).toMatch(
      /^not JSON: unexpected "x" at line \d+, after the first object$/
    )
    const jaeger = JSON.stringify(toJaegerJson(spans), null, 2)
    expect(errorOf(() => streamed(`${jaeger}\n${jaeger}`, 64))).toBe(
      'not Jaeger JSON: the file holds several JSON documents; Jaeger JSON is one {"data": […]} document'
    )
  })

  it("refuses two documents on one JSON Lines line", () => {
    expect(errorOf(() => streamed(`${good}\n${good} ${good}\n`, 64))).toBe(
      "line 2: not JSON: Unexpected non-whitespace character after JSON"
    )
  })

  it("checks the document around the array: resourceSpans missing or not an array", () => {
    expect(errorOf(() => streamed(`${good}\n{"spans": [{"a": 1}]}\n`, 9))).toBe(
      "line 2: not OTLP JSON: missing resourceSpans"
    )
    expect(errorOf(() => streamed(`${good}\n{"resourceSpans": {"a": [1]}}\n`, 9))).toBe(
      "line 2: not OTLP JSON: resourceSpans must be an array, got an object"
    )
    expect(errorOf(() => streamed('{"data": null, "errors": [{"code": 404, "msg": "trace not found"}]}', 9))).toBe(
      'not Jaeger JSON: data must be an array, got null (errors: "trace not found")'
    )
  })

  it("reads a JSON Lines line that is not an object as before, naming it", () => {
    expect(errorOf(() => streamAs("otlp-jsonl", `${good}\n[1, 2]\n`, 9))).toBe(
      "line 2: not OTLP JSON: expected an object with resourceSpans, got an array"
    )
    expect(errorOf(() => streamAs("otlp-jsonl", `${good}\nnull\n`, 9))).toBe(
      "line 2: not OTLP JSON: expected an object with resourceSpans, got null"
    )
    expect(errorOf(() => streamAs("otlp-jsonl", `${good}\nnot json\n`, 9))).toBe(
      `line 2: not JSON: Unexpected token 'o', "not json" is not valid JSON`
    )
  })
})

describe("a minified document the head took for JSON Lines", () => {
  it("is named one OTLP document once the file turns out to hold just one", () => {
    const oneLine = JSON.stringify(JSON.parse(otlp))
    const read = (format: ImportFormat, text: string) => {
      const accumulator = new TraceStatsAccumulator()
      const stream = createImportStream(format, accumulator)
      stream.write(text)
      stream.end()
      return accumulator.summary({ slowThresholdMs: 1000 }).format
    }
    // What detectFormat answers for a one-line document that does not end within the first 64 KB.
    expect(read("otlp-jsonl", `${oneLine}\n`)).toBe("otlp-json")
    expect(read("otlp-jsonl", `${oneLine}\n${oneLine}\n`)).toBe("otlp-jsonl")
  })
})
