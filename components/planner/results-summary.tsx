import type { Plan } from "@/lib/plan/build-plan"
import { summaryText } from "@/lib/plan/text/headline"

/**
 * The total and the recommended option, kept in view while the form is edited. Two placements of
 * one summary: at the top of the results, sticky on a wide screen, where it is the results' first
 * figure and carries the notice of stale results; and on a phone, at the bottom of the screen
 * while the form is on it (the results start far below the form there), leaving with the form.
 */
export function ResultsSummary({
  plan,
  notice,
  placement,
}: {
  plan: Plan
  /** Why the results are not for what the form holds; undefined while they are. */
  notice: string | undefined
  placement: "results" | "phone"
}) {
  const text = summaryText(plan)
  if (placement === "phone")
    return (
      <div
        data-testid="phone-summary"
        className="sticky bottom-0 z-10 -mx-4 mt-4 min-w-0 border-t border-slate-200 bg-white/95 px-4 py-2 text-sm shadow-[0_-2px_6px_rgb(0_0_0/0.06)] sm:-mx-6 sm:px-6 lg:hidden dark:border-slate-800 dark:bg-slate-950/95"
      >
        <p className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
          <span>
            <strong>{text.cost.value}</strong> {text.cost.after}
          </span>
          <span>
            <strong>{text.traces.value}</strong> {text.traces.after}
          </span>
          <span>
            <strong>{text.stored.value}</strong> {text.stored.after}
          </span>
          {notice ? <span className="text-amber-800 dark:text-amber-200">(last valid plan)</span> : null}
          <a href="#results" className="ml-auto font-medium underline underline-offset-2">
            All results ↓
          </a>
        </p>
        {/* The bill first: a narrow screen cuts the option's long name, not what it costs. */}
        <p className="truncate text-xs text-slate-600 dark:text-slate-400" data-testid="phone-summary-recommended">
          Recommended: <strong>{text.recommendedParts.value}</strong> {text.recommendedParts.after}
        </p>
      </div>
    )
  return (
    // Sticky on a wide screen only: a phone keeps its own summary at the bottom of the form.
    <div data-testid="results-summary" className="relative z-10 -mb-4 lg:sticky lg:top-0">
      <div className="-mx-1 border-b border-slate-200 bg-white px-1 py-2 dark:border-slate-800 dark:bg-slate-950">
        <p data-testid="stat-cost" className="flex flex-wrap items-baseline gap-x-2">
          <span className="sr-only">Cost per month: </span>
          <span className="text-3xl font-semibold tracking-tight" data-testid="stat-cost-value">
            {text.cost.value}
          </span>
          <span className="text-sm text-slate-600 dark:text-slate-400">whole bill {text.cost.detail}</span>
        </p>
        <p className="text-sm" data-testid="summary-recommended">
          <a
            href="#recommendation-heading"
            className="font-medium text-slate-700 underline decoration-dotted underline-offset-2 dark:text-slate-300"
          >
            Recommended
          </a>
          : {text.recommended}
        </p>
      </div>
      {/*
        Always there for screen readers to hear it change, empty while the results are up to date.
        It hangs below the summary over the results, so its coming and going moves nothing (CLS 0),
        and lets clicks through to what it covers (the results stay usable while stale).
      */}
      <p
        role="status"
        data-testid="stale-notice"
        className={
          notice
            ? "pointer-events-none absolute inset-x-0 top-full mt-1 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 shadow-md dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
            : "sr-only"
        }
      >
        {notice ?? ""}
      </p>
    </div>
  )
}
