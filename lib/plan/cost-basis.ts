// What a $ figure covers, in a few words: light (types only), so the page's first load can use it.
import { countOf } from "@/lib/format"

import type { CollectorCompute } from "./tail"
import type { TempoSizing } from "./tempo"

/**
 * What a plan's $ figure on a backend covers: storage or the list price, plus the Collector
 * tier once a cost per core is entered.
 *
 * @example
 * costBasis(buildPlan(DEFAULT_INPUT), "self-hosted")                                       //=> "storage only"
 * costBasis(buildPlan({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }), "saas")          //=> "list price + Collector compute"
 */
export function costBasis(plan: { collector: CollectorCompute }, hosting: "self-hosted" | "saas"): string {
  if (plan.collector.monthlyUsd > 0) return `${hosting === "saas" ? "list price" : "storage"} + Collector compute`
  return hosting === "saas" ? "list price" : "storage only"
}

/**
 * A count of Collector cores as words.
 *
 * @example
 * collectorCoresText(1)  //=> "1 Collector core"
 * collectorCoresText(34) //=> "34 Collector cores"
 */
export function collectorCoresText(cores: number): string {
  return countOf(cores, "Collector core")
}

/**
 * Compute a plan needs at peak that its $ figure leaves out, in a few words: the Collector's
 * cores until a cost per core is entered, and Tempo's replicas (3.x: distributors, live-stores,
 * backend-workers, queriers), which are never priced. Empty when nothing is left out.
 *
 * @example
 * unpricedComputeText(buildPlan(DEFAULT_INPUT))
 * //=> "not priced: 2 Collector cores and Tempo 3.x's 9 replicas at peak"
 * unpricedComputeText(buildPlan({ ...DEFAULT_INPUT, backend: "datadog", collectorUsdPerCoreMonth: 30 }))
 * //=> ""
 */
export function unpricedComputeText(
  plan: { collector: CollectorCompute } & { tempo: { sizing: TempoSizing } | null }
): string {
  const parts: string[] = []
  if (plan.collector.cores > 0 && plan.collector.monthlyUsd === 0) parts.push(collectorCoresText(plan.collector.cores))
  if (plan.tempo) {
    const { distributors, liveStores, compactors, queriers } = plan.tempo.sizing
    const replicas = distributors + liveStores + compactors + queriers
    parts.push(`Tempo 3.x's ${countOf(replicas, "replica")}`)
  }
  return parts.length === 0 ? "" : `not priced: ${parts.join(" and ")} at peak`
}
