import { describe, expect, it } from "vitest"

import { comparisonCsv, planMarkdown } from "@/lib/export"
import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const seed = buildPlan(DEFAULT_INPUT)

describe("comparisonCsv", () => {
  it("writes a header and one row per rate in base units", () => {
    const lines = comparisonCsv(seed).split("\r\n")
    expect(lines[0]).toBe("ratio,sampler,chosen,tracesPerDay,spansPerDay,ingestBytesPerDay,retainedBytes,monthlyUsd")
    expect(lines[1]).toBe("1,parentbased_traceidratio,false,432000000,12960000000,6480000000000,6667920000000,153.36")
    expect(lines[4]).toBe("0.1,parentbased_traceidratio,true,43200000,1296000000,648000000000,666792000000,15.34")
    expect(lines).toHaveLength(10) // header, 8 rates, final empty line
    expect(lines.at(-1)).toBe("")
  })

  it("rounds counts and bytes to whole numbers and dollars to the cent, as the page shows them", () => {
    const lines = comparisonCsv(buildPlan({ ...DEFAULT_INPUT, rps: 0.7, spanBytes: 333 })).split("\r\n")
    // 0.01 %: 0.7 × 86,400 × 0.0001 = 6.048 traces/day
    // spans 6.048 × 30 = 181.44; bytes × 333 = 60,419.52; stored 60,419.52 × 7 days × 0.147 = 62,171.7
    expect(lines[8]).toBe("0.0001,parentbased_traceidratio,false,6,181,60420,62172,0.00")
    // One 10 % row, the chosen one: 0.7 × 0.1 ÷ 0.7 is 0.09999999999999999, which once added a second.
    expect(lines.filter((line) => line.startsWith("0.1,"))).toEqual([
      "0.1,parentbased_traceidratio,true,6048,181440,60419520,62171686,0.00",
    ])
    expect(lines).toHaveLength(10)
  })
})

describe("planMarkdown", () => {
  const markdown = planMarkdown(seed, "https://tracebudget.example/?rps=5000")

  it("opens with a title that says the rate, traffic, retention and backend", () => {
    expect(markdown.split("\n")[0]).toBe("# Trace sampling plan: 10 % of 5K req/s, 7 days on Grafana Tempo on S3")
  })

  it("carries the link, the headline figures, every input and the chosen rate", () => {
    expect(markdown).toContain("Plan link: https://tracebudget.example/?rps=5000")
    expect(markdown).toContain("- Traces kept: 43,200,000 per day (parentbased_traceidratio, 10 %)")
    expect(markdown).toContain("- Cost: $15.34 per month (storage only)")
    expect(markdown).toContain("| Requests per second (`rps`) | 5000 |")
    expect(markdown).toContain("| Request path (`topology`) | — |")
    expect(markdown).toContain("| 10 % **(chosen)** | 43.2M | 1.3B | 648 GB | 667 GB | $15.34 |")
  })

  it("carries what a design review needs: what each rate shows, the recommendation with its reasons, setup warnings and every backend's cost", () => {
    expect(markdown).toContain("| 10 % **(chosen)** | 30K | 18K of 180K | 7.5K |")
    // No budget: the cheapest option that keeps every error, 100 % head sampling (see recommend.test.ts).
    expect(markdown).toContain(
      '**parentbased_traceidratio at 100 %**, Dapr samplingRate "1": $3,977 per month for the whole bill, 6.67 TB stored.'
    )
    expect(markdown).toContain(
      "Options compared on the whole bill:\n\n" +
        "- Head sampling at 10 %: keeps 43.2M traces/day, ~18K of 180K errors/hour, $416/mo.\n" +
        "- **Recommended:** 100 % head sampling: keeps every trace (432M traces/day), $3,977/mo.\n" +
        "- Collector tail sampling (errors, slow traces and a 10 % baseline): keeps every error and slow trace (66.3M traces/day), $4,632/mo.\n"
    )
    expect(markdown).toContain(
      "- Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply."
    )
    expect(markdown).toContain("## Setup warnings\n\nNone: the settings are consistent.")
    expect(markdown).toContain("| Grafana Tempo on S3 **(chosen)** | 667 GB | $15.34 | 2022–2026 |")
    // Past Honeycomb's published tiers: marked, and the note says how it was priced, as on the page.
    expect(markdown).toContain("| Honeycomb | 4.54 TB | $51,218 † | 2024–2026 |")
    expect(markdown).toContain(
      "\n\n† Honeycomb, extrapolated: Above 1.5 B events/month Honeycomb quotes Enterprise prices; this scales the Pro price linearly.\n"
    )
  })

  it("lists each setup warning with its fix", () => {
    const broken = planMarkdown(
      buildPlan({ ...DEFAULT_INPUT, sampler: "traceidratio" }),
      "https://tracebudget.example/"
    )
    expect(broken).toContain(
      "- **error**: Plain traceidratio behind a Dapr sidecar ignores the upstream decision, and each SDK (and Dapr's Go SDK) hashes trace ids differently: traces break into fragments. Fix: Use parentbased_traceidratio in every service so downstream services follow the root's decision."
    )
  })

  it("lists assumptions and dated sources", () => {
    expect(markdown).toContain("## Assumptions")
    expect(markdown).toMatch(
      /- Raw OTLP bytes per span: 500 B: .*, as of 2026 \(Tempo 3\.0 docs\); 2019-01-28 \(Jaeger\)\./
    )
  })

  it("asks, under the link, whether a foreign export endpoint is the reader's", () => {
    const markdown = planMarkdown(
      buildPlan({ ...DEFAULT_INPUT, otlpEndpoint: "https://x.example:4317" }),
      "https://t.example/"
    )
    expect(markdown.split("\n").slice(2, 5)).toEqual([
      "Plan link: https://t.example/",
      "",
      "> **Check the endpoint.** This plan exports your traces to https://x.example:4317. Is that endpoint yours? Traces carry user ids and request data: check it before you apply a config.",
    ])
    expect(planMarkdown(buildPlan(DEFAULT_INPUT), "https://t.example/")).not.toContain("Check the endpoint")
  })
})
