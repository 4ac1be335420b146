// The headline figures in words, phrased once for the page's headline cards, the phone summary
// and the Markdown export: total $/month, traces/day, storage at retention, what the $ covers and
// what is not priced. Light (format helpers, data and types), so the page's client components may
// import it without the model, Zod or the config writers.
import { countOf, formatBytes, formatCount, formatInteger, formatPercent, formatUsd } from "@/lib/format"

import { BACKENDS } from "../backends"
import type { PlanInput } from "../fields"
import type { Storage } from "../storage"
import type { CostBreakdown } from "../cost-facts"
import type { CollectorCompute } from "../tail"
import type { VisibilityRow } from "../visibility"
import type { Volume } from "../volume"
import type { Cost, CostLine } from "./cost"

export { collectorCoresText } from "./counts"

/** The parts of a plan the headline figures read (a `Plan` has them all). */
export interface HeadlinePlan {
  input: PlanInput
  volume: Volume
  storage: Storage
  cost: Cost
  collector: CollectorCompute
  /** What each rate shows; the headline reads the plan's own row (`chosen`). */
  visibility: VisibilityRow[]
}

/** The parts of the bill as people name them, in the order the breakdown lists them. */
export const COST_PART_NAMES: Record<keyof CostBreakdown, string> = {
  storageUsd: "storage",
  backendComputeUsd: "backend compute",
  collectorComputeUsd: "Collector",
  networkUsd: "network",
  vendorUsd: "vendor",
}

/**
 * The bill's parts in a line, the ones that cost something ("storage $15.34 + network $330.43");
 * "$0" when nothing does.
 *
 * @example
 * breakdownText({ storageUsd: 15.34, backendComputeUsd: 0, collectorComputeUsd: 72.02, networkUsd: 0, vendorUsd: 0 })
 * //=> "storage $15.34 + Collector $72.02"
 */
export function breakdownText(breakdown: CostBreakdown): string {
  const parts = breakdownParts(breakdown).map(({ name, usd }) => `${name} ${formatUsd(usd)}`)
  return parts.length === 0 ? "$0" : parts.join(" + ")
}

/** One part of a bill as the headline lists it. */
export interface BreakdownPart {
  part: keyof CostBreakdown
  /** The part as people name it ("backend compute"). */
  name: string
  usd: number
}

/**
 * The bill's parts that cost something, in the breakdown's order.
 *
 * @example
 * breakdownParts({ storageUsd: 15.34, backendComputeUsd: 0, collectorComputeUsd: 72.02, networkUsd: 0, vendorUsd: 0 })
 * //=> [{ part: "storageUsd", name: "storage", usd: 15.34 }, { part: "collectorComputeUsd", name: "Collector", usd: 72.02 }]
 */
export function breakdownParts(breakdown: CostBreakdown): BreakdownPart[] {
  return (Object.keys(COST_PART_NAMES) as (keyof CostBreakdown)[])
    .filter((part) => breakdown[part] > 0)
    .map((part) => ({ part, name: COST_PART_NAMES[part], usd: breakdown[part] }))
}

/** One part of a bill with the lines that make it up. */
export interface BillGroup extends BreakdownPart {
  lines: CostLine[]
}

/**
 * A bill's lines grouped by part, in the breakdown's order, each with its subtotal: every part
 * that has a line (a line at $0 still says why, "0 GB crossing zones") or costs something.
 *
 * @example
 * billGroups(buildPlan({ ...DEFAULT_INPUT, zones: 1 }).cost).map((group) => `${group.name} ${group.usd}`)
 * //=> ["storage 15.336216", "Collector 72.02", "network 0"]
 */
export function billGroups(cost: Pick<Cost, "breakdown" | "lines">): BillGroup[] {
  return (Object.keys(COST_PART_NAMES) as (keyof CostBreakdown)[])
    .map((part) => ({
      part,
      name: COST_PART_NAMES[part],
      usd: cost.breakdown[part],
      lines: cost.lines.filter((line) => `${line.part}Usd` === part),
    }))
    .filter((group) => group.lines.length > 0 || group.usd > 0)
}

/**
 * What a bill leaves out, in a few words for beside the total (the summary of the list of what
 * it leaves out); "" when nothing is.
 *
 * @example
 * unpricedShortText({ unpriced: ["Not priced: object-store requests …"] }) //=> "1 item not priced"
 */
export function unpricedShortText(cost: Pick<Cost, "unpriced">): string {
  return cost.unpriced.length === 0 ? "" : `${countOf(cost.unpriced.length, "item")} not priced`
}

/**
 * A monthly dollar figure as the headline writes it.
 *
 * @example
 * perMonthText(15.336) //=> "$15.34/mo"
 */
export function perMonthText(usd: number): string {
  return `${formatUsd(usd)}/mo`
}

/**
 * The label of the storage figure: stored bytes at the plan's retention.
 *
 * @example
 * storageAtRetentionLabel(7) //=> "Storage at 7-day retention"
 */
export function storageAtRetentionLabel(retentionDays: number): string {
  return `Storage at ${retentionDays}-day retention`
}

/** One headline card: a label, the rounded figure, and the detail under it. */
export interface HeadlineStat {
  id: "requests" | "traces" | "errors" | "spans" | "bytes" | "storage" | "cost"
  label: string
  value: string
  detail: string
}

/** The exact figure under a rounded one: every digit from a thousand up; below, the rounded figure itself (2.59, not "3"). */
const exactCount = (value: number) => (Math.abs(value) >= 1000 ? formatInteger(value) : formatCount(value))

/** Where the stored bytes come from, said under the storage figure. */
function storageDetail(plan: HeadlinePlan): string {
  const { input, storage } = plan
  const backend = BACKENDS[input.backend]
  if (storage.basis === "backend-disk") return `${formatBytes(storage.storedBytesPerDay)}/day on ${backend.label}`
  return backend.includedRetentionDays !== undefined && backend.includedRetentionDays !== input.retentionDays
    ? `raw OTLP over ${input.retentionDays} days; ${backend.label} keeps ${backend.includedRetentionDays} days at its price and does not publish its stored size`
    : `raw OTLP kept ${input.retentionDays} days (${backend.label} does not publish its stored size)`
}

/** What the total is on, and whether its price goes past the vendor's published ones. */
function costDetail(plan: Pick<HeadlinePlan, "input" | "cost">): string {
  return [
    `on ${BACKENDS[plan.input.backend].label}`,
    plan.cost.extrapolated === null ? "" : "extrapolated past the published prices (see the cost breakdown)",
  ]
    .filter(Boolean)
    .join("; ")
}

/** Errors kept per hour at the plan's own setting, and how many there are. */
function errorsStat(plan: HeadlinePlan): HeadlineStat {
  const own = plan.visibility.find((row) => row.chosen)
  const kept = own?.errorsKeptPerHour ?? 0
  const all = own?.errorsPerHour ?? 0
  return {
    id: "errors",
    label: "Errors kept per hour",
    value: formatCount(kept),
    detail:
      all === 0
        ? `no errors at a ${formatPercent(plan.input.errorRate)} error rate`
        : kept >= all
          ? `every one of ${exactCount(all)} errors/hour`
          : `of ${exactCount(all)} errors/hour (${formatPercent(kept / all)})`,
  }
}

/**
 * What a plan costs and buys, the figures the results open with: the monthly cost (the whole
 * bill), then traces kept per day (of the requests), errors kept per hour and storage at
 * retention, each with what it rests on.
 *
 * @example
 * headlineStats(buildPlan(DEFAULT_INPUT)).map((stat) => stat.id) //=> ["cost", "traces", "errors", "storage"]
 * headlineStats(buildPlan(DEFAULT_INPUT))[2]
 * //=> { id: "errors", label: "Errors kept per hour", value: "18K", detail: "of 180,000 errors/hour (10 %)" }
 */
export function headlineStats(plan: HeadlinePlan): HeadlineStat[] {
  const { volume, storage, cost, input } = plan
  return [
    {
      id: "cost",
      label: "Cost per month",
      value: perMonthText(cost.monthlyUsd),
      // Its parts (breakdownParts) and what it leaves out (cost.unpriced) are listed under it.
      detail: costDetail(plan),
    },
    {
      id: "traces",
      label: "Traces kept per day",
      value: formatCount(volume.tracesPerDay),
      // The requests are the input: said here, under what they become, not as a figure of their own.
      detail: `${exactCount(volume.tracesPerDay)} traces/day at ${formatPercent(volume.probability)} of ${formatCount(volume.requestsPerDay)} requests/day`,
    },
    errorsStat(plan),
    {
      id: "storage",
      label: storageAtRetentionLabel(input.retentionDays),
      value: formatBytes(storage.retainedBytes),
      detail: storageDetail(plan),
    },
  ]
}

/**
 * The figures behind the headline, in smaller print: requests, spans and raw bytes per day.
 *
 * @example
 * headlineDetailStats(buildPlan(DEFAULT_INPUT)).map((stat) => `${stat.label}: ${stat.value}`)
 * //=> ["Requests per day: 432M", "Spans per day: 1.3B", "Raw OTLP per day: 648 GB"]
 */
export function headlineDetailStats(plan: Pick<HeadlinePlan, "volume">): HeadlineStat[] {
  const { volume } = plan
  return [
    {
      id: "requests",
      label: "Requests per day",
      value: formatCount(volume.requestsPerDay),
      detail: `${exactCount(volume.requestsPerDay)} requests/day`,
    },
    {
      id: "spans",
      label: "Spans per day",
      value: formatCount(volume.spansPerDay),
      detail: `${exactCount(volume.spansPerDay)} spans/day; peak ${formatCount(volume.peakSpansPerSecond)} spans/s`,
    },
    {
      id: "bytes",
      label: "Raw OTLP per day",
      value: formatBytes(volume.ingestBytesPerDay),
      detail: `${formatBytes(volume.peakIngestBytesPerSecond)}/s at peak, before compression`,
    },
  ]
}

/** The summary's figures, each a bold value and the words after it, and the recommended option. */
export interface SummaryText {
  /** `after` is short ("on Grafana Tempo on S3"); `detail` adds whether the price is extrapolated. */
  cost: { value: string; after: string; detail: string }
  traces: { value: string; after: string }
  stored: { value: string; after: string }
  /** The recommended option and its whole bill: "Head sampling at 10 %, $2,044/mo". */
  recommended: string
  /** The same in two parts, for a line too narrow for both: the bill first ("$2,044/mo"), then the option. */
  recommendedParts: { value: string; after: string }
}

/** The parts of a plan's recommendation the summary names. */
export interface SummaryRecommendation {
  choiceName: string
  monthlyUsd: number
}

/**
 * The summary kept in view while the form is edited (at the top of the results on a wide screen,
 * at the bottom of a phone's): the monthly cost on the backend, traces/day, stored bytes, and the
 * recommended option with its total.
 *
 * @example
 * summaryText(buildPlan(DEFAULT_INPUT)).cost //=> { value: "$2,044/mo", after: "on Grafana Tempo on S3", detail: "on Grafana Tempo on S3" }
 * summaryText(buildPlan({ ...DEFAULT_INPUT, keepAllErrors: false })).recommended //=> "Head sampling at 10 %, $2,044/mo"
 */
export function summaryText(
  plan: Pick<HeadlinePlan, "input" | "volume" | "storage" | "cost"> & { recommendation: SummaryRecommendation }
): SummaryText {
  const { recommendation } = plan
  return {
    cost: {
      value: perMonthText(plan.cost.monthlyUsd),
      after: `on ${BACKENDS[plan.input.backend].label}`,
      detail: costDetail(plan),
    },
    traces: { value: formatCount(plan.volume.tracesPerDay), after: "traces/day" },
    stored: { value: formatBytes(plan.storage.retainedBytes), after: "stored" },
    recommended: `${recommendation.choiceName}, ${perMonthText(recommendation.monthlyUsd)}`,
    recommendedParts: { value: perMonthText(recommendation.monthlyUsd), after: recommendation.choiceName },
  }
}

/**
 * The Markdown export's title line.
 *
 * @example
 * headlineTitle(buildPlan(DEFAULT_INPUT)) //=> "Trace sampling plan: 10 % of 5K req/s, 7 days on Grafana Tempo on S3"
 */
export function headlineTitle(plan: Pick<HeadlinePlan, "input" | "volume">): string {
  const { input, volume } = plan
  return `Trace sampling plan: ${formatPercent(volume.probability)} of ${formatCount(input.rps)} req/s, ${input.retentionDays} days on ${BACKENDS[input.backend].label}`
}

/**
 * The headline figures as Markdown list items (without the "- "), with exact counts: the whole
 * bill and its parts first.
 *
 * @example
 * headlineItems(buildPlan(DEFAULT_INPUT))[0]
 * //=> "Cost: $415.68 per month on Grafana Tempo on S3 (storage $15.34 + Collector $72.02 + network $328.32)"
 */
export function headlineItems(plan: HeadlinePlan): string[] {
  const { input, volume, storage, cost } = plan
  const backend = BACKENDS[input.backend]
  return [
    `Cost: ${formatUsd(cost.monthlyUsd)} per month on ${backend.label} (${breakdownText(cost.breakdown)})`,
    `Requests: ${formatInteger(volume.requestsPerDay)} per day`,
    `Traces kept: ${formatInteger(volume.tracesPerDay)} per day (${input.sampler}, ${formatPercent(volume.probability)})`,
    `Spans: ${formatInteger(volume.spansPerDay)} per day; peak ${formatCount(volume.peakSpansPerSecond)} spans/s`,
    `Raw OTLP: ${formatBytes(volume.ingestBytesPerDay)} per day`,
    `${storageAtRetentionLabel(input.retentionDays)}: ${formatBytes(storage.retainedBytes)} on ${backend.label}`,
  ]
}
