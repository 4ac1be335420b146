// The monthly bill of a plan on one backend, in words: the facts (cost-facts.ts) run through the
// text layer (text/cost.ts). Kept as the entry point callers and the API already use.
import { costFacts, type CostInput } from "./cost-facts"
import { costText, type Cost } from "./text/cost"

export { DAYS_PER_MONTH, type CostFacts, type CostInput, type CostItem, type CostNote } from "./cost-facts"
export type { Cost, CostLine } from "./text/cost"

/**
 * Monthly list-price cost of a plan on one backend, with its line items in words.
 *
 * Self-hosted backends pay for steady-state storage only (compute is not included); SaaS
 * vendors bill by their own unit (hosts, GB, events, traces or spans) after free allotments.
 * {@link costFacts} gives the same bill as facts.
 *
 * @example
 * monthlyCost("google-cloud-trace", { tracesPerDay: 0, spansPerDay: 1e6, ingestBytesPerDay: 0,
 *   retainedBytes: 0, retentionDays: 30, apmHosts: 1 }).monthlyUsd
 * //=> 5.58  ((30.4 M − 2.5 M free) spans × $0.20 per million)
 */
export function monthlyCost(backendId: Cost["backend"], input: CostInput): Cost {
  return costText(costFacts(backendId, input))
}
