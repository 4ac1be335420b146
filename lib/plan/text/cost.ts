// The bill in words: line labels, caveats and the extrapolation note, from cost facts. Light
// (format helpers and types), so the page's client components may import it.
import { countOf, formatDecimal, formatUsd } from "@/lib/format"

import { BACKENDS, type BackendId } from "../backends"
import { withCollectorFacts, type CostExtrapolation, type CostFacts, type CostItem, type CostNote } from "../cost-facts"
import { fargateReferenceText } from "../tail"
import { collectorCoresText } from "./counts"

export { collectorCoresText } from "./counts"

/** One line of a bill: what it charges for and how much, so the total can be checked by hand. */
export interface CostLine {
  label: string
  usd: number
}

/** A bill in words, as the plan and the API carry it. */
export interface Cost {
  backend: BackendId
  monthlyUsd: number
  lines: CostLine[]
  /** Caveats the number carries (retention not priced, plan ceiling exceeded, ...). */
  notes: string[]
  /**
   * Why the figure goes past the vendor's published prices (a price scaled beyond its last
   * published tier), or null when it follows them.
   */
  extrapolated: string | null
}

const fmt = (n: number, digits = 0) => formatDecimal(n, 0, digits)

/**
 * The label of one line of a bill.
 *
 * @example
 * costItemLabel({ what: "apm-hosts", quantity: 2, unit: "host-month", unitUsd: 31, usd: 62 })
 * //=> "2 APM hosts × $31/month"
 */
export function costItemLabel(item: CostItem): string {
  switch (item.what) {
    case "storage":
      return `${fmt(item.quantity, 1)} ${item.unit} on ${item.medium} × $${item.unitUsd}/${item.unit}-month`
    case "apm-hosts":
      return `${fmt(item.quantity)} APM hosts × $${item.unitUsd}/month`
    case "ingest-above-included":
      return `${fmt(item.quantity, 1)} GB ingested above ${fmt(item.includedQuantity)} GB included × $${item.unitUsd}/GB`
    case "written-above-free":
      return `${fmt(item.quantity, 1)} GB written above ${item.freeQuantity} GB free × $${item.unitUsd}/GB`
    case "processed":
      return `${fmt(item.quantity, 1)} GB processed × $${item.unitUsd}/GB`
    case "extra-retention":
      return `${countOf(item.quantity, "extra 30-day retention period", String)} × ${fmt(item.gbPerPeriod, 1)} GB × $${item.unitUsd}/GB`
    case "platform-fee":
      return "Pro platform fee"
    case "events":
      if (item.plan === "free") return `${fmt(item.quantity, 1)} M events: Free plan (up to 20 M)`
      if (item.plan === "pro") return `${fmt(item.quantity, 1)} M events: Pro plan (up to 100 M)`
      return `${fmt(item.quantity, 1)} M events × $${fmt(item.unitUsd ?? 0, 2)} per million (Pro, scaled linearly)`
    case "billed-json":
      return `${fmt(item.quantity, 1)} GB billed (${fmt(item.otlpGb, 1)} GB OTLP × ${item.jsonFactor} JSON size, ${item.freeQuantity} GB free) × $${item.unitUsd}/GB`
    case "traces-above-free":
      return `${fmt(item.quantity, 2)} M traces recorded above ${fmt(item.freeTraces)} free × $${item.unitUsd} per million`
    case "spans-above-free":
      return `${fmt(item.quantity, 2)} M spans ingested above ${fmt(item.freeSpans / 1e6, 1)} M free × $${item.unitUsd} per million`
    case "collector-compute":
      return `Collector compute: ${collectorCoresText(item.quantity)} × ${formatUsd(item.unitUsd)}/core-month`
  }
}

/**
 * A caveat of a bill in words; `backend` names the backend the retention note speaks of.
 *
 * @example
 * costNoteText({ id: "retention-not-priced", includedRetentionDays: 8, retentionDays: 30 }, "new-relic")
 * //=> "New Relic includes 8 days of retention at this price; longer retention (30 days) is not priced here."
 */
export function costNoteText(note: CostNote, backend: BackendId): string {
  switch (note.id) {
    case "self-hosted-compute-not-included":
      return "Not included: the nodes that run the backend, requests and network."
    case "datadog-indexed-spans":
      return "Indexed spans (15-day search) beyond 1 M per host are billed separately and not modelled."
    case "honeycomb-pro-scaled":
      return "Above 100 M events the Pro price is scaled linearly; Honeycomb's published steps may differ."
    case "honeycomb-enterprise":
      return "Above 1.5 B events/month Honeycomb sells Enterprise plans at quoted prices: treat this as a rough list-price estimate."
    case "honeycomb-span-events":
      return "Each span is one event; span events and links also count as events and are not modelled."
    case "json-billed-size":
      return `Billed size is assumed to be ${note.jsonFactor}× the OTLP protobuf bytes (JSON-like stored form).`
    case "xray-retrievals":
      return "Trace retrievals and scans ($0.50 per million after 1 M free) are not modelled."
    case "retention-not-priced":
      return `${BACKENDS[backend].label} includes ${note.includedRetentionDays} days of retention at this price; longer retention (${note.retentionDays} days) is not priced here.`
    case "collector-not-priced":
      return `${collectorCoresText(note.cores)} at peak not priced (${fargateReferenceText(note.cores)}): enter a cost per core to include ${note.cores === 1 ? "it" : "them"}.`
  }
}

/**
 * Why a figure goes past the vendor's published prices, in a sentence; null when it does not.
 *
 * @example
 * extrapolationText("honeycomb-pro-linear")
 * //=> "Honeycomb publishes the Pro price for 100 M events/month; past that it is scaled linearly here."
 */
export function extrapolationText(extrapolation: CostExtrapolation | null): string | null {
  if (extrapolation === "honeycomb-pro-linear")
    return "Honeycomb publishes the Pro price for 100 M events/month; past that it is scaled linearly here."
  if (extrapolation === "honeycomb-enterprise")
    return "Above 1.5 B events/month Honeycomb quotes Enterprise prices; this scales the Pro price linearly."
  return null
}

/**
 * A bill in words: each item's label, each caveat's sentence.
 *
 * @example
 * costText({ backend: "tempo", monthlyUsd: 0, items: [], notes: [{ id: "self-hosted-compute-not-included" }], extrapolation: null }).notes
 * //=> ["Not included: the nodes that run the backend, requests and network."]
 */
export function costText(facts: CostFacts): Cost {
  return {
    backend: facts.backend,
    monthlyUsd: facts.monthlyUsd,
    lines: facts.items.map((item) => ({ label: costItemLabel(item), usd: item.usd })),
    notes: facts.notes.map((note) => costNoteText(note, facts.backend)),
    extrapolated: extrapolationText(facts.extrapolation),
  }
}

/**
 * The worded bill with the Collector tier in it: a line when priced, else a note of the cores
 * left out ({@link withCollectorFacts} in words).
 *
 * @example
 * withCollector({ backend: "tempo", monthlyUsd: 10, lines: [], notes: [], extrapolated: null }, { cores: 2, monthlyUsd: 60 }).monthlyUsd //=> 70
 */
export function withCollector(cost: Cost, collector: { cores: number; monthlyUsd: number }): Cost {
  if (collector.cores === 0) return cost
  const added = withCollectorFacts(
    { backend: cost.backend, monthlyUsd: cost.monthlyUsd, items: [], notes: [], extrapolation: null },
    collector
  )
  return {
    ...cost,
    monthlyUsd: added.monthlyUsd,
    lines: [...cost.lines, ...added.items.map((item) => ({ label: costItemLabel(item), usd: item.usd }))],
    notes: [...cost.notes, ...added.notes.map((note) => costNoteText(note, cost.backend))],
  }
}
