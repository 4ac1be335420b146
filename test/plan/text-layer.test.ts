import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/schema"
import { assumptionText } from "@/lib/plan/text/assumptions"
import { costItemLabel, costNoteText } from "@/lib/plan/text/cost"
import { headlineItems, headlineStats, headlineTitle, phoneSummaryText } from "@/lib/plan/text/headline"
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
    expect(costNoteText({ id: "collector-not-priced", cores: 3 }, "tempo")).toMatchInlineSnapshot(
      `"3 Collector cores at peak not priced (AWS Fargate on-demand, 1 core + 2 GB each: $108/mo): enter a cost per core to include them."`
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
    expect(recommendationReasons(facts)).toMatchInlineSnapshot(`
      [
        "Runner-up: 100 % head sampling: +$3,940/mo ($3,977/mo in all, beyond the $0.01/mo budget).",
        "Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply.",
      ]
    `)
    expect(facts.warnings.map((warning) => recommendationWarningText(warning, facts))).toMatchInlineSnapshot(`
      [
        "Nothing fits the $0.01/mo budget: the cheapest plan, head sampling at 0.01 %, costs $36.35/mo. Most of it is the Collector tier, 1 core at $36.01/mo whatever the rate: raise the budget, or send straight to the backend if you need no Collector.",
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
    const plan = buildPlan(DEFAULT_INPUT)
    expect(headlineStats(plan).map((stat) => `${stat.label}: ${stat.value} (${stat.detail})`)).toMatchInlineSnapshot(`
      [
        "Requests per day: 432M (432,000,000 requests/day)",
        "Traces kept per day: 43.2M (43,200,000 traces/day at 10 %)",
        "Spans per day: 1.3B (1,296,000,000 spans/day; peak 15K spans/s)",
        "Raw OTLP per day: 648 GB (7.5 MB/s at peak, before compression)",
        "Storage at 7-day retention: 667 GB (95.3 GB/day on Grafana Tempo on S3)",
        "Cost per month: $15.34/mo (Grafana Tempo on S3, storage only; not priced: 2 Collector cores and Tempo 3.x's 9 replicas at peak)",
      ]
    `)
    expect(phoneSummaryText(plan)).toMatchInlineSnapshot(`
      {
        "cost": {
          "after": "on Grafana Tempo on S3",
          "value": "$15.34/mo",
        },
        "stored": {
          "after": "stored",
          "value": "667 GB",
        },
        "traces": {
          "after": "traces/day",
          "value": "43.2M",
        },
      }
    `)
    expect(headlineTitle(plan)).toMatchInlineSnapshot(
      `"Trace sampling plan: 10 % of 5K req/s, 7 days on Grafana Tempo on S3"`
    )
    expect(headlineItems(plan)).toMatchInlineSnapshot(`
      [
        "Requests: 432,000,000 per day",
        "Traces kept: 43,200,000 per day (parentbased_traceidratio, 10 %)",
        "Spans: 1,296,000,000 per day; peak 15K spans/s",
        "Raw OTLP: 648 GB per day",
        "Storage at 7-day retention: 667 GB on Grafana Tempo on S3",
        "Cost: $15.34 per month (storage only)",
      ]
    `)
  })
})
