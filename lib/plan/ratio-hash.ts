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
