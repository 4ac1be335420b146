import { describe, expect, it } from "vitest"

import { sizingTotals } from "@/lib/plan/sizing/totals"

describe("sizingTotals", () => {
  it("sums replicas × vCPU, GB and GiB over every component", () => {
    expect(
      sizingTotals({
        components: [
          { id: "distributor", replicas: 2, vcpu: 2, memoryGb: 2, diskGib: 0, source: "tempoSizing3" },
          { id: "kafka", replicas: 3, vcpu: 0, memoryGb: 0, diskGib: 100, source: "tempoKafka" },
          { id: "querier", replicas: 5, vcpu: 0.5, memoryGb: 12, diskGib: 0, source: "tempoSizing3" },
        ],
        replicationCopies: 3,
        gaps: [],
        notes: [],
      })
      // vCPU 4 + 0 + 2.5; GB 4 + 0 + 60; GiB 0 + 300 + 0
    ).toEqual({ vcpu: 6.5, memoryGb: 64, diskGib: 300 })
  })

  it("is zero for no components", () => {
    expect(sizingTotals({ components: [], replicationCopies: 1, gaps: [], notes: [] })).toEqual({
      vcpu: 0,
      memoryGb: 0,
      diskGib: 0,
    })
  })
})
