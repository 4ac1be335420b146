"use client"

import { CONFIG_IDS } from "@/lib/configs/types"
import { comparisonCsv, planMarkdown } from "@/lib/export"
import type { Plan } from "@/lib/plan/build-plan"
import { planToShortQueryString } from "@/lib/plan/form-values"

import { buttonClass, CopyButton } from "../ui/copy-button"
import { downloadText } from "../ui/download"
import { loadOnDemand } from "./use-on-demand"

/** The plan with every config snippet, exactly as the API answers; the generators load on first use. */
async function downloadPlanJson(plan: Plan) {
  const { planDocument } = await loadOnDemand()
  downloadText("tracebudget-plan.json", `${JSON.stringify(planDocument(plan.input), null, 2)}\n`, "application/json")
}

/** This page's address with `query`: the bare page for the default plan. */
function linkTo(query: string): string {
  return `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ""}`
}

/** The design-doc Markdown with every config the plan can have; the config writers load on first use. */
async function markdownFor(plan: Plan): Promise<string> {
  const { configFor } = await loadOnDemand()
  const snippets = CONFIG_IDS.map((id) => configFor(plan, id)).flatMap((result) =>
    result.available ? [result.snippet] : []
  )
  return planMarkdown(plan, linkTo(planToShortQueryString(plan.input)), snippets)
}

/**
 * Copy the plan's short link; download it as JSON (same as the API), the comparison as CSV, a
 * Markdown document for a design doc; reset every field to its default. `query` is the plan's
 * query string as the form shows it: the copied link keeps a typo and its message, as the address
 * bar does. While the form holds something the plan does not (a field being fixed, or a
 * recalculation that failed), the exports are off and say why: they would hold the last valid
 * plan, which can be a half-typed number ("12" on the way to "12,000").
 */
export function ShareExport({
  plan,
  query,
  stale,
  onReset,
}: {
  plan: Plan
  query: string
  stale: boolean
  onReset: () => void
}) {
  const offProps = stale ? { disabled: true, "aria-describedby": "export-off" } : {}
  return (
    <div className="grid gap-1">
      <div role="group" aria-label="Share and export" className="flex flex-wrap items-center gap-2">
        <CopyButton label="Copy link" text={() => linkTo(query)} testId="copy-link" />
        <CopyButton
          label="Copy Markdown"
          text={() => markdownFor(plan)}
          testId="copy-markdown"
          disabled={stale}
          describedBy={stale ? "export-off" : undefined}
        />
        <button type="button" className={buttonClass} onClick={() => void downloadPlanJson(plan)} {...offProps}>
          Download JSON
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() => downloadText("tracebudget-comparison.csv", comparisonCsv(plan), "text/csv")}
          {...offProps}
        >
          Download CSV
        </button>
        <button
          type="button"
          className={buttonClass}
          onClick={() =>
            void markdownFor(plan).then((markdown) => downloadText("tracebudget-plan.md", markdown, "text/markdown"))
          }
          {...offProps}
        >
          Download Markdown
        </button>
        {/* Off on the default plan: there is nothing to reset, and a new history entry would be noise. */}
        <button
          type="button"
          className={buttonClass}
          onClick={onReset}
          disabled={query === ""}
          data-testid="reset-defaults"
        >
          Reset to defaults
        </button>
      </div>
      {stale ? (
        <p id="export-off" className="text-xs text-slate-600 dark:text-slate-400" data-testid="export-off">
          Exports are off until the form and the results agree: they would hold the results shown, not what the form
          says.
        </p>
      ) : null}
    </div>
  )
}
