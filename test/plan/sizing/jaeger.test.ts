import { describe, expect, it } from "vitest"

import { BACKENDS } from "@/lib/plan/backends"
import { backendSizing } from "@/lib/plan/sizing"
import {
  CASSANDRA_RF,
  ES_COPIES,
  jaegerBadgerSizing,
  jaegerCassandraSizing,
  jaegerElasticsearchSizing,
} from "@/lib/plan/sizing/jaeger"
import type { BackendSizing, SizedComponent, SizingLoad } from "@/lib/plan/sizing/types"
import { SOURCES } from "@/lib/sources"

const load = (over: Partial<SizingLoad>): SizingLoad => ({
  peakIngestBytesPerSecond: 0,
  ingestBytesPerSecond: 0,
  peakSpansPerSecond: 0,
  retainedBytes: 0,
  retentionDays: 7,
  ...over,
})

const component = (sizing: BackendSizing, id: string): SizedComponent => {
  const found = sizing.components.find((c) => c.id === id)
  if (!found) throw new Error(`no component ${id} in ${sizing.components.map((c) => c.id).join(", ")}`)
  return found
}

// Jaeger query everywhere: the Helm chart's example limit, cpu 500m and 512 MiB = 536,870,912 B.
const QUERY = { replicas: 1, vcpu: 0.5, memoryGb: 0.536870912, diskGib: 0, source: "jaegerQuerySizing" }

describe("Jaeger collectors", () => {
  it("runs one 1 vCPU + 2 GB pod per 10,000 spans/s at peak (OpenTelemetry Collector performance.md)", () => {
    // 25,001 spans/s ÷ 10,000 = 2.5001 → 3 pods
    expect(component(jaegerElasticsearchSizing(load({ peakSpansPerSecond: 25_001 })), "collector")).toEqual({
      id: "collector",
      replicas: 3,
      vcpu: 1,
      memoryGb: 2,
      diskGib: 0,
      source: "jaegerCollectorSizing",
    })
    // 30,000 ÷ 10,000 = 3 exactly → 3, not 4
    expect(component(jaegerCassandraSizing(load({ peakSpansPerSecond: 30_000 })), "collector").replicas).toBe(3)
  })

  it("keeps two pods in front of a replicated backend even at no load", () => {
    expect(component(jaegerElasticsearchSizing(load({})), "collector").replicas).toBe(2)
    expect(component(jaegerCassandraSizing(load({ peakSpansPerSecond: 500 })), "collector").replicas).toBe(2)
  })

  it("sizes at the peak rate, not the average", () => {
    // average would be 1 pod's worth; peak 45,000 ÷ 10,000 = 4.5 → 5
    const sizing = jaegerCassandraSizing(load({ peakSpansPerSecond: 45_000, ingestBytesPerSecond: 1 }))
    expect(component(sizing, "collector").replicas).toBe(5)
  })

  it("names the throughput as assumed, since Jaeger publishes none", () => {
    expect(jaegerElasticsearchSizing(load({})).notes).toContainEqual(
      expect.objectContaining({ id: "assumed", value: 10_000, unit: "spans/s" })
    )
  })
})

describe("jaegerElasticsearchSizing", () => {
  it("holds 10 TB on 6 hot data nodes of 64 GB and 3 small masters", () => {
    const sizing = jaegerElasticsearchSizing(load({ retainedBytes: 10e12, peakSpansPerSecond: 20_000 }))
    expect(component(sizing, "collector").replicas).toBe(2) // 20,000 ÷ 10,000 = 2
    expect(component(sizing, "query")).toEqual({ id: "query", ...QUERY })
    // disk per node 64 GB × 30 = 1,920 GB; 10,000 GB ÷ 1,920 = 5.21 → 6; vCPU 64 × 0.138 = 8.832
    expect(component(sizing, "data-node")).toEqual({
      id: "data-node",
      replicas: 6,
      vcpu: 8.832,
      memoryGb: 64,
      diskGib: 0,
      source: "elasticsearchSizing",
    })
    // ≤ 10 data nodes: m5.large, 2 vCPU + 8 GiB = 8.589934592 GB (AWS AOSPERF05-BP01)
    expect(component(sizing, "master")).toEqual({
      id: "master",
      replicas: 3,
      vcpu: 2,
      memoryGb: 8.589934592,
      diskGib: 0,
      source: "elasticsearchMasters",
    })
    expect(sizing.replicationCopies).toBe(2) // Jaeger's 1 replica shard → 2 copies
    expect(sizing.gaps).toEqual([])
    expect(sizing.notes).toContainEqual({
      id: "assumed",
      what: "RAM per Elasticsearch data node",
      value: 64,
      unit: "GB",
    })
  })

  it("keeps 2 data nodes for the replica shard at zero or tiny load", () => {
    for (const retainedBytes of [0, 1, 1.92e12]) {
      expect(component(jaegerElasticsearchSizing(load({ retainedBytes })), "data-node").replicas).toBe(2)
    }
  })

  it("moves the masters up a tier past 10 data nodes", () => {
    // 10 × 1,920 GB = 19.2 TB → exactly 10 nodes, still m5.large
    expect(component(jaegerElasticsearchSizing(load({ retainedBytes: 19.2e12 })), "data-node").replicas).toBe(10)
    expect(component(jaegerElasticsearchSizing(load({ retainedBytes: 19.2e12 })), "master").vcpu).toBe(2)
    // one byte more → 11 nodes → c5.2xlarge, 8 vCPU + 16 GiB = 17.179869184 GB
    const eleven = jaegerElasticsearchSizing(load({ retainedBytes: 19.2e12 + 1 }))
    expect(component(eleven, "data-node").replicas).toBe(11)
    expect(component(eleven, "master")).toMatchObject({ replicas: 3, vcpu: 8, memoryGb: 17.179869184 })
  })

  it("follows AWS's table where a bigger cluster gets more memory but fewer vCPU", () => {
    // 96 TB ÷ 1.92 TB = 50 data nodes → 31–75 tier, r5.xlarge: 4 vCPU + 32 GiB = 34.359738368 GB
    const fifty = jaegerElasticsearchSizing(load({ retainedBytes: 96e12 }))
    expect(component(fifty, "data-node").replicas).toBe(50)
    expect(component(fifty, "master")).toMatchObject({ vcpu: 4, memoryGb: 34.359738368 })
  })

  it("names the master size a gap past the 200 data nodes AWS's table reaches", () => {
    // 1 EB ÷ 1.92 TB = 520,833.3 → 520,834 data nodes: finite, whole
    const sizing = jaegerElasticsearchSizing(load({ retainedBytes: 1e18, peakSpansPerSecond: 1e9 }))
    expect(component(sizing, "data-node").replicas).toBe(520_834)
    expect(component(sizing, "collector").replicas).toBe(100_000) // 1e9 ÷ 1e4
    // largest published tier kept (r5.4xlarge, 16 vCPU + 128 GiB), and the gap said
    expect(component(sizing, "master")).toMatchObject({ vcpu: 16, memoryGb: 137.438953472 })
    expect(sizing.gaps).toEqual([
      {
        id: "unsized",
        component: "master",
        needs: "a dedicated master size for 520,834 data nodes (published up to 200)",
      },
    ])
    // 200 × 1.92 TB = 384 TB is the last sized point
    expect(jaegerElasticsearchSizing(load({ retainedBytes: 384e12 })).gaps).toEqual([])
  })
})

describe("jaegerCassandraSizing", () => {
  it("holds 5 TB at RF 2 on 4 nodes of 8 vCPU + 32 GB", () => {
    // retained 5 TB include the 1.3 compaction headroom: 5 ÷ (1 TB × 1.3) = 3.85 → 4 nodes
    const sizing = jaegerCassandraSizing(load({ retainedBytes: 5e12, peakSpansPerSecond: 12_000 }))
    expect(component(sizing, "cassandra")).toEqual({
      id: "cassandra",
      replicas: 4,
      vcpu: 8,
      memoryGb: 32,
      diskGib: 0,
      source: "cassandraSizing",
    })
    expect(component(sizing, "collector").replicas).toBe(2) // 12,000 ÷ 10,000 = 1.2 → 2
    expect(component(sizing, "query")).toEqual({ id: "query", ...QUERY })
    expect(sizing.replicationCopies).toBe(2) // Jaeger create.sh prod RF 2
    expect(sizing.notes).toContainEqual(expect.objectContaining({ id: "assumed", value: 8, unit: "vCPU" }))
  })

  it("never runs fewer nodes than the replication factor", () => {
    for (const retainedBytes of [0, 1, Number.NaN]) {
      expect(component(jaegerCassandraSizing(load({ retainedBytes })), "cassandra").replicas).toBe(2)
    }
  })

  it("adds a node when the data passes a whole number of terabytes", () => {
    // 2.6 TB retained = 2 TB of data × 1.3 → 2 nodes; one byte more → 3
    expect(component(jaegerCassandraSizing(load({ retainedBytes: 2.6e12 })), "cassandra").replicas).toBe(2)
    expect(component(jaegerCassandraSizing(load({ retainedBytes: 2.6e12 + 1e3 })), "cassandra").replicas).toBe(3)
  })

  it("stays finite and whole at a huge load", () => {
    // 1 EB ÷ 1.3 TB = 769,230.8 → 769,231
    expect(component(jaegerCassandraSizing(load({ retainedBytes: 1e18 })), "cassandra").replicas).toBe(769_231)
  })
})

describe("jaegerBadgerSizing", () => {
  it("runs one all-in-one node at a small load, unreplicated", () => {
    // 5,000 spans/s → 1 core; + query 0.5 vCPU; memory 2 GB + 0.536870912 + 4 (Badger, assumed)
    const sizing = jaegerBadgerSizing(load({ peakSpansPerSecond: 5_000, retainedBytes: 50e9 }))
    expect(sizing.components).toHaveLength(1)
    const node = component(sizing, "all-in-one")
    expect(node).toMatchObject({ replicas: 1, vcpu: 1.5, diskGib: 0, source: "badgerSizing" })
    expect(node.memoryGb).toBeCloseTo(6.536870912, 9)
    expect(sizing.replicationCopies).toBe(1)
    expect(sizing.gaps).toEqual([])
    expect(sizing.notes[0]).toEqual({ id: "badger-single-node" })
    expect(sizing.notes).toContainEqual(expect.objectContaining({ id: "assumed", value: 4, unit: "GB" }))
  })

  it("still sizes the node at zero load", () => {
    expect(component(jaegerBadgerSizing(load({})), "all-in-one")).toMatchObject({ replicas: 1, vcpu: 1.5 })
  })

  it("grows the one node, never the node count, with the peak rate", () => {
    // 35,000 ÷ 10,000 = 3.5 → 4 cores: 4.5 vCPU; 8 + 0.536870912 + 4 GB
    const node = component(jaegerBadgerSizing(load({ peakSpansPerSecond: 35_000 })), "all-in-one")
    expect(node.replicas).toBe(1)
    expect(node.vcpu).toBe(4.5)
    expect(node.memoryGb).toBeCloseTo(12.536870912, 9)
  })
})

describe("the three Jaeger sizings", () => {
  it("agree with the storage model's copies, which the retained bytes already include", () => {
    expect(ES_COPIES).toBe(BACKENDS["jaeger-elasticsearch"].storage?.copies)
    expect(CASSANDRA_RF).toBe(BACKENDS["jaeger-cassandra"].storage?.copies)
    expect(jaegerBadgerSizing(load({})).replicationCopies).toBe(BACKENDS["jaeger-badger"].storage?.copies)
  })

  it("quote in their sources the figures the code uses", () => {
    expect(SOURCES.elasticsearchSizing.title).toContain("8.832 vCPU")
    expect(SOURCES.elasticsearchSizing.title).toContain("1,920 GB")
    expect(SOURCES.cassandraSizing.title).toContain("8 vCPU + 32 GB")
    expect(SOURCES.jaegerCollectorSizing.title).toContain("10,000 spans/s")
    expect(SOURCES.jaegerQuerySizing.title).toContain("0.5 vCPU + 512 MiB")
    expect(SOURCES.badgerSizing.title).toContain("4 GB for Badger")
  })

  it("are what the dispatcher returns", () => {
    const at = load({ retainedBytes: 3e12, peakSpansPerSecond: 15_000 })
    expect(backendSizing("jaeger-elasticsearch", at, { tempoVersion: "3" })).toEqual(jaegerElasticsearchSizing(at))
    expect(backendSizing("jaeger-cassandra", at, { tempoVersion: "3" })).toEqual(jaegerCassandraSizing(at))
    expect(backendSizing("jaeger-badger", at, { tempoVersion: "3" })).toEqual(jaegerBadgerSizing(at))
  })

  it("give whole, positive replicas and finite sizes with a listed source at every load", () => {
    const loads = [0, 1, 9_999, 10_001, 1e6, 1e12].map((n) =>
      load({ peakSpansPerSecond: n, retainedBytes: n * 1e6, peakIngestBytesPerSecond: n * 500 })
    )
    for (const at of loads) {
      for (const sizing of [jaegerElasticsearchSizing(at), jaegerCassandraSizing(at), jaegerBadgerSizing(at)]) {
        for (const c of sizing.components) {
          expect(Number.isInteger(c.replicas) && c.replicas >= 1).toBe(true)
          expect([c.vcpu, c.memoryGb, c.diskGib].every(Number.isFinite)).toBe(true)
          expect(SOURCES[c.source].id).toBe(c.source)
        }
      }
    }
  })
})
