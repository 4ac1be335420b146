import { configAvailability } from "@/lib/configs/availability"
import { generateConfigs, GENERATORS } from "@/lib/configs/generate"
import type { ConfigId, ConfigResult } from "@/lib/configs/types"

import { buildPlan, collectorOptionsFor, type Plan } from "./build-plan"
import type { PlanInput } from "./fields"

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
 * Object.keys(planDocument(DEFAULT_INPUT).configs).length //=> 9
 * planDocument(DEFAULT_INPUT).volume.tracesPerDay        //=> 43200000
 */
export function planDocument(input: PlanInput): PlanDocument {
  const plan = buildPlan(input)
  return { ...plan, configs: generateConfigs(plan.input, { collector: collectorOptionsFor(plan.input, plan.tail) }) }
}
