import { describe, expect, it } from "vitest"

import { clickhouseSizing, clickstackVcpu } from "@/lib/plan/sizing/clickhouse"
import { sizingTotals } from "@/lib/plan/sizing/totals"
import type { SizingLoad } from "@/lib/plan/sizing/types"

// ClickHouse docs, ClickStack "Estimating resources": 1 vCPU per 10 MB/s + 1 vCPU per QPS per 10 MB/s.

/** ClickHouse is sized at the average; the peak is twice it to show the peak is not used. */
const load = (averageMegabytesPerSecond: number): SizingLoad => ({
  peakIngestBytesPerSecond: averageMegabytesPerSecond * 2e6,
  ingestBytesPerSecond: averageMegabytesPerSecond * 1e6,
  peakSpansPerSecond: (averageMegabytesPerSecond * 2e6) / 500,
  retainedBytes: 0,
  retentionDays: 7,
})

describe("clickstackVcpu", () => {
  it.each([
    [10, 3, 4], // table (3 QPS): 1 ingest + 3 query
    [20, 3, 8],
    [100, 3, 40], // 10 + 30
    [1000, 3, 400], // 100 + 300
    [579, 5, 348], // worked example, 1.5 PB/month at 5 QPS: 58 + 290
    [100, 9, 100], // page body: 100 MB/s at 9 QPS = 10 ingest + 90 query
  ])("%d MB/s at %d QPS = %d vCPU (ClickStack's own rows)", (megabytes, qps, vcpu) => {
    expect(clickstackVcpu(megabytes, qps)).toBe(vcpu)
  })

  it("rounds a fraction up and zero to zero", () => {
    expect(clickstackVcpu(0.001, 3)).toBe(1) // 0.0004
    expect(clickstackVcpu(0, 3)).toBe(0)
  })
})

describe("clickhouseSizing", () => {
  it("at 10 MB/s average: 4 vCPU in all, over 3 replicas of the 2 vCPU minimum, plus 3 Keepers", () => {
    const sizing = clickhouseSizing(load(10))
    expect(sizing.components).toEqual([
      // ceil(4 / 3) = 2; 2 × 4 GB = 8 GB, the OSS guide's floor
      { id: "server", replicas: 3, vcpu: 2, memoryGb: 8, diskGib: 0, source: "clickhouseSizing" },
      { id: "keeper", replicas: 3, vcpu: 0.1, memoryGb: 4, diskGib: 0, source: "clickhouseKeeper" },
    ])
    expect(sizing.replicationCopies).toBe(3)
    expect(sizing.gaps).toEqual([])
  })

  it("at 100 MB/s average: 40 vCPU shared by 3 replicas of 14", () => {
    // ceil(40 / 3) = 14 vCPU, 56 GB each. The older managed table gives 30 × 3 for 100–500 TB/month,
    // the top of that band (500 TB/month = 193 MB/s → 77 vCPU ÷ 3 = 26); 100 MB/s is 259 TB/month.
    const [server] = clickhouseSizing(load(100)).components
    expect(server).toMatchObject({ replicas: 3, vcpu: 14, memoryGb: 56 })
    // 3 × 14 + 3 × 0.1 = 42.3 vCPU; 3 × 56 + 3 × 4 = 180 GB
    expect(sizingTotals(clickhouseSizing(load(100)))).toEqual({ vcpu: 42.3, memoryGb: 180, diskGib: 0 })
  })

  it("names its assumptions: 3 QPS, 4 GB per vCPU, 0.1 vCPU per Keeper", () => {
    expect(clickhouseSizing(load(10)).notes).toEqual([
      { id: "assumed", what: "ClickHouse queries per second", value: 3, unit: "QPS" },
      { id: "assumed", what: "ClickHouse memory per vCPU (general-purpose ratio)", value: 4, unit: "GB" },
      { id: "assumed", what: "ClickHouse Keeper vCPU per node", value: 0.1, unit: "vCPU" },
    ])
  })

  it("a trickle and zero load keep three replicas of the minimum and three Keepers", () => {
    for (const megabytes of [0.001, 0]) {
      expect(clickhouseSizing(load(megabytes)).components.map((c) => [c.id, c.replicas, c.vcpu, c.memoryGb])).toEqual([
        ["server", 3, 2, 8],
        ["keeper", 3, 0.1, 4],
      ])
    }
  })
})
