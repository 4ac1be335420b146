import { SamplingDecision, TraceIdRatioBasedSampler } from "@opentelemetry/sdk-trace"
import { ROOT_CONTEXT } from "@opentelemetry/api"
import { describe, expect, it } from "vitest"

import { LANGUAGES, type Language } from "@/lib/plan/choices"
import { lintPlan } from "@/lib/plan/lint"
import { DAPR_RATIO_HASH, hashesLikeDapr, traceIdRatioSampler, type RatioRuntime } from "@/lib/plan/ratio-hash"
import { traceIdWords } from "@/lib/import/trace-records"
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

/** Crafted ids around each runtime's bound: low or high 64 bits at 2^62, 2^63, Long.MIN_VALUE, 17 and 18. */
const EDGE_IDS = [
  "4bf92f3577b34da6a3ce929d0e0e0001",
  "00000000000000007fffffffffffffff",
  "00000000000000008000000000000000",
  "0000000000000000c000000000000001",
  "0000000000000000c000000000000000",
  "7fffffffffffffff0000000000000000",
  "bfffffffffffffff0000000000000000",
  "4000000000000000ffffffffffffffff",
  "00000000000000000000000000000012",
  "00000000000000000000000000000011",
  "0af7651916cd43dd8448eb211c80319c",
]

const decide = (runtime: RatioRuntime, ratio: number) => {
  const keeps = traceIdRatioSampler(runtime, ratio)
  return EDGE_IDS.map((id) => (keeps(...traceIdWords(id)) ? "1" : "0")).join("")
}

describe("traceIdRatioSampler: each runtime's root decision on fixed trace ids", () => {
  // Java: the cited create()/shouldSample() run in Java 21 (java Ratio.java), and .NET's
  // `(GetLowerLong(bytes 0..7) & long.MaxValue) < (long)(probability * long.MaxValue)` written the same
  // way in Java (C# and Java truncate a double to a long alike). Python: the cited
  // `trace_id & TRACE_ID_LIMIT < round(rate * (TRACE_ID_LIMIT + 1))` run in CPython 3.11. Go and
  // Dapr: `BigEndian.Uint64(TraceID[8:16]) >> 1 < uint64(fraction * (1 << 63))` in Python integers.
  it.each<[number, Record<RatioRuntime, string>]>([
    [
      0.5,
      {
        java: "00110111110",
        dotnet: "01111010111",
        python: "01000110110",
        go: "01000110110",
        dapr: "01000110110",
        node: "",
      },
    ],
    [
      0.25,
      {
        java: "00100111110",
        dotnet: "01111000111",
        python: "00000110110",
        go: "00000110110",
        dapr: "00000110110",
        node: "",
      },
    ],
    [
      0.1,
      {
        java: "00100111110",
        dotnet: "01111000111",
        python: "00000110110",
        go: "00000110110",
        dapr: "00000110110",
        node: "",
      },
    ],
    [
      1e-18,
      {
        java: "00100111000",
        dotnet: "01111000110",
        python: "00000110010",
        go: "00000110010",
        dapr: "00000110010",
        node: "",
      },
    ],
  ])("at %s", (ratio, expected) => {
    for (const runtime of ["java", "dotnet", "python", "go", "dapr"] as const) {
      expect([runtime, decide(runtime, ratio)]).toEqual([runtime, expected[runtime]])
    }
  })

  it("keeps none at 0, and every id at 1 but Long.MAX_VALUE in Java and .NET (their `<` against it)", () => {
    for (const runtime of [...LANGUAGES, "dapr"] as const) {
      expect(decide(runtime, 0)).toBe("00000000000")
      const atOne = runtime === "java" ? "10111111111" : runtime === "dotnet" ? "11111011111" : "11111111111"
      expect([runtime, decide(runtime, 1)]).toEqual([runtime, atOne])
    }
  })

  it("Java keeps the id whose low 64 bits are Long.MIN_VALUE at any ratio above 0 (Math.abs leaves it negative)", () => {
    const keeps = traceIdRatioSampler("java", 1e-9)
    expect(keeps(...traceIdWords("00000000000000008000000000000000"))).toBe(true)
  })

  it("JS decides as @opentelemetry/sdk-trace 3.1.1's TraceIdRatioBasedSampler on the same ids", () => {
    const ids = [...EDGE_IDS, ...traceIds(20_000), "00000000000000000000000000000000"]
    for (const ratio of [0, 1e-9, 0.1, 0.25, 0.5, 0.999, 1]) {
      const keeps = traceIdRatioSampler("node", ratio)
      const sdk = new TraceIdRatioBasedSampler(ratio)
      const differ = ids.filter(
        (id) =>
          keeps(...traceIdWords(id)) !==
          (sdk.shouldSample(ROOT_CONTEXT, id).decision === SamplingDecision.RECORD_AND_SAMPLED)
      )
      expect([ratio, differ]).toEqual([ratio, []])
    }
  })

  it("agrees with the BigInt reading of each source on 20,000 ids", () => {
    const ids = traceIds(20_000)
    for (const runtime of ["python", "go", "dapr", "java", "dotnet"] as const) {
      for (const ratio of [0.1, 0.5, 0.9]) {
        const keeps = traceIdRatioSampler(runtime, ratio)
        const differ = ids.filter((id) => keeps(...traceIdWords(id)) !== SDK_DECIDES[runtime](id, ratio))
        expect([runtime, ratio, differ]).toEqual([runtime, ratio, []])
      }
    }
  })
})
