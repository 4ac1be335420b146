import { collectorEndpoint, isBackendReceiver } from "./receivers"

import type { PlanInput } from "./fields"
import type { Recommendation } from "./recommend"

/**
 * The plan with its recommendation adopted: the sampler, the ratio, Dapr's rate (when Dapr is on)
 * and the Collector's tail-sampling policies. With tail sampling, apps that sent straight to the
 * backend now send to the Collector, which exports there. What "Use this setting" applies;
 * recommending again for the result gives the same setting.
 *
 * @example
 * applyRecommendation(DEFAULT_INPUT, recommend(DEFAULT_INPUT))
 * //=> { ...DEFAULT_INPUT, sampler: "parentbased_always_on", ratio: 1, daprSamplingRate: 1, tailSampling: true, tailBaselinePercent: 10, ... }
 */
export function applyRecommendation(input: PlanInput, recommendation: Recommendation): PlanInput {
  const { tail } = recommendation
  return {
    ...input,
    sampler: recommendation.sampler,
    ratio: recommendation.ratio,
    daprSamplingRate: recommendation.daprSamplingRate ?? input.daprSamplingRate,
    tailSampling: tail !== null,
    ...(tail
      ? {
          tailKeepErrors: tail.keepErrors,
          tailKeepSlow: tail.keepSlow,
          tailBaselinePercent: tail.baselinePercent,
          tailDecisionWaitSeconds: tail.decisionWaitSeconds,
          ...(isBackendReceiver(input.otlpEndpoint) ? { otlpEndpoint: collectorEndpoint(input.protocol) } : {}),
        }
      : {}),
  }
}
