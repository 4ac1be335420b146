import { countOf, formatBytes, formatCount, formatInteger, formatPercent } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import type { TailSizing } from "@/lib/plan/tail"

/** The id of the one place the page sizes the Collector; the others link to it. */
export const COLLECTOR_SIZING_ID = "collector-sizing"

const linkClass = "underline decoration-dotted underline-offset-2"

/** A link to the Collector sizing, for the places that used to repeat it. */
export function CollectorSizingLink({ children = "Collector sizing" }: { children?: React.ReactNode }) {
  return (
    <a href={`#${COLLECTOR_SIZING_ID}`} className={linkClass} onClick={scrollToSizing}>
      {children}
    </a>
  )
}

/**
 * Sections below the fold skip rendering until near (content-visibility), so the browser's jump
 * lands on estimated heights and the sizing moves as the sections it passes render. Scroll again
 * once they have, so the heading ends in view.
 */
function scrollToSizing(event: React.MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(COLLECTOR_SIZING_ID)
  if (!target) return
  event.preventDefault()
  target.scrollIntoView()
  // Sections above it render as they come near (and a chart's code may still be loading), which
  // moves the heading after the jump: keep it in place for a moment, unless the user scrolls.
  const until = performance.now() + 1500
  let top = target.getBoundingClientRect().top
  let userMoved = false
  const stop = () => (userMoved = true)
  const events = ["wheel", "touchstart", "keydown"] as const
  for (const name of events) window.addEventListener(name, stop, { once: true, passive: true })
  const follow = () => {
    if (userMoved || performance.now() > until) {
      for (const name of events) window.removeEventListener(name, stop)
      return
    }
    if (Math.abs(target.getBoundingClientRect().top - top) >= 1) target.scrollIntoView()
    top = target.getBoundingClientRect().top
    requestAnimationFrame(follow)
  }
  requestAnimationFrame(follow)
}

/** Beside the tail-sampling fields: the share the tail sampler keeps, and where its tier is sized. */
export function TailSummary({ plan }: { plan: Plan }) {
  if (!plan.tail) return null
  return (
    <p
      className="rounded-md bg-slate-50 p-2 text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300"
      data-testid="tail-summary"
    >
      Keeps {formatPercent(plan.tail.keptFraction)} of the traces it sees (union of policies, assumed independent). Its
      replicas, buffer and num_traces: <CollectorSizingLink />.
    </p>
  )
}

/** A tail-sampling tier at peak: traces in flight, num_traces, the buffer, and the replicas. */
export function TailSizingText({ sizing, decisionWaitSeconds }: { sizing: TailSizing; decisionWaitSeconds: number }) {
  return (
    <>
      {formatCount(sizing.newTracesPerSecond)} new traces/s × {decisionWaitSeconds} s ={" "}
      {formatCount(sizing.tracesInFlight)} in flight; num_traces {formatCount(sizing.numTraces)} per replica; ~
      {formatBytes(sizing.memoryBytes)} buffered (2× raw span bytes, assumed; ~
      {formatBytes(sizing.memoryBytesRuleOfThumb)} at 10 KB per trace);{" "}
      {countOf(sizing.replicas, "replica", formatInteger)} at 8K spans/s per core
      {sizing.needsLoadBalancing
        ? `, behind ${countOf(sizing.loadBalancerReplicas, "load-balancing replica", formatInteger)}`
        : ""}
      .
    </>
  )
}
