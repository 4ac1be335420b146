import { describe, expect, it } from "vitest"

import { ImportFormatError, MAX_SUMMARY_NAMES, TraceStatsAccumulator } from "@/lib/import"

import { shopSpans, toOtlpJson } from "./fixtures"
import { toJaegerJson, type JaegerTrace } from "./jaeger-json"

const TRACE = "0af7651916cd43dd8448eb211c80319c"
const span = (spanId: string, parentSpanId: string, name: string, startNanos: number, endNanos: number) => ({
  traceId: TRACE,
  spanId,
  parentSpanId,
  name,
  kind: 2,
  startTimeUnixNano: String(startNanos),
  endTimeUnixNano: String(endNanos),
})
const resourceSpans = (service: string, spans: unknown[]) => ({
  resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
  scopeSpans: [{ scope: { name: "s" }, spans }],
})

describe("TraceStatsAccumulator", () => {
  it("counts spans and distinct traces as units arrive", () => {
    const accumulator = new TraceStatsAccumulator()
    const { resourceSpans: units } = JSON.parse(toOtlpJson(shopSpans())) as { resourceSpans: unknown[] }
    expect([accumulator.spanCount, accumulator.traceCount]).toEqual([0, 0])
    // The first resource is inventory (its SELECT is the first span to end): 7 spans in 5 traces.
    accumulator.addResourceSpans(units[0], "resourceSpans 1")
    expect([accumulator.spanCount, accumulator.traceCount]).toEqual([7, 5])
    units.slice(1).forEach((unit, index) => accumulator.addResourceSpans(unit, `resourceSpans ${index + 2}`))
    expect([accumulator.spanCount, accumulator.traceCount]).toEqual([16, 7])
  })

  it("joins a trace whose child arrives before its parent, in another unit", () => {
    const accumulator = new TraceStatsAccumulator()
    accumulator.addResourceSpans(
      resourceSpans("db", [span("00000000000000c1", "00000000000000a1", "SELECT", 2e6, 3e6)]),
      "resourceSpans 1"
    )
    accumulator.addResourceSpans(
      resourceSpans("api", [span("00000000000000a1", "", "GET /x", 0, 9e6)]),
      "resourceSpans 2"
    )
    const summary = accumulator.summary({ slowThresholdMs: 1000 })
    expect([summary.traces, summary.truncatedTraces, summary.spansPerTrace.max, summary.rootDurationMs.max]).toEqual([
      1, 0, 2, 9,
    ])
  })

  it("takes the earliest of several parentless spans as the root", () => {
    const accumulator = new TraceStatsAccumulator()
    accumulator.addResourceSpans(
      resourceSpans("api", [
        span("00000000000000b2", "", "late job", 5e6, 6e6),
        span("00000000000000a1", "", "GET /first", 1e6, 4e6),
      ]),
      "resourceSpans 1"
    )
    const summary = accumulator.summary({ slowThresholdMs: 1000 })
    expect(summary.operations).toEqual([
      { service: "api", name: "GET /first", rootCount: 1, share: 1, healthCheck: false },
    ])
    expect(summary.rootDurationMs.max).toBe(3)
  })

  it("keeps nanosecond precision in 19-digit timestamps", () => {
    const accumulator = new TraceStatsAccumulator()
    const root = {
      ...span("00000000000000a1", "", "GET /", 0, 0),
      startTimeUnixNano: "1700000000999999999",
      endTimeUnixNano: "1700000001000000250",
    }
    accumulator.addResourceSpans(resourceSpans("api", [root]), "resourceSpans 1")
    expect(accumulator.summary({ slowThresholdMs: 1000 }).rootDurationMs.max).toBe(0.000251)
  })

  it("leaves everything as it was when a unit fails part way", () => {
    const accumulator = new TraceStatsAccumulator()
    accumulator.addResourceSpans(
      resourceSpans("api", [span("00000000000000a1", "", "GET /", 0, 1e6)]),
      "resourceSpans 1"
    )
    const before = accumulator.summary({ slowThresholdMs: 1000 })
    const broken = resourceSpans("api", [
      span("00000000000000a2", "", "GET /", 0, 1e6),
      span("bad", "", "GET /", 0, 1e6),
    ])
    expect(() => accumulator.addResourceSpans(broken, "resourceSpans 2")).toThrow(
      new ImportFormatError('resourceSpans 2 scopeSpans 1 span 2: spanId must be 16 hex characters, got "bad"')
    )
    expect([accumulator.spanCount, accumulator.traceCount]).toEqual([1, 1])
    expect(accumulator.summary({ slowThresholdMs: 1000 })).toEqual(before)
  })

  it("refuses to mix formats in one import", () => {
    const accumulator = new TraceStatsAccumulator()
    accumulator.addOtlpDocument({ resourceSpans: [] }, "line 1")
    expect(() => accumulator.addResourceSpans({}, "resourceSpans 1")).toThrow(
      "resourceSpans 1: cannot mix otlp-jsonl and otlp-json input in one import"
    )
  })

  it("throws ImportFormatError from summary when nothing was read", () => {
    expect(() => new TraceStatsAccumulator().summary({ slowThresholdMs: 1000 })).toThrow(
      new ImportFormatError("no spans found in the file")
    )
  })

  it("treats a bad threshold as a programming error", () => {
    const accumulator = new TraceStatsAccumulator()
    accumulator.addResourceSpans(
      resourceSpans("api", [span("00000000000000a1", "", "GET /", 0, 1e6)]),
      "resourceSpans 1"
    )
    expect(() => accumulator.summary({ slowThresholdMs: Number.NaN })).toThrow(RangeError)
  })

  it("copies a global health-check pattern so repeated tests do not skip matches", () => {
    const accumulator = new TraceStatsAccumulator({ healthCheckPattern: /ping/g })
    const spans = ["a1", "a2", "a3"].map((id, index) => ({
      ...span(`00000000000000${id}`, "", "GET /ping", 0, 1e6),
      traceId: `${TRACE.slice(0, 31)}${index}`,
    }))
    accumulator.addResourceSpans(resourceSpans("api", spans), "resourceSpans 1")
    expect(accumulator.summary({ slowThresholdMs: 1000 }).operations).toEqual([
      { service: "api", name: "GET /ping", rootCount: 3, share: 1, healthCheck: true },
    ])
  })
})

describe("TraceStatsAccumulator with Jaeger traces", () => {
  const jaegerShop = () => toJaegerJson(shopSpans())

  it("reads ids written without leading zeros, as Jaeger before 1.x did", () => {
    const accumulator = new TraceStatsAccumulator()
    const trace: JaegerTrace = {
      traceID: "af7651916cd43dd",
      processes: { p1: { serviceName: "api", tags: [] } },
      warnings: null,
      spans: [
        {
          traceID: "af7651916cd43dd",
          spanID: "1f",
          operationName: "GET /",
          references: [],
          flags: 1,
          startTime: 0,
          duration: 5000,
          tags: [],
          logs: [],
          processID: "p1",
          warnings: null,
        },
        {
          traceID: "af7651916cd43dd",
          spanID: "2a",
          operationName: "SELECT",
          references: [{ refType: "CHILD_OF", traceID: "0af7651916cd43dd", spanID: "000000000000001f" }],
          flags: 1,
          startTime: 1000,
          duration: 2000,
          tags: [],
          logs: [],
          processID: "p1",
          warnings: null,
        },
      ],
    }
    accumulator.addJaegerTrace(trace, "trace 1")
    const summary = accumulator.summary({ slowThresholdMs: 1000 })
    expect([summary.traces, summary.truncatedTraces, summary.spansPerTrace.max, summary.rootDurationMs.max]).toEqual([
      1, 0, 2, 5,
    ])
  })

  it("takes a FOLLOWS_FROM reference in the same trace as the parent when there is no CHILD_OF (Jaeger's rule)", () => {
    const jaeger = jaegerShop()
    const child = jaeger.data[5]?.spans.find((span) => span.operationName === "restock")
    const reference = child?.references[0]
    if (reference) reference.refType = "FOLLOWS_FROM"
    const accumulator = new TraceStatsAccumulator()
    jaeger.data.forEach((trace, index) => accumulator.addJaegerTrace(trace, `trace ${index + 1}`))
    const summary = accumulator.summary({ slowThresholdMs: 1000 })
    expect([summary.traces, summary.operations.length]).toEqual([7, 5])
  })

  it("counts error=true and otel.status_code=ERROR as errors", () => {
    const jaeger = jaegerShop()
    const charge = jaeger.data[1]?.spans.find((span) => span.operationName === "charge card")
    if (charge) charge.tags = charge.tags.filter((tag) => tag.key !== "otel.status_code")
    const health = jaeger.data[2]?.spans[0]
    health?.tags.push({ key: "otel.status_code", type: "string", value: "ERROR" })
    const accumulator = new TraceStatsAccumulator()
    jaeger.data.forEach((trace, index) => accumulator.addJaegerTrace(trace, `trace ${index + 1}`))
    expect(accumulator.summary({ slowThresholdMs: 1000 }).errorRatio).toBe(2 / 7)
  })

  it("batches a process's spans across traces, so splitting the file by trace keeps the bytes", () => {
    const jaeger = jaegerShop()
    const together = new TraceStatsAccumulator()
    jaeger.data.forEach((trace, index) => together.addJaegerTrace(trace, `trace ${index + 1}`))
    const reversed = new TraceStatsAccumulator()
    jaeger.data.reverse().forEach((trace, index) => reversed.addJaegerTrace(trace, `trace ${index + 1}`))
    expect(reversed.summary({ slowThresholdMs: 1000 }).spanBytes.mean).toBe(
      together.summary({ slowThresholdMs: 1000 }).spanBytes.mean
    )
  })

  it("charges a process one envelope per 512 spans", () => {
    const many = (count: number) => {
      const accumulator = new TraceStatsAccumulator()
      const spans = Array.from({ length: count }, (_, index) => ({
        traceID: TRACE,
        spanID: (index + 1).toString(16).padStart(16, "0"),
        operationName: "GET /",
        references: [],
        startTime: 0,
        duration: 1000,
        tags: [],
        logs: [],
        processID: "p1",
      }))
      accumulator.addJaegerTrace(
        {
          traceID: TRACE,
          spans,
          processes: {
            p1: { serviceName: "api", tags: [{ key: "host.name", type: "string", value: "a".repeat(100) }] },
          },
        },
        "trace 1"
      )
      return accumulator.summary({ slowThresholdMs: 1000 }).spanBytes.mean * count
    }
    // Each span: ids 28, name 7, no kind tag so no kind, times 18, dropped 6, status 4, flags 6 = 69 → 71 framed.
    // Resource: service.name 1+1+(14 + 1+1+5) = 23, host.name 1+1+(11 + 1+1+102) = 117, dropped 2 → 142 → 1+2+142 = 145.
    // One batch: ScopeSpans 1+3+(scope 4 + 512 × 71) = 36,360; ResourceSpans 1+3+(145 + 36,360) = 36,509.
    expect(many(512)).toBe(36_509)
    expect(many(1024)).toBe(2 * 36_509)
  })
})

describe("TraceStatsAccumulator caps the names it lists", () => {
  /** One single-span trace per name, each with its own trace id. */
  function manyOperations(names: string[]) {
    const accumulator = new TraceStatsAccumulator()
    const spans = names.map((name, index) => ({
      traceId: index.toString(16).padStart(32, "0"),
      spanId: (index + 1).toString(16).padStart(16, "0"),
      name,
      startTimeUnixNano: "0",
      endTimeUnixNano: "1000000",
    }))
    accumulator.addResourceSpans(resourceSpans("svc", spans), "resourceSpans 1")
    return accumulator.summary({ slowThresholdMs: 1000 })
  }

  it("lists at most MAX_SUMMARY_NAMES operations and health checks and counts the rest", () => {
    expect(MAX_SUMMARY_NAMES).toBe(50)
    const names = [
      ...Array.from({ length: 120 }, (_, i) => `GET /health/${String(i).padStart(3, "0")}`),
      ...Array.from({ length: 70 }, (_, i) => `GET /items/${String(i).padStart(3, "0")}`),
    ]
    const summary = manyOperations(names)
    expect([summary.traces, summary.operations.length, summary.moreOperations]).toEqual([190, 50, 140])
    expect([summary.healthCheckOperations.length, summary.moreHealthCheckOperations]).toEqual([50, 70])
    expect(summary.healthCheckOperations[49]).toBe("GET /health/049")
    // Suggestions still come from every operation: the top 20 non-health-check ones.
    expect(summary.suggested.endpoints?.length).toBe(20)
    expect(summary.suggested.endpoints?.[0]).toEqual({ name: "GET /items/000", share: 0.0052 })
  })

  it("lists at most MAX_SUMMARY_NAMES services and counts the rest", () => {
    const accumulator = new TraceStatsAccumulator()
    for (let i = 0; i < 60; i++) {
      const id = (i + 1).toString(16).padStart(16, "0")
      accumulator.addResourceSpans(
        resourceSpans(`service ${String(i).padStart(2, "0")}`, [
          { ...span(id, "", "GET /", 0, 1e6), traceId: i.toString(16).padStart(32, "0") },
        ]),
        `resourceSpans ${i + 1}`
      )
    }
    const summary = accumulator.summary({ slowThresholdMs: 1000 })
    expect([summary.services.length, summary.moreServices]).toEqual([50, 10])
    expect(summary.services[0]).toEqual({ name: "service 00", spans: 1, share: 1 / 60 })
  })

  it("counts nothing more when everything fits", () => {
    const summary = manyOperations(["GET /a", "GET /health"])
    expect([summary.moreOperations, summary.moreHealthCheckOperations, summary.moreServices]).toEqual([0, 0, 0])
  })
})
