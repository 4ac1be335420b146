import { formatInteger, formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { collectorCoresText } from "@/lib/plan/text/headline"

import { COLLECTOR_SIZING_ID, TailSizingText } from "./tail-summary"

/**
 * The one place the page sizes the Collector: the plan's tier at peak and what it costs, the
 * tail-sampling tier in full when the plan tail-samples, and the tier the recommendation's tail
 * sampling would run when it is not in use yet. The form, the recommendation, the bill and the
 * setup checks link here instead of repeating it.
 */
export function CollectorSizing({ plan }: { plan: Plan }) {
  const { collector, tail, input } = plan
  const recommended = plan.recommendation.tail
  const tiers = [
    collector.forwardingCores > 0 ? `${formatInteger(collector.forwardingCores)} forwarding at 10K spans/s each` : "",
    collector.samplingCores > 0 ? `${formatInteger(collector.samplingCores)} tail-sampling at 8K spans/s each` : "",
    collector.loadBalancingCores > 0 ? `${formatInteger(collector.loadBalancingCores)} load-balancing` : "",
  ].filter(Boolean)
  return (
    <section aria-labelledby={COLLECTOR_SIZING_ID} className="grid gap-2 text-sm" data-testid="collector-sizing">
      <h2 id={COLLECTOR_SIZING_ID} className="text-lg font-semibold">
        Collector sizing
      </h2>
      {collector.cores === 0 ? (
        <p>The apps send straight to {BACKENDS[input.backend].label}: your plan has no Collector to size.</p>
      ) : (
        <p data-testid="collector-tier">
          At peak your plan runs {collectorCoresText(collector.cores)} of 1 vCPU + {collector.memoryGbPerCore} GB each (
          {tiers.join(", ")}): {formatUsd(collector.monthlyUsd)}/mo at {formatUsd(collector.usdPerCore)} a core
          {collector.perCoreOverride ? " (your price per core)" : ""}.
        </p>
      )}
      {tail ? (
        <p data-testid="tail-sizing">
          Tail sampling: <TailSizingText sizing={tail.sizing} decisionWaitSeconds={input.tailDecisionWaitSeconds} />
        </p>
      ) : null}
      {recommended && !input.tailSampling ? (
        <p data-testid="recommended-tail-sizing">
          With the recommended tail sampling (decision_wait {recommended.decisionWaitSeconds} s):{" "}
          <TailSizingText sizing={recommended.sizing} decisionWaitSeconds={recommended.decisionWaitSeconds} />
        </p>
      ) : null}
    </section>
  )
}
