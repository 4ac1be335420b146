import { formatBytes, formatPercent, formatUsd } from "@/lib/format"
import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import type { Plan } from "@/lib/plan/build-plan"
import { PLAN_FIELDS } from "@/lib/plan/fields"
import { inputToFormValues, type PlanFormValues } from "@/lib/plan/form-values"
import { recommendationSetting } from "@/lib/plan/text/setting"

import { buttonClass } from "../ui/copy-button"

/** The form values that adopt the plan's recommendation: the fields it changes. */
export function recommendationChanges(plan: Plan): Partial<PlanFormValues> {
  const current = inputToFormValues(plan.input)
  const adopted = inputToFormValues(applyRecommendation(plan.input, plan.recommendation))
  return Object.fromEntries(
    PLAN_FIELDS.filter((field) => adopted[field] !== current[field]).map((field) => [field, adopted[field]])
  )
}

export function RecommendationPanel({
  plan,
  onApply,
  undo,
}: {
  plan: Plan
  onApply: (changes: Partial<PlanFormValues>) => void
  /** Undo of the last "Use this setting", shown beside it while it can be undone. */
  undo?: React.ReactNode
}) {
  const r = plan.recommendation
  const setting = recommendationSetting(r)
  const changes = recommendationChanges(plan)
  const inUse = Object.keys(changes).length === 0
  return (
    <section
      aria-labelledby="recommendation-heading"
      className="grid gap-3 rounded-lg border border-accent/40 bg-accent-soft/40 p-4 dark:bg-accent-soft-dark/30"
      data-testid="recommendation"
    >
      <h2 id="recommendation-heading" className="scroll-mt-28 text-lg font-semibold">
        Recommended for {plan.input.environment}
      </h2>
      {/* The decision in a line or two: the option, its total and what it keeps; then the setting. */}
      <div className="grid gap-1">
        <p className="text-base font-medium" data-testid="recommendation-headline">
          {r.headline}
        </p>
        <p className="text-sm">
          <strong data-testid="recommendation-setting">{setting}</strong>
          {r.daprSamplingRate !== null ? <> · Dapr samplingRate &quot;{r.daprSamplingRate}&quot;</> : null} ·{" "}
          <span data-testid="recommendation-total">{formatUsd(r.monthlyUsd)}/mo</span> for the whole bill,{" "}
          {formatBytes(r.retainedBytes)} stored
          {r.tail ? (
            <>
              {" "}
              ·{" "}
              <a href="#collector-sizing" className="underline decoration-dotted underline-offset-2">
                its Collector tier
              </a>
            </>
          ) : null}
        </p>
      </div>
      {r.runnerUp ? (
        <p className="text-sm" data-testid="recommendation-runner-up">
          <span className="font-medium">Runner-up:</span> {r.runnerUp.summary}
        </p>
      ) : null}
      {r.warnings.length > 0 ? (
        <ul
          className="grid list-disc gap-1 pl-5 text-sm text-amber-900 dark:text-amber-200"
          aria-label="Caveats"
          data-testid="recommendation-warnings"
        >
          {r.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {/* Room on the row for what undoes it. */}
      <div className="flex flex-wrap items-center gap-3" data-testid="recommendation-actions">
        {inUse ? (
          <p className="text-sm font-medium" data-testid="recommendation-in-use">
            Your plan already uses this setting.
          </p>
        ) : (
          <button
            type="button"
            className={buttonClass}
            onClick={() => onApply(changes)}
            data-testid="apply-recommendation"
          >
            Use this setting
          </button>
        )}
        {undo}
      </div>
      <details className="text-sm" data-testid="recommendation-why">
        <summary className="cursor-pointer rounded-sm font-medium focus-visible:outline-2 focus-visible:outline-accent">
          Why
        </summary>
        <div className="mt-2 grid gap-3">
          <ul className="grid list-disc gap-1 pl-5" aria-label="Why" data-testid="recommendation-reasons">
            {/* The runner-up has its own line above; the API and the Markdown carry it among the reasons. */}
            {r.reasons
              .filter((reason) => reason !== r.runnerUp?.text)
              .map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
          </ul>
          {r.perOperation.length > 0 ? (
            <p>
              Per-operation rates:{" "}
              {r.perOperation.map((op) => `${op.endpoint} at ${formatPercent(op.ratio)}`).join("; ")} (as operation
              strategies in the Jaeger strategies file, fetched by parentbased_jaeger_remote).
            </p>
          ) : null}
          {r.options.length > 1 ? (
            <div className="grid gap-1" data-testid="recommendation-options">
              <h3 className="font-medium">{`Options compared (${r.options.length})`}</h3>
              <ul className="grid list-disc gap-1 pl-5" aria-label="Options compared on the whole bill">
                {r.options.map((option) => (
                  <li key={option.id} aria-current={option.id === r.choice ? "true" : undefined}>
                    {option.id === r.choice ? <strong>Recommended: </strong> : null}
                    {option.summary}
                    {option.fitsBudget && option.fitsStorageCap ? "" : " Beyond the limits."}
                    {option.meetsGoals ? "" : " Misses a visibility goal."}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </details>
    </section>
  )
}
