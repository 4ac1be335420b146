"use client"

import { comparisonCsv, planMarkdown } from "@/lib/export"
import type { Plan } from "@/lib/plan/build-plan"
import { planToQueryString } from "@/lib/plan/form-values"

import { buttonClass, CopyButton } from "../ui/copy-button"
import { downloadText } from "../ui/download"
import { loadOnDemand } from "./use-on-demand"

/** The plan with every config snippet, exactly as the API answers; the generators load on first use. */
async function downloadPlanJson(plan: Plan) {
  const { planDocument } = await loadOnDemand()
  downloadText("tracebudget-plan.json", `${JSON.stringify(planDocument(plan.input), null, 2)}\n`, "application/json")
}

/** This page's address with `query`. */
function linkTo(query: string): string {
  return `${window.location.origin}${window.location.pathname}${query ? `?${query}` : ""}`
}

/**
 * Copy the plan's link; download it as JSON (same as the API), the comparison as CSV, a Markdown
 * summary. `query` is the plan's query string as the form shows it: the copied link keeps a typo
 * and its message. The Markdown document links to the plan its figures come from (the last valid
 * one while a field is invalid), so its link reproduces its numbers.
 */
export function ShareExport({ plan, query }: { plan: Plan; query: string }) {
  const markdown = () => planMarkdown(plan, linkTo(planToQueryString(plan.input)))
  return (
    <div role="group" aria-label="Share and export" className="flex flex-wrap items-center gap-2">
      <CopyButton label="Copy link" text={() => linkTo(query)} testId="copy-link" />
      <CopyButton label="Copy Markdown" text={markdown} testId="copy-markdown" />
      <button type="button" className={buttonClass} onClick={() => void downloadPlanJson(plan)}>
        Download JSON
      </button>
      <button type="button" className={buttonClass} onClick={() => downloadText("tracebudget-comparison.csv", comparisonCsv(plan), "text/csv")}>
        Download CSV
      </button>
      <button type="button" className={buttonClass} onClick={() => downloadText("tracebudget-plan.md", markdown(), "text/markdown")}>
        Download Markdown
      </button>
    </div>
  )
}
