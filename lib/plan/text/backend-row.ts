// A row of the backend comparison in words: the retention its price buys and, for a self-hosted
// backend, what it runs. Light (format helpers and types), so the page's client components may
// import it without the model.
import { formatCount, formatDecimal, formatInteger, formatPercent } from "@/lib/format"

import { BACKENDS, type BackendId } from "../backends"
import type { SizedComponent } from "../sizing/types"

/** The vendor behind a SaaS backend, as its own name for the retention it sells ("Datadog's"). */
const VENDOR_NAMES: Partial<Record<BackendId, string>> = {
  datadog: "Datadog",
  "grafana-cloud": "Grafana Cloud",
  honeycomb: "Honeycomb",
  "new-relic": "New Relic",
  "aws-xray": "X-Ray",
  "google-cloud-trace": "Cloud Trace",
}

/**
 * The retention a backend's price buys: the plan's own when self-hosted, the vendor's for SaaS
 * (named, since it may differ from the plan's).
 *
 * @example
 * retentionBoughtText({ id: "datadog", hosting: "saas", retentionDays: 15 }) //=> "15 days, indexed spans only (Datadog's)"
 * retentionBoughtText({ id: "honeycomb", hosting: "saas", retentionDays: 60 }) //=> "60 days (Honeycomb's)"
 * retentionBoughtText({ id: "tempo", hosting: "self-hosted", retentionDays: 7 }) //=> "7 days"
 */
export function retentionBoughtText(row: {
  id: BackendId
  hosting: "self-hosted" | "saas"
  retentionDays: number
}): string {
  const days = row.retentionDays === 1 ? "1 day" : `${formatInteger(row.retentionDays)} days`
  const vendor = row.hosting === "saas" ? VENDOR_NAMES[row.id] : undefined
  // Datadog keeps only indexed spans that long; the rest are searchable live for 15 minutes.
  if (row.id === "datadog") return `${days}, indexed spans only (Datadog's)`
  return vendor ? `${days} (${vendor}'s)` : days
}

/**
 * A row's "free or included" cell: the allowance's use and break-even rate when the vendor has one;
 * for a self-hosted backend, none; for a vendor whose charges the bill does not price (X-Ray's
 * span ingestion), that it is not priced, so the row's low total is not read as free.
 *
 * @example
 * allowanceCellText({ hosting: "self-hosted", breakEven: null, unpriced: [] }) //=> "none (self-hosted)"
 * allowanceCellText({ hosting: "saas", breakEven: null, unpriced: ["Not priced: X-Ray's spans …"] })
 * //=> "not priced: see what it buys"
 */
export function allowanceCellText(row: {
  hosting: "self-hosted" | "saas"
  breakEven: { text: string } | null
  unpriced: string[]
}): string {
  if (row.breakEven) return row.breakEven.text
  if (row.hosting === "self-hosted") return "none (self-hosted)"
  return row.unpriced.length > 0 ? "not priced: see what it buys" : "none"
}

const fmt = (n: number) => formatDecimal(n, 0, 1)

/** Components whose id does not read as a noun once its hyphens are spaces. */
const NOUNS: Record<string, string> = { "all-in-one": "all-in-one instance" }

/**
 * A component's id as people say it, as the bill's lines name it (text/cost); repeated here so
 * the page does not ship the bill's wording, which arrives with the plan.
 */
const componentName = (id: string) => id.replaceAll("-", " ").replace(/^kafka/, "Kafka")

/** Replicas of a component, counted exactly ("2 queries", "7 data nodes"). */
function replicasText(count: number, id: string): string {
  const name = NOUNS[id] ?? componentName(id)
  if (count === 1) return `1 ${name}`
  return `${formatInteger(count)} ${/[^aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`}`
}

/**
 * A self-hosted backend's components in a few words: replicas × vCPU and GB of memory each, and
 * the copies of the data it keeps; "" when nothing is sized.
 *
 * @example
 * sizingShortText({ components: [{ id: "data-node", replicas: 7, vcpu: 8.832, memoryGb: 64, diskGib: 0, source: "elasticsearchSizing" }], replicationCopies: 2 })
 * //=> "7 data nodes × 8.8 vCPU + 64 GB; 2 copies of the data"
 */
export function sizingShortText(sizing: { components: SizedComponent[]; replicationCopies: number }): string {
  if (sizing.components.length === 0) return ""
  const components = sizing.components
    .map((component) =>
      // A component that is only disk (Kafka's log, whose brokers are not priced) is its disk.
      component.vcpu === 0 && component.memoryGb === 0
        ? `${componentName(component.id)} log disk ${fmt(component.replicas * component.diskGib)} GiB (brokers not priced)`
        : `${replicasText(component.replicas, component.id)} × ${fmt(component.vcpu)} vCPU + ${fmt(component.memoryGb)} GB${component.diskGib > 0 ? ` + ${fmt(component.diskGib)} GiB disk` : ""}`
    )
    .join(", ")
  return sizing.replicationCopies > 1 ? `${components}; ${sizing.replicationCopies} copies of the data` : components
}

/**
 * A share as a percentage rounded down to three significant digits: a break-even rate shown
 * rounded up would be just past the allowance.
 *
 * @example
 * percentAtMost(0.0469924812) //=> "4.69 %"
 * percentAtMost(0.05)         //=> "5 %"
 */
export function percentAtMost(ratio: number): string {
  if (!(ratio > 0)) return formatPercent(0)
  const scale = 10 ** (2 - Math.floor(Math.log10(ratio * 100)))
  // The tiny nudge keeps 0.05 (4.9999… × 10⁻² in binary) at "5 %" rather than "4.99 %".
  return formatPercent(Math.floor(ratio * 100 * scale * (1 + 1e-12)) / scale / 100)
}

/** The allowance facts the wording needs. */
interface AllowanceUse {
  unit: string
  used: number
  free: number
  kind: "free" | "included"
}

/**
 * A vendor allowance, the plan's use of it and the highest head rate it covers ("free" when the
 * vendor then charges nothing, "within it" when fees are charged at any rate).
 *
 * @example
 * allowanceUseText({ unit: "events", used: 425.6e6, free: 20e6, kind: "free" }, { ratio: 0.0469924812, freeRatio: 0.0469924812 })
 * //=> "426M of 20M free events a month; ≤ 4.69 % stays free"
 * allowanceUseText({ unit: "GB ingested", used: 19_700, free: 1500, kind: "included" }, { ratio: 0.0761, freeRatio: null })
 * //=> "19.7K of 1.5K included GB ingested a month; ≤ 7.61 % stays within it"
 */
export function allowanceUseText(
  allowance: AllowanceUse,
  breakEven: { ratio: number; freeRatio: number | null }
): string {
  const use = `${formatCount(allowance.used)} of ${formatCount(allowance.free)} ${allowance.kind} ${allowance.unit} a month`
  const stays = breakEven.freeRatio !== null ? "stays free" : "stays within it"
  if (breakEven.ratio >= 1) return `${use}; even 100 % ${stays}`
  return `${use}; ≤ ${percentAtMost(breakEven.ratio)} ${stays}`
}

/** Why no rate is free on a SaaS backend whose bill has a fixed part. */
const FEES_AT_ANY_RATE: Partial<Record<BackendId, string>> = {
  datadog: "its APM and infrastructure hosts are billed at any rate",
  "grafana-cloud": "its Pro platform fee and processing are billed at any rate",
}

/**
 * What a "free only" budget (0) allows on a SaaS backend: the highest free head rate, or why none is.
 *
 * @example
 * freeOnlyText("honeycomb", 0.0469924812, false) //=> 'A "free only" budget (0) allows head sampling up to 4.69 % on Honeycomb.'
 * freeOnlyText("datadog", null, true)             //=> "Your budget is free only, and no rate is free on Datadog APM: its APM and infrastructure hosts are billed at any rate."
 */
export function freeOnlyText(backend: BackendId, freeRatio: number | null, budgetIsFreeOnly: boolean): string {
  const label = BACKENDS[backend].label
  if (freeRatio === null) {
    const why = FEES_AT_ANY_RATE[backend] ?? "it charges at any rate"
    return budgetIsFreeOnly
      ? `Your budget is free only, and no rate is free on ${label}: ${why}.`
      : `No rate is free on ${label} (${why}), so a "free only" budget (0) fits none.`
  }
  const rate = freeRatio >= 1 ? "every head rate (even 100 %)" : `head sampling up to ${percentAtMost(freeRatio)}`
  return budgetIsFreeOnly
    ? `Your budget is free only: it allows ${rate} on ${label}.`
    : `A "free only" budget (0) allows ${rate} on ${label}.`
}
