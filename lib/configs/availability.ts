import { z } from "zod"

import { BACKENDS } from "@/lib/plan/backends"
import type { Sampler } from "@/lib/plan/samplers"
import type { PlanInput } from "@/lib/plan/fields"

import { declarativeRefusal } from "./declarative-model"
import { dotenvRefusal } from "./env"
import { CONFIG_IDS, type CollectorOptions, type ConfigId } from "./types"

// Which configs a plan can have and why not, without writing any of them: the page lists every
// tab (and strikes out the ones a plan cannot have) while it generates only the open one. Each
// generator asks here first, so the tab list and the snippets never disagree. Nothing here
// renders YAML, so the page can load the generators on demand.

/**
 * `spec.sampler.type` values the Operator's Instrumentation CRD accepts. Its enum lacks
 * `parentbased_jaeger_remote`, so the API server rejects that one (config-specs §6).
 */
export const INSTRUMENTATION_SAMPLER_TYPES = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
  "jaeger_remote",
  "xray",
] as const satisfies readonly Sampler[]

export type InstrumentationSamplerType = (typeof INSTRUMENTATION_SAMPLER_TYPES)[number]

/**
 * Whether the Instrumentation CRD accepts this sampler as `spec.sampler.type`.
 *
 * @example
 * isInstrumentationSamplerType("parentbased_jaeger_remote") //=> false
 */
export function isInstrumentationSamplerType(sampler: Sampler): sampler is InstrumentationSamplerType {
  return (INSTRUMENTATION_SAMPLER_TYPES as readonly Sampler[]).includes(sampler)
}

/**
 * Why the plan cannot have an Instrumentation, or undefined when it can.
 *
 * @example
 * instrumentationRefusal({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" })
 * //=> "The Operator's Instrumentation CRD does not list parentbased_jaeger_remote in spec.sampler.type, …"
 */
export function instrumentationRefusal(input: PlanInput): string | undefined {
  if (isInstrumentationSamplerType(input.sampler)) return undefined
  return `The Operator's Instrumentation CRD does not list ${input.sampler} in spec.sampler.type, so the API server rejects it. Use jaeger_remote, or keep OTEL_TRACES_SAMPLER=${input.sampler} in the Deployment's env (container env wins over the Instrumentation).`
}

/** Validates options that arrive from code or the API; a clear message instead of a broken config. */
export const collectorOptionsSchema = z.strictObject({
  mode: z.enum(["forward", "probabilistic", "tail"]),
  samplingPercentage: z
    .number()
    .min(0, { error: "Collector sampling percentage must be between 0 and 100." })
    .max(100, { error: "Collector sampling percentage must be between 0 and 100." })
    .optional(),
  tail: z
    .strictObject({
      keepErrors: z.boolean(),
      latencyThresholdMs: z
        .number()
        .int()
        .positive({ error: "Latency threshold must be a positive whole number of ms." })
        .optional(),
      baselinePercent: z
        .number()
        .min(0, { error: "Baseline percentage must be between 0 and 100." })
        .max(100, { error: "Baseline percentage must be between 0 and 100." }),
      spansPerSecondLimit: z
        .number()
        .int()
        .positive({ error: "Spans per second limit must be a positive whole number." })
        .optional(),
      decisionWaitSeconds: z
        .number()
        .int()
        .min(1, { error: "Decision wait must be a whole number of seconds, at least 1." }),
      numTraces: z
        .number()
        .int()
        .min(1, { error: "num_traces must be a whole number, at least 1." })
        .max(2 ** 31 - 1, { error: "num_traces must be at most 2,147,483,647 per replica." }),
      collectorReplicas: z
        .number()
        .int()
        .min(1, { error: "Collector replicas must be a whole number, at least 1." })
        .max(1000, {
          error:
            "This plan needs more than 1,000 tail-sampling Collector replicas, and the config is written for up to 1,000: sample at the head first so fewer traces reach the Collector, or split the traffic across Collector clusters.",
        }),
    })
    .optional(),
})

/**
 * Why a plan cannot have this config, or undefined when it can. `options` are the Collector's
 * (only the "collector" config reads them).
 *
 * @example
 * configUnavailableReason("dapr", { ...DEFAULT_INPUT, daprEnabled: false })
 * //=> "Dapr is off in this plan: turn on the Dapr sidecar to get a tracing Configuration."
 * configUnavailableReason("k8s", DEFAULT_INPUT) //=> undefined
 */
export function configUnavailableReason(
  id: ConfigId,
  input: PlanInput,
  options?: CollectorOptions
): string | undefined {
  switch (id) {
    case "dotenv":
      return dotenvRefusal(input)
    case "instrumentation":
      return instrumentationRefusal(input)
    case "declarative":
      return declarativeRefusal(input)
    case "dapr":
      return input.daprEnabled
        ? undefined
        : "Dapr is off in this plan: turn on the Dapr sidecar to get a tracing Configuration."
    case "collector": {
      const parsed = collectorOptionsSchema.optional().safeParse(options)
      return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? "Invalid Collector options.")
    }
    case "retention": {
      const backend = BACKENDS[input.backend]
      if (backend.hosting === "self-hosted") return undefined
      const included = backend.includedRetentionDays
      return `${backend.label} keeps traces for as long as your vendor plan says${included ? ` (${included} days at the list price)` : ""}: retention is set there, not in a config file.`
    }
    default:
      return undefined
  }
}

/**
 * For every config id, whether the plan can have it: what the tab list shows without generating anything.
 *
 * @example
 * configAvailability({ ...DEFAULT_INPUT, backend: "honeycomb" }).retention //=> false
 */
export function configAvailability(input: PlanInput, options?: CollectorOptions): Record<ConfigId, boolean> {
  return Object.fromEntries(
    CONFIG_IDS.map((id) => [id, configUnavailableReason(id, input, options) === undefined])
  ) as Record<ConfigId, boolean>
}
