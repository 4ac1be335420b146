import { describe, expect, it } from "vitest"

import { detectFormat, importText, TraceStatsAccumulator, type ImportFormat } from "@/lib/import"
import { importChanges } from "@/lib/import/apply"
import { createImportStream } from "@/lib/import/stream"
import { DEFAULT_INPUT, planInputSchema } from "@/lib/plan/schema"

import { batches, shopSpans, toOtlpJson, toOtlpJsonLines } from "./fixtures"
import { toJaegerJson } from "./jaeger-json"

/** Streams text in chunks of `size` characters, as the worker does with a file. */
function streamed(text: string, size: number) {
  const detected = detectFormat(text.slice(0, 65_536))
  if (!detected.success) throw new Error(detected.error)
  const accumulator = new TraceStatsAccumulator()
  const stream = createImportStream(detected.format, accumulator)
  for (let i = 0; i < text.length; i += size) stream.write(text.slice(i, i + size))
  stream.end()
  return { format: detected.format, summary: accumulator.summary({ slowThresholdMs: 1000 }) }
}

const inputs: [ImportFormat, string][] = [
  ["otlp-json", toOtlpJson(shopSpans())],
  ["otlp-jsonl", toOtlpJsonLines(batches(shopSpans(), 4))],
  ["jaeger", JSON.stringify(toJaegerJson(shopSpans()))],
]

describe("createImportStream", () => {
  it.each(inputs)(
    "gives the same summary for %s streamed in 7-character chunks as for the whole text",
    (format, text) => {
      const whole = importText(text, { slowThresholdMs: 1000 })
      if (!whole.success) throw new Error(whole.error)
      const result = streamed(text, 7)
      expect(result.format).toBe(format)
      expect(result.summary).toEqual(whole.data)
    }
  )

  it("names the line of a broken JSON Lines document", () => {
    const good = toOtlpJson(shopSpans())
    expect(() => streamed(`${good}\n${good}\n{"resourceSpans": [}\n`, 64)).toThrow(/^line 3: not JSON: /)
  })

  it("says when a pretty-printed OTLP document ends in the middle", () => {
    const text = JSON.stringify(JSON.parse(toOtlpJson(shopSpans())), null, 2)
    expect(() => streamed(text.slice(0, text.length - 10), 100)).toThrow(
      "not OTLP JSON: the file ends in the middle of the document"
    )
  })

  it("reads a one-line document as JSON Lines and names the line when it is cut", () => {
    const text = toOtlpJson(shopSpans())
    expect(() => streamed(text.slice(0, text.length - 10), 100)).toThrow(/^line 1: not JSON: /)
  })

  it("says when a Jaeger document has no traces", () => {
    expect(() => streamed('{"data": []}', 5)).toThrow("no traces found in the file: data is missing or empty")
    expect(() => streamed('{"resourceSpans": []}', 5)).toThrow(
      "no spans found in the file: resourceSpans is missing or empty"
    )
  })
})

describe("importChanges", () => {
  it("lists old → new for each field and sets values the schema accepts", () => {
    const whole = importText(inputs[0]![1], { slowThresholdMs: 1000 })
    if (!whole.success) throw new Error(whole.error)
    const { changes, values } = importChanges(whole.data, DEFAULT_INPUT)
    expect(changes.map((change) => [change.field, change.from])).toEqual([
      ["spansPerTrace", "30"],
      ["spanBytes", "500"],
      ["errorRate", "0.01"],
      ["slowRate", "0.05"],
      ...(whole.data.suggested.endpoints ? [["endpoints", "—"]] : []),
    ])
    expect(planInputSchema.safeParse({ ...values }).success).toBe(true)
  })

  it("replaces a described request path with the measured spans per trace", () => {
    const whole = importText(inputs[0]![1], { slowThresholdMs: 1000 })
    if (!whole.success) throw new Error(whole.error)
    const withPath = {
      ...DEFAULT_INPUT,
      topology: [{ name: "api", internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 0, dapr: false }],
    }
    expect(importChanges(whole.data, withPath).values.topology).toBe("")
  })
})
