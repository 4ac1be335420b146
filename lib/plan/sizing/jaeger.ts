// Jaeger's components at a plan's load, on each of its three storage backends (issue 20). Every
// figure names its source in lib/sources.ts; what no source gives is an `assumed` note or a gap.
import { formatInteger } from "@/lib/format"

import { BACKENDS, BYTES_PER_GB } from "../backends"
import { COLLECTOR_GB_PER_CORE, FORWARD_SPANS_PER_SECOND_PER_CORE } from "../tail"
import type { BackendSizing, SizedComponent, SizingGap, SizingLoad, SizingNote } from "./types"

const GIB_IN_GB = 1024 ** 3 / BYTES_PER_GB

/**
 * Spans per second one Jaeger v2 collector core writes. Jaeger v2 is a distribution of the
 * OpenTelemetry Collector and publishes no figure of its own, so the Collector's (1 CPU + 2 GB:
 * 10,000 recommended, OTLP without tail sampling) stands in for it.
 */
export const JAEGER_SPANS_PER_SECOND_PER_CORE = FORWARD_SPANS_PER_SECOND_PER_CORE
/** Collector pods in front of a replicated backend: two, so one restarts while the other writes. */
export const JAEGER_HA_COLLECTORS = 2
/** Jaeger query: the Helm chart's example limit (cpu 500m, memory 512Mi); the chart sets none. */
export const JAEGER_QUERY_VCPU = 0.5
export const JAEGER_QUERY_MEMORY_GB = (512 * 2 ** 20) / BYTES_PER_GB

/** RAM per Elasticsearch data node: half of it as heap stays near the ~30 GB compressed-oops ceiling. */
export const ES_DATA_NODE_MEMORY_GB = 64
/** Hot-tier disk per GB of RAM (Elastic AutoOps threshold; Elastic Cloud's i3 hot profile, 30:1). */
export const ES_HOT_DISK_PER_MEMORY = 30
/** vCPU per GB of RAM of Elastic Cloud's storage-optimized hot profile (aws.es.datahot.i3). */
export const ES_VCPU_PER_MEMORY_GB = 0.138
/** Jaeger's default index has 1 replica shard: 2 copies, which need 2 data nodes. */
export const ES_COPIES = 2
export const ES_MASTER_NODES = 3

interface MasterTier {
  maxDataNodes: number
  vcpu: number
  memoryGib: number
}

/**
 * AWS's minimum dedicated master by data-node count, with the named instance's vCPU and GiB
 * (m5.large, c5.2xlarge, r5.xlarge, r5.2xlarge; r5.4xlarge up to 200 is the largest tier).
 */
export const ES_MASTER_TIERS: readonly MasterTier[] = [
  { maxDataNodes: 10, vcpu: 2, memoryGib: 8 },
  { maxDataNodes: 30, vcpu: 8, memoryGib: 16 },
  { maxDataNodes: 75, vcpu: 4, memoryGib: 32 },
  { maxDataNodes: 125, vcpu: 8, memoryGib: 64 },
]
/** The largest published tier, kept (with a gap) past its 200 data nodes. */
export const ES_LARGEST_MASTER_TIER: MasterTier = { maxDataNodes: 200, vcpu: 16, memoryGib: 128 }

/** Jaeger's production keyspace replication factor (create.sh, MODE=prod). */
export const CASSANDRA_RF = 2
/** Data per Cassandra node, before compaction headroom: DataStax's "sweet spot". */
export const CASSANDRA_DATA_BYTES_PER_NODE = 1e12
/** DataStax's planning guides say 16 or 8 cores per node; the newest (HCD 1.1) says 8. */
export const CASSANDRA_NODE_VCPU = 8
export const CASSANDRA_NODE_MEMORY_GB = 32

/** Memory for Badger's memtables, caches and in-memory indexes: not published, assumed. */
export const BADGER_MEMORY_GB = 4

/** Replicas that carry `amount` at `perReplica` each, never fewer than `min`; a NaN or negative load is none. */
function replicasFor(amount: number, perReplica: number, min: number): number {
  const load = amount > 0 ? amount : 0
  return Math.max(min, Math.ceil(load / perReplica))
}

/** Collector cores at the plan's peak: one per 10,000 spans/s, at least `min`. */
function collectorCores(load: SizingLoad, min: number): number {
  return replicasFor(load.peakSpansPerSecond, JAEGER_SPANS_PER_SECOND_PER_CORE, min)
}

const COLLECTOR_ASSUMED: SizingNote = {
  id: "assumed",
  what: "spans/s per Jaeger collector core (the OpenTelemetry Collector's figure; Jaeger publishes none)",
  value: JAEGER_SPANS_PER_SECOND_PER_CORE,
  unit: "spans/s",
}
const QUERY_ASSUMED: SizingNote[] = [
  { id: "assumed", what: "Jaeger query CPU (the Helm chart's example limit)", value: JAEGER_QUERY_VCPU, unit: "vCPU" },
  { id: "assumed", what: "Jaeger query memory (the Helm chart's example limit)", value: 512, unit: "MiB" },
]

/** Jaeger's own pods in front of a replicated backend: HA collectors at peak, and one query pod. */
function jaegerPods(load: SizingLoad): SizedComponent[] {
  return [
    {
      id: "collector",
      replicas: collectorCores(load, JAEGER_HA_COLLECTORS),
      vcpu: 1,
      memoryGb: COLLECTOR_GB_PER_CORE,
      diskGib: 0,
      source: "jaegerCollectorSizing",
    },
    {
      id: "query",
      replicas: 1,
      vcpu: JAEGER_QUERY_VCPU,
      memoryGb: JAEGER_QUERY_MEMORY_GB,
      diskGib: 0,
      source: "jaegerQuerySizing",
    },
  ]
}

/**
 * Jaeger on Elasticsearch: HA collectors and a query pod, hot data nodes of 64 GB RAM holding
 * 1,920 GB of disk each (1:30) with 8.832 vCPU (0.138 per GB), at least 2 for the replica shard,
 * and 3 dedicated masters sized by the data-node count. The retained bytes already hold both
 * copies and the watermark headroom, so they are the disk the data nodes need.
 *
 * @example
 * // 10 TB retained, 20,000 spans/s at peak
 * jaegerElasticsearchSizing({ ...load, retainedBytes: 10e12, peakSpansPerSecond: 20_000 }).components
 * //=> collector 2 × (1 vCPU, 2 GB), query 1 × (0.5, 0.537), data-node 6 × (8.832, 64), master 3 × (2, 8.59)
 */
export function jaegerElasticsearchSizing(load: SizingLoad): BackendSizing {
  const diskPerNodeBytes = ES_DATA_NODE_MEMORY_GB * ES_HOT_DISK_PER_MEMORY * BYTES_PER_GB
  const dataNodes = replicasFor(load.retainedBytes, diskPerNodeBytes, ES_COPIES)
  const tier = ES_MASTER_TIERS.find((t) => dataNodes <= t.maxDataNodes) ?? ES_LARGEST_MASTER_TIER
  const gaps: SizingGap[] =
    dataNodes > tier.maxDataNodes
      ? [
          {
            id: "unsized",
            component: "master",
            needs: `a dedicated master size for ${formatInteger(dataNodes)} data nodes (published up to ${tier.maxDataNodes})`,
          },
        ]
      : []
  return {
    components: [
      ...jaegerPods(load),
      {
        id: "data-node",
        replicas: dataNodes,
        vcpu: Math.round(ES_DATA_NODE_MEMORY_GB * ES_VCPU_PER_MEMORY_GB * 1000) / 1000,
        memoryGb: ES_DATA_NODE_MEMORY_GB,
        diskGib: 0,
        source: "elasticsearchSizing",
      },
      {
        id: "master",
        replicas: ES_MASTER_NODES,
        vcpu: tier.vcpu,
        memoryGb: tier.memoryGib * GIB_IN_GB,
        diskGib: 0,
        source: "elasticsearchMasters",
      },
    ],
    replicationCopies: ES_COPIES,
    gaps,
    notes: [
      COLLECTOR_ASSUMED,
      ...QUERY_ASSUMED,
      { id: "assumed", what: "RAM per Elasticsearch data node", value: ES_DATA_NODE_MEMORY_GB, unit: "GB" },
    ],
  }
}

/**
 * Jaeger on Cassandra: HA collectors and a query pod, and max(RF, ⌈data ÷ 1 TB⌉) nodes of 8 vCPU
 * and 32 GB, where data is the retained bytes without the compaction headroom they include.
 *
 * @example
 * // 5 TB retained at RF 2: 5e12 ÷ (1e12 × 1.3) = 3.85 → 4 nodes
 * jaegerCassandraSizing({ ...load, retainedBytes: 5e12 }).components.find((c) => c.id === "cassandra")
 * //=> { id: "cassandra", replicas: 4, vcpu: 8, memoryGb: 32, diskGib: 0, source: "cassandraSizing" }
 */
export function jaegerCassandraSizing(load: SizingLoad): BackendSizing {
  // The 1 TB is data; the disk beside it for compaction is the backend's headroom, already in
  // the retained bytes, so a node's share of those bytes is 1 TB × headroom.
  const headroom = BACKENDS["jaeger-cassandra"].storage?.headroom ?? 1
  const nodes = replicasFor(load.retainedBytes, CASSANDRA_DATA_BYTES_PER_NODE * headroom, CASSANDRA_RF)
  return {
    components: [
      ...jaegerPods(load),
      {
        id: "cassandra",
        replicas: nodes,
        vcpu: CASSANDRA_NODE_VCPU,
        memoryGb: CASSANDRA_NODE_MEMORY_GB,
        diskGib: 0,
        source: "cassandraSizing",
      },
    ],
    replicationCopies: CASSANDRA_RF,
    gaps: [],
    notes: [
      COLLECTOR_ASSUMED,
      ...QUERY_ASSUMED,
      {
        id: "assumed",
        what: "vCPU per Cassandra node (DataStax's guides say 8 or 16)",
        value: CASSANDRA_NODE_VCPU,
        unit: "vCPU",
      },
    ],
  }
}

/**
 * Jaeger on Badger: one process holds collector, query and the Badger store (query cannot run
 * apart from it), so one node with a core and 2 GB per 10,000 spans/s at peak, the query pod's
 * 0.5 vCPU + 512 MiB, and 4 GB assumed for Badger. Nothing is replicated.
 *
 * @example
 * // 5,000 spans/s at peak: 1 core; 1 + 0.5 vCPU; 2 + 0.537 + 4 GB
 * jaegerBadgerSizing({ ...load, peakSpansPerSecond: 5_000 }).components
 * //=> [{ id: "all-in-one", replicas: 1, vcpu: 1.5, memoryGb: 6.536870912, diskGib: 0, source: "badgerSizing" }]
 */
export function jaegerBadgerSizing(load: SizingLoad): BackendSizing {
  const cores = collectorCores(load, 1)
  return {
    components: [
      {
        id: "all-in-one",
        replicas: 1,
        vcpu: cores + JAEGER_QUERY_VCPU,
        memoryGb: cores * COLLECTOR_GB_PER_CORE + JAEGER_QUERY_MEMORY_GB + BADGER_MEMORY_GB,
        diskGib: 0,
        source: "badgerSizing",
      },
    ],
    replicationCopies: 1,
    gaps: [],
    notes: [
      { id: "badger-single-node" },
      COLLECTOR_ASSUMED,
      ...QUERY_ASSUMED,
      { id: "assumed", what: "memory for Badger's tables and caches", value: BADGER_MEMORY_GB, unit: "GB" },
    ],
  }
}
