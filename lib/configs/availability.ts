import { z } from "zod"

import { BACKENDS } from "@/lib/plan/backends"
import { collectorEndpoint, isBackendReceiver } from "@/lib/plan/receivers"
import { effectiveProbability, rootDecision, type Sampler } from "@/lib/plan/samplers"
import { FORWARD_SPANS_PER_SECOND_PER_CORE } from "@/lib/plan/tail"
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
 * Why the plan runs no Collector, or undefined when it does: the apps send straight to a backend's
 * own OTLP intake and nothing tail-samples (the plan's figures count no Collector cores then).
 *
 * @example
 * noCollectorReason({ ...DEFAULT_INPUT, otlpEndpoint: "https://api.honeycomb.io:443" })
 * //=> "The apps send to api.honeycomb.io, a backend's own OTLP intake, so this plan runs no Collector: …"
 * noCollectorReason(DEFAULT_INPUT) //=> undefined
 */
export function noCollectorReason(input: PlanInput, options?: CollectorOptions): string | undefined {
  if ((options?.mode ?? "forward") === "tail" || input.tailSampling || !isBackendReceiver(input.otlpEndpoint))
    return undefined
  const host = new URL(input.otlpEndpoint).hostname
  return `The apps send to ${host}, a backend's own OTLP intake, so this plan runs no Collector: point the apps at one (${collectorEndpoint(input.protocol)}) or turn on tail sampling to get its manifests.`
}

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
    case "collectorKubernetes":
    case "collectorOperator":
      return (
        configUnavailableReason("collector", input, options) ??
        noCollectorReason(input, options) ??
        tooManyReplicasReason(input)
      )
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

/** Most Collector replicas a generated manifest runs, as the tail sampler's options allow. */
const MAX_MANIFEST_REPLICAS = 1000

/**
 * Why no manifests are written for a tier of over 1,000 forwarding or load-balancing replicas (one
 * per 10,000 spans/s at peak): the HPA's maxReplicas is an int32, and a cluster that size is split.
 */
function tooManyReplicasReason(input: PlanInput): string | undefined {
  const root = rootDecision(input)
  const spansPerSecond = input.peakRps * effectiveProbability(root.sampler, root.ratio, input.rps) * input.spansPerTrace
  if (Math.ceil(spansPerSecond / FORWARD_SPANS_PER_SECOND_PER_CORE) <= MAX_MANIFEST_REPLICAS) return undefined
  return "This plan needs more than 1,000 Collector replicas in its first tier (one per 10,000 spans/s at peak), and the manifests are written for up to 1,000: sample at the head first, or split the traffic across Collector clusters."
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
