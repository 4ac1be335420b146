"use client"

import { useMemo, useState } from "react"

import { buildPlan } from "@/lib/plan/build-plan"
import { encodeQueryValue, parsePlanInput, planToQueryString, type PlanFormValues } from "@/lib/plan/parse"
import type { PlanField, PlanInput } from "@/lib/plan/schema"

import { BackendTable } from "./backend-table"
import { ComparisonTable } from "./comparison-table"
import { CostBreakdown } from "./cost-breakdown"
import { HeadlineNumbers } from "./headline-numbers"
import { PlanForm, type FieldErrors } from "./plan-form"

interface PlannerState {
  values: PlanFormValues
  errors: FieldErrors
  /** The last input that passed validation: results stay on it while a field is invalid. */
  input: PlanInput
}

/** Keeps the address bar on the current plan, so reload and a shared link restore it. */
function writeUrl(query: string) {
  window.history.replaceState(null, "", `${window.location.pathname}?${query}`)
}

export function Planner(props: { initialValues: PlanFormValues; initialErrors: FieldErrors; initialInput: PlanInput }) {
  const [state, setState] = useState<PlannerState>({
    values: props.initialValues,
    errors: props.initialErrors,
    input: props.initialInput,
  })
  const plan = useMemo(() => buildPlan(state.input), [state.input])

  function change(field: PlanField, text: string) {
    const values = { ...state.values, [field]: text }
    // While the peak mirrors the average, it follows it; once typed separately it stays put.
    if (field === "rps" && state.values.peakRps === state.values.rps) values.peakRps = text
    const parsed = parsePlanInput(values, { unknownKeys: "reject" })
    if (parsed.success) {
      setState({ values, errors: {}, input: parsed.data })
      writeUrl(planToQueryString(parsed.data))
    } else {
      const errors: FieldErrors = {}
      for (const issue of parsed.issues) errors[issue.path as PlanField] ??= issue.message
      setState({ values, errors, input: state.input })
      // Keep what was typed in the URL too: a reload shows the same text and the same message.
      writeUrl(Object.entries(values).map(([key, text]) => `${key}=${encodeQueryValue(text)}`).join("&"))
    }
  }

  const hasErrors = Object.keys(state.errors).length > 0

  return (
    <div className="grid gap-8 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <PlanForm values={state.values} errors={state.errors} onChange={change} />
      <section aria-label="Results" className="grid min-w-0 content-start gap-8">
        <p
          role="status"
          data-testid="stale-notice"
          className={`rounded-md border px-3 py-2 text-sm ${hasErrors ? "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100" : "invisible border-transparent"}`}
        >
          {hasErrors ? "Some fields need fixing; the results below are for the last valid plan." : "Results are up to date."}
        </p>
        <HeadlineNumbers plan={plan} />
        <ComparisonTable plan={plan} />
        <CostBreakdown plan={plan} />
        <BackendTable plan={plan} />
      </section>
    </div>
  )
}
