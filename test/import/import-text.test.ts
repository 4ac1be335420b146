import { describe, expect, it } from "vitest"

import { importText, type ImportSummary } from "@/lib/import"
import { planInputSchema } from "@/lib/plan/schema"

import { batches, protobufBytes, shopSpans, toOtlpJson, toOtlpJsonLines, without } from "./fixtures"
import { toJaegerJson } from "./jaeger-json"

const SLOW_MS = 1000

function summarize(text: string, slowThresholdMs = SLOW_MS): ImportSummary {
  const result = importText(text, { slowThresholdMs })
  if (!result.success) throw new Error(result.error)
  return result.data
}

const spans = shopSpans()
const otlp = summarize(toOtlpJson(spans))
const jsonLinesBatches = batches(spans, 5)
const jsonLines = summarize(toOtlpJsonLines(jsonLinesBatches))
const jaeger = summarize(JSON.stringify(toJaegerJson(spans)))

/** Everything but the format and the byte sizes, which depend on how the input was batched. */
function perTraceFigures(summary: ImportSummary) {
  return {
    ...summary,
    format: undefined,
    spanBytes: undefined,
    suggested: { ...summary.suggested, spanBytes: undefined },
  }
}

describe("importText on the shop traces (real SDK spans, OTLP JSON from JsonTraceSerializer)", () => {
  it("reads one OTLP document as otlp-json", () => {
    expect(otlp.format).toBe("otlp-json")
  })

  it("counts 7 complete traces of 16 spans and none truncated", () => {
    expect([otlp.traces, otlp.spans, otlp.truncatedTraces]).toEqual([7, 16, 0])
  })

  it("reports spans per trace over 1, 1, 2, 2, 3, 3, 4 (nearest-rank percentiles)", () => {
    expect(otlp.spansPerTrace).toEqual({ mean: 16 / 7, p50: 2, p90: 4, p99: 4, max: 4 })
  })

  it("counts 32 attributes and 2 events over 16 spans", () => {
    expect(otlp.attributesPerSpan).toBe(2)
    expect(otlp.eventsPerSpan).toBe(0.125)
  })

  it("finds 1 trace in 7 with an ERROR span", () => {
    expect(otlp.errorRatio).toBe(1 / 7)
  })

  it("reports root durations over 1, 2, 40, 80, 120, 1500, 2500 ms", () => {
    expect(otlp.rootDurationMs).toEqual({ p50: 80, p90: 2500, p99: 2500, max: 2500 })
  })

  it("counts the traces whose root lasted more than the threshold", () => {
    expect(otlp.slowShare).toBe(2 / 7)
    expect(summarize(toOtlpJson(spans), 100).slowShare).toBe(3 / 7)
    expect(summarize(toOtlpJson(spans), 2500).slowShare).toBe(0)
  })

  it("lists services by span count, ties by name", () => {
    expect(otlp.services).toEqual([
      { name: "frontend", spans: 7, share: 0.4375 },
      { name: "inventory", spans: 7, share: 0.4375 },
      { name: "checkout", spans: 2, share: 0.125 },
    ])
  })

  it("lists root operations by count and flags health checks, naming a bare GET by its route", () => {
    expect(otlp.operations).toEqual([
      { service: "frontend", name: "GET /products", rootCount: 3, share: 3 / 7, healthCheck: false },
      { service: "checkout", name: "process refunds", rootCount: 1, share: 1 / 7, healthCheck: false },
      { service: "frontend", name: "GET /health", rootCount: 1, share: 1 / 7, healthCheck: true },
      { service: "frontend", name: "GET /metrics", rootCount: 1, share: 1 / 7, healthCheck: true },
      { service: "frontend", name: "POST /checkout", rootCount: 1, share: 1 / 7, healthCheck: false },
    ])
    expect(otlp.healthCheckOperations).toEqual(["GET /health", "GET /metrics"])
  })

  it("suggests plan values rounded as the plan takes them", () => {
    expect(otlp.suggested).toEqual({
      spansPerTrace: 2.3,
      spanBytes: 180,
      errorRate: 0.1429,
      slowRate: 0.2857,
      endpoints: [
        { name: "GET /products", share: 0.4285 },
        { name: "POST /checkout", share: 0.1428 },
        { name: "process refunds", share: 0.1428 },
      ],
    })
  })

  it("suggests values that planInputSchema accepts", () => {
    const { spansPerTrace, spanBytes, errorRate, slowRate, endpoints } = otlp.suggested
    expect(planInputSchema.safeParse({ spansPerTrace, spanBytes, errorRate, slowRate, endpoints }).success).toBe(true)
  })
})

describe("span bytes against ProtobufTraceSerializer on the same spans", () => {
  it("adds up to the exact protobuf request size for one document", () => {
    expect(protobufBytes(spans)).toBe(2880)
    expect(otlp.spanBytes.mean * otlp.spans).toBe(2880)
    expect(otlp.spanBytes.mean).toBe(180)
  })

  it("adds up to the sum of the protobuf requests for JSON Lines, one request per line", () => {
    const requests = jsonLinesBatches.map(protobufBytes)
    expect(requests).toEqual([984, 1295, 1128, 262])
    expect(jsonLines.spanBytes.mean * jsonLines.spans).toBe(3669)
  })

  it("gives each span its message plus its share of the envelope, so percentiles are fractional", () => {
    expect(otlp.spanBytes).toEqual({ mean: 180, p50: 147.02380952380952, p90: 259 })
  })
})

describe("the same spans as JSON Lines (one ExportTraceServiceRequest per line, traces split across lines)", () => {
  it("reads them as otlp-jsonl", () => {
    expect(jsonLines.format).toBe("otlp-jsonl")
  })

  it("groups spans by trace id across lines and derives the same per-trace figures", () => {
    expect(perTraceFigures(jsonLines)).toEqual(perTraceFigures(otlp))
  })

  it("charges smaller batches more envelope per span", () => {
    expect(jsonLines.suggested.spanBytes).toBe(229)
  })
})

describe("the same spans as Jaeger JSON (converted like the Collector's Jaeger translator)", () => {
  it("reads them as jaeger", () => {
    expect(jaeger.format).toBe("jaeger")
  })

  it("agrees with OTLP on traces, spans, spans per trace, errors, durations, services and operations", () => {
    expect(perTraceFigures(jaeger)).toEqual(perTraceFigures(otlp))
  })

  it("sizes the equivalent OTLP spans to the same total when every process fits one 512-span batch", () => {
    expect(jaeger.spanBytes.mean).toBe(180)
    expect(jaeger.suggested.spanBytes).toBe(180)
  })

  it("shares a process's envelope over all its spans rather than per scope", () => {
    expect(jaeger.spanBytes).toEqual({ mean: 180, p50: 146, p90: 259 })
  })
})

describe("traces cut by the export window", () => {
  it("counts a trace without its root as truncated and leaves it out of per-trace figures", () => {
    // Trace 5 (2500 ms, 3 spans) loses its root GET /products.
    const cut = summarize(toOtlpJson(without(spans, 4, ["GET /products"])))
    expect([cut.traces, cut.spans, cut.truncatedTraces]).toEqual([6, 15, 1])
    expect(cut.spansPerTrace).toEqual({ mean: 13 / 6, p50: 2, p90: 4, p99: 4, max: 4 })
    expect(cut.rootDurationMs).toEqual({ p50: 40, p90: 1500, p99: 1500, max: 1500 })
    expect(cut.slowShare).toBe(1 / 6)
    expect(cut.operations[0]).toEqual({
      service: "frontend",
      name: "GET /products",
      rootCount: 2,
      share: 2 / 6,
      healthCheck: false,
    })
  })

  it("counts a trace missing a middle span as truncated even though its root is there", () => {
    // Trace 2 (the only error, 1500 ms) loses "charge card", orphaning "reserve".
    const cut = summarize(toOtlpJson(without(spans, 1, ["charge card"])))
    expect([cut.traces, cut.spans, cut.truncatedTraces]).toEqual([6, 15, 1])
    expect(cut.errorRatio).toBe(0)
    expect(cut.slowShare).toBe(1 / 6)
    expect(cut.operations.map((operation) => operation.name)).not.toContain("POST /checkout")
  })

  it("still counts the spans of truncated traces in per-span figures", () => {
    const cut = summarize(toOtlpJson(without(spans, 1, ["charge card"])))
    expect(cut.services).toEqual([
      { name: "frontend", spans: 7, share: 7 / 15 },
      { name: "inventory", spans: 7, share: 7 / 15 },
      { name: "checkout", spans: 1, share: 1 / 15 },
    ])
  })

  it("finds the same truncation in Jaeger JSON", () => {
    const cut = summarize(JSON.stringify(toJaegerJson(without(spans, 1, ["charge card"]))))
    expect([cut.traces, cut.spans, cut.truncatedTraces]).toEqual([6, 15, 1])
  })
})

describe("health checks", () => {
  it("uses a configured pattern instead of the default", () => {
    const result = importText(toOtlpJson(spans), { slowThresholdMs: SLOW_MS, healthCheckPattern: /refunds/g })
    expect(result.success && result.data.healthCheckOperations).toEqual(["process refunds"])
  })

  it("keeps health checks out of the suggested endpoints", () => {
    expect(otlp.suggested.endpoints?.map((endpoint) => endpoint.name)).toEqual([
      "GET /products",
      "POST /checkout",
      "process refunds",
    ])
  })
})
