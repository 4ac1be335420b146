// What a $ figure covers, in a few words: light (types only), so the page's first load can use it.
import { formatCount } from "@/lib/format"

import type { Plan } from "./build-plan"

/**
 * What a plan's $ figure on a backend covers: storage or the list price, plus the Collector
 * tier once a cost per core is entered.
 *
 * @example
 * costBasis(buildPlan(DEFAULT_INPUT), "self-hosted")                                       //=> "storage only"
 * costBasis(buildPlan({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }), "saas")          //=> "list price + Collector compute"
 */
export function costBasis(plan: Pick<Plan, "collector">, hosting: "self-hosted" | "saas"): string {
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
  return `${formatCount(cores)} Collector core${cores === 1 ? "" : "s"}`
}
