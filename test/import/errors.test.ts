import { describe, expect, it } from "vitest"

import { importText } from "@/lib/import"

import { shopSpans, toOtlpJson } from "./fixtures"
import { toJaegerJson } from "./jaeger-json"

const errorOf = (text: string) => {
  const result = importText(text, { slowThresholdMs: 1000 })
  return result.success ? "(no error)" : result.error
}

const SPAN = {
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  name: "GET /",
  startTimeUnixNano: "1",
  endTimeUnixNano: "2",
}
const otlpDocument = (spans: unknown[]) =>
  JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: "s" }, spans }] }] })

describe("importText on broken input", () => {
  it("says so for an empty file", () => {
    expect(errorOf("")).toBe("the file is empty")
    expect(errorOf(" \n\t\n")).toBe("the file is empty")
  })

  it("passes on JSON.parse's own words for text that is not JSON", () => {
    expect(errorOf("hello")).toBe(`not JSON: Unexpected token 'h', "hello" is not valid JSON`)
  })

  it("names the line of a cut-off document", () => {
    expect(errorOf('{"resourceSpans": [')).toBe("line 1: not JSON: Unexpected end of JSON input")
  })

  it("names the keys it found in JSON of the wrong shape", () => {
    expect(errorOf('{"foo": 1, "bar": {"resourceSpans": []}}')).toBe(
      'not a trace export: expected a Jaeger {"data": […]} or OTLP {"resourceSpans": […]} object, found "foo", "bar"'
    )
  })

  it("refuses a top-level array or a bare value", () => {
    expect(errorOf("[1, 2]")).toBe(
      'not a trace export: the file holds a JSON array; expected a Jaeger {"data": […]} or OTLP {"resourceSpans": […]} object'
    )
    expect(errorOf("42")).toBe(
      'not a trace export: the file holds a number; expected a Jaeger {"data": […]} or OTLP {"resourceSpans": […]} object'
    )
  })

  it("spots a single Jaeger trace that is not wrapped in data", () => {
    expect(errorOf('{"traceID": "1", "spans": [], "processes": {}}')).toBe(
      'not a trace export: expected a Jaeger {"data": […]} or OTLP {"resourceSpans": […]} object, found "traceID", "spans", "processes"; this looks like a single Jaeger trace: wrap it as {"data": [trace]}'
    )
  })

  it("refuses resourceSpans or data that are not arrays", () => {
    expect(errorOf('{"resourceSpans": {}}')).toBe("not OTLP JSON: resourceSpans must be an array, got an object")
    expect(errorOf('{"data": {}}')).toBe("not Jaeger JSON: data must be an array, got an object")
  })

  it("quotes the errors of a Jaeger error response", () => {
    expect(errorOf('{"data": null, "errors": [{"code": 404, "msg": "trace not found"}]}')).toBe(
      'not Jaeger JSON: data must be an array, got null (errors: "trace not found")'
    )
  })

  it("reports a file without spans", () => {
    expect(errorOf('{"resourceSpans": []}')).toBe("no spans found in the file")
    expect(errorOf('{"data": []}')).toBe("no spans found in the file")
  })

  it("reports text after the first document that is not another document", () => {
    expect(errorOf('{"resourceSpans": []}\n\nnot json')).toBe(
      'not JSON: unexpected "n" at line 3, after the first object'
    )
  })
})

describe("importText on a bad line in JSON Lines", () => {
  const good = toOtlpJson(shopSpans())

  it("names the line that is not JSON", () => {
    expect(errorOf(`${good}\n${good}\n{"resourceSpans": [\n`)).toBe("line 3: not JSON: Unexpected end of JSON input")
  })

  it("names the line that is JSON but not OTLP", () => {
    expect(errorOf(`${good}\n${good}\n{"spans": []}\n`)).toBe("line 3: not OTLP JSON: missing resourceSpans")
  })

  it("names the line, resource, scope and span of a bad id", () => {
    expect(errorOf(`${good}\n${otlpDocument([SPAN, { ...SPAN, spanId: "zz" }])}\n`)).toBe(
      'line 2 resourceSpans 1 scopeSpans 1 span 2: spanId must be 16 hex characters, got "zz"'
    )
  })

  it("counts blank lines and reads Windows line ends and a byte order mark", () => {
    const lines = `\uFEFF${good}\r\n\r\n${good}\r\n`
    const result = importText(lines, { slowThresholdMs: 1000 })
    expect(result.success && [result.data.format, result.data.traces, result.data.spans]).toEqual(["otlp-jsonl", 7, 32])
    expect(errorOf(`${good}\r\n\r\n{"spans": []}\r\n`)).toBe("line 3: not OTLP JSON: missing resourceSpans")
  })
})

describe("importText on malformed spans", () => {
  it("wants OTLP trace ids as 32 hex characters", () => {
    expect(errorOf(otlpDocument([{ ...SPAN, traceId: "0af7651916cd43dd8448eb211c80319" }]))).toBe(
      'resourceSpans 1 scopeSpans 1 span 1: traceId must be 32 hex characters, got "0af7651916cd43dd8448eb211c80319"'
    )
  })

  it("hints at base64 when an id is base64 (protobuf JSON's bytes encoding, not OTLP's)", () => {
    expect(errorOf(otlpDocument([{ ...SPAN, traceId: "CvdlGRbNQ92ESOshHIAxnA==" }]))).toBe(
      'resourceSpans 1 scopeSpans 1 span 1: traceId must be 32 hex characters, got "CvdlGRbNQ92ESOshHIAxnA==" (base64? OTLP JSON writes ids as hex)'
    )
  })

  it("names the attribute with a bad value", () => {
    const span = { ...SPAN, attributes: [{ key: "http.response.status_code", value: { intValue: "two hundred" } }] }
    expect(errorOf(otlpDocument([span]))).toBe(
      'resourceSpans 1 scopeSpans 1 span 1 attribute "http.response.status_code": intValue must be a whole number within int64, got "two hundred"'
    )
  })

  it("refuses timestamps that are not nanosecond counts", () => {
    expect(errorOf(otlpDocument([{ ...SPAN, startTimeUnixNano: "2024-01-01T00:00:00Z" }]))).toBe(
      'resourceSpans 1 scopeSpans 1 span 1: startTimeUnixNano must be nanoseconds since the epoch as digits, got "2024-01-01T00:00:00Z"'
    )
  })

  it("refuses an unknown span kind", () => {
    expect(errorOf(otlpDocument([{ ...SPAN, kind: "SPAN_KIND_SERVERLESS" }]))).toBe(
      'resourceSpans 1 scopeSpans 1 span 1: kind must be 0 to 5 or one of SPAN_KIND_UNSPECIFIED, SPAN_KIND_INTERNAL, SPAN_KIND_SERVER, SPAN_KIND_CLIENT, SPAN_KIND_PRODUCER, SPAN_KIND_CONSUMER, got "SPAN_KIND_SERVERLESS"'
    )
  })

  it("wants Jaeger span ids of 16 hex characters, naming the trace and span", () => {
    const jaeger = toJaegerJson(shopSpans())
    const span = jaeger.data[4]?.spans[2]
    if (span) span.spanID = "not-hex"
    expect(errorOf(JSON.stringify(jaeger))).toBe('trace 5 span 3: spanID must be 16 hex characters, got "not-hex"')
  })

  it("refuses a Jaeger span id longer than 16 hex characters", () => {
    const jaeger = toJaegerJson(shopSpans())
    const span = jaeger.data[1]?.spans[0]
    if (span) span.spanID = "00f067aa0ba902b70"
    expect(errorOf(JSON.stringify(jaeger))).toBe(
      'trace 2 span 1: spanID must be 16 hex characters, got "00f067aa0ba902b70"'
    )
  })

  it("refuses a Jaeger span whose process is not listed", () => {
    const jaeger = toJaegerJson(shopSpans())
    const span = jaeger.data[0]?.spans[0]
    if (span) span.processID = "p9"
    expect(errorOf(JSON.stringify(jaeger))).toBe('trace 1 span 1: processID "p9" is not in processes')
  })

  it("refuses a Jaeger tag of an unknown type", () => {
    const jaeger = toJaegerJson(shopSpans())
    jaeger.data[0]?.spans[0]?.tags.push({ key: "blob", type: "bytes" as "binary", value: "AQ==" })
    expect(errorOf(JSON.stringify(jaeger))).toBe(
      'trace 1 span 1 tag "blob": unknown tag type "bytes"; expected string, bool, int64, float64 or binary'
    )
  })

  it("returns a message, never a stack trace", () => {
    const message = errorOf(otlpDocument([{ ...SPAN, spanId: 7 }]))
    expect(message).toBe("resourceSpans 1 scopeSpans 1 span 1: spanId must be 16 hex characters, got a number")
    expect(message).not.toMatch(/\n\s+at /)
  })
})
