// Grafana Tempo's components for a plan's ingest, by the rules of thumb in cost anchors §2.

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
