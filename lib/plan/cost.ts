import { countOf, formatDecimal } from "@/lib/format"

import { BACKENDS, BYTES_PER_GB, type BackendId } from "./backends"

/** A month, for prices quoted per month: 30.4 days (see the `daysPerMonth` source). */
export const DAYS_PER_MONTH = 30.4

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

/** One line of a bill: what it charges for and how much, so the total can be checked by hand. */
export interface CostLine {
  label: string
  usd: number
}

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

const million = 1e6
const gb = (bytes: number) => bytes / BYTES_PER_GB
const fmt = (n: number, digits = 0) => formatDecimal(n, 0, digits)

/**
 * Monthly list-price cost of a plan on one backend, with its line items.
 *
 * Self-hosted backends pay for steady-state storage only (compute is not included); SaaS
 * vendors bill by their own unit (hosts, GB, events, traces or spans) after free allotments.
 *
 * @example
 * monthlyCost("google-cloud-trace", { tracesPerDay: 0, spansPerDay: 1e6, ingestBytesPerDay: 0,
 *   retainedBytes: 0, retentionDays: 30, apmHosts: 1 }).monthlyUsd
 * //=> 5.58  ((30.4 M − 2.5 M free) spans × $0.20 per million)
 */
export function monthlyCost(backendId: BackendId, input: CostInput): Cost {
  const backend = BACKENDS[backendId]
  const pricing = backend.pricing
  const ingestGbPerMonth = gb(input.ingestBytesPerDay) * DAYS_PER_MONTH
  const lines: CostLine[] = []
  const notes: string[] = []
  let extrapolated: string | null = null

  switch (pricing.kind) {
    case "storage": {
      const units = input.retainedBytes / pricing.unitBytes
      lines.push({
        label: `${fmt(units, 1)} ${pricing.unitLabel} on ${pricing.medium} × $${pricing.usdPerUnitMonth}/${pricing.unitLabel}-month`,
        usd: units * pricing.usdPerUnitMonth,
      })
      notes.push("Not included: the nodes that run the backend, requests and network.")
      break
    }
    case "datadog": {
      const includedGb = pricing.includedGbPerHost * input.apmHosts
      const overGb = Math.max(0, ingestGbPerMonth - includedGb)
      lines.push({
        label: `${fmt(input.apmHosts)} APM hosts × $${pricing.usdPerHostMonth}/month`,
        usd: input.apmHosts * pricing.usdPerHostMonth,
      })
      lines.push({
        label: `${fmt(overGb, 1)} GB ingested above ${fmt(includedGb)} GB included × $${pricing.usdPerGbOver}/GB`,
        usd: overGb * pricing.usdPerGbOver,
      })
      notes.push("Indexed spans (15-day search) beyond 1 M per host are billed separately and not modelled.")
      break
    }
    case "grafana-cloud": {
      const writtenGb = Math.max(0, ingestGbPerMonth - pricing.freeGbPerMonth)
      const extraPeriods = Math.max(0, Math.ceil(input.retentionDays / pricing.includedRetentionDays) - 1)
      lines.push({
        label: `${fmt(writtenGb, 1)} GB written above ${pricing.freeGbPerMonth} GB free × $${pricing.usdPerGbWritten}/GB`,
        usd: writtenGb * pricing.usdPerGbWritten,
      })
      lines.push({
        label: `${fmt(ingestGbPerMonth, 1)} GB processed × $${pricing.usdPerGbProcessed}/GB`,
        usd: ingestGbPerMonth * pricing.usdPerGbProcessed,
      })
      if (extraPeriods > 0) {
        lines.push({
          label: `${countOf(extraPeriods, "extra 30-day retention period", String)} × ${fmt(ingestGbPerMonth, 1)} GB × $${pricing.usdPerGbPerExtra30Days}/GB`,
          usd: extraPeriods * ingestGbPerMonth * pricing.usdPerGbPerExtra30Days,
        })
      }
      lines.push({ label: "Pro platform fee", usd: pricing.platformUsdPerMonth })
      break
    }
    case "honeycomb": {
      const events = input.spansPerDay * DAYS_PER_MONTH
      if (events <= pricing.freeEventsPerMonth) {
        lines.push({ label: `${fmt(events / million, 1)} M events: Free plan (up to 20 M)`, usd: 0 })
      } else if (events <= pricing.proBaseEvents) {
        lines.push({ label: `${fmt(events / million, 1)} M events: Pro plan (up to 100 M)`, usd: pricing.proBaseUsd })
      } else {
        const usd = (pricing.proBaseUsd * events) / pricing.proBaseEvents
        lines.push({
          label: `${fmt(events / million, 1)} M events × $${fmt((pricing.proBaseUsd / pricing.proBaseEvents) * million, 2)} per million (Pro, scaled linearly)`,
          usd,
        })
        notes.push("Above 100 M events the Pro price is scaled linearly; Honeycomb's published steps may differ.")
        extrapolated = "Honeycomb publishes the Pro price for 100 M events/month; past that it is scaled linearly here."
        if (events > pricing.proMaxEvents) {
          notes.push(
            "Above 1.5 B events/month Honeycomb sells Enterprise plans at quoted prices: treat this as a rough list-price estimate."
          )
          extrapolated =
            "Above 1.5 B events/month Honeycomb quotes Enterprise prices; this scales the Pro price linearly."
        }
      }
      notes.push("Each span is one event; span events and links also count as events and are not modelled.")
      break
    }
    case "per-gb-json": {
      const billedGb = ingestGbPerMonth * pricing.jsonFactor
      const overGb = Math.max(0, billedGb - pricing.freeGbPerMonth)
      lines.push({
        label: `${fmt(overGb, 1)} GB billed (${fmt(ingestGbPerMonth, 1)} GB OTLP × ${pricing.jsonFactor} JSON size, ${pricing.freeGbPerMonth} GB free) × $${pricing.usdPerGb}/GB`,
        usd: overGb * pricing.usdPerGb,
      })
      notes.push("Billed size is assumed to be 1.5× the OTLP protobuf bytes (JSON-like stored form).")
      break
    }
    case "per-million-traces": {
      const traces = input.tracesPerDay * DAYS_PER_MONTH
      const over = Math.max(0, traces - pricing.freeTracesPerMonth)
      lines.push({
        label: `${fmt(over / million, 2)} M traces recorded above ${fmt(pricing.freeTracesPerMonth)} free × $${pricing.usdPerMillion} per million`,
        usd: (over / million) * pricing.usdPerMillion,
      })
      notes.push("Trace retrievals and scans ($0.50 per million after 1 M free) are not modelled.")
      break
    }
    case "per-million-spans": {
      const spans = input.spansPerDay * DAYS_PER_MONTH
      const over = Math.max(0, spans - pricing.freeSpansPerMonth)
      lines.push({
        label: `${fmt(over / million, 2)} M spans ingested above ${fmt(pricing.freeSpansPerMonth / million, 1)} M free × $${pricing.usdPerMillion} per million`,
        usd: (over / million) * pricing.usdPerMillion,
      })
      break
    }
  }

  if (backend.includedRetentionDays !== undefined && input.retentionDays > backend.includedRetentionDays) {
    notes.push(
      `${backend.label} includes ${backend.includedRetentionDays} days of retention at this price; longer retention (${input.retentionDays} days) is not priced here.`
    )
  }

  return {
    backend: backendId,
    monthlyUsd: lines.reduce((sum, line) => sum + line.usd, 0),
    lines,
    notes,
    extrapolated,
  }
}
