// A row of the backend comparison in words: the retention its price buys and, for a self-hosted
// backend, what it runs. Light (format helpers and types), so the page's client components may
// import it without the model.
import { formatDecimal, formatInteger } from "@/lib/format"

import type { BackendId } from "../backends"
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
