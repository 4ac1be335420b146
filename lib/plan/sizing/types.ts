// What a self-hosted backend runs at a plan's load: components as replicas × (vCPU, GB of memory,
// GiB of disk), each with the source its rule comes from. The bill (../cost-facts) prices them;
// the text layer (../text/sizing) words them. Pure data: no prices and no words here.
import type { SourceId } from "@/lib/sources"

/** The load a backend is sized for. Bytes are raw OTLP protobuf bytes, before compression. */
export interface SizingLoad {
  /** Bytes per second reaching the backend at the plan's peak request rate. */
  peakIngestBytesPerSecond: number
  /** Bytes per second reaching the backend at the average request rate. */
  ingestBytesPerSecond: number
  /** Spans per second reaching the backend at peak. */
  peakSpansPerSecond: number
  /** Bytes the backend holds at steady state: every copy and headroom (Storage.retainedBytes). */
  retainedBytes: number
  /** Days the backend keeps traces. */
  retentionDays: number
}

/** Options that change a backend's shape rather than its load. */
export interface SizingOptions {
  /** Tempo's major version: 3.x replaced ingesters and compactors and writes through Kafka. */
  tempoVersion: "3" | "2"
}

/** One component of a backend: `replicas` pods or nodes of the same size. */
export interface SizedComponent {
  /** Stable id within its backend, e.g. "distributor", "live-store", "kafka", "data-node". */
  id: string
  replicas: number
  /** vCPU per replica. */
  vcpu: number
  /** Memory per replica, GB (10⁹ B). */
  memoryGb: number
  /**
   * Disk per replica, GiB, that the storage line does not already hold (a Kafka log, a Jaeger
   * collector's queue); 0 for none. Priced at the backend's disk price.
   */
  diskGib: number
  /** Where the rule comes from, shown beside the figure. */
  source: SourceId
}

/**
 * What cannot be sized from a published figure, by id with the numbers the words cite. It is
 * named in the bill in words, never priced silently at a guess.
 */
export type SizingGap =
  /** Tempo 3.x microservices need a Kafka-compatible queue; no broker count or size is published. */
  | { id: "kafka-brokers"; partitions: number; replicationFactor: number }
  /** Tempo's metrics-generator has no published throughput per replica. */
  | { id: "tempo-metrics-generator" }
  /** Any other unsized part a backend names: an id and the figure that would price it. */
  | { id: "unsized"; component: string; needs: string }

/** A caveat about the shape itself, by id (worded by the text layer). */
export type SizingNote =
  | { id: "badger-single-node" }
  | { id: "tempo-monolithic"; peakMegabytesPerSecond: number; ceilingMegabytesPerSecond: number }
  | { id: "assumed"; what: string; value: number; unit: string }

/** A self-hosted backend's components at the plan's load. */
export interface BackendSizing {
  components: SizedComponent[]
  /**
   * Copies of every ingested byte sent between the backend's own nodes (replication): Tempo 2.x
   * ingesters RF 3, Kafka RF 3, Elasticsearch 1 replica shard = 2 copies, Cassandra RF, ClickHouse
   * replicas. 1 when nothing is replicated over the network (object storage, Badger).
   */
  replicationCopies: number
  /**
   * Bytes a replica receives per raw OTLP byte: 1 where replicas get what was ingested (Kafka
   * records, ingester pushes, documents, mutations); less where they fetch compressed parts
   * (ClickHouse). Absent means 1.
   */
  replicationBytesPerRawByte?: number
  gaps: SizingGap[]
  notes: SizingNote[]
}
