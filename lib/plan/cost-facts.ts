import { BACKENDS, BYTES_PER_GB, type BackendId } from "./backends"

import { DAYS_PER_MONTH } from "./month"

export { DAYS_PER_MONTH } from "./month"

/** What a monthly bill is computed from. */
export interface CostInput {
  tracesPerDay: number
  spansPerDay: number
  ingestBytesPerDay: number
  /** Steady-state stored bytes on the backend (self-hosted backends pay for these). */
  retainedBytes: number
  retentionDays: number
  apmHosts: number
}

/**
 * One line of a bill as facts: what it charges for, how much of it, the unit and its price, and
 * the dollars. `usd` is what the total adds; `quantity × unitUsd` is it where the price is linear
 * (`unitUsd` is null for a flat plan price). The next lines of the whole bill (compute, network,
 * vendor terms) are more members of this union.
 */
export type CostItem =
  | { what: "storage"; quantity: number; unit: "GB" | "GiB"; medium: string; unitUsd: number; usd: number }
  | { what: "apm-hosts"; quantity: number; unit: "host-month"; unitUsd: number; usd: number }
  | {
      what: "ingest-above-included"
      quantity: number
      unit: "GB"
      /** GB/month the hosts include before overage. */
      includedQuantity: number
      unitUsd: number
      usd: number
    }
  | { what: "written-above-free"; quantity: number; unit: "GB"; freeQuantity: number; unitUsd: number; usd: number }
  | { what: "processed"; quantity: number; unit: "GB"; unitUsd: number; usd: number }
  | {
      what: "extra-retention"
      /** Retention periods of 30 days past the included one. */
      quantity: number
      unit: "30-day period"
      /** GB each period holds again (the month's ingest). */
      gbPerPeriod: number
      unitUsd: number
      usd: number
    }
  | { what: "platform-fee"; quantity: 1; unit: "month"; unitUsd: number; usd: number }
  | {
      what: "events"
      /** Millions of events a month. */
      quantity: number
      unit: "million events"
      /** Free and Pro are flat plan prices (unitUsd null); past Pro's events the price is scaled. */
      plan: "free" | "pro" | "pro-scaled"
      unitUsd: number | null
      usd: number
    }
  | {
      what: "billed-json"
      /** GB billed above the free allotment. */
      quantity: number
      unit: "GB"
      otlpGb: number
      jsonFactor: number
      freeQuantity: number
      unitUsd: number
      usd: number
    }
  | {
      what: "traces-above-free"
      quantity: number
      unit: "million traces"
      freeTraces: number
      unitUsd: number
      usd: number
    }
  | {
      what: "spans-above-free"
      quantity: number
      unit: "million spans"
      freeSpans: number
      unitUsd: number
      usd: number
    }
  | { what: "collector-compute"; quantity: number; unit: "core-month"; unitUsd: number; usd: number }

/** A caveat the bill carries, by id with the numbers it cites. */
export type CostNote =
  | { id: "self-hosted-compute-not-included" }
  | { id: "datadog-indexed-spans" }
  | { id: "honeycomb-pro-scaled" }
  | { id: "honeycomb-enterprise" }
  | { id: "honeycomb-span-events" }
  | { id: "json-billed-size"; jsonFactor: number }
  | { id: "xray-retrievals" }
  | { id: "retention-not-priced"; includedRetentionDays: number; retentionDays: number }
  | { id: "collector-not-priced"; cores: number }

/** Why a figure goes past the vendor's published prices. */
export type CostExtrapolation = "honeycomb-pro-linear" | "honeycomb-enterprise"

/** A monthly bill as facts: line items, caveats, and whether it leaves the published prices. */
export interface CostFacts {
  backend: BackendId
  monthlyUsd: number
  items: CostItem[]
  notes: CostNote[]
  extrapolation: CostExtrapolation | null
}

const million = 1e6
const gb = (bytes: number) => bytes / BYTES_PER_GB

/**
 * Monthly list-price cost of a plan on one backend, as line items and caveats (no words: see
 * text/cost.ts). Self-hosted backends pay for steady-state storage only; SaaS vendors bill by
 * their own unit (hosts, GB, events, traces or spans) after free allotments.
 *
 * @example
 * costFacts("google-cloud-trace", { tracesPerDay: 0, spansPerDay: 1e6, ingestBytesPerDay: 0,
 *   retainedBytes: 0, retentionDays: 30, apmHosts: 1 }).items
 * //=> [{ what: "spans-above-free", quantity: 27.9, unit: "million spans", freeSpans: 2500000, unitUsd: 0.2, usd: 5.58 }]
 */
export function costFacts(backendId: BackendId, input: CostInput): CostFacts {
  const backend = BACKENDS[backendId]
  const pricing = backend.pricing
  const ingestGbPerMonth = gb(input.ingestBytesPerDay) * DAYS_PER_MONTH
  const items: CostItem[] = []
  const notes: CostNote[] = []
  let extrapolation: CostExtrapolation | null = null

  switch (pricing.kind) {
    case "storage": {
      const units = input.retainedBytes / pricing.unitBytes
      items.push({
        what: "storage",
        quantity: units,
        unit: pricing.unitLabel,
        medium: pricing.medium,
        unitUsd: pricing.usdPerUnitMonth,
        usd: units * pricing.usdPerUnitMonth,
      })
      notes.push({ id: "self-hosted-compute-not-included" })
      break
    }
    case "datadog": {
      const includedGb = pricing.includedGbPerHost * input.apmHosts
      const overGb = Math.max(0, ingestGbPerMonth - includedGb)
      items.push({
        what: "apm-hosts",
        quantity: input.apmHosts,
        unit: "host-month",
        unitUsd: pricing.usdPerHostMonth,
        usd: input.apmHosts * pricing.usdPerHostMonth,
      })
      items.push({
        what: "ingest-above-included",
        quantity: overGb,
        unit: "GB",
        includedQuantity: includedGb,
        unitUsd: pricing.usdPerGbOver,
        usd: overGb * pricing.usdPerGbOver,
      })
      notes.push({ id: "datadog-indexed-spans" })
      break
    }
    case "grafana-cloud": {
      const writtenGb = Math.max(0, ingestGbPerMonth - pricing.freeGbPerMonth)
      const extraPeriods = Math.max(0, Math.ceil(input.retentionDays / pricing.includedRetentionDays) - 1)
      items.push({
        what: "written-above-free",
        quantity: writtenGb,
        unit: "GB",
        freeQuantity: pricing.freeGbPerMonth,
        unitUsd: pricing.usdPerGbWritten,
        usd: writtenGb * pricing.usdPerGbWritten,
      })
      items.push({
        what: "processed",
        quantity: ingestGbPerMonth,
        unit: "GB",
        unitUsd: pricing.usdPerGbProcessed,
        usd: ingestGbPerMonth * pricing.usdPerGbProcessed,
      })
      if (extraPeriods > 0) {
        items.push({
          what: "extra-retention",
          quantity: extraPeriods,
          unit: "30-day period",
          gbPerPeriod: ingestGbPerMonth,
          unitUsd: pricing.usdPerGbPerExtra30Days,
          usd: extraPeriods * ingestGbPerMonth * pricing.usdPerGbPerExtra30Days,
        })
      }
      items.push({
        what: "platform-fee",
        quantity: 1,
        unit: "month",
        unitUsd: pricing.platformUsdPerMonth,
        usd: pricing.platformUsdPerMonth,
      })
      break
    }
    case "honeycomb": {
      const events = input.spansPerDay * DAYS_PER_MONTH
      const quantity = events / million
      if (events <= pricing.freeEventsPerMonth) {
        items.push({ what: "events", quantity, unit: "million events", plan: "free", unitUsd: null, usd: 0 })
      } else if (events <= pricing.proBaseEvents) {
        items.push({
          what: "events",
          quantity,
          unit: "million events",
          plan: "pro",
          unitUsd: null,
          usd: pricing.proBaseUsd,
        })
      } else {
        items.push({
          what: "events",
          quantity,
          unit: "million events",
          plan: "pro-scaled",
          unitUsd: (pricing.proBaseUsd / pricing.proBaseEvents) * million,
          usd: (pricing.proBaseUsd * events) / pricing.proBaseEvents,
        })
        notes.push({ id: "honeycomb-pro-scaled" })
        extrapolation = "honeycomb-pro-linear"
        if (events > pricing.proMaxEvents) {
          notes.push({ id: "honeycomb-enterprise" })
          extrapolation = "honeycomb-enterprise"
        }
      }
      notes.push({ id: "honeycomb-span-events" })
      break
    }
    case "per-gb-json": {
      const billedGb = ingestGbPerMonth * pricing.jsonFactor
      const overGb = Math.max(0, billedGb - pricing.freeGbPerMonth)
      items.push({
        what: "billed-json",
        quantity: overGb,
        unit: "GB",
        otlpGb: ingestGbPerMonth,
        jsonFactor: pricing.jsonFactor,
        freeQuantity: pricing.freeGbPerMonth,
        unitUsd: pricing.usdPerGb,
        usd: overGb * pricing.usdPerGb,
      })
      notes.push({ id: "json-billed-size", jsonFactor: pricing.jsonFactor })
      break
    }
    case "per-million-traces": {
      const traces = input.tracesPerDay * DAYS_PER_MONTH
      const over = Math.max(0, traces - pricing.freeTracesPerMonth)
      items.push({
        what: "traces-above-free",
        quantity: over / million,
        unit: "million traces",
        freeTraces: pricing.freeTracesPerMonth,
        unitUsd: pricing.usdPerMillion,
        usd: (over / million) * pricing.usdPerMillion,
      })
      notes.push({ id: "xray-retrievals" })
      break
    }
    case "per-million-spans": {
      const spans = input.spansPerDay * DAYS_PER_MONTH
      const over = Math.max(0, spans - pricing.freeSpansPerMonth)
      items.push({
        what: "spans-above-free",
        quantity: over / million,
        unit: "million spans",
        freeSpans: pricing.freeSpansPerMonth,
        unitUsd: pricing.usdPerMillion,
        usd: (over / million) * pricing.usdPerMillion,
      })
      break
    }
  }

  if (backend.includedRetentionDays !== undefined && input.retentionDays > backend.includedRetentionDays) {
    notes.push({
      id: "retention-not-priced",
      includedRetentionDays: backend.includedRetentionDays,
      retentionDays: input.retentionDays,
    })
  }

  return {
    backend: backendId,
    monthlyUsd: items.reduce((sum, item) => sum + item.usd, 0),
    items,
    notes,
    extrapolation,
  }
}

/**
 * The bill with the Collector tier in it, as facts: an item when a cost per core is entered,
 * else a note of the cores left out.
 *
 * @example
 * withCollectorFacts({ backend: "tempo", monthlyUsd: 10, items: [], notes: [], extrapolation: null }, { cores: 2, monthlyUsd: 60 }).monthlyUsd //=> 70
 */
export function withCollectorFacts(cost: CostFacts, collector: { cores: number; monthlyUsd: number }): CostFacts {
  if (collector.cores === 0) return cost
  return collector.monthlyUsd > 0
    ? {
        ...cost,
        monthlyUsd: cost.monthlyUsd + collector.monthlyUsd,
        items: [
          ...cost.items,
          {
            what: "collector-compute",
            quantity: collector.cores,
            unit: "core-month",
            unitUsd: collector.monthlyUsd / collector.cores,
            usd: collector.monthlyUsd,
          },
        ],
      }
    : { ...cost, notes: [...cost.notes, { id: "collector-not-priced", cores: collector.cores }] }
}
