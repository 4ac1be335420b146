import { collectorEndpoint, isBackendReceiver } from "./receivers"

import type { PlanInput } from "./fields"
import type { Sampler } from "./samplers"

/** What adopting a setting changes: the head sampler, its rate, Dapr's rate and the tail policies. */
export interface AdoptableSetting {
  sampler: Sampler
  ratio: number
  /** Dapr's rate; null leaves the plan's own (Dapr off). */
  daprSamplingRate: number | null
  tail: { keepErrors: boolean; keepSlow: boolean; baselinePercent: number; decisionWaitSeconds: number } | null
}

/**
 * The plan with a setting adopted: the sampler, the ratio, Dapr's rate (when given) and the
 * Collector's tail-sampling policies. With tail sampling, apps that sent straight to the backend
 * now send to the Collector, which exports there. The recommendation prices each of its options as
 * this plan, so the $ it quotes is the bill of the plan "Use this setting" gives.
 *
 * @example
 * adoptSetting(DEFAULT_INPUT, { sampler: "parentbased_traceidratio", ratio: 0.01, daprSamplingRate: 0.01, tail: null })
 * //=> { ...DEFAULT_INPUT, ratio: 0.01, daprSamplingRate: 0.01, tailSampling: false }
 */
export function adoptSetting(input: PlanInput, setting: AdoptableSetting): PlanInput {
  const { tail } = setting
  return {
    ...input,
    sampler: setting.sampler,
    ratio: setting.ratio,
    daprSamplingRate: setting.daprSamplingRate ?? input.daprSamplingRate,
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

/**
 * The plan with its recommendation adopted (see {@link adoptSetting}): what "Use this setting"
 * applies; recommending again for the result gives the same setting, and the result's bill is
 * the recommendation's `monthlyUsd`.
 *
 * @example
 * applyRecommendation(DEFAULT_INPUT, recommend(DEFAULT_INPUT))
 * //=> { ...DEFAULT_INPUT, ratio: 1, daprSamplingRate: 1, tailSampling: false }  (100 % head sampling)
 */
export function applyRecommendation(input: PlanInput, recommendation: AdoptableSetting): PlanInput {
  return adoptSetting(input, recommendation)
}
