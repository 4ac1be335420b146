import { countOf, formatBytes, formatCount, formatInteger, formatPercent } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"

/** The tail sampler's share kept and the Collector tier it needs at peak. */
export function TailSummary({ plan }: { plan: Plan }) {
  if (!plan.tail) return null
  const { keptFraction, sizing } = plan.tail
  return (
    <p
      className="rounded-md bg-slate-50 p-2 text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300"
      data-testid="tail-summary"
    >
      Keeps {formatPercent(keptFraction)} of the traces it sees (union of policies, assumed independent). At peak:{" "}
      {formatCount(sizing.newTracesPerSecond)} new traces/s × {plan.input.tailDecisionWaitSeconds} s ={" "}
      {formatCount(sizing.tracesInFlight)} in flight; num_traces {formatCount(sizing.numTraces)} per replica; ~
      {formatBytes(sizing.memoryBytes)} buffered (2× raw span bytes, assumed; ~
      {formatBytes(sizing.memoryBytesRuleOfThumb)} at 10 KB per trace);{" "}
      {countOf(sizing.replicas, "replica", formatInteger)} at 8K spans/s per core
      {sizing.needsLoadBalancing
        ? `, behind ${countOf(sizing.loadBalancerReplicas, "load-balancing replica", formatInteger)}`
        : ""}
      .
    </p>
  )
}
