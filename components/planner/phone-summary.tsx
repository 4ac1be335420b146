import type { Plan } from "@/lib/plan/build-plan"
import { phoneSummaryText } from "@/lib/plan/text/headline"

/**
 * On a phone the form comes first and the results start far below it. This one line keeps the key
 * figures in view while typing: it sticks to the bottom of the screen while the form is on it,
 * leaves with the form, and links down to the results. Wide screens show both columns instead.
 */
export function PhoneSummary({ plan, stale }: { plan: Plan; stale: boolean }) {
  const { traces, stored, cost } = phoneSummaryText(plan)
  return (
    <div
      data-testid="phone-summary"
      className="sticky bottom-0 z-10 -mx-4 mt-4 border-t border-slate-200 bg-white/95 px-4 py-2 text-sm shadow-[0_-2px_6px_rgb(0_0_0/0.06)] sm:-mx-6 sm:px-6 lg:hidden dark:border-slate-800 dark:bg-slate-950/95"
    >
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
        <span>
          <strong>{traces.value}</strong> {traces.after}
        </span>
        <span>
          <strong>{stored.value}</strong> {stored.after}
        </span>
        <span>
          <strong>{cost.value}</strong> {cost.after}
        </span>
        {stale ? <span className="text-amber-800 dark:text-amber-200">(last valid plan)</span> : null}
        <a href="#results" className="ml-auto font-medium underline underline-offset-2">
          All results ↓
        </a>
      </p>
    </div>
  )
}
