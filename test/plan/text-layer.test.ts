import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/schema"
import { assumptionText } from "@/lib/plan/text/assumptions"
import { costItemLabel, costNoteText, costUnpricedText } from "@/lib/plan/text/cost"
import { headlineDetailStats, headlineItems, headlineStats, headlineTitle, summaryText } from "@/lib/plan/text/headline"
import { lintWarningText } from "@/lib/plan/text/lint"
import { recommendationFacts } from "@/lib/plan/recommend-facts"
import { recommendationReasons, recommendationWarningText } from "@/lib/plan/text/recommendation"

// The words the text layer puts on facts: a few snapshots, so a change of wording is seen in review.

describe("the text layer", () => {
  it("words a bill's items and notes", () => {
    expect(
      costItemLabel({
        what: "ingest-above-included",
        quantity: 156,
        unit: "GB",
        includedQuantity: 300,
        unitUsd: 0.1,
        usd: 15.6,
      })
    ).toMatchInlineSnapshot(`"156 GB ingested above 300 GB included × $0.1/GB"`)
    expect(costNoteText({ id: "compute-already-paid" }, "tempo")).toMatchInlineSnapshot(
      `"Compute is priced at $0: you entered 0 for the nodes' vCPU and memory (already paid for)."`
    )
    expect(
      costItemLabel({
        what: "network",
        unit: "GB",
        hop: "app-to-collector",
        crossing: "zone",
        wireGbPerMonth: 19_699.2,
        crossingShare: 2 / 3,
        compression: 1,
        quantity: 13_132.8,
        unitUsd: 0.02,
        usd: 262.656,
      })
    ).toMatchInlineSnapshot(`"Apps to the Collector: 13,132.8 GB crossing zones (67 % of 19,699.2 GB) × $0.02/GB"`)
    expect(costUnpricedText({ id: "kafka-brokers", partitions: 2, replicationFactor: 3 })).toMatchInlineSnapshot(
      `"Not priced: the Kafka-compatible queue Tempo 3.x writes through (2 partitions, replication factor 3, so at least 3 brokers). Tempo publishes no broker size: add your Kafka, Redpanda or WarpStream bill."`
    )
  })

  it("words a lint finding from its facts alone", () => {
    expect(
      lintWarningText({
        id: "endpoint-other-backend",
        severity: "warning",
        facts: {
          endpoint: "https://api.honeycomb.io",
          viaDapr: false,
          receivers: ["honeycomb"],
          backend: "tempo",
          backendReceiver: "tempo-distributor.tempo.svc.cluster.local:4317",
          collectorEndpoint: "http://otel-collector.observability.svc.cluster.local:4317",
        },
      })
    ).toMatchInlineSnapshot(`
      {
        "fix": "Choose the backend you run in the form, or send to Grafana Tempo on S3 (http://tempo-distributor.tempo.svc.cluster.local:4317) or to the Collector (http://otel-collector.observability.svc.cluster.local:4317), which exports to Grafana Tempo on S3.",
        "id": "endpoint-other-backend",
        "message": "The apps send to https://api.honeycomb.io, which looks like Honeycomb's intake, while the figures price Grafana Tempo on S3: spans are stored, and billed, where the endpoint points.",
        "severity": "warning",
      }
    `)
  })

  it("words a recommendation: reasons, then each warning", () => {
    const facts = recommendationFacts({ ...DEFAULT_INPUT, budgetUsdPerMonth: 0.01, keepAllErrors: false })
    // 0.01 %: storage 0.160175503 + Tempo's fewest replicas 480.86 + 1 Collector core 36.01 + network 1.116288
    // = $518.146463503; 100 %: 1,601.755028 + 5,113.44 + 15 cores 540.15 + 11,162.88 = $18,418.225028
    // (both derived in test/plan/recommend.test.ts), +$17,900.08.
    expect(recommendationReasons(facts)).toMatchInlineSnapshot(`
      [
        "Runner-up: 100 % head sampling: +$17,900/mo ($18,418/mo in all, beyond the $0.01/mo budget).",
        "Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply.",
        "Dapr's samplingRate "0.0001" decides: requests reach the sidecar without trace context, so Dapr starts the traces and the app follows; the app's own rate covers only traces it starts itself.",
      ]
    `)
    expect(facts.warnings.map((warning) => recommendationWarningText(warning, facts))).toMatchInlineSnapshot(`
      [
        "Nothing fits the $0.01/mo budget: the cheapest plan, head sampling at 0.01 %, costs $518/mo. Most of it is the backend's compute, $481/mo, which a lower rate barely moves: raise the budget or pick a backend that costs less to run.",
      ]
    `)
  })

  it("words an assumption", () => {
    expect(
      assumptionText({
        id: "sdk-runs-other-sampler",
        language: "node",
        sampler: "jaeger_remote",
        runs: "parentbased_always_on",
        behindDapr: true,
      })
    ).toMatchInlineSnapshot(
      `"The node SDK cannot read OTEL_TRACES_SAMPLER=jaeger_remote and runs parentbased_always_on; the figures use what it runs (behind Dapr, Dapr's rate)."`
    )
  })

  it("phrases the headline figures once for the cards, the phone summary and the Markdown", () => {
    // Datadog: a bill that does not wait on a self-hosted backend's sizing. The whole bill is
    // Collector $72.02 + network $705.888 + vendor $2,285.24576 = $3,063.15376 (derived in
    // test/plan/text-headline.test.ts); 648 GB/day × 7 days = 4.54 TB of raw OTLP.
    const plan = buildPlan({ ...DEFAULT_INPUT, backend: "datadog" })
    expect(headlineStats(plan).map((stat) => `${stat.label}: ${stat.value} (${stat.detail})`)).toEqual([
      "Cost per month: $3,063/mo (on Datadog APM)",
      "Traces kept per day: 43.2M (43,200,000 traces/day at 10 % of 432M requests/day)",
      "Errors kept per hour: 18K (of 180,000 errors/hour (10 %))",
      "Storage at 7-day retention: 4.54 TB (raw OTLP over 7 days; Datadog APM keeps 15 days at its price and does not publish its stored size)",
    ])
    expect(headlineDetailStats(plan).map((stat) => `${stat.label}: ${stat.value} (${stat.detail})`)).toEqual([
      "Requests per day: 432M (432,000,000 requests/day)",
      "Spans per day: 1.3B (1,296,000,000 spans/day; peak 15K spans/s)",
      "Raw OTLP per day: 648 GB (7.5 MB/s at peak, before compression)",
    ])
    // Every error kept (the default goal): tail sampling, $8,949/mo on Datadog.
    expect(summaryText(plan)).toEqual({
      cost: { after: "on Datadog APM", detail: "on Datadog APM", value: "$3,063/mo" },
      stored: { after: "stored", value: "4.54 TB" },
      traces: { after: "traces/day", value: "43.2M" },
      recommended: "Collector tail sampling (errors, slow traces and a 10 % baseline), $8,949/mo",
      recommendedParts: {
        value: "$8,949/mo",
        after: "Collector tail sampling (errors, slow traces and a 10 % baseline)",
      },
    })
    expect(headlineTitle(plan)).toBe("Trace sampling plan: 10 % of 5K req/s, 7 days on Datadog APM")
    expect(headlineItems(plan)).toEqual([
      "Cost: $3,063 per month on Datadog APM (Collector $72.02 + network $706 + vendor $2,285)",
      "Requests: 432,000,000 per day",
      "Traces kept: 43,200,000 per day (parentbased_traceidratio, 10 %)",
      "Spans: 1,296,000,000 per day; peak 15K spans/s",
      "Raw OTLP: 648 GB per day",
      "Storage at 7-day retention: 4.54 TB on Datadog APM",
    ])
  })
})
