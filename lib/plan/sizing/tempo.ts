// Grafana Tempo's components at a plan's PEAK ingest, by the "Size the cluster" page of each major
// version (sources tempoSizing3, tempoSizing2) and, for 3.x, the Kafka topic it writes through
// (tempoKafka). Where the page gives a range, the midpoint is taken; where it says "dependent",
// the Tempo jsonnet's request is used. Memory is in GB because the page says GB.
import type { SourceId } from "@/lib/sources"

import type { BackendSizing, SizedComponent, SizingLoad, SizingNote, SizingOptions } from "./types"

const BYTES_PER_MEGABYTE = 1e6
const BYTES_PER_GIB = 1024 ** 3
const SECONDS_PER_HOUR = 3600

/** Raw MB/s one replica takes, per the size page ("1 replica per every N MB/s"), midpoints. */
const MEGABYTES_PER_SECOND_PER = {
  distributor: 10,
  /** 2.x "3-5MB/s": midpoint. */
  ingester: 4,
  /** 2.x "3-5 MB/s": midpoint. */
  compactor: 4,
  /** "1-2MB/s": midpoint. */
  querier: 1.5,
  /** Kafka: minimum_active_partitions = ceil(peak / 10 MB/s). */
  partition: 10,
  /**
   * 3.x backend-worker: upstream says "to be determined", so the 2.x compactor's midpoint (the
   * work it replaced) is assumed.
   */
  backendWorker: 4,
} as const

/** Midpoint of the size page's "Mem: 4-20GB" for ingesters, queriers, frontends, compactors, live-stores. */
const MID_MEMORY_GB = 12
/** Midpoint of the block-builder's "Mem: 5-10GB". */
const BLOCK_BUILDER_MEMORY_GB = 7.5
/** Midpoint of the backend-scheduler's and backend-worker's "Mem: 1-2GB". */
const BACKEND_MEMORY_GB = 1.5
/** Where the size page says CPU is "dependent on trace size and queries": the jsonnet request, 500m. */
const QUERY_PATH_VCPU = 0.5

/** Tempo 2.x ingester ring `replication_factor`: each span is written to three ingesters. */
export const TEMPO_INGESTER_REPLICATION_FACTOR = 3
/** Kafka replication factor Tempo's Kafka page calls "a common starting point" (min ISR 2). */
export const TEMPO_KAFKA_REPLICATION_FACTOR = 3
/** Kafka retention Tempo's Kafka page calls "a sensible starting point" for production. */
export const TEMPO_KAFKA_RETENTION_HOURS = 24
/**
 * Zones the live-stores run in: Tempo's jsonnet deploys live-store-zone-a and -zone-b ("Multi-zone
 * live-stores (non-optional)"), and each active partition is owned by one live-store per zone.
 */
export const TEMPO_LIVE_STORE_ZONES = 2
/**
 * Peak raw MB/s under which one monolithic Tempo 3.x process (no Kafka) suffices: the low end of
 * the deployment-modes page's "under 25-35 MB/s", so the note never promises too much.
 */
export const TEMPO_MONOLITHIC_CEILING_MEGABYTES_PER_SECOND = 25
/** The same page's ceiling in spans ("or 55k-80k spans/s"), low end: small spans reach it first. */
export const TEMPO_MONOLITHIC_CEILING_SPANS_PER_SECOND = 55_000
/** Floor on backend-workers: the Tempo jsonnet's KEDA `min_replicas` for them. */
const MIN_BACKEND_WORKERS = 3

/**
 * Replicas for a rate at one replica per `perReplica` MB/s, at least `min`. Float noise (e.g.
 * 0.1 * 3 / 0.1 = 3.0000000000000004) must not add a replica, so a billionth is forgiven.
 *
 * @example
 * replicasFor(100, 1.5) //=> 67
 * replicasFor(0, 10)    //=> 1
 */
export function replicasFor(megabytesPerSecond: number, perReplica: number, min = 1): number {
  return Math.max(min, Math.ceil(Math.max(0, megabytesPerSecond) / perReplica - 1e-9))
}

/**
 * Active Kafka partitions Tempo 3.x needs at a peak ingest: ceil(peak / 10 MB/s), at least one.
 *
 * @example
 * tempoKafkaPartitions(100e6) //=> 10
 * tempoKafkaPartitions(1e3)   //=> 1
 */
export function tempoKafkaPartitions(peakIngestBytesPerSecond: number): number {
  return replicasFor(peakIngestBytesPerSecond / BYTES_PER_MEGABYTE, MEGABYTES_PER_SECOND_PER.partition)
}

/**
 * GiB the Kafka topic holds across all its replicas: average ingest × 24 h × RF 3 (Tempo's
 * retained_bytes formula, before record overhead and headroom, which Tempo does not quantify).
 *
 * @example
 * tempoKafkaLogGib(10e6) //=> 2413.9881134033203 (10 MB/s × 86,400 s × 3 = 2.592 TB)
 */
export function tempoKafkaLogGib(ingestBytesPerSecond: number): number {
  const retainedBytes = Math.max(0, ingestBytesPerSecond) * TEMPO_KAFKA_RETENTION_HOURS * SECONDS_PER_HOUR
  return (retainedBytes * TEMPO_KAFKA_REPLICATION_FACTOR) / BYTES_PER_GIB
}

const component = (
  id: string,
  replicas: number,
  vcpu: number,
  memoryGb: number,
  source: SourceId,
  diskGib = 0
): SizedComponent => ({ id, replicas, vcpu, memoryGb, diskGib, source })

/** Tempo 3.x in microservices mode: the documented production shape, writing through Kafka. */
function tempo3(load: SizingLoad): BackendSizing {
  const peakMegabytes = Math.max(0, load.peakIngestBytesPerSecond) / BYTES_PER_MEGABYTE
  const partitions = tempoKafkaPartitions(load.peakIngestBytesPerSecond)
  const rf = TEMPO_KAFKA_REPLICATION_FACTOR
  const notes: SizingNote[] = [
    { id: "assumed", what: "Tempo live-store availability zones", value: TEMPO_LIVE_STORE_ZONES, unit: "zones" },
    {
      id: "assumed",
      what: "Tempo backend-worker throughput (upstream sizing is to be determined; the 2.x compactor's rate)",
      value: MEGABYTES_PER_SECOND_PER.backendWorker,
      unit: "MB/s per replica",
    },
    { id: "assumed", what: "Kafka retention", value: TEMPO_KAFKA_RETENTION_HOURS, unit: "hours" },
  ]
  if (
    peakMegabytes < TEMPO_MONOLITHIC_CEILING_MEGABYTES_PER_SECOND &&
    load.peakSpansPerSecond < TEMPO_MONOLITHIC_CEILING_SPANS_PER_SECOND
  ) {
    notes.push({
      id: "tempo-monolithic",
      peakMegabytesPerSecond: peakMegabytes,
      ceilingMegabytesPerSecond: TEMPO_MONOLITHIC_CEILING_MEGABYTES_PER_SECOND,
    })
  }
  return {
    components: [
      component("distributor", replicasFor(peakMegabytes, MEGABYTES_PER_SECOND_PER.distributor), 2, 2, "tempoSizing3"),
      // One live-store per active partition in each zone: the partition owner, not a throughput guess.
      component("live-store", partitions * TEMPO_LIVE_STORE_ZONES, 1, MID_MEMORY_GB, "tempoSizing3"),
      component("block-builder", partitions, 0.5, BLOCK_BUILDER_MEMORY_GB, "tempoSizing3"),
      component(
        "querier",
        replicasFor(peakMegabytes, MEGABYTES_PER_SECOND_PER.querier),
        QUERY_PATH_VCPU,
        MID_MEMORY_GB,
        "tempoSizing3"
      ),
      component("query-frontend", 2, QUERY_PATH_VCPU, MID_MEMORY_GB, "tempoSizing3"),
      // A singleton: "only one scheduler should be running at a time".
      component("backend-scheduler", 1, 0.5, BACKEND_MEMORY_GB, "tempoSizing3"),
      component(
        "backend-worker",
        replicasFor(peakMegabytes, MEGABYTES_PER_SECOND_PER.backendWorker, MIN_BACKEND_WORKERS),
        0.5,
        BACKEND_MEMORY_GB,
        "tempoSizing3"
      ),
      // The topic's log on RF brokers (RF needs at least RF brokers); their CPU and memory are the
      // kafka-brokers gap, never a guess. Retention is sized at the average, the rate it fills at.
      component("kafka", rf, 0, 0, "tempoKafka", tempoKafkaLogGib(load.ingestBytesPerSecond) / rf),
    ],
    replicationCopies: rf,
    gaps: [{ id: "kafka-brokers", partitions, replicationFactor: rf }],
    notes,
  }
}

/** Tempo 2.x: ingesters replicate each span three ways; compactors merge blocks in object storage. */
function tempo2(load: SizingLoad): BackendSizing {
  const peakMegabytes = Math.max(0, load.peakIngestBytesPerSecond) / BYTES_PER_MEGABYTE
  const rf = TEMPO_INGESTER_REPLICATION_FACTOR
  return {
    components: [
      component("distributor", replicasFor(peakMegabytes, MEGABYTES_PER_SECOND_PER.distributor), 2, 2, "tempoSizing2"),
      // A ring with RF 3 cannot place three copies on fewer than three ingesters.
      component(
        "ingester",
        replicasFor(peakMegabytes, MEGABYTES_PER_SECOND_PER.ingester, rf),
        2.5,
        MID_MEMORY_GB,
        "tempoSizing2"
      ),
      component(
        "querier",
        replicasFor(peakMegabytes, MEGABYTES_PER_SECOND_PER.querier),
        QUERY_PATH_VCPU,
        MID_MEMORY_GB,
        "tempoSizing2"
      ),
      component("query-frontend", 2, QUERY_PATH_VCPU, MID_MEMORY_GB, "tempoSizing2"),
      component(
        "compactor",
        replicasFor(peakMegabytes, MEGABYTES_PER_SECOND_PER.compactor),
        1,
        MID_MEMORY_GB,
        "tempoSizing2"
      ),
    ],
    replicationCopies: rf,
    gaps: [],
    notes: [],
  }
}

/**
 * Grafana Tempo's components at the plan's peak ingest. 3.x (the default) is priced in
 * microservices mode, the documented production shape, with its Kafka topic's log disk; below
 * 25 MB/s and 55,000 spans/s a `tempo-monolithic` note says one process without Kafka would do. The Kafka brokers'
 * CPU and memory are a `kafka-brokers` gap. The metrics-generator is not sized: it is optional
 * and off by default (Tempo's jsonnet runs 0 replicas).
 *
 * @example
 * const load = { peakIngestBytesPerSecond: 100e6, ingestBytesPerSecond: 50e6, peakSpansPerSecond: 2e5, retainedBytes: 0, retentionDays: 7 }
 * tempoBackendSizing(load, "3").components.map((c) => `${c.replicas} ${c.id}`)
 * //=> ["10 distributor", "20 live-store", "10 block-builder", "67 querier", "2 query-frontend",
 * //    "1 backend-scheduler", "25 backend-worker", "3 kafka"]
 * tempoBackendSizing(load, "2").replicationCopies //=> 3
 */
export function tempoBackendSizing(load: SizingLoad, version: SizingOptions["tempoVersion"]): BackendSizing {
  return version === "2" ? tempo2(load) : tempo3(load)
}
