// The setup lint: the rules' findings (lint-rules.ts) in words (text/lint.ts).
import { figuresFor, type Figures } from "./figures"
import type { PlanInput } from "./fields"
import { lintFindings } from "./lint-rules"
import { lintWarningText, type LintWarning } from "./text/lint"

export { LINT_RULES, lintFindings, type LintFinding, type LintId, type LintRule } from "./lint-rules"
export type { LintWarning } from "./text/lint"

/**
 * Inconsistencies across the sampler, Dapr, the request path and the Collector, each with a fix.
 * `figures` are the plan's own; buildPlan passes the ones it has, so the plan is figured once.
 *
 * @example
 * lintPlan({ ...DEFAULT_INPUT, sampler: "traceidratio" }).map((w) => w.id) //=> ["fragmented-traces"]
 */
export function lintPlan(input: PlanInput, figures: Figures = figuresFor(input)): LintWarning[] {
  return lintFindings(input, figures).map(lintWarningText)
}
