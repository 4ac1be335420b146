import { effectiveProbability, sampledTracesPerSecond, type Sampler } from "./samplers"

export const SECONDS_PER_DAY = 86_400

/** The inputs trace volume depends on. */
export interface VolumeInput {
  rps: number
  peakRps: number
  sampler: Sampler
  ratio: number
  spansPerTrace: number
  spanBytes: number
}

/** Trace volume at the entry service, in per-day and per-second base units. */
export interface Volume {
  /** Share of root requests recorded (0..1), at the average request rate. */
  probability: number
  requestsPerDay: number
  tracesPerDay: number
  spansPerDay: number
  /** Raw OTLP protobuf bytes exported per day, before any backend compression. */
  ingestBytesPerDay: number
  /** Traces started per second at peak: what a tail sampler must hold and a collector must take. */
  peakTracesPerSecond: number
  peakSpansPerSecond: number
  peakIngestBytesPerSecond: number
}

/**
 * Requests, traces, spans and bytes per day for a sampler at a request rate; peak figures per second.
 *
 * requests/day = rps × 86,400; traces/day = sampled traces/s × 86,400; spans/day = traces/day ×
 * spansPerTrace; ingest bytes/day = spans/day × spanBytes.
 *
 * @example
 * computeVolume({ rps: 10000, peakRps: 10000, sampler: "traceidratio", ratio: 0.1, spansPerTrace: 30, spanBytes: 500 })
 * //=> { probability: 0.1, requestsPerDay: 864000000, tracesPerDay: 86400000, spansPerDay: 2592000000,
 * //     ingestBytesPerDay: 1296000000000, peakTracesPerSecond: 1000, peakSpansPerSecond: 30000, ... }
 */
export function computeVolume(input: VolumeInput): Volume {
  const { rps, peakRps, sampler, ratio, spansPerTrace, spanBytes } = input
  const tracesPerDay = sampledTracesPerSecond(sampler, ratio, rps) * SECONDS_PER_DAY
  const spansPerDay = tracesPerDay * spansPerTrace
  const peakTracesPerSecond = sampledTracesPerSecond(sampler, ratio, peakRps)
  const peakSpansPerSecond = peakTracesPerSecond * spansPerTrace
  return {
    probability: effectiveProbability(sampler, ratio, rps),
    requestsPerDay: rps * SECONDS_PER_DAY,
    tracesPerDay,
    spansPerDay,
    ingestBytesPerDay: spansPerDay * spanBytes,
    peakTracesPerSecond,
    peakSpansPerSecond,
    peakIngestBytesPerSecond: peakSpansPerSecond * spanBytes,
  }
}
