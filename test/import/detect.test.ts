import { describe, expect, it } from "vitest"

import { detectFormat } from "@/lib/import"

import { shopSpans, toOtlpJson } from "./fixtures"
import { toJaegerJson } from "./jaeger-json"

const HEAD_CHARS = 64 * 1024
const spans = shopSpans()
const otlp = toOtlpJson(spans)
const jaeger = JSON.stringify(toJaegerJson(spans))

/** A long document, as a big file would be: the shop traces repeated inside one request. */
function bigOtlp(indent?: number): string {
  const request = JSON.parse(otlp) as { resourceSpans: unknown[] }
  const resourceSpans = Array.from({ length: 40 }, () => request.resourceSpans).flat()
  return JSON.stringify({ resourceSpans }, null, indent)
}

describe("detectFormat", () => {
  it("recognises Jaeger JSON by its top-level data key", () => {
    expect(detectFormat(jaeger)).toEqual({ success: true, format: "jaeger" })
    expect(detectFormat(JSON.stringify(toJaegerJson(spans), null, 2))).toEqual({ success: true, format: "jaeger" })
  })

  it("recognises one OTLP document by its top-level resourceSpans key", () => {
    expect(detectFormat(otlp)).toEqual({ success: true, format: "otlp-json" })
  })

  it("recognises JSON Lines when a second document follows the first", () => {
    expect(detectFormat(`${otlp}\n${otlp}\n`)).toEqual({ success: true, format: "otlp-jsonl" })
  })

  it("ignores a byte order mark and leading blank lines", () => {
    expect(detectFormat(`\uFEFF\n\n${otlp}`)).toEqual({ success: true, format: "otlp-json" })
  })

  it("ignores keys of nested objects and text inside strings", () => {
    expect(detectFormat('{"note": "\\"data\\": [", "inner": {"resourceSpans": []}}')).toEqual({
      success: false,
      error:
        'not a trace export: expected a Jaeger {"data": […]} or OTLP {"resourceSpans": […]} object, found "note", "inner"',
    })
  })

  describe("with only the first 64 KB of a big file", () => {
    it("reads a pretty-printed document as one OTLP document", () => {
      const text = bigOtlp(2)
      expect(text.length).toBeGreaterThan(HEAD_CHARS)
      expect(detectFormat(text.slice(0, HEAD_CHARS))).toEqual({ success: true, format: "otlp-json" })
    })

    it("reads a one-line document as JSON Lines, which reads it correctly as a one-line file", () => {
      expect(detectFormat(bigOtlp().slice(0, HEAD_CHARS))).toEqual({ success: true, format: "otlp-jsonl" })
    })

    it("reads JSON Lines whose first line is longer than the head as JSON Lines", () => {
      expect(detectFormat(`${bigOtlp()}\n${bigOtlp()}\n`.slice(0, HEAD_CHARS))).toEqual({
        success: true,
        format: "otlp-jsonl",
      })
    })

    it("reads a cut-off Jaeger document as Jaeger", () => {
      const big = JSON.stringify({ data: Array.from({ length: 40 }, () => toJaegerJson(spans).data).flat() })
      expect(detectFormat(big.slice(0, HEAD_CHARS))).toEqual({ success: true, format: "jaeger" })
    })

    it("says how much it looked at when neither key is there", () => {
      const text = JSON.stringify({ other: "x".repeat(HEAD_CHARS) }).slice(0, HEAD_CHARS)
      expect(detectFormat(text)).toEqual({
        success: false,
        error: 'not a trace export: no "data" (Jaeger) or "resourceSpans" (OTLP) key in the first 64 KB, found "other"',
      })
    })
  })

  describe("edge cases", () => {
    it("refuses several Jaeger documents in one file", () => {
      expect(detectFormat(`${jaeger}\n${jaeger}`)).toEqual({
        success: false,
        error: 'not Jaeger JSON: the file holds several JSON documents; Jaeger JSON is one {"data": […]} document',
      })
    })

    it("names line 1 when the first of several documents is broken", () => {
      expect(detectFormat('{"resourceSpans": [1,]}\n{"resourceSpans": []}')).toEqual({
        success: false,
        error: `line 1: not JSON: Unexpected token ']', ..."pans": [1,]}" is not valid JSON`,
      })
    })
  })
})
