// The plan and its configs together: the one place the model's output meets the config writers.
// It lives in lib/configs so that lib/plan never imports the writers (lib/plan → lib/configs is
// forbidden; see eslint.config.mjs).
import { buildPlan, type Plan } from "@/lib/plan/build-plan"
import type { PlanInput } from "@/lib/plan/fields"

import { configAvailability } from "./availability"
import { generateConfigs, GENERATORS } from "./generate"
import type { CollectorOptions, ConfigId, ConfigResult } from "./types"

/**
 * How the generated Collector config samples: tail sampling with the plan's policies and sizing
 * when the plan tail-samples, otherwise it forwards what the SDKs send.
 *
 * @example
 * collectorOptionsFor(DEFAULT_INPUT, null) //=> { mode: "forward" }
 */
export function collectorOptionsFor(input: PlanInput, tail: Plan["tail"]): CollectorOptions {
  if (!input.tailSampling || !tail) return { mode: "forward" }
  return {
    mode: "tail",
    tail: {
      keepErrors: input.tailKeepErrors,
      latencyThresholdMs: input.tailKeepSlow ? input.slowThresholdMs : undefined,
      baselinePercent: input.tailBaselinePercent,
      spansPerSecondLimit: input.tailSpansPerSecond > 0 ? input.tailSpansPerSecond : undefined,
      decisionWaitSeconds: input.tailDecisionWaitSeconds,
      numTraces: tail.sizing.numTraces,
      collectorReplicas: tail.sizing.replicas,
    },
  }
}

/** A plan with every config snippet: what `GET /api/plan` answers and "Download JSON" saves. */
export type PlanDocument = Plan & { configs: Record<ConfigId, ConfigResult> }

/**
 * One config for a plan: the snippet, or the reason this plan cannot have it. The Collector's
 * snippet tail-samples with the plan's policies and sizing when the plan tail-samples.
 *
 * @example
 * configFor(buildPlan(DEFAULT_INPUT), "dapr").available //=> true
 * configFor(buildPlan({ ...DEFAULT_INPUT, backend: "honeycomb" }), "retention").available //=> false
 */
export function configFor(plan: Plan, id: ConfigId): ConfigResult {
  return GENERATORS[id](plan.input, { collector: collectorOptionsFor(plan.input, plan.tail) })
}

/**
 * Which configs the plan can have, by id: what the tab list shows without writing any snippet.
 *
 * @example
 * configAvailabilityFor(buildPlan(DEFAULT_INPUT)).dapr                                //=> true
 * configAvailabilityFor(buildPlan({ ...DEFAULT_INPUT, backend: "honeycomb" })).retention //=> false
 */
export function configAvailabilityFor(plan: Plan): Record<ConfigId, boolean> {
  return configAvailability(plan.input, collectorOptionsFor(plan.input, plan.tail))
}

/**
 * The plan and every config snippet for it, as the API answers.
 *
 * @example
 * Object.keys(planDocument(DEFAULT_INPUT).configs).length //=> 12
 * planDocument(DEFAULT_INPUT).volume.tracesPerDay        //=> 43200000
 */
export function planDocument(input: PlanInput): PlanDocument {
  const plan = buildPlan(input)
  return { ...plan, configs: generateConfigs(plan.input, { collector: collectorOptionsFor(plan.input, plan.tail) }) }
}
