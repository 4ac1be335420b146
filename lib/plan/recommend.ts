// The recommendation: the decision (recommend-facts.ts) in words (text/recommendation.ts).
import type { Figures } from "./figures"
import type { PlanInput } from "./fields"
import { recommendationFacts } from "./recommend-facts"
import { recommendationText, type Recommendation } from "./text/recommendation"

export {
  CLEAN_RATES,
  MOST_ERRORS_DROPPED_BELOW,
  NEAR_TIE_SHARE,
  recommendationFacts,
  type OptionId,
  type PerOperationOption,
  type RecommendationOption,
  type RecommendationConstraint,
  type RecommendationFacts,
  type TailRecommendation,
} from "./recommend-facts"
export type { Recommendation } from "./text/recommendation"

/**
 * What to run, with reasons that cite the numbers: the priced options (head sampling at a clean
 * rate, 100 % head sampling, Collector tail sampling with its Collector tier and network), each at
 * the whole bill of the plan it gives, and the one chosen: with a budget or cap, the one that sees
 * the most within them (or the cheapest, with a warning); without, the cheapest that meets the
 * visibility goals. Development keeps everything. `figures` are the plan's own; buildPlan passes
 * the ones it has.
 *
 * @example
 * recommend({ ...DEFAULT_INPUT, budgetUsdPerMonth: 500, keepAllErrors: false }).ratio //=> 0.1
 * recommend(DEFAULT_INPUT).choice                                                    //=> "head-100"
 */
export function recommend(input: PlanInput, figures?: Figures): Recommendation {
  return recommendationText(recommendationFacts(input, figures))
}
