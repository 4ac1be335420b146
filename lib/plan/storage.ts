import { BACKENDS, type BackendId } from "./backends"

/** One point of the storage curve: bytes held on `day` after traces start flowing. */
export interface StoragePoint {
  day: number
  bytes: number
}

export interface Storage {
  backend: BackendId
  /**
   * How `retainedBytes` was sized: on the backend's disk (compression × copies × headroom), or, for
   * SaaS vendors whose stored form is not published, as raw OTLP bytes kept for the retention.
   */
  basis: "backend-disk" | "raw-otlp"
  /** Bytes added per day of retention (after compression, copies and headroom). */
  storedBytesPerDay: number
  /** Steady state: what the backend holds once `retentionDays` of data have accumulated. */
  retainedBytes: number
  /** The day storage stops growing: `retentionDays`. */
  steadyStateDay: number
  /** Day-by-day growth from day 0 to past the plateau. */
  series: StoragePoint[]
}

/** At most this many points in a storage series; long retentions are sampled evenly. */
export const MAX_SERIES_POINTS = 400

/**
 * Bytes a backend stores per day of ingest: raw × stored-bytes factor × copies × headroom for
 * self-hosted backends; raw OTLP bytes for SaaS vendors.
 *
 * @example
 * storedBytesPerDay("jaeger-elasticsearch", 1e9) //=> 2832000000  (1e9 × 1.2 × 2 × 1.18)
 * storedBytesPerDay("datadog", 1e9)              //=> 1000000000
 */
export function storedBytesPerDay(backendId: BackendId, ingestBytesPerDay: number): number {
  const storage = BACKENDS[backendId].storage
  if (!storage) return ingestBytesPerDay
  return ingestBytesPerDay * storage.storedBytesFactor * storage.copies * storage.headroom
}

/**
 * The days a storage series covers: the retention, then a week or a quarter of the retention
 * more (whichever is longer) so the plateau is visible.
 *
 * @example
 * storageSeriesDays(7)  //=> [0, 1, 2, ..., 14]
 * storageSeriesDays(3650).length //=> 400 or fewer, always including day 3650
 */
export function storageSeriesDays(retentionDays: number): number[] {
  const lastDay = retentionDays + Math.max(7, Math.ceil(retentionDays / 4))
  const step = Math.ceil(lastDay / (MAX_SERIES_POINTS - 2))
  const days = new Set<number>([0, retentionDays, lastDay])
  for (let day = 0; day <= lastDay; day += step) days.add(day)
  return [...days].sort((a, b) => a - b)
}

/**
 * Storage for a backend: it grows linearly by one day of data per day until `retentionDays`,
 * then old data is deleted as fast as new data arrives.
 *
 * @example
 * const s = computeStorage("tempo", 1e12, 7)
 * s.retainedBytes   //=> 1029000000000  (1e12 × 0.14 × 1 × 1.05 × 7)
 * s.series[3]       //=> { day: 3, bytes: 441000000000 }
 */
export function computeStorage(backendId: BackendId, ingestBytesPerDay: number, retentionDays: number): Storage {
  const perDay = storedBytesPerDay(backendId, ingestBytesPerDay)
  return {
    backend: backendId,
    basis: BACKENDS[backendId].storage ? "backend-disk" : "raw-otlp",
    storedBytesPerDay: perDay,
    retainedBytes: perDay * retentionDays,
    steadyStateDay: retentionDays,
    series: storageSeriesDays(retentionDays).map((day) => ({ day, bytes: perDay * Math.min(day, retentionDays) })),
  }
}
