import { countOf, formatBytes, formatCount, formatInteger, formatPercent, formatUsd } from "@/lib/format"
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
      <h2 id="recommendation-heading" className="text-lg font-semibold">
        Recommended for {plan.input.environment}
      </h2>
      <p className="text-base font-medium" data-testid="recommendation-headline">
        {r.headline}
      </p>
      <p className="text-sm">
        <strong data-testid="recommendation-setting">{setting}</strong>
        {r.daprSamplingRate !== null ? <> · Dapr samplingRate &quot;{r.daprSamplingRate}&quot;</> : null} ·{" "}
        <span data-testid="recommendation-total">{formatUsd(r.monthlyUsd)}/mo</span> for the whole bill,{" "}
        {formatBytes(r.retainedBytes)} stored
      </p>
      {r.runnerUp ? (
        <p className="text-sm" data-testid="recommendation-runner-up">
          {r.runnerUp.text}
        </p>
      ) : null}
      {r.options.length > 1 ? (
        <details className="text-sm" data-testid="recommendation-options">
          <summary className="cursor-pointer rounded-sm font-medium focus-visible:outline-2 focus-visible:outline-accent">
            {`Options compared (${r.options.length})`}
          </summary>
          <ul className="mt-1 grid list-disc gap-1 pl-5" aria-label="Options compared on the whole bill">
            {r.options.map((option) => (
              <li key={option.id} aria-current={option.id === r.choice ? "true" : undefined}>
                {option.id === r.choice ? <strong>Recommended: </strong> : null}
                {option.summary}
                {option.fitsBudget && option.fitsStorageCap ? "" : " Beyond the limits."}
                {option.meetsGoals ? "" : " Misses a visibility goal."}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="Why" data-testid="recommendation-reasons">
        {/* The runner-up has its own line above; the API and the Markdown carry it among the reasons. */}
        {r.reasons
          .filter((reason) => reason !== r.runnerUp?.text)
          .map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
      </ul>
      {r.warnings.length > 0 ? (
        <ul
          className="grid list-disc gap-1 pl-5 text-sm text-amber-900 dark:text-amber-200"
          aria-label="Caveats"
          data-testid="recommendation-warnings"
        >
          {r.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {r.perOperation.length > 0 ? (
        <p className="text-sm">
          Per-operation rates: {r.perOperation.map((op) => `${op.endpoint} at ${formatPercent(op.ratio)}`).join("; ")}{" "}
          (as operation strategies in the Jaeger strategies file, fetched by parentbased_jaeger_remote).
        </p>
      ) : null}
      {r.tail ? (
        <p className="text-sm">
          Collector: {countOf(r.tail.sizing.replicas, "tail-sampling replica", formatInteger)}, num_traces{" "}
          {formatCount(r.tail.sizing.numTraces)} each, decision_wait {r.tail.decisionWaitSeconds} s
          {r.tail.sizing.needsLoadBalancing
            ? `, ${countOf(r.tail.sizing.loadBalancerReplicas, "load-balancing replica", formatInteger)}`
            : ""}
          .
        </p>
      ) : null}
      {inUse ? (
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm font-medium" data-testid="recommendation-in-use">
            Your plan already uses this setting.
          </p>
          {undo}
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={buttonClass}
            onClick={() => onApply(changes)}
            data-testid="apply-recommendation"
          >
            Use this setting
          </button>
          {undo}
        </div>
      )}
    </section>
  )
}
