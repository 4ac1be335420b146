import { describe, expect, it } from "vitest"

import { BACKEND_IDS } from "@/lib/plan/backends"
import { monthlyCost, type CostInput } from "@/lib/plan/cost"

// 1,000 rps at 10 %, 30 spans × 500 B, 14 days: the worked check in the cost anchors.
const workedCheck: CostInput = {
  tracesPerDay: 8_640_000,
  spansPerDay: 259_200_000,
  ingestBytesPerDay: 129_600_000_000,
  retainedBytes: 0,
  retentionDays: 14,
  apmHosts: 10,
  errorTracesPerDay: 0,
  datadogCommitment: "annual",
  newRelicFullUsers: 1,
}
const nothing: CostInput = {
  tracesPerDay: 0,
  spansPerDay: 0,
  ingestBytesPerDay: 0,
  retainedBytes: 0,
  retentionDays: 7,
  apmHosts: 1,
  errorTracesPerDay: 0,
  datadogCommitment: "annual",
  newRelicFullUsers: 1,
}

describe("monthlyCost", () => {
  describe("self-hosted storage", () => {
    it("prices Tempo's steady-state bytes at $0.023 per GB-month on S3", () => {
      expect(monthlyCost("tempo", { ...workedCheck, retainedBytes: 266_716_800_000 }).monthlyUsd).toBeCloseTo(
        6.1344864,
        9
      )
    })

    it("prices gp3 per GiB, not per GB", () => {
      expect(monthlyCost("clickhouse", { ...workedCheck, retainedBytes: 1024 ** 3 * 100 }).monthlyUsd).toBeCloseTo(8, 9)
    })
  })

  describe("SaaS list prices", () => {
    it("charges Datadog $31 per APM host, $15 per Infrastructure host and $0.10 per GB above 150 GB per host", () => {
      // The cost anchors' worked check: 129.6 GB/day × 30.4 = 3,939.84 GB; 10 hosts include 1,500 GB;
      // 2,439.84 GB × $0.10 = $243.984; + 10 × $31 = $553.984; + 10 Infrastructure Pro hosts × $15 = $703.984.
      expect(monthlyCost("datadog", workedCheck).monthlyUsd).toBeCloseTo(703.984, 9)
    })

    it("charges on-demand host prices month to month: $48 APM + $18 Infrastructure", () => {
      const cost = monthlyCost("datadog", { ...nothing, apmHosts: 3, datadogCommitment: "on-demand" })
      expect(cost.monthlyUsd).toBe(3 * 48 + 3 * 18)
    })

    it("charges only the host fees while Datadog ingest and indexed spans stay within the allotment", () => {
      expect(monthlyCost("datadog", { ...nothing, apmHosts: 3 }).monthlyUsd).toBe(93 + 45)
    })

    it("charges Datadog's indexed error spans above 1 M per host at $1.70 per million", () => {
      // 1 M error traces a day × 30.4 = 30.4 M indexed; 10 hosts include 10 M; 20.4 M × $1.70 = $34.68.
      const cost = monthlyCost("datadog", { ...nothing, apmHosts: 10, errorTracesPerDay: 1e6 })
      expect(cost.monthlyUsd).toBeCloseTo(310 + 150 + 34.68, 9)
      expect(cost.lines.map((line) => line.label)).toContain(
        "20.4 M indexed spans above 10 M included × $1.7 per million"
      )
    })

    it("charges Grafana Cloud for written GB above 50 free, processed GB and the platform fee", () => {
      // (3,939.84 − 50) × 0.40 + 3,939.84 × 0.05 + 19
      expect(monthlyCost("grafana-cloud", workedCheck).monthlyUsd).toBeCloseTo(1771.928, 9)
    })

    it("adds $0.10/GB for each 30 days of Grafana Cloud retention beyond the first", () => {
      const cost = monthlyCost("grafana-cloud", { ...workedCheck, retentionDays: 61 })
      expect(cost.monthlyUsd).toBeCloseTo(1771.928 + 2 * 393.984, 9)
      expect(cost.lines.map((line) => line.label)).toContain("2 extra 30-day retention periods × 3,939.8 GB × $0.1/GB")
    })

    it("charges New Relic $0.40 per billed GB above 100 free, billing 1.5× the OTLP size", () => {
      // 3,939.84 × 1.5 = 5,909.76 GB; (5,909.76 − 100) × 0.40
      expect(monthlyCost("new-relic", workedCheck).monthlyUsd).toBeCloseTo(2323.904, 9)
    })

    it("names X-Ray's CloudWatch span ingestion instead of pricing it: its $/GB is unconfirmed", () => {
      // The Collector exports over OTLP to CloudWatch (Transaction Search): spans are billed at
      // CloudWatch prices (AWS CloudWatch docs, Enable transaction search), whose span-ingestion
      // rate no page read confirms. So no line and no number: the volume is named instead.
      const cost = monthlyCost("aws-xray", workedCheck)
      expect(cost.monthlyUsd).toBe(0)
      expect(cost.lines).toEqual([])
      // 259.2 M spans/day × 30.4 = 7,879.68 M spans; 129.6 GB/day × 30.4 = 3,939.84 GB.
      expect(cost.unpriced).toEqual([
        "Not priced: X-Ray's spans (7.88B a month, 3.94K GB of OTLP) go to CloudWatch Logs (log group aws/spans, Transaction Search) at CloudWatch's span-ingestion price, which AWS bills apart from log ingestion and which was not confirmed here; 1 % of spans are indexed as trace summaries free. Add the ingestion, the log group's storage and your queries from the CloudWatch pricing page for your region.",
      ])
    })

    it("charges Google Cloud Trace $0.20 per million spans above 2.5 M free", () => {
      // 259.2 M × 30.4 = 7,879.68 M spans; (7,879.68 − 2.5) × $0.20
      expect(monthlyCost("google-cloud-trace", workedCheck).monthlyUsd).toBeCloseTo(1575.436, 9)
    })

    it.each([["google-cloud-trace"], ["aws-xray"], ["new-relic"], ["honeycomb"]] as const)(
      "costs nothing on %s when the plan keeps no traces",
      (backend) => {
        expect(monthlyCost(backend, nothing).monthlyUsd).toBe(0)
      }
    )
  })

  describe("Honeycomb tiers", () => {
    const eventsPerMonth = (events: number): CostInput => ({ ...nothing, spansPerDay: events / 30.4 })

    it("is free up to 20 M events a month", () => {
      expect(monthlyCost("honeycomb", eventsPerMonth(20e6)).monthlyUsd).toBe(0)
    })

    it("costs the Pro base of $130 from 20 M to 100 M events", () => {
      expect(monthlyCost("honeycomb", eventsPerMonth(21e6)).monthlyUsd).toBe(130)
      expect(monthlyCost("honeycomb", eventsPerMonth(100e6)).monthlyUsd).toBe(130)
      expect(monthlyCost("honeycomb", eventsPerMonth(100e6)).extrapolated).toBeNull()
    })

    it("scales Pro linearly above 100 M events and says so", () => {
      const cost = monthlyCost("honeycomb", eventsPerMonth(500e6))
      expect(cost.monthlyUsd).toBeCloseTo(650, 9)
      expect(cost.notes[0]).toMatch(/scaled linearly/)
      expect(cost.extrapolated).toBe(
        "Honeycomb publishes the Pro price for 100 M events/month; past that it is scaled linearly here."
      )
    })

    it("warns that above 1.5 B events Honeycomb quotes Enterprise prices", () => {
      expect(monthlyCost("honeycomb", eventsPerMonth(2e9)).notes.join(" ")).toMatch(/Enterprise/)
      expect(monthlyCost("honeycomb", eventsPerMonth(2e9)).extrapolated).toBe(
        "Above 1.5 B events/month Honeycomb quotes Enterprise prices; this scales the Pro price linearly."
      )
    })

    it("marks no other backend's price as extrapolated", () => {
      for (const backend of BACKEND_IDS.filter((id) => id !== "honeycomb"))
        expect(monthlyCost(backend, eventsPerMonth(2e9)).extrapolated).toBeNull()
    })
  })

  it("warns when the retention is longer than a vendor includes", () => {
    expect(monthlyCost("datadog", { ...nothing, retentionDays: 30 }).notes).toContain(
      "Datadog APM includes 15 days of retention at this price; longer retention (30 days) is not priced here."
    )
  })

  it("adds up its line items to the total", () => {
    const cost = monthlyCost("grafana-cloud", { ...workedCheck, retentionDays: 90 })
    expect(cost.lines.reduce((sum, line) => sum + line.usd, 0)).toBe(cost.monthlyUsd)
  })
})
