import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/fields"
import { allowanceCellText, retentionBoughtText, sizingShortText } from "@/lib/plan/text/backend-row"

describe("retentionBoughtText", () => {
  it("names the vendor whose retention a SaaS price buys, and the plan's own when self-hosted", () => {
    const rows = buildPlan(DEFAULT_INPUT).backends
    const of = (id: string) => retentionBoughtText(rows.find((row) => row.id === id)!)
    // Datadog keeps indexed spans 15 days, Honeycomb 60, New Relic 8; self-hosted keeps the plan's 7.
    expect(of("datadog")).toBe("15 days, indexed spans only (Datadog's)")
    expect(of("honeycomb")).toBe("60 days (Honeycomb's)")
    expect(of("new-relic")).toBe("8 days (New Relic's)")
    expect(of("tempo")).toBe("7 days")
    expect(retentionBoughtText({ id: "tempo", hosting: "self-hosted", retentionDays: 1 })).toBe("1 day")
  })
})

describe("allowanceCellText", () => {
  it("gives the allowance's use, none when self-hosted, and says when a vendor's charges are not priced", () => {
    const rows = buildPlan(DEFAULT_INPUT).backends
    const of = (id: string) => allowanceCellText(rows.find((row) => row.id === id)!)
    // Honeycomb: 20M free events a month (the break-even test pins the rate).
    expect(of("honeycomb")).toMatch(/^39\.4B of 20M free events a month; ≤ /)
    expect(of("tempo")).toBe("none (self-hosted)")
    // X-Ray's span ingestion goes to CloudWatch at a price not confirmed: no allowance to show.
    expect(of("aws-xray")).toBe("not priced: see what it buys")
    expect(allowanceCellText({ hosting: "saas", breakEven: null, unpriced: [] })).toBe("none")
  })
})

describe("sizingShortText", () => {
  it("says replicas × vCPU + GB, counting nouns right, and the copies of the data", () => {
    expect(
      sizingShortText({
        components: [
          { id: "query", replicas: 2, vcpu: 0.5, memoryGb: 0.536870912, diskGib: 0, source: "jaegerQuerySizing" },
          { id: "data-node", replicas: 7, vcpu: 8.832, memoryGb: 64, diskGib: 0, source: "elasticsearchSizing" },
          { id: "kafka", replicas: 1, vcpu: 2, memoryGb: 8, diskGib: 100, source: "tempoSizing" },
        ],
        replicationCopies: 2,
      })
    ).toBe(
      "2 queries × 0.5 vCPU + 0.5 GB, 7 data nodes × 8.8 vCPU + 64 GB, 1 Kafka × 2 vCPU + 8 GB + 100 GiB disk; 2 copies of the data"
    )
  })

  it("is empty when nothing is sized, and leaves out a single copy", () => {
    expect(sizingShortText({ components: [], replicationCopies: 1 })).toBe("")
    expect(
      sizingShortText({
        components: [{ id: "all-in-one", replicas: 1, vcpu: 2.5, memoryGb: 8.5, diskGib: 0, source: "badgerSizing" }],
        replicationCopies: 1,
      })
    ).toBe("1 all-in-one instance × 2.5 vCPU + 8.5 GB")
  })
})
