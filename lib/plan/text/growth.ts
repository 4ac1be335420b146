// The growth over the planning horizon in words: the month the budget or the vendor's allowance is
// crossed, and storage when it is flat. Light (format helpers only), so the page may import it.
import { countOf, formatBytes, formatCount, formatUsd } from "@/lib/format"

/** The growth facts the crossing sentences cite. */
export interface GrowthCrossingFacts {
  horizonMonths: number
  months: readonly { month: number; monthlyUsd: number; backendUsd: number; allowanceUsed: number | null }[]
  /** null: no budget; 0: free only (the backend's own part at $0). */
  budgetUsdPerMonth: number | null
  budgetCrossedMonth: number | null
  /** The chosen backend's name. */
  backendLabel: string
  /** The chosen SaaS backend's allowance, or null when self-hosted. */
  allowance: { unit: string; free: number; kind: "free" | "included" } | null
  allowanceCrossedMonth: number | null
}

const perMonth = (usd: number) => `${formatUsd(usd)}/mo`

/**
 * When the budget and the vendor's allowance are crossed as traffic grows, a sentence each (none
 * without a budget or for a self-hosted backend's allowance).
 *
 * @example
 * growthCrossingTexts({ horizonMonths: 12, months, budgetUsdPerMonth: 500, budgetCrossedMonth: 7, backendLabel: "Honeycomb", allowance: null, allowanceCrossedMonth: null })
 * //=> ["Budget crossed in month 7: $512/mo against the $500/mo budget."]
 */
export function growthCrossingTexts(facts: GrowthCrossingFacts): string[] {
  const texts: string[] = []
  const { horizonMonths: horizon, backendLabel: label } = facts
  const all = `over the whole ${horizon}-month horizon`
  const month = (number: number) => facts.months[number - 1]!
  const budget = facts.budgetUsdPerMonth
  const crossed = facts.budgetCrossedMonth
  if (budget === 0) {
    if (crossed === null) texts.push(`Free only: ${label}'s part of the bill stays $0 ${all}.`)
    else if (crossed === 1)
      texts.push(`Free only, but ${label} charges from month 1 (${perMonth(month(1).backendUsd)}).`)
    else
      texts.push(
        `Free only: budget crossed in month ${crossed}, when ${label} starts charging (${perMonth(month(crossed).backendUsd)}).`
      )
  } else if (budget !== null) {
    const last = facts.months.at(-1)
    if (crossed === null)
      texts.push(
        `Within the ${perMonth(budget)} budget ${all}${last ? ` (${perMonth(last.monthlyUsd)} in month ${horizon})` : ""}.`
      )
    else if (crossed === 1)
      texts.push(`Over the ${perMonth(budget)} budget from month 1: ${perMonth(month(1).monthlyUsd)}.`)
    else
      texts.push(
        `Budget crossed in month ${crossed}: ${perMonth(month(crossed).monthlyUsd)} against the ${perMonth(budget)} budget.`
      )
  }
  const allowance = facts.allowance
  if (allowance) {
    const what = `${label}'s ${formatCount(allowance.free)} ${allowance.kind} ${allowance.unit} a month`
    const at = facts.allowanceCrossedMonth
    const used = (number: number) => `${formatCount(month(number).allowanceUsed ?? 0)} used`
    if (at === null) texts.push(`Within ${what} ${all}.`)
    else if (at === 1) texts.push(`Past ${what} from month 1 (${used(1)}).`)
    else texts.push(`${what[0]!.toUpperCase()}${what.slice(1)} run out in month ${at} (${used(at)}).`)
  }
  return texts
}

/**
 * Storage that does not change over the horizon, in one sentence instead of a chart.
 *
 * @example
 * storageFlatText({ backendLabel: "Grafana Tempo on S3", retentionDays: 7, retainedBytes: 666.792e9, horizonMonths: 12 })
 * //=> "Storage on Grafana Tempo on S3 is flat at 667 GB: it fills in the first 7 days, then old traces are deleted as fast as new ones arrive for the rest of the 12-month horizon."
 */
export function storageFlatText(facts: {
  backendLabel: string
  retentionDays: number
  retainedBytes: number
  horizonMonths: number
}): string {
  const days = countOf(facts.retentionDays, "day", String)
  return `Storage on ${facts.backendLabel} is flat at ${formatBytes(facts.retainedBytes)}: it fills in the first ${days}, then old traces are deleted as fast as new ones arrive for the rest of the ${facts.horizonMonths}-month horizon.`
}
