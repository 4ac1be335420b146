import { SamplingDecision, TraceIdRatioBasedSampler } from "@opentelemetry/sdk-trace"
import { ROOT_CONTEXT } from "@opentelemetry/api"
import { describe, expect, it } from "vitest"

import { LANGUAGES, type Language } from "@/lib/plan/choices"
import { lintPlan } from "@/lib/plan/lint"
import { DAPR_RATIO_HASH, hashesLikeDapr } from "@/lib/plan/ratio-hash"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

const TWO_POW_63 = 2n ** 63n
const TWO_POW_64 = 2n ** 64n
const LONG_MAX = TWO_POW_63 - 1n
const low64 = (traceId: string) => BigInt(`0x${traceId.slice(16)}`)
const high64 = (traceId: string) => BigInt(`0x${traceId.slice(0, 16)}`)
const signed = (value: bigint) => (value >= TWO_POW_63 ? value - TWO_POW_64 : value)
const abs = (value: bigint) => (value < 0n ? -value : value)

/**
 * Each runtime's TraceIdRatioBased as its source decides, at the 2026-08-21 snapshots (ratio
 * strictly between 0 and 1; the doubles are converted the way each source converts them), keyed by
 * language and not by the table under test, so a wrong row fails.
 */
const SDK_DECIDES: Record<Language | "dapr", (traceId: string, ratio: number) => boolean> = {
  // opentelemetry-python@0a5d76b6 opentelemetry-sdk/src/opentelemetry/sdk/trace/sampling.py:
  // trace_id & TRACE_ID_LIMIT < round(rate * 2**64)
  python: (traceId, ratio) => low64(traceId) < BigInt(Math.round(ratio * 2 ** 64)),
  // opentelemetry-go@736a14fc sdk/trace/sampling.go:
  // BigEndian.Uint64(TraceID[8:16]) >> 1 < uint64(fraction * (1 << 63))
  go: (traceId, ratio) => low64(traceId) >> 1n < BigInt(Math.floor(ratio * 2 ** 63)),
  // dapr/dapr@d8450742 pkg/diagnostics/tracing_sampler.go: sdktrace.ParentBased(sdktrace.TraceIDRatioBased(rate)),
  // the Go SDK's sampler.
  dapr: (traceId, ratio) => low64(traceId) >> 1n < BigInt(Math.floor(ratio * 2 ** 63)),
  // opentelemetry-java@35636aec sdk/trace/.../TraceIdRatioBasedSampler.java:
  // Math.abs(longFromBase16String(traceId, 16)) < (long) (ratio * Long.MAX_VALUE)
  java: (traceId, ratio) => abs(signed(low64(traceId))) < BigInt(Math.floor(ratio * 2 ** 63)),
  // opentelemetry-dotnet@63d9cd17 src/OpenTelemetry/Trace/Sampler/TraceIdRatioBasedSampler.cs:
  // (GetLowerLong(bytes 0..7) & long.MaxValue) < (long)(probability * long.MaxValue)
  dotnet: (traceId, ratio) => (high64(traceId) & LONG_MAX) < BigInt(Math.floor(ratio * 2 ** 63)),
  // The JS SDK itself, from npm (opentelemetry-js packages/sdk-trace/src/sampler/TraceIdRatioBasedSampler.ts).
  node: (traceId, ratio) =>
    new TraceIdRatioBasedSampler(ratio).shouldSample(ROOT_CONTEXT, traceId).decision ===
    SamplingDecision.RECORD_AND_SAMPLED,
}

/** Deterministic trace ids (a 64-bit LCG), so a failure names the same ids every run. */
function traceIds(count: number): string[] {
  let state = 0x2545f4914f6cdd1dn
  const next = () => (state = (state * 6364136223846793005n + 1442695040888963407n) % TWO_POW_64)
  return Array.from(
    { length: count },
    () => next().toString(16).padStart(16, "0") + next().toString(16).padStart(16, "0")
  )
}

describe("each SDK's TraceIdRatioBased against Dapr's Go sampler", () => {
  const ids = traceIds(20_000)
  it.each(LANGUAGES)("%s keeps the same traces as Dapr at the same rate only if the table says so", (language) => {
    for (const ratio of [0.1, 0.5]) {
      const differ = ids.filter((id) => SDK_DECIDES[language](id, ratio) !== SDK_DECIDES.dapr(id, ratio)).length
      // Python and Go read the same 64 bits against the same bound (2^64 × rate vs 2^63 × rate on
      // the bits halved): they split only on an id at the bound itself, which 20,000 ids never hit.
      if (hashesLikeDapr(language)) expect(differ).toBe(0)
      else expect(differ).toBeGreaterThan(ids.length * ratio * 0.5)
    }
  })

  it("a trace id whose low 64 bits are all ones: Java keeps it at 10 %, Go and Python drop it", () => {
    const id = "0123456789abcdefffffffffffffffff"
    expect([SDK_DECIDES.dapr(id, 0.1), SDK_DECIDES.python(id, 0.1)]).toEqual([false, false])
    // Java reads -1: Math.abs(-1) = 1 < 0.1 × Long.MAX_VALUE.
    expect(SDK_DECIDES.java(id, 0.1)).toBe(true)
    expect(DAPR_RATIO_HASH).toBe("low-64-bits")
  })
})

describe("the fragmented-traces lint says it per language", () => {
  const behindDapr = (language: Language): Partial<PlanInput> => ({ language, sampler: "traceidratio" })
  const path: Partial<PlanInput> = {
    daprEnabled: false,
    topology: [
      { name: "api", internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 1, dapr: false },
      { name: "db-svc", internalSpans: 1, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: false },
    ],
  }
  const message = (changes: Partial<PlanInput>) =>
    lintPlan({ ...DEFAULT_INPUT, ...changes }).find((warning) => warning.id === "fragmented-traces")?.message

  it.each<[Language, string]>([
    [
      "go",
      "Go's SDK compares the trace id's low 64 bits with the rate, as Dapr's Go sampler does: at the same rate both keep the same traces, but whenever the two rates differ the traces one keeps and the other drops break into fragments.",
    ],
    [
      "java",
      "Java's SDK compares the absolute value of the trace id's low 64 bits read as a signed number with the rate; Dapr's Go sampler compares the trace id's low 64 bits: at any rate below 100 % they keep different traces, which break into fragments.",
    ],
    [
      "node",
      "The JS SDK compares the XOR of the trace id's four 32-bit words with the rate; Dapr's Go sampler compares the trace id's low 64 bits: at any rate below 100 % they keep different traces, which break into fragments.",
    ],
    [
      "dotnet",
      "The .NET SDK compares the trace id's high 64 bits with the rate; Dapr's Go sampler compares the trace id's low 64 bits: at any rate below 100 % they keep different traces, which break into fragments.",
    ],
  ])("behind Dapr, %s", (language, words) => {
    expect(message(behindDapr(language))).toBe(
      `Plain traceidratio behind a Dapr sidecar ignores the upstream decision and decides again from the trace id. ${words}`
    )
  })

  it.each<[Language, string]>([
    ["python", "Python or Go"],
    ["java", "Java"],
  ])("on a path of %s services", (language, alike) => {
    expect(message({ ...path, language, sampler: "traceidratio" })).toMatch(
      new RegExp(`: services in ${alike} at the same rate keep the same traces, services in other languages`)
    )
  })
})
