"use client"

import { useCallback, useEffect, useMemo, useReducer } from "react"

import type { PlanFormValues } from "@/lib/plan/form-values"
import {
  openedConfigs,
  plannerReducer,
  planQuery,
  shownErrors,
  staleNotice,
  type OpenedConfigs,
  type PlannerState,
} from "@/lib/planner/state"

import { BackendTable } from "./backend-table"
import { ComparisonTable } from "./comparison-table"
import { ConfigTabs } from "./config-tabs"
import { CostBreakdown } from "./cost-breakdown"
import { CollectorSizing } from "./collector-sizing"
import { HeadlineNumbers } from "./headline-numbers"
import { PlanForm } from "./plan-form"
import { RecommendationPanel } from "./recommendation-panel"
import { ResultsSummary } from "./results-summary"
import { ShareExport } from "./share-export"
import { VisibilitySection } from "./visibility-section"
import { WarningsPanel } from "./warnings-panel"
import { GrowthBill } from "./growth-bill"
import { StorageSection } from "./storage-section"
import { UndoApply } from "./undo-apply"
import { loadOnDemand, onDemandIfLoaded } from "./use-on-demand"
import { usePlanUrl } from "./use-plan-url"

/**
 * The planner's client island: the form and the results, kept in step by `plannerReducer`
 * (lib/planner/state.ts). The browser loads the validator and the model with the first change
 * (or on the first focus), and writes the address bar after each change has painted.
 */
export function Planner(props: {
  /** The state the server computed from the link (lib/planner/initial.ts), with the plan it built. */
  initial: PlannerState
  /** The first config tab's snippet and the configs the initial plan can have, from the server. */
  configs: OpenedConfigs
}) {
  const { initial } = props
  const [state, dispatch] = useReducer(plannerReducer, initial)
  const plan = state.plan

  // One function for the page's lifetime, so memoized parts of the form skip re-rendering.
  const change = useCallback(
    (changes: Partial<PlanFormValues>) => dispatch({ type: "change", changes, model: onDemandIfLoaded() }),
    []
  )
  const apply = useCallback(
    (changes: Partial<PlanFormValues>) => dispatch({ type: "apply", changes, model: onDemandIfLoaded() }),
    []
  )
  const undo = useCallback(() => dispatch({ type: "undo", model: onDemandIfLoaded() }), [])
  const reset = useCallback(() => dispatch({ type: "reset", model: onDemandIfLoaded() }), [])

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
      (model) => dispatch({ type: "validatorLoaded", model }),
      // The results stay on the last valid plan and say so; every further change tries again.
      () => dispatch({ type: "validatorFailed" })
    )
  }, [state.pending, state.values])

  usePlanUrl(state, initial, dispatch)

  const { values, errors } = state
  const shown = useMemo(() => shownErrors({ values, errors }), [values, errors])
  const notice = staleNotice(state, initial)

  return (
    <div className="grid min-w-0 gap-8 lg:grid-cols-[22rem_minmax(0,1fr)]">
      <div className="grid min-w-0 content-start">
        <PlanForm values={values} errors={shown} onChange={change} plan={plan} />
        <ResultsSummary plan={plan} notice={notice} placement="phone" />
      </div>
      <section
        id="results"
        aria-label="Results"
        // In-page links land below the sticky summary on a wide screen, not under it.
        className="grid min-w-0 scroll-mt-4 content-start gap-8 lg:[&_[id]]:scroll-mt-28"
      >
        {/* The decision first: the total and what it buys, what blocks it, the recommendation. The
            summary is the section's own child, so it sticks all the way down the results. */}
        <ResultsSummary plan={plan} notice={notice} placement="results" />
        <HeadlineNumbers plan={plan} />
        <WarningsPanel plan={plan} severity="blocking" />
        <RecommendationPanel
          plan={plan}
          onApply={apply}
          // Once the applied plan shows: Undo then replaces the button that was clicked, and takes its focus.
          undo={state.undoValues && !state.pending ? <UndoApply onUndo={undo} /> : null}
        />
        <ComparisonTable plan={plan} onChange={change} />
        <VisibilitySection plan={plan} />
        <StorageSection plan={plan} />
        <GrowthBill plan={plan} />
        <BackendTable plan={plan} />
        <CostBreakdown plan={plan} />
        <CollectorSizing plan={plan} />
        {/* Then how to set it up: the remaining checks, the configs, and sharing the decision. */}
        <WarningsPanel plan={plan} severity="advice" />
        <ConfigTabs plan={plan} server={openedConfigs(state, initial, props.configs)} />
        {/* The link comes from the state, not the address bar, which is written a frame later. */}
        <ShareExport plan={plan} query={planQuery(state)} stale={notice !== undefined} onReset={reset} />
      </section>
    </div>
  )
}
