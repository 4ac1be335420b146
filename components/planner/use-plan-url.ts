"use client"

import { useEffect, useRef, type Dispatch } from "react"

import type { PlanFormValues } from "@/lib/plan/form-values"
import { planQuery, shouldWriteQuery, type PlannerAction, type PlannerState } from "@/lib/planner/state"
import { afterNextPaint } from "@/components/ui/after-next-paint"

import { onDemandIfLoaded } from "./use-on-demand"

/** What the planner keeps in a history entry: the form's text, so Back and Forward can bring it back. */
interface PlanHistoryState {
  tracebudgetValues?: PlanFormValues
}

/** The page's address for a short link's query: the bare page for the default plan. */
function addressFor(query: string): string {
  return `${window.location.pathname}${query ? `?${query}` : ""}`
}

/**
 * A history entry's state holding the form's text. Next copies its router's own state into what
 * is passed (and moves its router to the new address only when that state is not already there).
 */
function withValues(values: PlanFormValues): PlanHistoryState {
  return { tracebudgetValues: values }
}

/**
 * Keeps the address bar on the current plan's short link, so reload and a shared link restore it;
 * "Use this setting" and Reset add a history entry (the one before keeps the plan before them), and
 * Back or Forward bring an entry's plan back. Writes after the frame that shows the new numbers.
 *
 * @example
 * usePlanUrl(state, initial, dispatch)
 */
export function usePlanUrl(state: PlannerState, initial: PlannerState, dispatch: Dispatch<PlannerAction>): void {
  // The text the current history entry shows: stamped on it before a new entry is pushed.
  const shown = useRef(initial.values)

  useEffect(() => {
    if (!shouldWriteQuery(state, initial)) return
    // After the frame that shows the new numbers: Next's history patch costs a few ms per write,
    // and a change that lands within the same frame supersedes this one.
    return afterNextPaint(() => {
      const address = addressFor(planQuery(state))
      if (state.newHistoryEntry && shown.current !== state.values) {
        window.history.replaceState(withValues(shown.current), "")
        window.history.pushState(withValues(state.values), "", address)
      } else {
        window.history.replaceState(withValues(state.values), "", address)
      }
      shown.current = state.values
    })
  }, [state, initial])

  useEffect(() => {
    const onPopState = (event: PopStateEvent) => {
      const values = (event.state as PlanHistoryState | null)?.tracebudgetValues
      if (!values) return
      shown.current = values
      dispatch({ type: "restore", values, model: onDemandIfLoaded() })
    }
    window.addEventListener("popstate", onPopState)
    return () => window.removeEventListener("popstate", onPopState)
  }, [dispatch])
}
