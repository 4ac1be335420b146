import type { PlanInput } from "@/lib/plan/fields"
import { COLLECTOR_NAMESPACE } from "@/lib/plan/receivers"

import { configUnavailableReason } from "./availability"
import {
  COLLECTOR_CONTRIB_IMAGE,
  COLLECTOR_RESOURCES,
  collectorTiers,
  HPA_MAX_REPLICAS_FACTOR,
  HPA_TARGET_CPU_PERCENT,
  resolverRbac,
  strategiesConfigMap,
  strategiesVolume,
  type CollectorTier,
  type KubernetesObject,
} from "./collector-kubernetes"
import { COLLECTOR_REMOTE_SAMPLING_GRPC_PORT } from "./env"
import { CONFIG_TITLES, type CollectorOptions, type ConfigResult } from "./types"
import { renderYaml, type YamlDocument } from "./yaml"

/**
 * Resource names. The Operator names a collector's Deployment and Services `<name>-collector`, so
 * the first tier `otel` is reached at otel-collector.observability, the address the apps' configs
 * use; the sampling tier `otel-sampling` gets the headless Service otel-sampling-collector-headless
 * (open-telemetry/opentelemetry-operator internal/naming/main.go at be89444: Collector, HeadlessService).
 */
export const OPERATOR_FIRST_TIER = "otel"
export const OPERATOR_SAMPLING_TIER = "otel-sampling"
/** The headless Service the Operator makes for the sampling tier, as the resolver names it. */
export const OPERATOR_SAMPLING_SERVICE = `${OPERATOR_SAMPLING_TIER}-collector-headless.${COLLECTOR_NAMESPACE}`
/** The ServiceAccount the load-balancing tier runs as (the Operator would make one without RBAC). */
export const OPERATOR_LB_ACCOUNT = `${OPERATOR_FIRST_TIER}-lb`

/** One tier as an `OpenTelemetryCollector` (opentelemetry.io/v1beta1) in deployment mode. */
function collectorResource(input: PlanInput, tier: CollectorTier, name: string): KubernetesObject {
  const strategies = strategiesVolume(input, tier)
  return {
    apiVersion: "opentelemetry.io/v1beta1",
    kind: "OpenTelemetryCollector",
    metadata: { name, namespace: COLLECTOR_NAMESPACE },
    spec: {
      mode: "deployment",
      image: COLLECTOR_CONTRIB_IMAGE,
      replicas: tier.replicas,
      ...(tier.role === "load-balancing" ? { serviceAccount: OPERATOR_LB_ACCOUNT } : {}),
      resources: COLLECTOR_RESOURCES,
      ...(tier.scales
        ? {
            autoscaler: {
              minReplicas: tier.replicas,
              maxReplicas: tier.replicas * HPA_MAX_REPLICAS_FACTOR,
              targetCPUUtilization: HPA_TARGET_CPU_PERCENT,
            },
          }
        : {}),
      podDisruptionBudget: { maxUnavailable: 1 },
      // The Operator derives Service ports from receivers only; the extension's port is added.
      ...(strategies
        ? {
            ports: [{ name: "jaeger-sampling", port: COLLECTOR_REMOTE_SAMPLING_GRPC_PORT }],
            volumes: [strategies.volume],
            volumeMounts: [strategies.mount],
          }
        : {}),
      config: tier.config,
    },
  }
}

/**
 * The plan's Collector as OpenTelemetry Operator resources: the strategies ConfigMap when the apps
 * poll for it, the resolver's ServiceAccount/Role/RoleBinding when there is a load-balancing tier,
 * and one `OpenTelemetryCollector` per tier (sampling first) with the sized replicas, the resources
 * per replica, an autoscaler whose minimum is the sized count and a PodDisruptionBudget.
 *
 * @example
 * buildCollectorOperatorResources(DEFAULT_INPUT).map(({ kind }) => kind) //=> ["OpenTelemetryCollector"]
 */
export function buildCollectorOperatorResources(input: PlanInput, options?: CollectorOptions): KubernetesObject[] {
  const tiers = collectorTiers(input, options, OPERATOR_SAMPLING_SERVICE)
  const twoTiers = tiers.length > 1
  const named = tiers.map((tier, index) => ({
    tier,
    name: twoTiers && index === 1 ? OPERATOR_SAMPLING_TIER : OPERATOR_FIRST_TIER,
  }))
  return [
    ...strategiesConfigMap(input),
    ...(twoTiers ? resolverRbac(OPERATOR_LB_ACCOUNT) : []),
    ...named.reverse().map(({ tier, name }) => collectorResource(input, tier, name)),
  ]
}

/** The debug exporter for development, said for spec.config (the Collector config's debug block). */
function operatorDebugComment(exporter: string): string {
  return `For development only: add "debug: {verbosity: basic}" under spec.config.exporters\nand list it in spec.config.service.pipelines.traces.exporters: [${exporter}, debug].`
}

/**
 * The resources as one YAML stream; the tier that exports to the backend ends with the commented
 * debug exporter block.
 *
 * @example
 * renderCollectorOperatorResources(DEFAULT_INPUT).startsWith("apiVersion: opentelemetry.io/v1beta1\n") //=> true
 */
export function renderCollectorOperatorResources(input: PlanInput, options?: CollectorOptions): string {
  const documents: YamlDocument[] = buildCollectorOperatorResources(input, options).map((value) => {
    const exporter = (value.spec as { config?: { service: { pipelines: { traces: { exporters: string[] } } } } })
      ?.config?.service.pipelines.traces.exporters[0]
    return exporter === undefined || exporter === "loadbalancing"
      ? { value }
      : { value, trailingComment: operatorDebugComment(exporter) }
  })
  return renderYaml(documents)
}

/**
 * The Collector as OpenTelemetry Operator `OpenTelemetryCollector` resources, or why the plan has
 * no Collector.
 *
 * @example
 * collectorOperatorSnippet(DEFAULT_INPUT).available //=> true
 */
export function collectorOperatorSnippet(input: PlanInput, options?: CollectorOptions): ConfigResult {
  const title = CONFIG_TITLES.collectorOperator
  const reason = configUnavailableReason("collectorOperator", input, options)
  if (reason !== undefined) return { id: "collectorOperator", title, available: false, reason }
  const tiers = collectorTiers(input, options, OPERATOR_SAMPLING_SERVICE)
  const caveats = [
    `Needs the OpenTelemetry Operator (it serves opentelemetry.io/v1beta1) in the cluster. It creates each tier's Deployment, ConfigMap, Services, HPA and PodDisruptionBudget: the apps send to ${OPERATOR_FIRST_TIER}-collector.${COLLECTOR_NAMESPACE}.`,
    `The autoscaler adds replicas up to ${HPA_MAX_REPLICAS_FACTOR}× the sized count at ${HPA_TARGET_CPU_PERCENT} % CPU (it needs the metrics server).`,
  ]
  if (tiers.length > 1) {
    caveats.push(
      `The load-balancing tier runs as ServiceAccount ${OPERATOR_LB_ACCOUNT}, whose Role grants get, list and watch on EndpointSlices (discovery.k8s.io): its resolver watches ${OPERATOR_SAMPLING_SERVICE.split(".")[0]}, the headless Service the Operator makes for ${OPERATOR_SAMPLING_TIER}.`
    )
  }
  return {
    id: "collectorOperator",
    title,
    available: true,
    snippet: {
      id: "collectorOperator",
      title,
      filename: "otel-collector-operator.yaml",
      language: "yaml",
      content: renderCollectorOperatorResources(input, options),
      applyNote: `kubectl apply -f otel-collector-operator.yaml (namespace ${COLLECTOR_NAMESPACE} must exist: kubectl create namespace ${COLLECTOR_NAMESPACE}).`,
      caveats,
    },
  }
}
