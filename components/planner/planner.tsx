"use client"

import { useCallback, useEffect, useMemo, useState } from "react"

import type { Plan } from "@/lib/plan/build-plan"
import {
  formValuesToQueryString,
  messagesByField,
  planToQueryString,
  withFollowers,
  withoutEchoedMessages,
  type PlanFormValues,
} from "@/lib/plan/form-values"
import { FIELD_LABELS, type PlanField, type PlanInput } from "@/lib/plan/fields"

import { BackendTable } from "./backend-table"
import { ComparisonTable } from "./comparison-table"
import { ConfigTabs, type ServerConfigs } from "./config-tabs"
import { CostBreakdown } from "./cost-breakdown"
import { HeadlineNumbers } from "./headline-numbers"
import { PhoneSummary } from "./phone-summary"
import { PlanForm, type FieldErrors } from "./plan-form"
import { RecommendationPanel } from "./recommendation-panel"
import { ShareExport } from "./share-export"
import { VisibilitySection } from "./visibility-section"
import { WarningsPanel } from "./warnings-panel"
import { StorageSection } from "./storage-section"
import { loadOnDemand, onDemandIfLoaded } from "./use-on-demand"
import { afterNextPaint } from "@/components/ui/after-next-paint"

interface PlannerState {
  values: PlanFormValues
  errors: FieldErrors
  /** The last input that passed validation: results stay on it while a field is invalid. */
  input: PlanInput
  /** The plan for `input`. */
  plan: Plan
  /** Changed before the validator loaded (it loads with the first change): validated when it arrives. */
  pending: boolean
  /** The validator could not be loaded (offline, or a new deploy replaced its file); the next change tries again. */
  loadFailed: boolean
}

/** Keeps the address bar on the current plan, so reload and a shared link restore it. */
function writeUrl(query: string) {
  window.history.replaceState(null, "", `${window.location.pathname}?${query}`)
}

/**
 * The query string of what the form shows: the valid input's, or the text as typed while a field
 * is invalid (or not validated yet), so a reload shows the same text and the same message.
 */
function planQuery(state: PlannerState): string {
  const valid = !state.pending && Object.keys(state.errors).length === 0
  return valid ? planToQueryString(state.input) : formValuesToQueryString(state.values, { keepEmpty: true })
}

/** The state after a change to some fields: parsed when valid, else the messages and the last valid input. */
function nextState(state: PlannerState, changes: Partial<PlanFormValues>): PlannerState {
  return validated(state, withFollowers(state.values, changes))
}

/**
 * `values` validated and planned, or marked pending (the typed text shows at once) while the
 * validator and the model load.
 */
function validated(state: PlannerState, values: PlanFormValues): PlannerState {
  const onDemand = onDemandIfLoaded()
  if (!onDemand) return { ...state, values, pending: true }
  const parsed = onDemand.parsePlanInput(values, { unknownKeys: "reject" })
  return parsed.success
    ? {
        values,
        errors: {},
        input: parsed.data,
        plan: onDemand.buildPlan(parsed.data),
        pending: false,
        loadFailed: false,
      }
    : { ...state, values, errors: messagesByField(parsed.issues), pending: false, loadFailed: false }
}

export function Planner(props: {
  initialValues: PlanFormValues
  initialErrors: FieldErrors
  initialInput: PlanInput
  /** The plan for `initialInput`, built by the server: the browser loads the model with the first change. */
  initialPlan: Plan
  /** The first config tab's snippet and the configs `initialInput` can have, from the server. */
  initialConfigs: ServerConfigs
}) {
  const [state, setState] = useState<PlannerState>({
    values: props.initialValues,
    errors: props.initialErrors,
    input: props.initialInput,
    plan: props.initialPlan,
    pending: false,
    loadFailed: false,
  })
  const plan = state.plan

  // One function for the page's lifetime, so memoized parts of the form skip re-rendering.
  const change = useCallback((changes: Partial<PlanFormValues>) => setState((state) => nextState(state, changes)), [])

  // The validator loads when the user shows intent (focus in the form or anywhere), so the first
  // keystroke rarely waits; a change that comes first loads it and is validated on arrival.
  useEffect(() => {
    const preload = () => void loadOnDemand().catch(() => undefined)
    document.addEventListener("focusin", preload, { once: true })
    return () => document.removeEventListener("focusin", preload)
  }, [])
  useEffect(() => {
    if (!state.pending) return
    loadOnDemand().then(
      () => setState((state) => (state.pending ? validated(state, state.values) : state)),
      // The results stay on the last valid plan and say so; every further change tries again.
      () => setState((state) => ({ ...state, loadFailed: true }))
    )
  }, [state.pending, state.values])

  useEffect(() => {
    if (state.values === props.initialValues || state.pending) return
    // After the frame that shows the new numbers: Next's history patch costs a few ms per write,
    // and a change that lands within the same frame supersedes this one.
    return afterNextPaint(() => writeUrl(planQuery(state)))
  }, [state, props.initialValues])

  // A typo mirrored into a following field (the peak, Dapr's rate) is shown once, beside the field typed in.
  const shownErrors = useMemo(() => withoutEchoedMessages(state.values, state.errors), [state.values, state.errors])
  const invalid = Object.keys(state.errors) as PlanField[]
  // A link (or a reload) with invalid text: the server planned those fields at their defaults,
  // and the results stay there until every field is valid.
  const defaulted =
    state.input === props.initialInput ? invalid.filter((field) => props.initialErrors[field] !== undefined) : []
  const notice = state.loadFailed
    ? "The page could not load the code that recalculates (are you offline?): the results below are for the last plan it calculated. Your typing is kept; the next change tries again."
    : defaulted.length > 0
      ? `Some fields need fixing; until they are, the results below ${
          // Edited since: the results are still the opened link's, not what was typed after it.
          state.values === props.initialValues ? "use" : "are for the plan the page opened with, using"
        } the default for ${defaulted.map((field) => FIELD_LABELS[field]).join(", ")}.`
      : invalid.length > 0
        ? "Some fields need fixing; the results below are for the last valid plan."
        : undefined

  return (
    <div className="grid min-w-0 gap-8 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <div className="grid min-w-0 content-start">
        <PlanForm values={state.values} errors={shownErrors} onChange={change} plan={plan} />
        <PhoneSummary plan={plan} stale={notice !== undefined} />
      </div>
      <section id="results" aria-label="Results" className="grid min-w-0 scroll-mt-4 content-start gap-8">
        <p
          role="status"
          data-testid="stale-notice"
          // Always there, so the results do not move when a notice appears; quiet while there is none.
          className={`rounded-md border py-2 text-sm ${notice ? "border-amber-400 bg-amber-50 px-3 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100" : "border-transparent text-slate-600 dark:text-slate-400"}`}
        >
          {notice ?? "Results are up to date."}
        </p>
        {/* The link comes from the state, not the address bar, which is written a frame later. */}
        <ShareExport plan={plan} query={planQuery(state)} stale={notice !== undefined} />
        <HeadlineNumbers plan={plan} />
        <WarningsPanel plan={plan} />
        <RecommendationPanel plan={plan} onApply={change} />
        <ComparisonTable plan={plan} />
        <ConfigTabs plan={plan} server={state.input === props.initialInput ? props.initialConfigs : undefined} />
        <VisibilitySection plan={plan} />
        <StorageSection plan={plan} />
        <BackendTable plan={plan} />
        <CostBreakdown plan={plan} />
      </section>
    </div>
  )
}
