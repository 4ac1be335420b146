import { formatBytes, formatCount, formatPercent, formatUsd } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import { FIELD_LABELS, PLAN_FIELDS } from "@/lib/plan/fields"
import { inputToFormValues } from "@/lib/plan/form-values"
import { foreignExportHost } from "@/lib/plan/receivers"
import { foreignEndpointQuestion } from "@/lib/plan/text/endpoint"
import { headlineItems, headlineTitle } from "@/lib/plan/text/headline"
import { recommendationSetting } from "@/lib/plan/text/setting"
import { SOURCES } from "@/lib/sources"

/** Columns of the comparison CSV, in base units. */
export const COMPARISON_CSV_COLUMNS = [
  "ratio",
  "sampler",
  "chosen",
  "tracesPerDay",
  "spansPerDay",
  "ingestBytesPerDay",
  "retainedBytes",
  "monthlyUsd",
] as const

/** A CSV cell: counts and bytes as whole numbers, dollars to the cent, the rest as they are. */
function csvValue(column: (typeof COMPARISON_CSV_COLUMNS)[number], value: string | number | boolean): string {
  if (typeof value !== "number" || column === "ratio") return String(value)
  return column === "monthlyUsd" ? value.toFixed(2) : String(Math.round(value))
}

/**
 * The rate comparison as CSV (RFC 4180, comma-separated, a header row, base units): counts and
 * bytes rounded to whole numbers, dollars to the cent, so a spreadsheet shows what the page does.
 *
 * @example
 * comparisonCsv(buildPlan(DEFAULT_INPUT)).split("\r\n")[1]
 * //=> "1,parentbased_traceidratio,false,432000000,12960000000,6480000000000,6667920000000,153.36"
 */
export function comparisonCsv(plan: Plan): string {
  const rows = plan.comparison.map((row) =>
    COMPARISON_CSV_COLUMNS.map((column) => csvValue(column, row[column])).join(",")
  )
  return [COMPARISON_CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n"
}

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ")
}

/**
 * A Markdown summary for a design doc or a pull request: headline figures, the inputs, the rate
 * comparison, assumptions and sources with their dates.
 *
 * @example
 * planMarkdown(buildPlan(DEFAULT_INPUT), "https://tracebudget.example/?rps=5000").split("\n")[0]
 * //=> "# Trace sampling plan: 10 % of 5K req/s, 7 days on Grafana Tempo on S3"
 */
export function planMarkdown(plan: Plan, shareUrl: string): string {
  const { input, cost } = plan
  const formValues = inputToFormValues(input)
  const extrapolated = plan.backends.filter((row) => row.extrapolated !== null)
  const lines = [
    `# ${headlineTitle(plan)}`,
    "",
    `Plan link: ${shareUrl}`,
    "",
    ...(foreignExportHost(input) === undefined
      ? []
      : [`> **Check the endpoint.** ${foreignEndpointQuestion(input.otlpEndpoint, "plan")}`, ""]),
    "## Headline",
    "",
    ...headlineItems(plan).map((item) => `- ${item}`),
    "",
    "## Inputs",
    "",
    "| Field | Value |",
    "| --- | --- |",
    ...PLAN_FIELDS.map(
      (field) => `| ${cell(FIELD_LABELS[field])} (\`${field}\`) | ${cell(formValues[field] || "—")} |`
    ),
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
    `## Recommended for ${input.environment}`,
    "",
    `**${recommendationSetting(plan.recommendation)}**${plan.recommendation.daprSamplingRate !== null ? `, Dapr samplingRate "${plan.recommendation.daprSamplingRate}"` : ""}: ${formatUsd(plan.recommendation.monthlyUsd)} per month for the whole bill, ${formatBytes(plan.recommendation.retainedBytes)} stored.`,
    "",
    ...(plan.recommendation.options.length > 1
      ? [
          "Options compared on the whole bill:",
          "",
          ...plan.recommendation.options.map(
            (option) => `- ${option.id === plan.recommendation.choice ? "**Recommended:** " : ""}${option.summary}`
          ),
          "",
        ]
      : []),
    ...plan.recommendation.reasons.map((reason) => `- ${reason}`),
    ...plan.recommendation.warnings.map((warning) => `- Warning: ${warning}`),
    "",
    "## Setup warnings",
    "",
    ...(plan.warnings.length === 0
      ? ["None: the settings are consistent."]
      : plan.warnings.map((warning) => `- **${warning.severity}**: ${warning.message} Fix: ${warning.fix}`)),
    "",
    "## Cost on every backend",
    "",
    "| Backend | Storage at retention | $/month | Price as of |",
    "| --- | ---: | ---: | --- |",
    ...plan.backends.map(
      (row) =>
        `| ${cell(row.label)}${row.id === input.backend ? " **(chosen)**" : ""} | ${formatBytes(row.retainedBytes)} | ${formatUsd(row.monthlyUsd)}${row.extrapolated ? " †" : ""} | ${cell(SOURCES[row.priceSource].asOf)} |`
    ),
    ...extrapolated.flatMap((row, index) => [
      ...(index === 0 ? [""] : []),
      `† ${row.label}, extrapolated: ${row.extrapolated}`,
    ]),
    "",
    "## Assumptions",
    "",
    ...[...plan.assumptions, ...cost.notes].map((text) => `- ${text}`),
    "",
    "## Sources",
    "",
    ...plan.sources.map(
      (source) => `- ${source.title}: ${source.citation}${source.url ? ` (${source.url})` : ""}, as of ${source.asOf}.`
    ),
    "",
  ]
  return lines.join("\n")
}
