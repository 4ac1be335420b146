// Which part of the trace id each runtime's TraceIdRatioBased sampler compares with the rate. The
// spec never fixed the algorithm, so plain traceidratio in two runtimes keeps the same traces only
// when both read the id the same way (and at the same rate).
import type { Language } from "./choices"

/** How a TraceIdRatioBased sampler turns a trace id into the number it compares with the rate. */
export type RatioHash =
  /** Bytes 8–15 as an unsigned number (Go: shifted right by one against fraction × 2^63; Python: against rate × 2^64). */
  | "low-64-bits"
  /** Bytes 8–15 as a signed 64-bit number, its absolute value against ratio × Long.MAX_VALUE. */
  | "low-64-bits-signed-abs"
  /** The XOR of the four 32-bit words, against floor(ratio × 0xffffffff). */
  | "xor-32-bit-words"
  /** Bytes 0–7 with the sign bit cleared, against ratio × long.MaxValue. */
  | "high-64-bits"

/**
 * Each SDK's TraceIdRatioBased, read at the 2026-08-21 snapshots: Python
 * (opentelemetry-python@0a5d76b6, opentelemetry-sdk/src/opentelemetry/sdk/trace/sampling.py), Go
 * (opentelemetry-go@736a14fc, sdk/trace/sampling.go), Java (opentelemetry-java@35636aec,
 * sdk/trace/.../samplers/TraceIdRatioBasedSampler.java), JS (opentelemetry-js@61126358,
 * packages/sdk-trace/src/sampler/TraceIdRatioBasedSampler.ts), .NET (opentelemetry-dotnet@63d9cd17,
 * src/OpenTelemetry/Trace/Sampler/TraceIdRatioBasedSampler.cs).
 */
export const RATIO_HASH: Record<Language, RatioHash> = {
  python: "low-64-bits",
  go: "low-64-bits",
  java: "low-64-bits-signed-abs",
  node: "xor-32-bit-words",
  dotnet: "high-64-bits",
}

/** Dapr's sampler is the Go SDK's ParentBased(TraceIDRatioBased) (dapr/dapr pkg/diagnostics/tracing_sampler.go). */
export const DAPR_RATIO_HASH: RatioHash = "low-64-bits"

/**
 * Whether a language's plain traceidratio keeps the same traces as Dapr's sampler at the same rate.
 *
 * @example
 * hashesLikeDapr("python") //=> true
 * hashesLikeDapr("java")   //=> false
 */
export function hashesLikeDapr(language: Language): boolean {
  return RATIO_HASH[language] === DAPR_RATIO_HASH
}

/**
 * A trace id as four 32-bit big-endian words (bytes 0–3, 4–7, 8–11, 12–15): what a head sampler
 * reads, without a BigInt per trace, so 100k ids are decided in a few milliseconds.
 */
export type TraceIdWordsPredicate = (w0: number, w1: number, w2: number, w3: number) => boolean

/** Who runs a TraceIdRatioBased sampler: an app SDK, or Dapr's sidecar (the Go SDK's sampler). */
export type RatioRuntime = Language | "dapr"

const TWO_POW_32 = 2 ** 32
const TWO_POW_63 = 2 ** 63
const TWO_POW_64 = 2 ** 64
const KEEP_ALL: TraceIdWordsPredicate = () => true
const KEEP_NONE: TraceIdWordsPredicate = () => false

/** An unsigned 64-bit integer held exactly in a double (any multiple of 2^11 up to 2^64), as two words. */
function wordsOf(value: bigint): [number, number] {
  return [Number(value >> 32n), Number(value & 0xffffffffn)]
}

/** Whether (hi, lo) < (boundHi, boundLo), all unsigned 32-bit words. */
function below(hi: number, lo: number, boundHi: number, boundLo: number): boolean {
  return hi < boundHi || (hi === boundHi && lo < boundLo)
}

/** Python's round(): to the nearest integer, halves to the even one (exact for any double). */
function roundHalfEven(value: number): bigint {
  const floor = Math.floor(value)
  const fraction = value - floor
  const down = BigInt(floor)
  if (fraction < 0.5) return down
  if (fraction > 0.5) return down + 1n
  return down % 2n === 0n ? down : down + 1n
}

/** A 63-bit signed bound from `(long)(ratio × 2^63)` (Java, C#: the double truncated toward zero). */
function longBound(ratio: number): bigint {
  return BigInt(Math.trunc(ratio * TWO_POW_63))
}

/**
 * Where each runtime's TraceIdRatioBased decision below was read (the 2026-08-21 snapshots).
 *
 * @example
 * RATIO_SAMPLER_SOURCES.dapr //=> "dapr/dapr pkg/diagnostics/tracing_sampler.go: the Go SDK's ParentBased(TraceIDRatioBased)"
 */
export const RATIO_SAMPLER_SOURCES: Record<RatioRuntime, string> = {
  go: "open-telemetry/opentelemetry-go@736a14fcdca28b8cf5237e6b9b166ec6ed832bf7 sdk/trace/sampling.go",
  dapr: "dapr/dapr pkg/diagnostics/tracing_sampler.go: the Go SDK's ParentBased(TraceIDRatioBased)",
  python:
    "open-telemetry/opentelemetry-python@0a5d76b65094a4bad414e0c0ab68981fc266f0a9 opentelemetry-sdk/src/opentelemetry/sdk/trace/sampling.py",
  java: "open-telemetry/opentelemetry-java@35636aec8d3dc6706bb483bad92383fdd6012af0 sdk/trace/src/main/java/io/opentelemetry/sdk/trace/samplers/TraceIdRatioBasedSampler.java",
  node: "open-telemetry/opentelemetry-js@61126358cb5cf06a2004151cbad18e79cbede00a packages/sdk-trace/src/sampler/TraceIdRatioBasedSampler.ts (@opentelemetry/sdk-trace 3.1.1 on npm)",
  dotnet:
    "open-telemetry/opentelemetry-dotnet@63d9cd17298d977235bf254a346a1b07944d85dd src/OpenTelemetry/Trace/Sampler/TraceIdRatioBasedSampler.cs",
}

/**
 * The root decision of a runtime's TraceIdRatioBased sampler at `ratio`, exactly as its source
 * makes it (see {@link RATIO_SAMPLER_SOURCES}), as a predicate over the trace id's four 32-bit words:
 *
 * - Go and Dapr: bytes 8–15 big-endian, shifted right by one, `<` uint64(ratio × 2^63); ratio ≥ 1
 *   keeps all, ≤ 0 none.
 * - Python: bytes 8–15 `<` round(ratio × 2^64), halves to even.
 * - Java: |bytes 8–15 as a signed long| `<` (long)(ratio × Long.MAX_VALUE); 0 uses Long.MIN_VALUE
 *   (keeps none), 1 Long.MAX_VALUE; |Long.MIN_VALUE| stays negative, so that id is always kept.
 * - .NET: bytes 0–7 with the sign bit cleared `<` (long)(probability × long.MaxValue), same limits.
 * - JS: the XOR of the four words `<` floor(ratio × 0xffffffff) (2^32 at ratio 1); the all-zero
 *   (invalid) id is never kept.
 *
 * @example
 * const keeps = traceIdRatioSampler("go", 0.5)
 * keeps(0, 0, 0x7fffffff, 0xffffffff) //=> true  (>> 1 is 2^62 − 1 < 2^62)
 * keeps(0, 0, 0x80000000, 0)          //=> false (>> 1 is 2^62)
 */
export function traceIdRatioSampler(runtime: RatioRuntime, ratio: number): TraceIdWordsPredicate {
  switch (runtime) {
    case "go":
    case "dapr": {
      if (ratio >= 1) return KEEP_ALL
      if (!(ratio > 0)) return KEEP_NONE
      // uint64(fraction * (1 << 63)): the product is exact (a power of two), the conversion truncates.
      const [boundHi, boundLo] = wordsOf(BigInt(Math.trunc(ratio * TWO_POW_63)))
      return (_w0, _w1, w2, w3) => below(w2 >>> 1, (((w2 & 1) << 31) | (w3 >>> 1)) >>> 0, boundHi, boundLo)
    }
    case "python": {
      if (!(ratio > 0)) return KEEP_NONE
      if (ratio >= 1) return KEEP_ALL
      const [boundHi, boundLo] = wordsOf(roundHalfEven(ratio * TWO_POW_64))
      return (_w0, _w1, w2, w3) => below(w2, w3, boundHi, boundLo)
    }
    case "java": {
      if (!(ratio > 0)) return KEEP_NONE
      const [boundHi, boundLo] = wordsOf(ratio >= 1 ? 2n ** 63n - 1n : longBound(ratio))
      return (_w0, _w1, w2, w3) => {
        if (w2 === 0x80000000 && w3 === 0) return true
        if (w2 < 0x80000000) return below(w2, w3, boundHi, boundLo)
        // Math.abs of a negative long: the two's complement negation of both words.
        const lo = (~w3 + 1) >>> 0
        const hi = (~w2 + (lo === 0 ? 1 : 0)) >>> 0
        return below(hi, lo, boundHi, boundLo)
      }
    }
    case "dotnet": {
      if (!(ratio > 0)) return KEEP_NONE
      const [boundHi, boundLo] = wordsOf(ratio >= 1 ? 2n ** 63n - 1n : longBound(ratio))
      return (w0, w1) => below((w0 & 0x7fffffff) >>> 0, w1, boundHi, boundLo)
    }
    case "node": {
      const normalized = Number.isNaN(ratio) ? 0 : Math.min(1, Math.max(0, ratio))
      const bound = normalized === 1 ? TWO_POW_32 : Math.floor(normalized * 0xffffffff)
      return (w0, w1, w2, w3) => (w0 | w1 | w2 | w3) !== 0 && (w0 ^ w1 ^ w2 ^ w3) >>> 0 < bound
    }
  }
}
