import { SamplingDecision, TraceIdRatioBasedSampler } from "@opentelemetry/sdk-trace"
import { ROOT_CONTEXT } from "@opentelemetry/api"
import { describe, expect, it } from "vitest"

import { TraceStatsAccumulator } from "@/lib/import"
import { dryRun, headRule } from "@/lib/import/dry-run"
import { dryRunJson } from "@/lib/import/dry-run-json"
import { traceRecordBytes, type TraceRecords } from "@/lib/import/trace-records"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

import { shopSpans, toOtlpJson } from "./fixtures"

interface CraftedSpan {
  id: number
  parent?: number
  name: string
  service: string
  startMs: number
  durationMs: number
  error?: boolean
}

const NS_PER_MS = 1_000_000
/** Trace i's id: 32 hex characters, the index in the last 8. */
const traceId = (i: number) => `5b8efff798038103d269b633813fc6${i.toString(16).padStart(2, "0")}`.padEnd(32, "0")
const spanId = (n: number) => n.toString(16).padStart(16, "0")

/** One OTLP/JSON document holding the crafted traces, each service its own resource. */
function otlpDocument(traces: { traceId: string; spans: CraftedSpan[] }[]): unknown {
  const byService = new Map<string, unknown[]>()
  for (const trace of traces) {
    for (const span of trace.spans) {
      const start = 1_700_000_000_000 + span.startMs
      const list = byService.get(span.service) ?? []
      list.push({
        traceId: trace.traceId,
        spanId: spanId(span.id),
        parentSpanId: span.parent === undefined ? "" : spanId(span.parent),
        name: span.name,
        kind: 2,
        startTimeUnixNano: String(BigInt(Math.round(start * NS_PER_MS))),
        endTimeUnixNano: String(BigInt(Math.round((start + span.durationMs) * NS_PER_MS))),
        ...(span.error ? { status: { code: 2 } } : {}),
      })
      byService.set(span.service, list)
    }
  }
  return {
    resourceSpans: [...byService].map(([service, spans]) => ({
      resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
      scopeSpans: [{ scope: { name: "s" }, spans }],
    })),
  }
}

function recordsOf(document: unknown): TraceRecords {
  const accumulator = new TraceStatsAccumulator()
  accumulator.addOtlpDocument(document, "line 1")
  return accumulator.traceRecords()
}

const ALWAYS_ON: Partial<PlanInput> = { daprEnabled: false, sampler: "always_on" }
const TAIL: Partial<PlanInput> = {
  tailSampling: true,
  tailKeepErrors: true,
  tailKeepSlow: true,
  tailBaselinePercent: 0,
  tailSpansPerSecond: 0,
  slowThresholdMs: 1000,
}
const plan = (changes: Partial<PlanInput>): PlanInput => ({ ...DEFAULT_INPUT, ...changes })

describe("the shop fixture (test/import/fixtures.ts)", () => {
  const accumulator = new TraceStatsAccumulator()
  accumulator.addOtlpDocument(JSON.parse(toOtlpJson(shopSpans())), "line 1")
  const records = accumulator.traceRecords()

  it("counts what the importer counts: 7 complete traces, 1 error (POST /checkout), 2 slower than 1 s", () => {
    const result = dryRun(records, plan(ALWAYS_ON))
    expect(result).toMatchObject({
      tracesCounted: "complete",
      traces: 7,
      keptTraces: 7,
      errorTraces: 1,
      keptErrorTraces: 1,
      slowTraces: 2,
      keptSlowTraces: 2,
      decidedBy: "app",
      sampler: "always_on",
    })
    expect(accumulator.summary({ slowThresholdMs: 1000 }).traces).toBe(result.traces)
    // Root operations as the summary names them; a trace counts once per service it passes through.
    // Ties in the order the traces started (the fixture starts them in its list's order).
    expect(result.byEndpoint.map((row) => [row.name, row.traces])).toEqual([
      ["GET /products", 3],
      ["POST /checkout", 1],
      ["GET /health", 1],
      ["process refunds", 1],
      ["GET /metrics", 1],
    ])
    expect(result.byService.map((row) => [row.name, row.traces, row.errorTraces])).toEqual([
      ["frontend", 6, 1],
      ["inventory", 5, 1],
      ["checkout", 2, 1],
    ])
  })

  it("decides the root with the JS SDK's own sampler when a Node app decides", () => {
    const ids = [1, 2, 3, 4, 5, 6, 7].map((n) => `4bf92f3577b34da6a3ce929d0e0e${n.toString(16).padStart(4, "0")}`)
    for (const ratio of [0.1, 0.3, 0.5, 0.9]) {
      const sdk = new TraceIdRatioBasedSampler(ratio)
      const expected = ids.filter(
        (id) => sdk.shouldSample(ROOT_CONTEXT, id).decision === SamplingDecision.RECORD_AND_SAMPLED
      ).length
      const result = dryRun(
        records,
        plan({ daprEnabled: false, language: "node", sampler: "parentbased_traceidratio", ratio })
      )
      expect([ratio, result.keptTraces]).toEqual([ratio, expected])
    }
  })

  it("with Dapr deciding, reads the ids as Dapr's Go sampler does: all 7 low halves (a3ce929d0e0e000x) are above 2^63 × 0.6", () => {
    // (0xa3ce929d0e0e0001 >> 1) = 0x51e7494e87070000 ≥ uint64(0.6 × 2^63) = 0x4ccccccccccccc00: dropped;
    // at 0.7, uint64(0.7 × 2^63) = 0x5999999999999800: kept.
    const dapr = (daprSamplingRate: number) => plan({ daprEnabled: true, entryPoint: "sidecar", daprSamplingRate })
    expect(dryRun(records, dapr(0.6))).toMatchObject({ keptTraces: 0, decidedBy: "dapr" })
    expect(dryRun(records, dapr(0.7))).toMatchObject({ keptTraces: 7, decidedBy: "dapr" })
    expect(headRule(dapr(0.6))).toMatchObject({ runtime: "dapr", kind: "trace-id-ratio", ratio: 0.6 })
    // Every endpoint keeps nothing at 0.6.
    expect(dryRun(records, dapr(0.6)).byEndpoint.every((row) => row.keptTraces === 0)).toBe(true)
  })

  it("keeps every error and every slow trace once the head has kept them", () => {
    const result = dryRun(records, plan({ ...ALWAYS_ON, ...TAIL }))
    // POST /checkout (error, 1500 ms) and GET /products 2500 ms; the baseline is 0 %.
    expect(result).toMatchObject({ keptTraces: 2, keptErrorTraces: 1, keptSlowTraces: 2 })
    expect(result.tail).toEqual({
      keepErrors: true,
      latencyThresholdMs: 1000,
      baselinePercent: 0,
      spansPerSecond: null,
    })
  })

  it("holds about 60 bytes a trace, far below the file's size", () => {
    const fileBytes = new TextEncoder().encode(toOtlpJson(shopSpans())).length
    // 7 traces: 7 × (16 id + 8 tail hash + 4 spans + 1 error + 8 + 8 durations + 4 endpoint + 4 service start) + 4,
    // and 13 trace-service pairs (frontend 6, inventory 5, checkout 2) × 4.
    expect(traceRecordBytes(records)).toBe(7 * 53 + 4 + 13 * 4)
    expect(traceRecordBytes(records)).toBeLessThan(fileBytes / 20)
  })
})

describe("tail policies on crafted traces", () => {
  it("keeps a trace whose only error is three spans deep, and not without the error policy", () => {
    const deepError = {
      traceId: traceId(1),
      spans: [
        { id: 1, name: "GET /orders", service: "gateway", startMs: 0, durationMs: 50 },
        { id: 2, parent: 1, name: "orders.list", service: "orders", startMs: 5, durationMs: 40 },
        { id: 3, parent: 2, name: "SELECT orders", service: "db", startMs: 10, durationMs: 20, error: true },
      ],
    }
    const records = recordsOf(otlpDocument([deepError]))
    expect(dryRun(records, plan({ ...ALWAYS_ON, ...TAIL }))).toMatchObject({ errorTraces: 1, keptErrorTraces: 1 })
    expect(dryRun(records, plan({ ...ALWAYS_ON, ...TAIL, tailKeepErrors: false }))).toMatchObject({
      errorTraces: 1,
      keptErrorTraces: 0,
    })
  })

  it("keeps a slow root at the threshold's whole millisecond and drops one a hair below", () => {
    const root = (i: number, durationMs: number) => ({
      traceId: traceId(i),
      spans: [{ id: i, name: "GET /report", service: "api", startMs: i * 10_000, durationMs }],
    })
    const records = recordsOf(otlpDocument([root(1, 1500), root(2, 999.5), root(3, 1000)]))
    const result = dryRun(records, plan({ ...ALWAYS_ON, ...TAIL, tailKeepErrors: false }))
    // Kept: 1500 ms and 1000 ms (latency ≥ 1000 ms); slow (root > 1000 ms, as the importer counts): 1500 only.
    expect(result).toMatchObject({ traces: 3, keptTraces: 2, slowTraces: 1, keptSlowTraces: 1 })
  })

  it("caps the baseline at the rate limit: 119 of 1000 ten-span traces at 100 spans/s, errors kept beyond it", () => {
    const traces = Array.from({ length: 1000 }, (_, i) => ({
      traceId: `${(i + 1).toString(16).padStart(8, "0")}a3ce929d0e0e00010000000000000000`.slice(0, 32),
      spans: Array.from({ length: 10 }, (_, s) => ({
        id: i * 10 + s + 1,
        ...(s > 0 ? { parent: i * 10 + 1 } : {}),
        name: s === 0 ? "GET /items" : `step ${s}`,
        service: "api",
        startMs: i * 10 + s * 0.1,
        durationMs: 1,
        error: i % 100 === 99 && s === 5,
      })),
    }))
    const records = recordsOf(otlpDocument(traces))
    const capped = plan({
      ...ALWAYS_ON,
      ...TAIL,
      tailKeepSlow: false,
      tailBaselinePercent: 100,
      tailSpansPerSecond: 100,
      rps: 100,
      peakRps: 100,
      spansPerTrace: 10,
    })
    const result = dryRun(records, capped)
    // A bucket of 200 spans refilled at 100 spans/s, a 10-span trace every 10 ms: 119 pass (the same
    // loop in CPython). The 10 error traces are kept by keep-errors whatever the bucket says.
    expect(result.tail?.spansPerSecond).toBe(100)
    expect(result.errorTraces).toBe(10)
    expect(result.keptErrorTraces).toBe(10)
    const baselineOnly = dryRun(records, { ...capped, tailKeepErrors: false })
    expect(baselineOnly.keptTraces).toBe(119)
    // None of the 10 errors (every 100th trace, from the 100th) is among the 119: 129 in all.
    expect(result.keptTraces).toBe(129)
  })
})

describe("dryRunJson", () => {
  it("carries the counts the page shows and says which traces were counted", () => {
    const accumulator = new TraceStatsAccumulator()
    accumulator.addOtlpDocument(JSON.parse(toOtlpJson(shopSpans())), "line 1")
    const result = dryRun(accumulator.traceRecords(), plan(ALWAYS_ON))
    const json = JSON.parse(dryRunJson(result)) as Record<string, unknown>
    expect(json).toMatchObject({
      tracesCounted: "complete",
      traces: 7,
      keptTraces: 7,
      errorTraces: 1,
      keptErrorTraces: 1,
      slowTraces: 2,
      keptSlowTraces: 2,
      decidedBy: "app",
      sampler: "always_on",
    })
    expect((json.byEndpoint as unknown[])[0]).toEqual({
      name: "GET /products",
      traces: 3,
      keptTraces: 3,
      errorTraces: 0,
      keptErrorTraces: 0,
    })
  })
})
