// Grafana Tempo's components for a plan's ingest, by the rules of thumb in cost anchors §2.

import { countOf, plural } from "@/lib/format"

/** Tempo's default per-tenant rate limit on each distributor, rate_limit_bytes (cost anchors P8). */
export const TEMPO_RATE_LIMIT_BYTES = 15e6

/** Raw OTLP megabytes per second one replica of each component is sized for (cost anchors §2). */
const MEGABYTES_PER_SECOND_PER = { distributor: 10, ingester: 4, liveStore: 8, compactor: 4, querier: 1.5 } as const

export interface TempoSizing {
  distributors: number
  /** Tempo 2.x ingesters. */
  ingesters: number
  /** Tempo 3.x live-stores (3.0 replaced ingesters). */
  liveStores: number
  compactors: number
  queriers: number
}

/**
 * Replicas of each Tempo component for a raw OTLP ingest rate in bytes per second, at least 1
 * each: distributors at 10 MB/s, ingesters and compactors at 4, live-stores at 8, queriers at 1.5.
 *
 * @example
 * tempoSizing(7.5e6) //=> { distributors: 1, ingesters: 2, liveStores: 1, compactors: 2, queriers: 5 }
 */
export function tempoSizing(ingestBytesPerSecond: number): TempoSizing {
  const megabytes = ingestBytesPerSecond / 1e6
  const replicas = (perReplica: number) => Math.max(1, Math.ceil(megabytes / perReplica))
  return {
    distributors: replicas(MEGABYTES_PER_SECOND_PER.distributor),
    ingesters: replicas(MEGABYTES_PER_SECOND_PER.ingester),
    liveStores: replicas(MEGABYTES_PER_SECOND_PER.liveStore),
    compactors: replicas(MEGABYTES_PER_SECOND_PER.compactor),
    queriers: replicas(MEGABYTES_PER_SECOND_PER.querier),
  }
}

/**
 * Distributors that keep each one under the default per-tenant limit at a peak ingest rate: a
 * distributor taking exactly the limit refuses the next burst.
 *
 * @example
 * distributorsUnderLimit(7.5e6) //=> 1
 * distributorsUnderLimit(15e6)  //=> 2
 */
export function distributorsUnderLimit(peakIngestBytesPerSecond: number): number {
  return Math.floor(peakIngestBytesPerSecond / TEMPO_RATE_LIMIT_BYTES) + 1
}

/** What Tempo needs at a plan's peak: its components and the distributors' default limit. */
export interface TempoFigures {
  /** Raw OTLP bytes per second reaching Tempo at the peak request rate. */
  peakIngestBytesPerSecond: number
  /** Each distributor's default per-tenant limit (rate_limit_bytes). */
  rateLimitBytesPerSecond: number
  /** Distributors needed to stay under that limit at the peak ({@link distributorsUnderLimit}). */
  distributorsForLimit: number
  sizing: TempoSizing
}

/**
 * Tempo's components and ingest limit at a peak ingest rate (cost anchors §2, P6–P8).
 *
 * @example
 * tempoFigures(7.5e6)
 * //=> { peakIngestBytesPerSecond: 7500000, rateLimitBytesPerSecond: 15000000, distributorsForLimit: 1,
 * //     sizing: { distributors: 1, ingesters: 2, liveStores: 1, compactors: 2, queriers: 5 } }
 */
export function tempoFigures(peakIngestBytesPerSecond: number): TempoFigures {
  return {
    peakIngestBytesPerSecond,
    rateLimitBytesPerSecond: TEMPO_RATE_LIMIT_BYTES,
    distributorsForLimit: distributorsUnderLimit(peakIngestBytesPerSecond),
    sizing: tempoSizing(peakIngestBytesPerSecond),
  }
}

/**
 * Tempo's components in words, for both major versions: 3.x replaced ingesters with live-stores
 * and compactors with backend-workers.
 *
 * @example
 * tempoComponentsText(tempoSizing(7.5e6))
 * //=> "1 distributor, 1 live-store (3.x) or 2 ingesters (2.x), 2 backend-workers (3.x) or compactors (2.x), 5 queriers"
 */
export function tempoComponentsText(sizing: TempoSizing): string {
  return [
    countOf(sizing.distributors, "distributor"),
    `${countOf(sizing.liveStores, "live-store")} (3.x) or ${countOf(sizing.ingesters, "ingester")} (2.x)`,
    `${countOf(sizing.compactors, "backend-worker")} (3.x) or ${plural(sizing.compactors, "compactor")} (2.x)`,
    countOf(sizing.queriers, "querier"),
  ].join(", ")
}
