// The bill in words: line labels, caveats and the extrapolation note, from cost facts. Light
// (format helpers and types), so the page's client components may import it.
import { countOf, formatCount, formatDecimal, formatUsd } from "@/lib/format"

import { BACKENDS, type BackendId } from "../backends"
import {
  costPart as costPartOf,
  type Allowance,
  type CostBreakdown,
  type CostExtrapolation,
  type CostFacts,
  type CostItem,
  type CostNote,
  type CostPart,
  type CostUnpriced,
} from "../cost-facts"
import type { NetworkHop } from "../network"
import { collectorCoresText } from "./counts"

export { collectorCoresText } from "./counts"

/** One line of a bill: what it charges for and how much, so the total can be checked by hand. */
export interface CostLine {
  label: string
  usd: number
  /** The part of the bill it adds to (storage, backend compute, Collector compute, network, vendor). */
  part: CostPart
}

/** A bill in words, as the plan and the API carry it. */
export interface Cost {
  backend: BackendId
  /** The whole bill: storage, compute, network and vendor terms. */
  monthlyUsd: number
  /** The bill by part; the parts sum to `monthlyUsd`. */
  breakdown: CostBreakdown
  lines: CostLine[]
  /** What the total leaves out, each with what it would take to price it. */
  unpriced: string[]
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
    case "infra-hosts":
      return `${fmt(item.quantity)} Infrastructure Pro hosts × $${item.unitUsd}/month (APM's host price assumes them)`
    case "indexed-spans-above-included":
      return `${fmt(item.quantity, 2)} M indexed spans above ${fmt(item.includedQuantity, 1)} M included × $${item.unitUsd} per million`
    case "backend-compute":
      return `${countOf(item.quantity, componentName(item.component))} × ${fmt(item.vcpu, 2)} vCPU + ${fmt(item.memoryGb, 1)} GB (${formatUsd(item.unitUsd)}/month each)`
    case "backend-disk":
      return `${componentName(item.component)} disk: ${fmt(item.quantity, 1)} GiB on ${item.medium} × $${item.unitUsd}/GiB-month`
    case "collector-compute":
      return `Collector ${TIER_NAMES[item.tier]}: ${collectorCoresText(item.quantity)} × ${formatUsd(item.unitUsd)}/core-month (1 vCPU + ${item.memoryGbPerCore} GB each${item.perCoreOverride ? ", your price per core" : ""})`
    case "metric-series":
      return item.unit === "active series"
        ? `RED metrics: ${fmt(item.quantity)} active series above ${fmt(item.freeQuantity)} free (of ${fmt(item.total)}) × $${formatDecimal(item.unitUsd * 1000, 2, 2)} per 1,000`
        : `RED metrics: ${fmt(item.quantity)} custom metrics above ${fmt(item.freeQuantity)} included (of ${fmt(item.total)}) × $${formatDecimal(item.unitUsd * 100, 2, 2)} per 100`
    case "network":
      if (item.crossing === "cloud-service")
        return `${HOP_NAMES[item.hop]}: ${fmt(item.wireGbPerMonth, 1)} GB to the cloud's own API in the region, no egress charge`
      return `${HOP_NAMES[item.hop]}: ${fmt(item.quantity, 1)} GB ${item.crossing === "zone" ? `crossing zones (${formatPercent(item.crossingShare)} of ${fmt(item.wireGbPerMonth, 1)} GB${item.compression > 1 ? ` gzip-compressed ${item.compression}×` : ""})` : `to the internet${item.compression > 1 ? ` (gzip-compressed ${item.compression}×)` : " (uncompressed)"}`} × $${item.unitUsd}/GB`
  }
}

const TIER_NAMES = {
  forwarding: "forwarding tier",
  "load-balancing": "load-balancing tier",
  sampling: "tail-sampling tier",
} as const

/** Each network hop as the bill names it. */
export const HOP_NAMES: Record<NetworkHop, string> = {
  "app-to-collector": "Apps to the Collector",
  "app-to-backend": "Apps to the backend",
  "load-balancer-to-sampler": "Load-balancing tier to the sampling replicas",
  "collector-to-backend": "Collector to the backend",
  "backend-replication": "Backend replication between zones",
  "collector-to-saas": "Collector to the vendor",
  "app-to-saas": "Apps to the vendor",
}

/** Components' ids as people say them ("live-store" → "live-stores" by {@link countOf}). */
function componentName(id: string): string {
  return id.replaceAll("-", " ").replace(/^kafka/, "Kafka")
}

/**
 * A vendor allowance and the plan's use of it, in a few words.
 *
 * @example
 * allowanceText({ unit: "events", used: 420e6, free: 20e6, kind: "free" }) //=> "420M events a month; 20M free"
 * allowanceText({ unit: "GB ingested", used: 19_700, free: 1500, kind: "included" }) //=> "19.7K GB ingested a month; 1.5K included"
 */
export function allowanceText(allowance: Allowance): string {
  return `${formatCount(allowance.used)} ${allowance.unit} a month; ${formatCount(allowance.free)} ${allowance.kind === "free" ? "free" : "included"}`
}

const formatPercent = (share: number) => `${formatDecimal(share * 100, 0, 0)} %`

/**
 * What the total leaves out, in a sentence with what it would take to price it.
 *
 * @example
 * costUnpricedText({ id: "object-store-requests" })
 * //=> "Not priced: object-store requests (PUT, GET, LIST); their per-request prices were not confirmed, so add them from your cloud bill."
 */
export function costUnpricedText(unpriced: CostUnpriced): string {
  switch (unpriced.id) {
    case "kafka-brokers":
      return `Not priced: the Kafka-compatible queue Tempo 3.x writes through (${countOf(unpriced.partitions, "partition")}, replication factor ${unpriced.replicationFactor}, so at least ${unpriced.replicationFactor} brokers). Tempo publishes no broker size: add your Kafka, Redpanda or WarpStream bill.`
    case "tempo-metrics-generator":
      return "Not priced: Tempo's metrics-generator, which has no published throughput per replica; add it if you run it."
    case "unsized":
      return `Not priced: ${unpriced.component} (${unpriced.needs}).`
    case "object-store-requests":
      return "Not priced: object-store requests (PUT, GET, LIST); their per-request prices were not confirmed, so add them from your cloud bill."
    case "new-relic-users":
      return `Not priced: ${countOf(unpriced.billableUsers, "full platform user")} beyond the free one; New Relic's per-user price was not confirmed, so add it from your contract.`
    case "xray-span-ingestion":
      return `Not priced: X-Ray's spans (${formatCount(unpriced.spansPerMonth)} a month, ${formatCount(unpriced.gbPerMonth)} GB of OTLP) go to CloudWatch Logs (log group aws/spans, Transaction Search) at CloudWatch's span-ingestion price, which AWS bills apart from log ingestion and which was not confirmed here; ${formatPercent(unpriced.freeIndexedShare)} of spans are indexed as trace summaries free. Add the ingestion, the log group's storage and your queries from the CloudWatch pricing page for your region.`
    case "datadog-intelligent-retention":
      return "Not priced: spans indexed by Datadog's Intelligent retention filter or by your own retention filters; add them at $1.70 per million indexed spans if they are billed to you."
    case "red-metric-series":
      return `Not priced: the RED metrics the Collector computes before sampling, about ${formatCount(unpriced.series)} series (${formatCount(unpriced.dataPointsPerMinute)} data points a minute), ${redMetricsWhere(unpriced.backend)}.`
    case "nat-gateway":
      return `Not priced: a NAT gateway on the way to the internet, if your nodes use one (AWS: $${unpriced.usdPerGb} per GB processed).`
  }
}

/** Who bills the RED metrics' series on a backend, and how, for the unpriced line. */
function redMetricsWhere(backend: BackendId): string {
  switch (BACKENDS[backend].hosting) {
    case "self-hosted":
      return "which your own Prometheus (or Mimir) stores on nodes not sized here"
    default:
      return `which ${BACKENDS[backend].label} bills by ingested data, events or samples at a rate not confirmed here`
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
    case "datadog-indexed-spans":
      return `Indexed spans (kept 15 days): the Error Default retention filter's error spans, counted as one per kept error trace (${formatCount(note.indexedSpansPerMonth)} a month).`
    case "honeycomb-pro-scaled":
      return "Above 100 M events the Pro price is scaled linearly; Honeycomb's published steps may differ."
    case "honeycomb-enterprise":
      return "Above 1.5 B events/month Honeycomb sells Enterprise plans at quoted prices: treat this as a rough list-price estimate."
    case "honeycomb-span-events":
      return "Each span is one event; span events and links also count as events and are not modelled."
    case "json-billed-size":
      return `Billed size is assumed to be ${note.jsonFactor}× the OTLP protobuf bytes (JSON-like stored form).`
    case "retention-not-priced":
      return `${BACKENDS[backend].label} includes ${note.includedRetentionDays} days of retention at this price; longer retention (${note.retentionDays} days) is not priced here.`
    case "cloud-trace-quota":
      return note.spansPerDay > note.maxSpansPerDay
        ? `${formatCount(note.spansPerDay)} spans a day is above Cloud Trace's highest ingestion quota (${formatCount(note.maxSpansPerDay)} a day): spans past the quota are refused.`
        : `Cloud Trace's ingestion quota is ${formatCount(note.minSpansPerDay)} to ${formatCount(note.maxSpansPerDay)} spans a day, set by your billing account's history: check that yours covers ${formatCount(note.spansPerDay)} a day.`
    case "compute-already-paid":
      return "Compute is priced at $0: you entered 0 for the nodes' vCPU and memory (already paid for)."
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
 * A bill in words: each item's label, each caveat's sentence, what it leaves out.
 *
 * @example
 * costText(figuresFor(DEFAULT_INPUT).cost).lines[0]
 * //=> { label: "653.5 GB on S3 Standard × $0.023/GB-month", usd: 15.34, part: "storage" }
 */
export function costText(facts: CostFacts): Cost {
  return {
    backend: facts.backend,
    monthlyUsd: facts.monthlyUsd,
    breakdown: facts.breakdown,
    lines: facts.items.map((item) => ({ label: costItemLabel(item), usd: item.usd, part: costPartOf(item) })),
    notes: facts.notes.map((note) => costNoteText(note, facts.backend)),
    unpriced: facts.unpriced.map(costUnpricedText),
    extrapolated: extrapolationText(facts.extrapolation),
  }
}
