// The recommendation: the decision (recommend-facts.ts) in words (text/recommendation.ts).
import type { Figures } from "./figures"
import type { PlanInput } from "./fields"
import { recommendationFacts } from "./recommend-facts"
import { recommendationText, type Recommendation } from "./text/recommendation"

export {
  CLEAN_RATES,
  MOST_ERRORS_DROPPED_BELOW,
  recommendationFacts,
  type PerOperationOption,
  type RecommendationConstraint,
  type RecommendationFacts,
  type TailRecommendation,
} from "./recommend-facts"
export type { Recommendation } from "./text/recommendation"

/**
 * What to run, with reasons that cite the numbers. Development keeps everything; staging and
 * production take the highest clean rate within the budget and storage cap (or, with neither set,
 * the current rate at the nearest clean one, raised to meet the per-endpoint minimum),
 * parent-based so downstream services follow the root. When every error must be kept and head
 * sampling would drop most of them, it adds Collector tail sampling with an error policy and a
 * baseline. `figures` are the plan's own; buildPlan passes the ones it has.
 *
 * @example
 * recommend({ ...DEFAULT_INPUT, budgetUsdPerMonth: 20, keepAllErrors: false }).ratio //=> 0.1
 */
export function recommend(input: PlanInput, figures?: Figures): Recommendation {
  return recommendationText(recommendationFacts(input, figures))
}
