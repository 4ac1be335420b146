import { effectiveProbability, SAMPLER_INFO, sampledTracesPerSecond, type Sampler } from "./samplers"

export const SECONDS_PER_DAY = 86_400
/** A traced health-check or scrape request is a one-span trace: the server span of the probe. */
export const SPANS_PER_PROBE_TRACE = 1

/** The inputs trace volume depends on. */
export interface VolumeInput {
  rps: number
  peakRps: number
  sampler: Sampler
  ratio: number
  spansPerTrace: number
  spanBytes: number
  /** Health-check and scrape requests per second the SDK traces (0 when its instrumentation skips them). */
  tracedProbeRps?: number
  /**
   * Whether a Collector filter drops the traced probes before the tail sampler and the backend: they
   * still share the head sampler (and X-Ray's reservoir) but are not kept.
   */
  probesDroppedAtCollector?: boolean
  /** Share of head-sampled traces a tail sampler keeps (1 without tail sampling). */
  tailKeptFraction?: number
  /** The same share at peak: lower than the average's under a spans/s rate limit. Defaults to `tailKeptFraction`. */
  peakTailKeptFraction?: number
}

/** Trace volume at the entry service, in per-day and per-second base units. */
export interface Volume {
  /** Share of root requests whose traces reach the backend (0..1): head × tail, at the average rate. */
  probability: number
  requestsPerDay: number
  /** All traces kept per day, probe traces included when probes are traced. */
  tracesPerDay: number
  /** The part of `tracesPerDay` that comes from traced health checks and scrapes (0 when a Collector drops them). */
  probeTracesPerDay: number
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
  const probeRps = input.tracedProbeRps ?? 0
  const tail = input.tailKeptFraction ?? 1
  // Probes are roots like any request, so they share the sampler (and X-Ray's reservoir).
  const sampledPerSecond = sampledTracesPerSecond(sampler, ratio, rps + probeRps) * tail
  // Each root's share of the sampled traces, as products, never as a difference (sampled − the
  // probes' share cancels to noise when probes dwarf real traffic, and can then fall as the rate
  // rises). A ratio or fixed sampler is linear: each kind of root is sampled on its own, exactly.
  // X-Ray's reservoir is shared, so its traces split in proportion to the requests.
  const linear = SAMPLER_INFO[sampler].basis !== "rule"
  const split = (sampled: number, requests: number, total: number, tailShare: number) =>
    linear
      ? sampledTracesPerSecond(sampler, ratio, requests) * tailShare
      : probeRps > 0
        ? (sampled * requests) / total
        : sampled
  const probeTracesPerSecond = probeRps > 0 ? split(sampledPerSecond, probeRps, rps + probeRps, tail) : 0
  const userTracesPerDay = split(sampledPerSecond, rps, rps + probeRps, tail) * SECONDS_PER_DAY
  // Dropped at the Collector: sampled (so they took their share above) but never kept.
  const kept = input.probesDroppedAtCollector ? 0 : 1
  const probeTracesPerDay = probeTracesPerSecond * SECONDS_PER_DAY * kept
  const spansPerDay = userTracesPerDay * spansPerTrace + probeTracesPerDay * SPANS_PER_PROBE_TRACE
  const peakSampled = sampledTracesPerSecond(sampler, ratio, peakRps + probeRps) * (input.peakTailKeptFraction ?? tail)
  const peakTail = input.peakTailKeptFraction ?? tail
  const peakProbeTraces = probeRps > 0 ? split(peakSampled, probeRps, peakRps + probeRps, peakTail) : 0
  const peakUserTraces = split(peakSampled, peakRps, peakRps + probeRps, peakTail)
  const peakTracesPerSecond = peakUserTraces + peakProbeTraces * kept
  const peakSpansPerSecond = peakUserTraces * spansPerTrace + peakProbeTraces * SPANS_PER_PROBE_TRACE * kept
  return {
    probability: effectiveProbability(sampler, ratio, rps) * tail,
    requestsPerDay: rps * SECONDS_PER_DAY,
    tracesPerDay: userTracesPerDay + probeTracesPerDay,
    probeTracesPerDay,
    spansPerDay,
    ingestBytesPerDay: spansPerDay * spanBytes,
    peakTracesPerSecond,
    peakSpansPerSecond,
    peakIngestBytesPerSecond: peakSpansPerSecond * spanBytes,
  }
}
