"use client"

import { useSyncExternalStore } from "react"

const QUERY = "(prefers-reduced-motion: reduce)"

// One MediaQueryList for the page: getSnapshot runs on every render of every chart.
let media: MediaQueryList | undefined
const reducedMotionQuery = () => (media ??= window.matchMedia(QUERY))

function subscribe(onChange: () => void) {
  const query = reducedMotionQuery()
  query.addEventListener("change", onChange)
  return () => query.removeEventListener("change", onChange)
}

/** True when the user asked the system for less motion; charts then draw without animation. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => reducedMotionQuery().matches,
    () => true
  )
}
