import type { PlanInput } from "@/lib/plan/fields"

import { collectorSnippet } from "./collector"
import { collectorKubernetesSnippet } from "./collector-kubernetes"
import { collectorOperatorSnippet } from "./collector-operator"
import { composeSnippet } from "./compose"
import { daprSnippet } from "./dapr"
import { declarativeSnippet } from "./declarative"
import { dotenvSnippet, shellSnippet } from "./env"
import { instrumentationSnippet } from "./instrumentation"
import { jaegerStrategiesSnippet } from "./jaeger-strategies"
import { deploymentSnippet } from "./kubernetes"
import { retentionSnippet } from "./retention"
import { CONFIG_IDS, type CollectorOptions, type ConfigId, type ConfigResult } from "./types"

/** The generator of each config: a snippet for the plan, or the reason it cannot have one. */
export const GENERATORS: Record<
  ConfigId,
  (input: PlanInput, options: { collector?: CollectorOptions }) => ConfigResult
> = {
  dotenv: dotenvSnippet,
  shell: shellSnippet,
  k8s: deploymentSnippet,
  compose: composeSnippet,
  instrumentation: instrumentationSnippet,
  dapr: daprSnippet,
  collector: (input, options) => collectorSnippet(input, options.collector),
  collectorKubernetes: (input, options) => collectorKubernetesSnippet(input, options.collector),
  collectorOperator: (input, options) => collectorOperatorSnippet(input, options.collector),
  jaegerStrategies: jaegerStrategiesSnippet,
  retention: retentionSnippet,
  declarative: declarativeSnippet,
}

/**
 * Every config for a validated plan, keyed by id in {@link CONFIG_IDS} order: a ready-to-paste
 * snippet, or the reason this plan cannot have it (Dapr off, a sampler the Operator CRD rejects,
 * a SaaS backend's retention, ...). Pure and deterministic. The Collector forwards unless
 * `options.collector` asks for probabilistic or tail sampling.
 *
 * @param input - a plan that passed `planInputSchema`
 * @param options - how the Collector samples (default: forward everything)
 *
 * @example
 * const configs = generateConfigs(DEFAULT_INPUT)
 * configs.dapr.available && configs.dapr.snippet.filename //=> "dapr-config.yaml"
 * configs.retention.available && configs.retention.snippet.filename //=> "tempo-retention.yaml"
 */
export function generateConfigs(
  input: PlanInput,
  options: { collector?: CollectorOptions } = {}
): Record<ConfigId, ConfigResult> {
  return Object.fromEntries(CONFIG_IDS.map((id) => [id, GENERATORS[id](input, options)])) as Record<
    ConfigId,
    ConfigResult
  >
}
