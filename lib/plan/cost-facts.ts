import type { DatadogCommitment } from "./choices"
import { BACKENDS, BYTES_PER_GB, GP3, type BackendId } from "./backends"
import { DAYS_PER_MONTH } from "./month"
import type { NetworkItem } from "./network"
import type { RedMetricsBill } from "./red-metrics"
import type { BackendSizing, SizingGap } from "./sizing"
import type { CollectorCompute } from "./tail"

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
  /** Error traces kept a day (Datadog's Error Default retention filter indexes their error spans). */
  errorTracesPerDay: number
  datadogCommitment: DatadogCommitment
  newRelicFullUsers: number
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
  | { what: "infra-hosts"; quantity: number; unit: "host-month"; unitUsd: number; usd: number }
  | {
      what: "indexed-spans-above-included"
      /** Millions of indexed spans a month above the hosts' allotment. */
      quantity: number
      unit: "million spans"
      /** Millions of indexed spans a month the hosts include. */
      includedQuantity: number
      unitUsd: number
      usd: number
    }
  | {
      what: "backend-compute"
      component: string
      /** Replicas of the component: the quantity billed, each `vcpu` and `memoryGb`. */
      quantity: number
      unit: "replica-month"
      vcpu: number
      memoryGb: number
      unitUsd: number
      usd: number
    }
  | {
      what: "backend-disk"
      component: string
      quantity: number
      unit: "GiB"
      medium: string
      unitUsd: number
      usd: number
    }
  | {
      what: "collector-compute"
      tier: "forwarding" | "load-balancing" | "sampling"
      quantity: number
      unit: "core-month"
      memoryGbPerCore: number
      /** Whether the price per core is the one entered for the Collector rather than the compute prices. */
      perCoreOverride: boolean
      unitUsd: number
      usd: number
    }
  | ({ what: "network"; unit: "GB" } & NetworkItem)
  | {
      what: "metric-series"
      /** Series (Grafana Cloud active series, Datadog custom metrics) billed past the free or included ones. */
      quantity: number
      unit: "active series" | "custom metrics"
      /** Series the RED metrics create, and how many of them are free or included. */
      total: number
      freeQuantity: number
      unitUsd: number
      usd: number
    }

/** The parts of a bill the breakdown adds up: every item belongs to exactly one. */
export type CostPart = "storage" | "backendCompute" | "collectorCompute" | "network" | "vendor"

/** A bill by part, in $/month; the parts sum to the bill's `monthlyUsd`. */
export interface CostBreakdown {
  storageUsd: number
  backendComputeUsd: number
  collectorComputeUsd: number
  networkUsd: number
  vendorUsd: number
}

/**
 * The part of the bill an item belongs to.
 *
 * @example
 * costPart({ what: "apm-hosts", quantity: 1, unit: "host-month", unitUsd: 31, usd: 31 }) //=> "vendor"
 */
export function costPart(item: CostItem): CostPart {
  switch (item.what) {
    case "storage":
    case "backend-disk":
      return "storage"
    case "backend-compute":
      return "backendCompute"
    case "collector-compute":
      return "collectorCompute"
    case "network":
      return "network"
    default:
      return "vendor"
  }
}

/**
 * The breakdown of a list of items by part.
 *
 * @example
 * costBreakdown([{ what: "apm-hosts", quantity: 1, unit: "host-month", unitUsd: 31, usd: 31 }])
 * //=> { storageUsd: 0, backendComputeUsd: 0, collectorComputeUsd: 0, networkUsd: 0, vendorUsd: 31 }
 */
export function costBreakdown(items: readonly CostItem[]): CostBreakdown {
  const sum = (part: CostPart) => items.reduce((total, item) => (costPart(item) === part ? total + item.usd : total), 0)
  return {
    storageUsd: sum("storage"),
    backendComputeUsd: sum("backendCompute"),
    collectorComputeUsd: sum("collectorCompute"),
    networkUsd: sum("network"),
    vendorUsd: sum("vendor"),
  }
}

/**
 * What the total leaves out, by id with the numbers the words cite: each is named in the bill
 * with what it would take to price it.
 */
export type CostUnpriced =
  | SizingGap
  /** Object-store requests (PUT, GET, LIST): the per-request prices were not confirmed. */
  | { id: "object-store-requests" }
  /** Full platform users beyond the free one: New Relic's per-user price was not confirmed. */
  | { id: "new-relic-users"; billableUsers: number }
  /**
   * X-Ray over OTLP: spans go to CloudWatch Logs (aws/spans) at CloudWatch's span price, which was
   * not confirmed; the volume it would apply to is given.
   */
  | { id: "xray-span-ingestion"; gbPerMonth: number; spansPerMonth: number; freeIndexedShare: number }
  /** Spans Datadog's Intelligent retention filter indexes: their billing was not confirmed. */
  | { id: "datadog-intelligent-retention" }
  /** A NAT gateway between the nodes and the internet: not every cluster has one. */
  | { id: "nat-gateway"; usdPerGb: number }
  /** The RED metrics' series where the metrics backend bills them by data or samples, or is your own Prometheus. */
  | { id: "red-metric-series"; backend: BackendId; series: number; dataPointsPerMinute: number }

/** A caveat the bill carries, by id with the numbers it cites. */
export type CostNote =
  | { id: "datadog-indexed-spans"; indexedSpansPerMonth: number }
  | { id: "honeycomb-pro-scaled" }
  | { id: "honeycomb-enterprise" }
  | { id: "honeycomb-span-events" }
  | { id: "json-billed-size"; jsonFactor: number }
  | { id: "retention-not-priced"; includedRetentionDays: number; retentionDays: number }
  /** Cloud Trace's ingestion quota is 3 M to 5 B spans a day, set by the billing account. */
  | { id: "cloud-trace-quota"; spansPerDay: number; maxSpansPerDay: number; minSpansPerDay: number }
  /** Compute priced at 0: the user already pays for the nodes. */
  | { id: "compute-already-paid" }

/** Why a figure goes past the vendor's published prices. */
export type CostExtrapolation = "honeycomb-pro-linear" | "honeycomb-enterprise"

/** A monthly bill as facts: line items, caveats, and whether it leaves the published prices. */
export interface CostFacts {
  backend: BackendId
  /** The total: the sum of `items` (and of `breakdown`). */
  monthlyUsd: number
  breakdown: CostBreakdown
  items: CostItem[]
  notes: CostNote[]
  /** What the total leaves out, to be named in words. */
  unpriced: CostUnpriced[]
  /** The vendor's free or included allowance and how much of it the plan uses; null for self-hosted. */
  allowance: Allowance | null
  extrapolation: CostExtrapolation | null
}

/** How much of a vendor's free or included allowance a plan uses a month. */
export interface Allowance {
  unit: "GB ingested" | "GB" | "events" | "GB billed" | "traces" | "spans"
  /** Used a month, in `unit`. */
  used: number
  /** Free or included a month, in `unit`. */
  free: number
  /** "free": a free tier anyone gets; "included": what the paid hosts include. */
  kind: "free" | "included"
}

/** Google Cloud Trace's span-ingestion quota, a day: set between these by the billing account's history. */
export const CLOUD_TRACE_SPANS_PER_DAY_QUOTA = { min: 3e6, max: 5e9 } as const

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
  const unpriced: CostUnpriced[] = []
  let allowance: Allowance | null = null
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
      if (pricing.medium.startsWith("S3")) unpriced.push({ id: "object-store-requests" })
      break
    }
    case "datadog": {
      const terms = input.datadogCommitment
      const includedGb = pricing.includedGbPerHost * input.apmHosts
      const overGb = Math.max(0, ingestGbPerMonth - includedGb)
      allowance = { unit: "GB ingested", used: ingestGbPerMonth, free: includedGb, kind: "included" }
      const hostUsd = pricing.usdPerHostMonth[terms]
      const infraUsd = pricing.infraUsdPerHostMonth[terms]
      items.push({
        what: "apm-hosts",
        quantity: input.apmHosts,
        unit: "host-month",
        unitUsd: hostUsd,
        usd: input.apmHosts * hostUsd,
      })
      // APM's host price is "with Infrastructure Monitoring attached": the hosts pay for it too.
      items.push({
        what: "infra-hosts",
        quantity: input.apmHosts,
        unit: "host-month",
        unitUsd: infraUsd,
        usd: input.apmHosts * infraUsd,
      })
      items.push({
        what: "ingest-above-included",
        quantity: overGb,
        unit: "GB",
        includedQuantity: includedGb,
        unitUsd: pricing.usdPerGbOver,
        usd: overGb * pricing.usdPerGbOver,
      })
      // The Error Default retention filter indexes error spans: one per kept error trace.
      const indexedMillions = (input.errorTracesPerDay * DAYS_PER_MONTH) / million
      const includedMillions = (pricing.includedIndexedSpansPerHost * input.apmHosts) / million
      const overIndexed = Math.max(0, indexedMillions - includedMillions)
      items.push({
        what: "indexed-spans-above-included",
        quantity: overIndexed,
        unit: "million spans",
        includedQuantity: includedMillions,
        unitUsd: pricing.usdPerMillionIndexed,
        usd: overIndexed * pricing.usdPerMillionIndexed,
      })
      notes.push({ id: "datadog-indexed-spans", indexedSpansPerMonth: indexedMillions * million })
      unpriced.push({ id: "datadog-intelligent-retention" })
      break
    }
    case "grafana-cloud": {
      const writtenGb = Math.max(0, ingestGbPerMonth - pricing.freeGbPerMonth)
      allowance = { unit: "GB", used: ingestGbPerMonth, free: pricing.freeGbPerMonth, kind: "free" }
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
      allowance = { unit: "events", used: events, free: pricing.freeEventsPerMonth, kind: "free" }
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
      allowance = { unit: "GB billed", used: billedGb, free: pricing.freeGbPerMonth, kind: "free" }
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
      if (input.newRelicFullUsers > 1)
        unpriced.push({ id: "new-relic-users", billableUsers: input.newRelicFullUsers - 1 })
      break
    }
    case "cloudwatch-spans": {
      // Transaction Search bills every span at CloudWatch prices; no confirmed rate, so no line.
      unpriced.push({
        id: "xray-span-ingestion",
        gbPerMonth: ingestGbPerMonth,
        spansPerMonth: input.spansPerDay * DAYS_PER_MONTH,
        freeIndexedShare: pricing.freeIndexedShare,
      })
      break
    }
    case "per-million-spans": {
      const spans = input.spansPerDay * DAYS_PER_MONTH
      const over = Math.max(0, spans - pricing.freeSpansPerMonth)
      allowance = { unit: "spans", used: spans, free: pricing.freeSpansPerMonth, kind: "free" }
      items.push({
        what: "spans-above-free",
        quantity: over / million,
        unit: "million spans",
        freeSpans: pricing.freeSpansPerMonth,
        unitUsd: pricing.usdPerMillion,
        usd: (over / million) * pricing.usdPerMillion,
      })
      if (input.spansPerDay > CLOUD_TRACE_SPANS_PER_DAY_QUOTA.min) {
        notes.push({
          id: "cloud-trace-quota",
          spansPerDay: input.spansPerDay,
          minSpansPerDay: CLOUD_TRACE_SPANS_PER_DAY_QUOTA.min,
          maxSpansPerDay: CLOUD_TRACE_SPANS_PER_DAY_QUOTA.max,
        })
      }
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

  return billOf(backendId, items, notes, unpriced, allowance, extrapolation)
}

function billOf(
  backend: BackendId,
  items: CostItem[],
  notes: CostNote[],
  unpriced: CostUnpriced[],
  allowance: Allowance | null,
  extrapolation: CostExtrapolation | null
): CostFacts {
  return {
    backend,
    monthlyUsd: items.reduce((sum, item) => sum + item.usd, 0),
    breakdown: costBreakdown(items),
    items,
    notes,
    unpriced,
    allowance,
    extrapolation,
  }
}

/**
 * The retention a backend's price buys: the plan's own when self-hosted; the vendor's fixed
 * retention for SaaS, or Grafana Cloud's 30 days in 30-day steps.
 *
 * @example
 * retentionBoughtDays("tempo", 7)         //=> 7
 * retentionBoughtDays("datadog", 7)       //=> 15
 * retentionBoughtDays("grafana-cloud", 45) //=> 60
 */
export function retentionBoughtDays(backendId: BackendId, retentionDays: number): number {
  const backend = BACKENDS[backendId]
  if (backend.pricing.kind === "grafana-cloud") {
    const step = backend.pricing.includedRetentionDays
    return Math.max(1, Math.ceil(retentionDays / step)) * step
  }
  return backend.includedRetentionDays ?? retentionDays
}

/** AWS NAT gateway: $ per GB processed, named (not added) where spans leave for the internet. */
export const NAT_GATEWAY_USD_PER_GB = 0.045

/** What the whole bill adds to the backend's own: the nodes, the Collector and the traffic. */
export interface BillParts {
  /** The self-hosted backend's components, or null for a SaaS backend. */
  sizing: BackendSizing | null
  collector: CollectorCompute
  network: NetworkItem[]
  usdPerVcpuMonth: number
  usdPerGbMonth: number
  /** The span metrics a sampling Collector writes, or null when it writes none. */
  metrics?: RedMetricsBill | null
}

/**
 * The whole bill of a plan on one backend: the backend's own bill ({@link costFacts}: storage, or
 * the vendor's terms), plus the backend's components at the compute prices, the Collector tier,
 * and the traffic between zones or to the internet. What cannot be priced is in `unpriced`.
 *
 * @example
 * const bill = wholeBillFacts(costFacts("tempo", input), parts)
 * bill.monthlyUsd === Object.values(bill.breakdown).reduce((a, b) => a + b) //=> true
 */
export function wholeBillFacts(own: CostFacts, parts: BillParts): CostFacts {
  const items = [...own.items]
  const notes = [...own.notes]
  const unpriced = [...own.unpriced]
  const { sizing, collector } = parts
  if (sizing) {
    // A component that is only disk (Kafka's log, whose brokers are a gap) has no compute line.
    for (const component of sizing.components.filter((c) => c.vcpu > 0 || c.memoryGb > 0)) {
      const unitUsd = component.vcpu * parts.usdPerVcpuMonth + component.memoryGb * parts.usdPerGbMonth
      items.push({
        what: "backend-compute",
        component: component.id,
        quantity: component.replicas,
        unit: "replica-month",
        vcpu: component.vcpu,
        memoryGb: component.memoryGb,
        unitUsd,
        usd: component.replicas * unitUsd,
      })
    }
    for (const component of sizing.components.filter((c) => c.diskGib > 0)) {
      const quantity = component.replicas * component.diskGib
      items.push({
        what: "backend-disk",
        component: component.id,
        quantity,
        unit: "GiB",
        medium: GP3.medium,
        unitUsd: GP3.usdPerUnitMonth,
        usd: quantity * GP3.usdPerUnitMonth,
      })
    }
    unpriced.push(...sizing.gaps)
  }
  const tiers = [
    ["forwarding", collector.forwardingCores],
    ["load-balancing", collector.loadBalancingCores],
    ["sampling", collector.samplingCores],
  ] as const
  for (const [tier, cores] of tiers) {
    if (cores === 0) continue
    items.push({
      what: "collector-compute",
      tier,
      quantity: cores,
      unit: "core-month",
      memoryGbPerCore: collector.memoryGbPerCore,
      perCoreOverride: collector.perCoreOverride,
      unitUsd: collector.usdPerCore,
      usd: cores * collector.usdPerCore,
    })
  }
  for (const hop of parts.network) items.push({ what: "network", unit: "GB", ...hop })
  const metrics = parts.metrics
  if (metrics?.kind === "priced" && metrics.backend === "grafana-cloud") {
    items.push({
      what: "metric-series",
      quantity: metrics.billedSeries,
      unit: "active series",
      total: metrics.series,
      freeQuantity: metrics.freeSeries,
      unitUsd: metrics.unitUsd,
      usd: metrics.usd,
    })
  } else if (metrics?.kind === "priced" && metrics.backend === "datadog") {
    items.push({
      what: "metric-series",
      quantity: metrics.billedCustomMetrics,
      unit: "custom metrics",
      total: metrics.customMetrics,
      freeQuantity: metrics.includedCustomMetrics,
      unitUsd: metrics.unitUsd,
      usd: metrics.usd,
    })
  } else if (metrics?.kind === "unpriced") {
    const { backend, series, dataPointsPerMinute } = metrics
    unpriced.push({ id: "red-metric-series", backend, series, dataPointsPerMinute })
  }
  if (parts.network.some((hop) => hop.crossing !== "zone")) {
    unpriced.push({ id: "nat-gateway", usdPerGb: NAT_GATEWAY_USD_PER_GB })
  }
  const computed = sizing !== null || collector.cores > 0
  if (computed && parts.usdPerVcpuMonth === 0 && parts.usdPerGbMonth === 0 && !collector.perCoreOverride) {
    notes.push({ id: "compute-already-paid" })
  }
  return billOf(own.backend, items, notes, unpriced, own.allowance, own.extrapolation)
}
