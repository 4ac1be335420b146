"use client"

// First import: it must run before any Zod schema is built (see the file).
import "./zod-without-eval"

import { useCallback, useEffect, useMemo, useState } from "react"

import { buildPlan } from "@/lib/plan/build-plan"
import { encodeQueryValue, messagesByField, parsePlanInput, planToQueryString, type PlanFormValues } from "@/lib/plan/parse"
import type { ConfigResult } from "@/lib/configs/types"
import type { PlanInput } from "@/lib/plan/schema"

import { BackendTable } from "./backend-table"
import { ComparisonTable } from "./comparison-table"
import { ConfigTabs } from "./config-tabs"
import { CostBreakdown } from "./cost-breakdown"
import { HeadlineNumbers } from "./headline-numbers"
import { PlanForm, type FieldErrors } from "./plan-form"
import { RecommendationPanel } from "./recommendation-panel"
import { ShareExport } from "./share-export"
import { VisibilitySection } from "./visibility-section"
import { WarningsPanel } from "./warnings-panel"
import { StorageSection } from "./storage-section"

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

/** The state after a change to some fields: parsed when valid, else the messages and the last valid input. */
function nextState(state: PlannerState, changes: Partial<PlanFormValues>): PlannerState {
  const values = { ...state.values, ...changes }
  // While the peak mirrors the average, it follows it; once typed separately it stays put.
  if (changes.rps !== undefined && changes.peakRps === undefined && state.values.peakRps === state.values.rps) values.peakRps = changes.rps
  // Dapr's rate follows the sampling ratio the same way.
  if (changes.ratio !== undefined && changes.daprSamplingRate === undefined && state.values.daprSamplingRate === state.values.ratio) {
    values.daprSamplingRate = changes.ratio
  }
  const parsed = parsePlanInput(values, { unknownKeys: "reject" })
  return parsed.success ? { values, errors: {}, input: parsed.data } : { values, errors: messagesByField(parsed.issues), input: state.input }
}

export function Planner(props: {
  initialValues: PlanFormValues
  initialErrors: FieldErrors
  initialInput: PlanInput
  /** The first config tab's snippet for `initialInput`, written by the server. */
  initialConfig: ConfigResult
}) {
  const [state, setState] = useState<PlannerState>({
    values: props.initialValues,
    errors: props.initialErrors,
    input: props.initialInput,
  })
  const plan = useMemo(() => buildPlan(state.input), [state.input])

  // One function for the page's lifetime, so memoized parts of the form skip re-rendering.
  const change = useCallback((changes: Partial<PlanFormValues>) => setState((state) => nextState(state, changes)), [])

  useEffect(() => {
    if (state.values === props.initialValues) return
    const valid = Object.keys(state.errors).length === 0
    // Invalid text stays in the URL too: a reload shows the same text and the same message.
    writeUrl(valid ? planToQueryString(state.input) : Object.entries(state.values).map(([key, text]) => `${key}=${encodeQueryValue(text)}`).join("&"))
  }, [state, props.initialValues])

  const hasErrors = Object.keys(state.errors).length > 0

  return (
    <div className="grid min-w-0 gap-8 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <PlanForm values={state.values} errors={state.errors} onChange={change} plan={plan} />
      <section aria-label="Results" className="grid min-w-0 content-start gap-8">
        <p
          role="status"
          data-testid="stale-notice"
          className={`rounded-md border px-3 py-2 text-sm ${hasErrors ? "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100" : "invisible border-transparent"}`}
        >
          {hasErrors ? "Some fields need fixing; the results below are for the last valid plan." : "Results are up to date."}
        </p>
        <ShareExport plan={plan} />
        <HeadlineNumbers plan={plan} />
        <WarningsPanel plan={plan} />
        <RecommendationPanel plan={plan} onApply={change} />
        <ComparisonTable plan={plan} />
        <ConfigTabs plan={plan} serverConfig={state.input === props.initialInput ? props.initialConfig : undefined} />
        <VisibilitySection plan={plan} />
        <StorageSection plan={plan} />
        <BackendTable plan={plan} />
        <CostBreakdown plan={plan} />
      </section>
    </div>
  )
}
