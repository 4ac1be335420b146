import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import {
  billGroups,
  breakdownParts,
  breakdownText,
  collectorCoresText,
  headlineItems,
  headlineStats,
  headlineDetailStats,
  summaryText,
  unpricedShortText,
} from "@/lib/plan/text/headline"
import { DEFAULT_INPUT } from "@/lib/plan/fields"

// Datadog at the default plan (5,000 req/s × 10 % × 30 spans × 500 B = 648 GB/day, × 30.4 days =
// 19,699.2 GB a month); its bill does not depend on a self-hosted backend's sizing:
//   Collector: 2 cores × $36.01 ($29.53 a vCPU + 2 GB × $3.24) = $72.02
//   network:   19,699.2 GB × 2/3 crossing zones × $0.02 = $262.656
//            + 19,699.2 GB ÷ 4 (gzip) = 4,924.8 GB to the internet × $0.09 = $443.232  → $705.888
//   vendor:    10 APM hosts × $31 + 10 Infrastructure hosts × $15 + (19,699.2 − 1,500) GB × $0.10
//            + 3.1328 M indexed spans × $1.70 = 310 + 150 + 1,819.92 + 5.32576 = $2,285.24576
//   total:     72.02 + 705.888 + 2,285.24576 = $3,063.15376
const datadog = buildPlan({ ...DEFAULT_INPUT, backend: "datadog" })

describe("breakdownText and breakdownParts", () => {
  it("name the parts that cost something, in the breakdown's order", () => {
    expect(datadog.cost.monthlyUsd).toBeCloseTo(3063.15376, 6)
    expect(breakdownText(datadog.cost.breakdown)).toBe("Collector $72.02 + network $706 + vendor $2,285")
    expect(breakdownParts(datadog.cost.breakdown).map((part) => part.name)).toEqual(["Collector", "network", "vendor"])
  })

  it("add up to the total", () => {
    const sum = breakdownParts(datadog.cost.breakdown).reduce((total, part) => total + part.usd, 0)
    expect(sum).toBeCloseTo(datadog.cost.monthlyUsd, 6)
  })

  it("say $0 when nothing costs anything", () => {
    const zero = { storageUsd: 0, backendComputeUsd: 0, collectorComputeUsd: 0, networkUsd: 0, vendorUsd: 0 }
    expect(breakdownText(zero)).toBe("$0")
    expect(breakdownParts(zero)).toEqual([])
  })
})

describe("billGroups", () => {
  it("groups the lines by part with their subtotals, keeping a part whose lines come to $0", () => {
    // One zone: the apps-to-Collector hop stays in its zone ($0), the export still crosses the internet.
    const groups = billGroups(buildPlan({ ...DEFAULT_INPUT, backend: "datadog", zones: 1 }).cost)
    expect(groups.map((group) => [group.name, group.lines.length])).toEqual([
      ["Collector", 1],
      ["network", 2],
      ["vendor", 4],
    ])
    expect(groups[1]!.usd).toBeCloseTo(443.232, 6)
    expect(groups[1]!.lines.map((line) => line.usd)).toEqual([0, 443.232])
  })

  it("keeps a part at $0 that has a line, and leaves out one with neither", () => {
    const cost = {
      breakdown: { storageUsd: 1, backendComputeUsd: 0, collectorComputeUsd: 0, networkUsd: 0, vendorUsd: 0 },
      lines: [
        { label: "43.5 GB on S3 Standard × $0.023/GB-month", usd: 1, part: "storage" as const },
        { label: "Apps to the Collector: 0 GB crossing zones", usd: 0, part: "network" as const },
      ],
    }
    expect(billGroups(cost).map((group) => group.part)).toEqual(["storageUsd", "networkUsd"])
  })
})

describe("unpricedShortText", () => {
  it("counts what the total leaves out, and says nothing when it leaves nothing out", () => {
    // Datadog: its Intelligent retention filter's spans and a NAT gateway on the way out.
    expect(unpricedShortText(datadog.cost)).toBe("2 items not priced")
    expect(unpricedShortText({ unpriced: [] })).toBe("")
  })
})

describe("headline figures", () => {
  it("open with the whole bill and the backend it is on", () => {
    expect(headlineStats(datadog)[0]).toEqual({
      id: "cost",
      label: "Cost per month",
      value: "$3,063/mo",
      detail: "on Datadog APM",
    })
    expect(headlineItems(datadog)[0]).toBe(
      "Cost: $3,063 per month on Datadog APM (Collector $72.02 + network $706 + vendor $2,285)"
    )
    expect(summaryText(datadog).cost).toEqual({ value: "$3,063/mo", after: "on Datadog APM", detail: "on Datadog APM" })
  })

  it("say when a price goes past the vendor's published ones", () => {
    // 5,000 req/s × 86,400 s × 10 % × 30 spans × 30.4 days = 39.4 B events a month: past 1.5 B, Enterprise.
    expect(headlineStats(buildPlan({ ...DEFAULT_INPUT, backend: "honeycomb" }))[0]!.detail).toBe(
      "on Honeycomb; extrapolated past the published prices (see the cost breakdown)"
    )
  })
})

describe("what the total buys", () => {
  // The default plan: 5,000 req/s × 86,400 s = 432 M requests/day, 10 % kept = 43.2 M traces/day;
  // 1 % errors = 5,000 × 0.01 × 3,600 = 180,000 errors/hour, 10 % of them kept = 18,000.
  const plan = buildPlan(DEFAULT_INPUT)

  it("follows the total with traces kept, errors kept and storage, the requests only as the traces' detail", () => {
    expect(headlineStats(plan).map((stat) => `${stat.label}: ${stat.value} (${stat.detail})`)).toEqual([
      "Cost per month: $2,044/mo (on Grafana Tempo on S3)",
      "Traces kept per day: 43.2M (43,200,000 traces/day at 10 % of 432M requests/day)",
      "Errors kept per hour: 18K (of 180,000 errors/hour (10 %))",
      "Storage at 7-day retention: 667 GB (95.3 GB/day on Grafana Tempo on S3)",
    ])
    expect(headlineDetailStats(plan).map((stat) => stat.id)).toEqual(["requests", "spans", "bytes"])
  })

  it("says every error is kept when the tail sampler keeps them all, and when there are none", () => {
    // At 100 % head sampling (the app and its Dapr sidecar) the tail sampler sees every trace, and its
    // error policy keeps each error.
    const tail = buildPlan({
      ...DEFAULT_INPUT,
      ratio: 1,
      daprSamplingRate: 1,
      tailSampling: true,
      tailKeepErrors: true,
    })
    expect(headlineStats(tail)[2]).toMatchObject({ value: "180K", detail: "every one of 180,000 errors/hour" })
    const none = buildPlan({ ...DEFAULT_INPUT, errorRate: 0 })
    expect(headlineStats(none)[2]).toMatchObject({ value: "0", detail: "no errors at a 0 % error rate" })
  })

  it("names the recommended option and its total in the summary kept in view", () => {
    // Every error kept (the default goal): Collector tail sampling, its bill in test/plan/recommend.test.ts.
    expect(summaryText(plan).recommended).toBe(
      "Collector tail sampling (errors, slow traces and a 10 % baseline), $7,162/mo"
    )
    expect(summaryText(buildPlan({ ...DEFAULT_INPUT, keepAllErrors: false })).recommended).toBe(
      "Head sampling at 10 %, $2,044/mo"
    )
  })
})

describe("collectorCoresText", () => {
  it("counts cores in words, singular for one", () => {
    expect(collectorCoresText(1)).toBe("1 Collector core")
    expect(collectorCoresText(1500)).toBe("1.5K Collector cores")
  })
})
