// Grafana Tempo at a plan's peak: the distributors' per-tenant ingest limit and the components
// the whole bill prices (lib/plan/sizing/tempo.ts sizes them), in the shape the page and the
// retention config's caveat read.
import { countOf } from "@/lib/format"

import type { TempoVersion } from "./choices"
import type { BackendSizing } from "./sizing"

/**
 * Each distributor's default per-tenant ingest limit, `rate_limit_bytes`: 15 MB/s in Tempo 2.x,
 * raised to 30 MB/s (rate and burst) in 3.0 (grafana/tempo modules/overrides/config.go, PR #7034).
 */
export const TEMPO_RATE_LIMIT_BYTES: Record<TempoVersion, number> = { "3.x": 30e6, "2.x": 15e6 }

/**
 * Distributors that keep each one under the default per-tenant limit at a peak ingest rate: a
 * distributor taking exactly the limit refuses the next burst.
 *
 * @example
 * distributorsUnderLimit(7.5e6, "2.x") //=> 1
 * distributorsUnderLimit(15e6, "2.x")  //=> 2
 * distributorsUnderLimit(15e6, "3.x")  //=> 1
 */
export function distributorsUnderLimit(peakIngestBytesPerSecond: number, version: TempoVersion): number {
  return Math.floor(peakIngestBytesPerSecond / TEMPO_RATE_LIMIT_BYTES[version]) + 1
}

/** Tempo's components at the peak, as replicas by component. */
export interface TempoSizing {
  version: TempoVersion
  distributors: number
  /** Every component with its replicas, in the order the bill lists them (Kafka's log disk left out). */
  components: { id: string; replicas: number }[]
}

/** What Tempo needs at a plan's peak: its components and the distributors' default limit. */
export interface TempoFigures {
  /** Raw OTLP bytes per second reaching Tempo at the peak request rate. */
  peakIngestBytesPerSecond: number
  /** Each distributor's default per-tenant limit (rate_limit_bytes) in this version. */
  rateLimitBytesPerSecond: number
  /** Distributors needed to stay under that limit at the peak ({@link distributorsUnderLimit}). */
  distributorsForLimit: number
  sizing: TempoSizing
}

/**
 * Tempo's components and ingest limit at a peak ingest rate, from the backend's sizing.
 *
 * @example
 * tempoFigures(7.5e6, "3.x", figuresFor(DEFAULT_INPUT).sizing!)
 * //=> { peakIngestBytesPerSecond: 7500000, rateLimitBytesPerSecond: 30000000, distributorsForLimit: 1,
 * //     sizing: { version: "3.x", distributors: 1, components: [{ id: "distributor", replicas: 1 }, ...] } }
 */
export function tempoFigures(
  peakIngestBytesPerSecond: number,
  version: TempoVersion,
  sizing: BackendSizing
): TempoFigures {
  const components = sizing.components
    .filter((component) => component.vcpu > 0 || component.memoryGb > 0)
    .map(({ id, replicas }) => ({ id, replicas }))
  return {
    peakIngestBytesPerSecond,
    rateLimitBytesPerSecond: TEMPO_RATE_LIMIT_BYTES[version],
    distributorsForLimit: distributorsUnderLimit(peakIngestBytesPerSecond, version),
    sizing: {
      version,
      distributors: components.find((component) => component.id === "distributor")?.replicas ?? 0,
      components,
    },
  }
}

/**
 * Tempo's components in words.
 *
 * @example
 * tempoComponentsText({ version: "3.x", distributors: 1, components: [{ id: "distributor", replicas: 1 }, { id: "live-store", replicas: 2 }] })
 * //=> "Tempo 3.x: 1 distributor, 2 live-stores"
 */
export function tempoComponentsText(sizing: TempoSizing): string {
  return `Tempo ${sizing.version}: ${sizing.components.map((component) => countOf(component.replicas, component.id)).join(", ")}`
}
