// ClickHouse's servers at a plan's AVERAGE ingest, by ClickStack's resource model (source
// clickhouseSizing): 1 vCPU per 10 MB/s of sustained raw ingest for inserts, plus 1 vCPU per query
// per second per 10 MB/s for queries (data density grows with ingest). That total is the whole
// deployment's; ClickStack spreads "the same total capacity" over three replicas. Memory follows
// ClickHouse's general-purpose 4 GB per core; three Keeper nodes coordinate replication.
import { BACKENDS } from "../backends"
import type { BackendSizing, SizingLoad } from "./types"

const BYTES_PER_MEGABYTE = 1e6

/** Raw MB/s of sustained ingest one vCPU inserts; also the query-CPU unit (per 1 QPS). */
const MEGABYTES_PER_SECOND_PER_VCPU = 10
/**
 * Queries per second across search, dashboards and alerting: ClickStack's example table uses 3,
 * its page body 1. 3 is taken: the table is what the model prints, and the older managed table
 * (2/4/8/30/59 vCPU × 3 replicas) matches 3 QPS at the top of each band.
 */
export const CLICKHOUSE_ASSUMED_QPS = 3
/** Replicas: ClickStack "recommend[s] using three replicas"; the OSS guide "at least three replicas per shard". */
export const CLICKHOUSE_REPLICAS = 3
/** Smallest replica in ClickStack's managed table: "< 10 TB / month: 2 vCPU × 3 replicas". */
const MIN_VCPU_PER_REPLICA = 2
/** ClickHouse's general-purpose (M-type) memory-to-core ratio, 4 GB : 1, for self-managed servers. */
export const CLICKHOUSE_MEMORY_GB_PER_VCPU = 4
/** Keeper quorum: three nodes, as in ClickHouse's replication examples. */
const KEEPER_NODES = 3
/** "4GB RAM is generally enough for each Keeper server until your ClickHouse Servers grow large." */
const KEEPER_MEMORY_GB = 4
/** No ClickHouse figure; an operator's guide: Keeper is "unlikely to use more than 100m CPU". */
const KEEPER_VCPU = 0.1

/**
 * vCPU ClickStack's model gives a whole deployment: ingest MB/s ÷ 10 × (1 + QPS), rounded up to a
 * whole vCPU (float noise forgiven). The ingest and query shares are the guide's two workloads.
 *
 * @example
 * clickstackVcpu(10, 3)  //=> 4   (1 ingest + 3 query)
 * clickstackVcpu(100, 3) //=> 40  (10 + 30)
 * clickstackVcpu(579, 5) //=> 348 (57.9 + 289.5, the guide's worked example: 58 + 290)
 */
export function clickstackVcpu(ingestMegabytesPerSecond: number, queriesPerSecond: number): number {
  const vcpu = (Math.max(0, ingestMegabytesPerSecond) / MEGABYTES_PER_SECOND_PER_VCPU) * (1 + queriesPerSecond)
  return Math.max(0, Math.ceil(vcpu - 1e-9))
}

/**
 * ClickHouse's servers at the plan's average ingest: three replicas sharing ClickStack's total vCPU
 * (at least 2 vCPU and 8 GB each), and three ClickHouse Keeper nodes. Every replica keeps a full
 * copy of the data, so `replicationCopies` is 3 (the storage line stores three copies too). The
 * query rate, memory ratio and Keeper CPU are `assumed` notes.
 *
 * @example
 * const load = { peakIngestBytesPerSecond: 200e6, ingestBytesPerSecond: 100e6, peakSpansPerSecond: 4e5, retainedBytes: 0, retentionDays: 7 }
 * clickhouseSizing(load).components
 * //=> [{ id: "server", replicas: 3, vcpu: 14, memoryGb: 56, diskGib: 0, source: "clickhouseSizing" },
 * //    { id: "keeper", replicas: 3, vcpu: 0.1, memoryGb: 4, diskGib: 0, source: "clickhouseKeeper" }]
 */
export function clickhouseSizing(load: SizingLoad): BackendSizing {
  const totalVcpu = clickstackVcpu(load.ingestBytesPerSecond / BYTES_PER_MEGABYTE, CLICKHOUSE_ASSUMED_QPS)
  const vcpuPerReplica = Math.max(MIN_VCPU_PER_REPLICA, Math.ceil(totalVcpu / CLICKHOUSE_REPLICAS))
  return {
    components: [
      {
        id: "server",
        replicas: CLICKHOUSE_REPLICAS,
        vcpu: vcpuPerReplica,
        memoryGb: vcpuPerReplica * CLICKHOUSE_MEMORY_GB_PER_VCPU,
        // The data disk is the storage line's (three copies), not a component's.
        diskGib: 0,
        source: "clickhouseSizing",
      },
      {
        id: "keeper",
        replicas: KEEPER_NODES,
        vcpu: KEEPER_VCPU,
        memoryGb: KEEPER_MEMORY_GB,
        diskGib: 0,
        source: "clickhouseKeeper",
      },
    ],
    replicationCopies: CLICKHOUSE_REPLICAS,
    // ReplicatedMergeTree replicas fetch the merged, compressed parts, not the rows as inserted.
    replicationBytesPerRawByte: BACKENDS.clickhouse.storage!.storedBytesFactor,
    gaps: [],
    notes: [
      { id: "assumed", what: "ClickHouse queries per second", value: CLICKHOUSE_ASSUMED_QPS, unit: "QPS" },
      {
        id: "assumed",
        what: "ClickHouse memory per vCPU (general-purpose ratio)",
        value: CLICKHOUSE_MEMORY_GB_PER_VCPU,
        unit: "GB",
      },
      { id: "assumed", what: "ClickHouse Keeper vCPU per node", value: KEEPER_VCPU, unit: "vCPU" },
    ],
  }
}
