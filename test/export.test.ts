import { describe, expect, it } from "vitest"

import { CONFIG_IDS } from "@/lib/configs/types"
import { configFor } from "@/lib/configs/plan-configs"
import { comparisonCsv, fencedBlock, planMarkdown } from "@/lib/export"
import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import { formatUsd } from "@/lib/format"
import { recommendationSetting } from "@/lib/plan/text/setting"
import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const seed = buildPlan(DEFAULT_INPUT)
// Datadog's bill does not depend on a self-hosted backend's sizing, so its figures stay put while
// the sizing rules are filled in. At 10 % (648 GB/day × 30.4 = 19,699.2 GB a month):
//   Collector 2 cores × $36.01 = $72.02; network 19,699.2 × 2/3 × $0.02 + 19,699.2 ÷ 4 × $0.09
//   = 262.656 + 443.232 = $705.888; vendor 10 × $31 + 10 × $15 + 18,199.2 GB × $0.10 + 3.1328 M
//   indexed spans × $1.70 = $2,285.24576; total $3,063.15376.
const datadog = buildPlan({ ...DEFAULT_INPUT, backend: "datadog" })

describe("comparisonCsv", () => {
  it("writes a header and one row per rate in base units, the whole bill and then its parts", () => {
    const lines = comparisonCsv(datadog).split("\r\n")
    expect(lines[0]).toBe(
      "ratio,sampler,chosen,tracesPerDay,spansPerDay,ingestBytesPerDay,retainedBytes,monthlyUsd,storageUsd,backendComputeUsd,collectorComputeUsd,networkUsd,vendorUsd"
    )
    // 100 %: 196,992 GB a month. 150K spans/s at peak ÷ 10K per core = 15 cores × $36.01 = $540.15;
    // network 196,992 × 2/3 × $0.02 + 49,248 GB × $0.09 = 2,626.56 + 4,432.32 = $7,058.88;
    // vendor 310 + 150 + 195,492 GB × $0.10 + (131.328 M error spans − 10 M) × $1.70 = $20,215.4576.
    expect(lines[1]).toBe(
      "1,parentbased_traceidratio,false,432000000,12960000000,6480000000000,45360000000000,27814.49,0.00,0.00,540.15,7058.88,20215.46"
    )
    expect(lines[4]).toBe(
      "0.1,parentbased_traceidratio,true,43200000,1296000000,648000000000,4536000000000,3063.15,0.00,0.00,72.02,705.89,2285.25"
    )
    expect(lines).toHaveLength(10) // header, 8 rates, final empty line
    expect(lines.at(-1)).toBe("")
  })

  it("has parts that add up to the total on every row", () => {
    for (const row of seed.comparison) {
      const parts = Object.values(row.breakdown).reduce((sum, usd) => sum + usd, 0)
      expect(parts).toBeCloseTo(row.monthlyUsd, 6)
    }
  })

  it("rounds counts and bytes to whole numbers and dollars to the cent, as the page shows them", () => {
    const lines = comparisonCsv(buildPlan({ ...DEFAULT_INPUT, backend: "datadog", rps: 0.7, spanBytes: 333 })).split(
      "\r\n"
    )
    // 0.01 %: 0.7 × 86,400 × 0.0001 = 6.048 traces/day
    // spans 6.048 × 30 = 181.44; bytes × 333 = 60,419.52; held 60,419.52 × 7 days = 422,936.64.
    // The peak stays 5,000 req/s: 1 Collector core ($36.01); 10 APM + 10 Infrastructure hosts ($460);
    // network 1.84 GB a month × 2/3 × $0.02 + 0.46 GB × $0.09 ≈ $0.066, under a cent at this row.
    expect(lines[8]).toBe("0.0001,parentbased_traceidratio,false,6,181,60420,422937,496.01,0.00,0.00,36.01,0.00,460.00")
    // One 10 % row, the chosen one: 0.7 × 0.1 ÷ 0.7 is 0.09999999999999999, which once added a second.
    expect(lines.filter((line) => line.startsWith("0.1,"))).toEqual([
      "0.1,parentbased_traceidratio,true,6048,181440,60419520,422936640,532.09,0.00,0.00,72.02,0.07,460.00",
    ])
    expect(lines).toHaveLength(10)
  })
})

describe("planMarkdown", () => {
  const markdown = planMarkdown(datadog, "https://tracebudget.example/?backend=datadog")

  it("opens with a title that says the rate, traffic, retention and backend", () => {
    expect(planMarkdown(seed, "https://t.example/").split("\n")[0]).toBe(
      "# Trace sampling plan: 10 % of 5K req/s, 7 days on Grafana Tempo on S3"
    )
  })

  it("opens with the decision: the option, its total, what it keeps, the runner-up and its difference", () => {
    // Datadog at 10 %: tail sampling is the cheapest option that keeps every error ($8,949/mo, see
    // below); 100 % head sampling is next at $27,814/mo, +$18,865 (the comparison's 100 % row).
    expect(markdown.split("\n").slice(0, 8)).toEqual([
      "# Trace sampling plan: 10 % of 5K req/s, 7 days on Datadog APM",
      "",
      "## Decision",
      "",
      "**Collector tail sampling (errors, slow traces and a 10 % baseline): $8,949/mo, keeps every error and slow trace (66.3M traces/day)**",
      "",
      `- Setting: ${recommendationSetting(datadog.recommendation)}, Dapr samplingRate "1"; $8,949 per month for the whole bill, 6.97 TB stored.`,
      "- Runner-up: 100 % head sampling: +$18,865/mo ($27,814/mo in all).",
    ])
    expect(markdown).toContain("- The figures below are for the plan as entered (its own setting): $3,063 per month.")
    expect(markdown).toContain("Why:\n\n- No budget or storage cap is set, so this is the cheapest option")
  })

  it("says when the figures are for the recommended setting itself", () => {
    const adopted = buildPlan(applyRecommendation(datadog.input, datadog.recommendation))
    expect(planMarkdown(adopted, "https://t.example/")).toContain("- The figures below are for this setting.")
  })

  it("carries the whole bill, only the inputs that differ from the defaults, and the chosen rate", () => {
    expect(markdown).toContain(
      "## Headline\n\n- Cost: $3,063 per month on Datadog APM (Collector $72.02 + network $706 + vendor $2,285)\n"
    )
    expect(markdown).toContain("- Traces kept: 43,200,000 per day (parentbased_traceidratio, 10 %)")
    expect(markdown).toContain(
      "## Inputs that differ from the defaults\n\n| Field | Value |\n| --- | --- |\n| Backend (`backend`) | datadog |\n\n"
    )
    expect(markdown).not.toContain("| Requests per second (`rps`)")
    expect(planMarkdown(seed, "https://t.example/")).toContain(
      "## Inputs that differ from the defaults\n\nNone: every input is at its default.\n"
    )
    expect(markdown).toContain("| 10 % **(chosen)** | 43.2M | 1.3B | 648 GB | 4.54 TB | $3,063 |")
  })

  it("ends with the plan's short link", () => {
    expect(markdown.endsWith("## Link\n\nThis plan: https://tracebudget.example/?backend=datadog\n")).toBe(true)
  })

  it("carries the bill by part with its lines, then its notes and what it leaves out", () => {
    expect(markdown).toContain(
      [
        "## The bill: $3,063 per month",
        "",
        "- **Collector: $72.02**",
        "  - Collector forwarding tier: 2 Collector cores × $36.01/core-month (1 vCPU + 2 GB each): $72.02",
        "- **Network: $706**",
        "  - Apps to the Collector: 13,132.8 GB crossing zones (67 % of 19,699.2 GB) × $0.02/GB: $263",
        "  - Collector to the vendor: 4,924.8 GB to the internet (gzip-compressed 4×) × $0.09/GB: $443",
        "- **Vendor: $2,285**",
        "  - 10 APM hosts × $31/month: $310",
      ].join("\n")
    )
    expect(markdown).toContain("- **Total: $3,063 per month**\n\nNotes:\n\n- Indexed spans (kept 15 days)")
    expect(markdown).toContain(
      "Not in the total:\n\n- Not priced: spans indexed by Datadog's Intelligent retention filter"
    )
  })

  it("carries what a design review needs: what each rate shows, the recommendation with its reasons, setup warnings and every backend's bill", () => {
    expect(markdown).toContain("| 10 % **(chosen)** | 30K | 18K of 180K | 7.5K |")
    expect(markdown).toContain(`- Setting: ${recommendationSetting(datadog.recommendation)}`)
    // Tail sampling on Datadog: Collector 1,224.34 + network 3,963.782736 + vendor 3,541.06976
    // + RED metrics 220 (5,400 custom metrics − 10 hosts × 100 included, × $0.05) = $8,949.19
    expect(formatUsd(datadog.recommendation.monthlyUsd)).toBe("$8,949")
    expect(markdown).toContain(
      "- Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply."
    )
    expect(markdown).toContain(
      "## Options compared on the whole bill\n\n- Head sampling at 10 %: keeps 43.2M traces/day"
    )
    expect(markdown).toContain("## Setup warnings\n\nNone: the settings are consistent.")
    expect(markdown).toContain(
      "| Backend | Storage at retention | $/month | storage | backend compute | Collector | network | vendor | Keeps traces | Price as of |"
    )
    expect(markdown).toContain(
      "| Datadog APM **(chosen)** | 4.54 TB | $3,063 | $0 | $0 | $72.02 | $706 | $2,285 | 15 days, indexed spans only (Datadog's) | 2026-09 (APM); 2025-09 to 2026 (Infrastructure) |"
    )
    // Past Honeycomb's published tiers: marked, and the note says how it was priced, as on the page.
    expect(markdown).toMatch(/\| Honeycomb \| 4\.54 TB \| \$[\d,]+ † \| .* \| 60 days \(Honeycomb's\) \| 2024–2026 \|/)
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
      "- **error**: Plain traceidratio behind a Dapr sidecar ignores the upstream decision and decides again from the trace id. Python's SDK compares the trace id's low 64 bits with the rate, as Dapr's Go sampler does: at the same rate both keep the same traces, but whenever the two rates differ the traces one keeps and the other drops break into fragments. Fix: Use parentbased_traceidratio in every service so downstream services follow the root's decision."
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
    const lines = markdown.split("\n")
    const decisionEnd = lines.indexOf("## Headline")
    expect(lines[decisionEnd - 2]).toBe(
      "> **Check the endpoint.** This plan exports your traces to https://x.example:4317. Is that endpoint yours? Traces carry user ids and request data: check it before you apply a config."
    )
    expect(planMarkdown(buildPlan(DEFAULT_INPUT), "https://t.example/")).not.toContain("Check the endpoint")
  })
})

describe("planMarkdown: config snippets", () => {
  const snippets = CONFIG_IDS.map((id) => configFor(seed, id)).flatMap((result) =>
    result.available ? [result.snippet] : []
  )
  const markdown = planMarkdown(seed, "https://t.example/", snippets)

  it("puts each snippet in a fenced block tagged with its language, after the inputs and before the sources", () => {
    expect(markdown).toContain("### Environment file: `otel.env`")
    expect(markdown).toMatch(/```dotenv\nOTEL_SERVICE_NAME=|```dotenv\n# OpenTelemetry SDK settings/)
    expect(markdown).toContain("```sh\n")
    expect(markdown).toContain("```yaml\n")
    const order = ["## Inputs that differ", "## Configs", "```yaml", "## Sources", "## Link"].map((text) =>
      markdown.indexOf(text)
    )
    expect(order.every((at) => at > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it("closes every fence it opens", () => {
    expect((markdown.match(/^```/gm) ?? []).length % 2).toBe(0)
  })
})

describe("fencedBlock", () => {
  it("fences content with three backticks, closing it on a line of its own", () => {
    expect(fencedBlock("a: 1\n", "yaml")).toBe("```yaml\na: 1\n```")
    expect(fencedBlock("a: 1", "yaml")).toBe("```yaml\na: 1\n```")
  })

  it("uses a longer fence than any run of backticks inside, so the content cannot close it", () => {
    expect(fencedBlock("echo ```x```", "sh")).toBe("````sh\necho ```x```\n````")
  })
})
