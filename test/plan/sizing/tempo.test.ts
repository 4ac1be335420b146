import { describe, expect, it } from "vitest"

import { replicasFor, tempoBackendSizing, tempoKafkaLogGib, tempoKafkaPartitions } from "@/lib/plan/sizing/tempo"
import { sizingTotals } from "@/lib/plan/sizing/totals"
import type { BackendSizing, SizingLoad } from "@/lib/plan/sizing/types"

// Rules: Grafana Tempo docs, Size the cluster (size.md at v3.0.3 and v2.9.5), midpoints of ranges;
// Configure Kafka (partitions = ceil(peak / 10 MB/s), RF 3, 24 h); jsonnet 500m requests.

/** A load whose average is half its peak (the split matters only to the Kafka log). */
const load = (peakMegabytesPerSecond: number): SizingLoad => ({
  peakIngestBytesPerSecond: peakMegabytesPerSecond * 1e6,
  ingestBytesPerSecond: (peakMegabytesPerSecond * 1e6) / 2,
  peakSpansPerSecond: (peakMegabytesPerSecond * 1e6) / 500,
  retainedBytes: 0,
  retentionDays: 7,
})

/** "replicas id (vCPU, GB)" per component, to compare a whole shape at once. */
const shape = (sizing: BackendSizing) =>
  sizing.components.map((c) => `${c.replicas} ${c.id} (${c.vcpu}, ${c.memoryGb})`)

describe("replicasFor", () => {
  it("rounds up, forgives float noise and keeps the floor", () => {
    expect(replicasFor(10, 1.5)).toBe(7) // 6.67
    expect(replicasFor(0.1 * 3, 0.1)).toBe(3) // 3.0000000000000004, not 4
    expect(replicasFor(0, 4, 3)).toBe(3)
    expect(replicasFor(-5, 10)).toBe(1)
  })
})

describe("Tempo 3.x", () => {
  it("at 10 MB/s peak: one partition, live-stores in two zones, Kafka RF 3", () => {
    const sizing = tempoBackendSizing(load(10), "3")
    expect(shape(sizing)).toEqual([
      "1 distributor (2, 2)", // 10 / 10
      "2 live-store (1, 12)", // 1 partition × 2 zones; 4–20 GB midpoint
      "1 block-builder (0.5, 7.5)", // 1 per partition; 5–10 GB midpoint
      "7 querier (0.5, 12)", // ceil(10 / 1.5) = 7
      "2 query-frontend (0.5, 12)",
      "1 backend-scheduler (0.5, 1.5)",
      "3 backend-worker (0.5, 1.5)", // max(3, ceil(10 / 4) = 3)
      "3 kafka (0, 0)",
    ])
    expect(sizing.replicationCopies).toBe(3)
    expect(sizing.gaps).toEqual([{ id: "kafka-brokers", partitions: 1, replicationFactor: 3 }])
    // Kafka log: 5 MB/s average × 86,400 s × 3 = 1.296e12 B = 1,206.99405… GiB, over 3 brokers.
    expect(sizing.components.find((c) => c.id === "kafka")?.diskGib).toBeCloseTo(402.33135, 4)
    // 10 < 25 MB/s: one monolithic process would do.
    expect(sizing.notes).toContainEqual({
      id: "tempo-monolithic",
      peakMegabytesPerSecond: 10,
      ceilingMegabytesPerSecond: 25,
    })
  })

  it("at 100 MB/s peak: ten partitions, no monolithic note", () => {
    const sizing = tempoBackendSizing(load(100), "3")
    expect(shape(sizing)).toEqual([
      "10 distributor (2, 2)",
      "20 live-store (1, 12)", // 10 partitions × 2 zones
      "10 block-builder (0.5, 7.5)",
      "67 querier (0.5, 12)", // ceil(66.67)
      "2 query-frontend (0.5, 12)",
      "1 backend-scheduler (0.5, 1.5)",
      "25 backend-worker (0.5, 1.5)", // 100 / 4
      "3 kafka (0, 0)",
    ])
    expect(sizing.gaps).toEqual([{ id: "kafka-brokers", partitions: 10, replicationFactor: 3 }])
    expect(sizing.notes.map((n) => n.id)).not.toContain("tempo-monolithic")
    // 20 + 20 + 5 + 33.5 + 1 + 0.5 + 12.5 = 92.5 vCPU; 20 + 240 + 75 + 804 + 24 + 1.5 + 37.5 = 1,202 GB.
    expect(sizingTotals(sizing).vcpu).toBeCloseTo(92.5, 9)
    expect(sizingTotals(sizing).memoryGb).toBeCloseTo(1202, 9)
  })

  it("names the monolithic option only below 25 MB/s and 55k spans/s (deployment modes, low ends)", () => {
    const ids = (l: SizingLoad) => tempoBackendSizing(l, "3").notes.map((n) => n.id)
    expect(ids(load(24.9))).toContain("tempo-monolithic") // 49,800 spans/s of 500 B
    expect(ids(load(25))).not.toContain("tempo-monolithic")
    // 20 MB/s of 300 B spans is 66,667 spans/s: over the spans ceiling first.
    expect(ids({ ...load(20), peakSpansPerSecond: 20e6 / 300 })).not.toContain("tempo-monolithic")
  })

  it("names its assumptions: live-store zones, backend-worker rate, Kafka retention", () => {
    const assumed = tempoBackendSizing(load(100), "3").notes.flatMap((n) => (n.id === "assumed" ? [n.value] : []))
    expect(assumed).toEqual([2, 4, 24])
  })
})

describe("Tempo 2.x", () => {
  it("at 10 MB/s peak: ingesters RF 3 and at least three of them", () => {
    const sizing = tempoBackendSizing(load(10), "2")
    expect(shape(sizing)).toEqual([
      "1 distributor (2, 2)",
      "3 ingester (2.5, 12)", // ceil(10 / 4) = 3
      "7 querier (0.5, 12)",
      "2 query-frontend (0.5, 12)",
      "3 compactor (1, 12)", // ceil(10 / 4) = 3
    ])
    expect(sizing.replicationCopies).toBe(3)
    expect(sizing.gaps).toEqual([])
    expect(sizing.notes).toEqual([])
  })

  it("at 100 MB/s peak", () => {
    const sizing = tempoBackendSizing(load(100), "2")
    expect(shape(sizing)).toEqual([
      "10 distributor (2, 2)",
      "25 ingester (2.5, 12)",
      "67 querier (0.5, 12)",
      "2 query-frontend (0.5, 12)",
      "25 compactor (1, 12)",
    ])
    // 20 + 62.5 + 33.5 + 1 + 25 = 142 vCPU
    expect(sizingTotals(sizing).vcpu).toBeCloseTo(142, 9)
  })
})

describe("edge loads", () => {
  it("a trickle (0.001 MB/s) still runs one of each component, three ingesters and three workers", () => {
    expect(shape(tempoBackendSizing(load(0.001), "3"))).toEqual([
      "1 distributor (2, 2)",
      "2 live-store (1, 12)",
      "1 block-builder (0.5, 7.5)",
      "1 querier (0.5, 12)",
      "2 query-frontend (0.5, 12)",
      "1 backend-scheduler (0.5, 1.5)",
      "3 backend-worker (0.5, 1.5)",
      "3 kafka (0, 0)",
    ])
    expect(shape(tempoBackendSizing(load(0.001), "2"))).toEqual([
      "1 distributor (2, 2)",
      "3 ingester (2.5, 12)",
      "1 querier (0.5, 12)",
      "2 query-frontend (0.5, 12)",
      "1 compactor (1, 12)",
    ])
  })

  it("zero load: the same minimum shape, an empty Kafka log and finite numbers", () => {
    const sizing = tempoBackendSizing(load(0), "3")
    expect(sizing.components.map((c) => c.replicas)).toEqual([1, 2, 1, 1, 2, 1, 3, 3])
    expect(sizing.components.find((c) => c.id === "kafka")?.diskGib).toBe(0)
    expect(sizing.gaps).toEqual([{ id: "kafka-brokers", partitions: 1, replicationFactor: 3 }])
    expect(Object.values(sizingTotals(sizing)).every(Number.isFinite)).toBe(true)
  })
})

describe("Kafka helpers", () => {
  it("partitions = ceil(peak / 10 MB/s), at least one", () => {
    expect(tempoKafkaPartitions(100e6)).toBe(10)
    expect(tempoKafkaPartitions(100_000_001)).toBe(11)
    expect(tempoKafkaPartitions(0)).toBe(1)
  })

  it("log = average × 24 h × RF 3, in GiB", () => {
    // 10 MB/s × 86,400 s × 3 = 2.592e12 B ÷ 1,073,741,824 = 2,413.98811… GiB
    expect(tempoKafkaLogGib(10e6)).toBeCloseTo(2413.98811, 4)
  })
})
