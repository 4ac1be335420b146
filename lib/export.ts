import { formatBytes, formatCount, formatPercent, formatUsd } from "@/lib/format"
import type { ComparisonRow, Plan } from "@/lib/plan/build-plan"
import type { CostBreakdown } from "@/lib/plan/cost-facts"
import type { ConfigSnippet, SnippetLanguage } from "@/lib/configs/types"
import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import { FIELD_LABELS, PLAN_FIELDS } from "@/lib/plan/fields"
import { inputToFormValues, nonDefaultFields } from "@/lib/plan/form-values"
import { foreignExportHost } from "@/lib/plan/receivers"
import { foreignEndpointQuestion } from "@/lib/plan/text/endpoint"
import { retentionBoughtText } from "@/lib/plan/text/backend-row"
import { billGroups, COST_PART_NAMES, headlineItems, headlineTitle } from "@/lib/plan/text/headline"
import { recommendationSetting } from "@/lib/plan/text/setting"
import { SOURCES } from "@/lib/sources"

/** The bill's parts, a column each after the total (`monthlyUsd`), in the breakdown's order. */
const BREAKDOWN_KEYS = [
  "storageUsd",
  "backendComputeUsd",
  "collectorComputeUsd",
  "networkUsd",
  "vendorUsd",
] as const satisfies readonly (keyof CostBreakdown)[]

/** Columns of the comparison CSV, in base units: the whole bill, then its parts. */
export const COMPARISON_CSV_COLUMNS = [
  "ratio",
  "sampler",
  "chosen",
  "tracesPerDay",
  "spansPerDay",
  "ingestBytesPerDay",
  "retainedBytes",
  "monthlyUsd",
  ...BREAKDOWN_KEYS,
] as const

type CsvColumn = (typeof COMPARISON_CSV_COLUMNS)[number]

/** A row's value in a column: the bill's parts come from its breakdown. */
function csvField(row: ComparisonRow, column: CsvColumn): string | number | boolean {
  return (BREAKDOWN_KEYS as readonly string[]).includes(column)
    ? row.breakdown[column as (typeof BREAKDOWN_KEYS)[number]]
    : row[column as Exclude<CsvColumn, (typeof BREAKDOWN_KEYS)[number]>]
}

/** A CSV cell: counts and bytes as whole numbers, dollars to the cent, the rest as they are. */
function csvValue(column: CsvColumn, value: string | number | boolean): string {
  if (typeof value !== "number" || column === "ratio") return String(value)
  return column.endsWith("Usd") ? value.toFixed(2) : String(Math.round(value))
}

/**
 * The rate comparison as CSV (RFC 4180, comma-separated, a header row, base units): counts and
 * bytes rounded to whole numbers, dollars to the cent, so a spreadsheet shows what the page does.
 *
 * @example
 * comparisonCsv(buildPlan({ ...DEFAULT_INPUT, backend: "datadog" })).split("\r\n")[1]
 * //=> "1,parentbased_traceidratio,false,432000000,12960000000,6480000000000,45360000000000,27814.49,0.00,0.00,540.15,7058.88,20215.46"
 */
export function comparisonCsv(plan: Plan): string {
  const rows = plan.comparison.map((row) =>
    COMPARISON_CSV_COLUMNS.map((column) => csvValue(column, csvField(row, column))).join(",")
  )
  return [COMPARISON_CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n"
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ")
}

/**
 * The bill as Markdown lines: each part with its subtotal and its lines, the total, then the
 * notes and what the total leaves out.
 *
 * @example
 * billMarkdown(buildPlan(DEFAULT_INPUT))[0] //=> "- **Storage: $15.34**"
 */
export function billMarkdown(plan: Pick<Plan, "cost">): string[] {
  const { cost } = plan
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
  return [
    ...billGroups(cost).flatMap((part) => [
      `- **${sentence(part.name)}: ${formatUsd(part.usd)}**`,
      ...part.lines.map((line) => `  - ${line.label}: ${formatUsd(line.usd)}`),
    ]),
    `- **Total: ${formatUsd(cost.monthlyUsd)} per month**`,
    ...(cost.extrapolated ? ["", cost.extrapolated] : []),
    ...(cost.notes.length > 0 ? ["", "Notes:", "", ...cost.notes.map((note) => `- ${note}`)] : []),
    ...(cost.unpriced.length > 0
      ? ["", "Not in the total:", "", ...cost.unpriced.map((text) => `- ${text}`)]
      : ["", "Not in the total: nothing the model knows of."]),
  ]
}

/** The fence info string for each snippet language: ```yaml, ```sh, ```dotenv, ```json, ```sql. */
const FENCE_LANGUAGE: Record<SnippetLanguage, string> = {
  yaml: "yaml",
  shell: "sh",
  dotenv: "dotenv",
  json: "json",
  sql: "sql",
}

/**
 * A fenced code block that holds `content` whatever it contains: the fence is longer than any run
 * of backticks inside (CommonMark closes a fence only on one at least as long).
 *
 * @example
 * fencedBlock("a: 1\n", "yaml") //=> "```yaml\na: 1\n```"
 */
export function fencedBlock(content: string, language: string): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = "`".repeat(Math.max(3, longestRun + 1))
  return `${fence}${language}\n${content.endsWith("\n") ? content : `${content}\n`}${fence}`
}

/**
 * The Decision section's lines: the recommended option with its total and what it keeps, the
 * setting to apply, the runner-up with its difference, whether the plan below already uses it,
 * then why and its caveats. Every sentence comes from the recommendation's text layer.
 */
function decisionMarkdown(plan: Plan): string[] {
  const r = plan.recommendation
  const inUse = recommendationInUse(plan)
  return [
    "## Decision",
    "",
    `**${r.headline}**`,
    "",
    `- Setting: ${recommendationSetting(r)}${r.daprSamplingRate !== null ? `, Dapr samplingRate "${r.daprSamplingRate}"` : ""}; ${formatUsd(r.monthlyUsd)} per month for the whole bill, ${formatBytes(r.retainedBytes)} stored.`,
    ...(r.runnerUp ? [`- ${r.runnerUp.text}`] : []),
    inUse
      ? "- The figures below are for this setting."
      : `- The figures below are for the plan as entered (its own setting): ${formatUsd(plan.cost.monthlyUsd)} per month.`,
    "",
    ...(r.reasons.some((reason) => reason !== r.runnerUp?.text)
      ? ["Why:", "", ...r.reasons.filter((reason) => reason !== r.runnerUp?.text).map((reason) => `- ${reason}`), ""]
      : []),
    ...(r.warnings.length > 0 ? ["Caveats:", "", ...r.warnings.map((warning) => `- ${warning}`), ""] : []),
  ]
}

/** Whether the plan already uses its recommendation ("Use this setting" would change nothing). */
function recommendationInUse(plan: Plan): boolean {
  const adopted = inputToFormValues(applyRecommendation(plan.input, plan.recommendation))
  const current = inputToFormValues(plan.input)
  return PLAN_FIELDS.every((field) => adopted[field] === current[field])
}

/**
 * A Markdown document for a design doc or a pull request. It opens with the decision (the
 * recommended option, its total, what it keeps, the runner-up and its difference), then the
 * figures: the headline, the bill by part, the rate comparison, what each rate shows, every
 * option compared, setup warnings and every backend's bill; then the inputs that differ from the
 * defaults, the config snippets in fenced blocks, assumptions, sources with their dates, and the
 * plan's short link.
 *
 * @example
 * planMarkdown(buildPlan(DEFAULT_INPUT), "https://tracebudget.example/", snippets).split("\n").slice(0, 3)
 * //=> ["# Trace sampling plan: 10 % of 5K req/s, 7 days on Grafana Tempo on S3", "", "## Decision"]
 */
export function planMarkdown(plan: Plan, shareUrl: string, snippets: readonly ConfigSnippet[] = []): string {
  const { input, cost } = plan
  const formValues = inputToFormValues(input)
  const changed = nonDefaultFields(input)
  const extrapolated = plan.backends.filter((row) => row.extrapolated !== null)
  const lines = [
    `# ${headlineTitle(plan)}`,
    "",
    ...decisionMarkdown(plan),
    ...(foreignExportHost(input) === undefined
      ? []
      : [`> **Check the endpoint.** ${foreignEndpointQuestion(input.otlpEndpoint, "plan")}`, ""]),
    "## Headline",
    "",
    ...headlineItems(plan).map((item) => `- ${item}`),
    "",
    `## The bill: ${formatUsd(cost.monthlyUsd)} per month`,
    "",
    ...billMarkdown(plan),
    "",
    "## Sampling rates side by side",
    "",
    "| Rate | Traces/day | Spans/day | Raw OTLP/day | Storage at retention | $/month |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...plan.comparison.map(
      (row) =>
        `| ${formatPercent(row.ratio)}${row.chosen ? " **(chosen)**" : ""} | ${formatCount(row.tracesPerDay)} | ${formatCount(row.spansPerDay)} | ${formatBytes(row.ingestBytesPerDay)} | ${formatBytes(row.retainedBytes)} | ${formatUsd(row.monthlyUsd)} |`
    ),
    "",
    "## What each rate still shows",
    "",
    "| Rate | Traces/min | Errors kept/hour | Slow kept per 5 min |",
    "| --- | ---: | ---: | ---: |",
    ...plan.visibility.map(
      (row) =>
        `| ${formatPercent(row.ratio)}${row.chosen ? " **(chosen)**" : ""} | ${formatCount(row.tracesPerMinute)} | ${formatCount(row.errorsKeptPerHour)} of ${formatCount(row.errorsPerHour)} | ${formatCount(row.slowKeptPer5Minutes)} |`
    ),
    "",
    ...(plan.recommendation.options.length > 1
      ? [
          "## Options compared on the whole bill",
          "",
          ...plan.recommendation.options.map(
            (option) => `- ${option.id === plan.recommendation.choice ? "**Recommended:** " : ""}${option.summary}`
          ),
          "",
        ]
      : []),
    "## Setup warnings",
    "",
    ...(plan.warnings.length === 0
      ? ["None: the settings are consistent."]
      : plan.warnings.map((warning) => `- **${warning.severity}**: ${warning.message} Fix: ${warning.fix}`)),
    "",
    "## Cost on every backend",
    "",
    "Each row is the whole bill on that backend; a SaaS price buys the vendor's retention.",
    "",
    `| Backend | Storage at retention | $/month | ${BREAKDOWN_KEYS.map((key) => COST_PART_NAMES[key]).join(" | ")} | Keeps traces | Price as of |`,
    `| --- | ---: | ---: | ${BREAKDOWN_KEYS.map(() => "---:").join(" | ")} | --- | --- |`,
    ...plan.backends.map(
      (row) =>
        `| ${cell(row.label)}${row.id === input.backend ? " **(chosen)**" : ""} | ${formatBytes(row.retainedBytes)} | ${formatUsd(row.monthlyUsd)}${row.extrapolated ? " †" : ""} | ${BREAKDOWN_KEYS.map((key) => (row.breakdown[key] > 0 ? formatUsd(row.breakdown[key]) : "$0")).join(" | ")} | ${cell(retentionBoughtText(row))} | ${cell(SOURCES[row.priceSource].asOf)} |`
    ),
    ...extrapolated.flatMap((row, index) => [
      ...(index === 0 ? [""] : []),
      `† ${row.label}, extrapolated: ${row.extrapolated}`,
    ]),
    "",
    "## Inputs that differ from the defaults",
    "",
    ...(changed.length === 0
      ? ["None: every input is at its default."]
      : [
          "| Field | Value |",
          "| --- | --- |",
          ...changed.map(
            (field) => `| ${cell(FIELD_LABELS[field])} (\`${field}\`) | ${cell(formValues[field] || "—")} |`
          ),
        ]),
    "",
    ...(snippets.length === 0
      ? []
      : [
          "## Configs",
          "",
          ...snippets.flatMap((snippet) => [
            `### ${snippet.title}: \`${snippet.filename}\``,
            "",
            snippet.applyNote,
            "",
            fencedBlock(snippet.content, FENCE_LANGUAGE[snippet.language]),
            "",
            ...snippet.caveats.map((caveat) => `- ${caveat}`),
            ...(snippet.caveats.length > 0 ? [""] : []),
          ]),
        ]),
    "## Assumptions",
    "",
    ...plan.assumptions.map((text) => `- ${text}`),
    "",
    "## Sources",
    "",
    ...plan.sources.map(
      (source) => `- ${source.title}: ${source.citation}${source.url ? ` (${source.url})` : ""}, as of ${source.asOf}.`
    ),
    "",
    "## Link",
    "",
    `This plan: ${shareUrl}`,
    "",
  ]
  return lines.join("\n")
}
