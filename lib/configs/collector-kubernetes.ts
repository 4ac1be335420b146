import type { PlanInput } from "@/lib/plan/fields"
import { COLLECTOR_NAMESPACE } from "@/lib/plan/receivers"
import { effectiveProbability, rootDecision } from "@/lib/plan/samplers"
import { COLLECTOR_GB_PER_CORE, FORWARD_SPANS_PER_SECOND_PER_CORE } from "@/lib/plan/tail"

import { configUnavailableReason } from "./availability"
import {
  buildCollectorConfigs,
  debugExporterComment,
  defaultTailSamplingOptions,
  SAMPLING_TIER_SERVICE,
  type CollectorConfig,
} from "./collector"
import { COLLECTOR_REMOTE_SAMPLING_GRPC_PORT, COLLECTOR_STRATEGIES_PATH, collectorServesStrategies } from "./env"
import { renderJaegerStrategies } from "./jaeger-strategies"
import { CONFIG_TITLES, type CollectorOptions, type ConfigResult } from "./types"
import { renderYaml } from "./yaml"

/**
 * The contrib Collector image the manifests run, pinned: the version the OpenTelemetry Operator
 * deploys by default (open-telemetry/opentelemetry-operator versions.txt at be89444, August 2026).
 * It is past v0.140, where the load-balancing exporter's k8s resolver moved to EndpointSlices, and
 * past v0.144, where `otlp` became an alias of `otlp_grpc` (still accepted).
 */
export const COLLECTOR_CONTRIB_VERSION = "0.158.0"
export const COLLECTOR_CONTRIB_IMAGE = `otel/opentelemetry-collector-contrib:${COLLECTOR_CONTRIB_VERSION}`

/** The Service the apps send to: `collectorEndpoint`'s host, otel-collector.observability. */
export const COLLECTOR_SERVICE = "otel-collector"
/** Where each pod reads its Collector config (the ConfigMap's `config.yaml`). */
export const COLLECTOR_CONFIG_DIR = "/conf"
/** The HPA may grow each tier to this multiple of its sized count before it stops. */
export const HPA_MAX_REPLICAS_FACTOR = 2
/** CPU use the HPA holds each tier at: below 100 %, since the sizing is at peak already. */
export const HPA_TARGET_CPU_PERCENT = 75

/** What a Collector tier does; the sampling tier sits behind a load-balancing one. */
export type CollectorTierRole = "forwarding" | "load-balancing" | "sampling"

/** One Collector tier as Kubernetes runs it: its config, its replicas and whether it may scale. */
export interface CollectorTier {
  /** The Deployment's (and its ConfigMap's and Services') name. */
  name: string
  role: CollectorTierRole
  /** The plan's sized count: the Deployment's replicas and the HPA's minimum. */
  replicas: number
  /** Whether an HPA may add replicas: not for a lone tail sampler, which needs all of a trace. */
  scales: boolean
  config: CollectorConfig
}

/** Cores (= replicas, one core each) of a tier that forwards `spansPerSecond` at peak. */
function forwardingReplicas(spansPerSecond: number): number {
  return Math.max(1, Math.ceil(spansPerSecond / FORWARD_SPANS_PER_SECOND_PER_CORE))
}

/**
 * The Collector tiers of a plan with their sized replica counts: the same sizing as the plan's
 * Collector compute (`collectorCompute`), one core with its memory per replica. Forwarding and
 * load-balancing tiers get one replica per 10,000 spans/s at peak; the sampling tier the options'
 * `collectorReplicas` (the plan's tail sizing). `samplingService` is what the load-balancing
 * tier's resolver watches (`name.namespace`).
 *
 * @example
 * collectorTiers(DEFAULT_INPUT, { mode: "tail", tail: { ...defaultTailSamplingOptions(DEFAULT_INPUT), collectorReplicas: 3 } })
 *   .map(({ name, replicas }) => [name, replicas])
 * //=> [["otel-collector", 2], ["otel-collector-sampling", 3]]  (15,000 spans/s at peak → 2 load balancers)
 * collectorTiers(DEFAULT_INPUT).map(({ name, replicas }) => [name, replicas]) //=> [["otel-collector", 2]]
 */
export function collectorTiers(
  input: PlanInput,
  options?: CollectorOptions,
  samplingService: string = `${SAMPLING_TIER_SERVICE}.${COLLECTOR_NAMESPACE}`
): CollectorTier[] {
  const root = rootDecision(input)
  const spansPerSecond = input.peakRps * effectiveProbability(root.sampler, root.ratio, input.rps) * input.spansPerTrace
  const configs = buildCollectorConfigs(input, options, samplingService)
  const mode = options?.mode ?? "forward"
  if (mode !== "tail") {
    return [
      {
        name: COLLECTOR_SERVICE,
        role: "forwarding",
        replicas: forwardingReplicas(spansPerSecond),
        scales: true,
        config: configs[0]!,
      },
    ]
  }
  const sampling = (options?.tail ?? defaultTailSamplingOptions(input)).collectorReplicas
  if (configs.length === 1) {
    return [{ name: COLLECTOR_SERVICE, role: "sampling", replicas: sampling, scales: false, config: configs[0]! }]
  }
  return [
    {
      name: COLLECTOR_SERVICE,
      role: "load-balancing",
      replicas: forwardingReplicas(spansPerSecond),
      scales: true,
      config: configs[0]!,
    },
    { name: SAMPLING_TIER_SERVICE, role: "sampling", replicas: sampling, scales: true, config: configs[1]! },
  ]
}

/** A Kubernetes object as the generator writes it. */
export type KubernetesObject = { apiVersion: string; kind: string; metadata: Record<string, unknown> } & Record<
  string,
  unknown
>

/** The ConfigMap that holds the Jaeger strategies file the first tier serves, and where it goes. */
export const STRATEGIES_CONFIGMAP = "otel-collector-sampling-strategies"
const STRATEGIES_FILE = COLLECTOR_STRATEGIES_PATH.split("/").at(-1)!
const STRATEGIES_DIR = COLLECTOR_STRATEGIES_PATH.slice(0, -STRATEGIES_FILE.length - 1)

/** Per replica: one core and its memory (the Collector's 1 CPU + 2 GB per 8–10K spans/s). */
export const COLLECTOR_RESOURCES = {
  requests: { cpu: "1", memory: `${COLLECTOR_GB_PER_CORE}Gi` },
  // A memory limit, so that memory_limiter's limit_percentage (80 %) has a limit to be a share of.
  limits: { cpu: "1", memory: `${COLLECTOR_GB_PER_CORE}Gi` },
}

/**
 * The ServiceAccount (and Role, RoleBinding) of a load-balancing tier.
 *
 * @example
 * loadBalancerAccountName("otel-collector") //=> "otel-collector-lb"
 */
export function loadBalancerAccountName(tierName: string): string {
  return `${tierName}-lb`
}

/**
 * The load-balancing tier's ServiceAccount, a Role granting get/list/watch on EndpointSlices (the
 * k8s resolver watches them since Collector v0.140: opentelemetry-collector-contrib issue #44494,
 * example/k8s-resolver/README.md at 1257c9a5) and the RoleBinding between them.
 *
 * @example
 * resolverRbac("otel-collector-lb")[1]?.rules
 * //=> [{ apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["get", "list", "watch"] }]
 */
export function resolverRbac(account: string): KubernetesObject[] {
  const metadata = { name: account, namespace: COLLECTOR_NAMESPACE }
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata,
      rules: [{ apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["get", "list", "watch"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata,
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: account },
      subjects: [{ kind: "ServiceAccount", name: account, namespace: COLLECTOR_NAMESPACE }],
    },
  ]
}

/**
 * The ConfigMap with the Jaeger strategies file, when the first tier serves it to the apps.
 *
 * @example
 * strategiesConfigMap(DEFAULT_INPUT) //=> []  (the apps' ratio sampler polls nothing)
 * strategiesConfigMap({ ...DEFAULT_INPUT, sampler: "jaeger_remote" })[0]?.metadata.name //=> "otel-collector-sampling-strategies"
 */
export function strategiesConfigMap(input: PlanInput): KubernetesObject[] {
  if (!collectorServesStrategies(input)) return []
  return [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: STRATEGIES_CONFIGMAP, namespace: COLLECTOR_NAMESPACE },
      data: { [STRATEGIES_FILE]: renderJaegerStrategies(input) },
    },
  ]
}

/**
 * The volume and mount that put the strategies file where the extension reads it, for the tier that
 * serves it; undefined for any other tier or plan.
 *
 * @example
 * strategiesVolume({ ...DEFAULT_INPUT, sampler: "jaeger_remote" }, collectorTiers({ ...DEFAULT_INPUT, sampler: "jaeger_remote" })[0]!)?.mount
 * //=> { name: "sampling-strategies", mountPath: "/etc/otelcol", readOnly: true }
 */
export function strategiesVolume(input: PlanInput, tier: CollectorTier) {
  if (tier.config.extensions?.jaegerremotesampling === undefined || !collectorServesStrategies(input)) return undefined
  return {
    volume: { name: "sampling-strategies", configMap: { name: STRATEGIES_CONFIGMAP } },
    mount: { name: "sampling-strategies", mountPath: STRATEGIES_DIR, readOnly: true },
  }
}

/** Container ports of a tier: OTLP on both protocols, and the strategies port where it is served. */
function containerPorts(input: PlanInput, tier: CollectorTier) {
  return [
    { name: "otlp-grpc", containerPort: 4317 },
    { name: "otlp-http", containerPort: 4318 },
    ...(strategiesVolume(input, tier)
      ? [{ name: "jaeger-sampling", containerPort: COLLECTOR_REMOTE_SAMPLING_GRPC_PORT }]
      : []),
  ]
}

/** A tier's config file, with the commented debug block under the tier that exports to the backend. */
function renderCollectorTierConfig(tier: CollectorTier): string {
  const exporter = tier.config.service.pipelines.traces.exporters[0] ?? ""
  return renderYaml([
    { value: tier.config, trailingComment: exporter === "loadbalancing" ? undefined : debugExporterComment(exporter) },
  ])
}

/** The objects that run one tier: ConfigMap, Deployment, its Service, HPA and PodDisruptionBudget. */
function tierObjects(input: PlanInput, tier: CollectorTier): KubernetesObject[] {
  const labels = { "app.kubernetes.io/name": tier.name, "app.kubernetes.io/component": tier.role }
  const metadata = { name: tier.name, namespace: COLLECTOR_NAMESPACE, labels }
  const selector = { "app.kubernetes.io/name": tier.name }
  const strategies = strategiesVolume(input, tier)
  const ports = containerPorts(input, tier)
  const service: KubernetesObject =
    tier.role === "sampling" && tier.name !== COLLECTOR_SERVICE
      ? {
          // Headless: the load-balancing exporter routes to each pod itself, by trace id.
          apiVersion: "v1",
          kind: "Service",
          metadata,
          spec: {
            clusterIP: "None",
            selector,
            ports: [{ name: "otlp-grpc", port: 4317, targetPort: "otlp-grpc", appProtocol: "grpc" }],
          },
        }
      : {
          apiVersion: "v1",
          kind: "Service",
          metadata,
          spec: {
            selector,
            ports: ports.map(({ name, containerPort }) => ({
              name,
              port: containerPort,
              targetPort: name,
              ...(name === "otlp-http" ? {} : { appProtocol: "grpc" }),
            })),
          },
        }
  const objects: KubernetesObject[] = [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata,
      data: { "config.yaml": renderCollectorTierConfig(tier) },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata,
      spec: {
        replicas: tier.replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels },
          spec: {
            ...(tier.role === "load-balancing" ? { serviceAccountName: loadBalancerAccountName(tier.name) } : {}),
            containers: [
              {
                name: "otel-collector",
                image: COLLECTOR_CONTRIB_IMAGE,
                args: [`--config=${COLLECTOR_CONFIG_DIR}/config.yaml`],
                ports,
                resources: COLLECTOR_RESOURCES,
                volumeMounts: [
                  { name: "config", mountPath: COLLECTOR_CONFIG_DIR, readOnly: true },
                  ...(strategies ? [strategies.mount] : []),
                ],
              },
            ],
            volumes: [{ name: "config", configMap: { name: tier.name } }, ...(strategies ? [strategies.volume] : [])],
          },
        },
      },
    },
    service,
  ]
  if (tier.scales) {
    objects.push({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: tier.name },
        minReplicas: tier.replicas,
        maxReplicas: tier.replicas * HPA_MAX_REPLICAS_FACTOR,
        metrics: [
          {
            type: "Resource",
            resource: { name: "cpu", target: { type: "Utilization", averageUtilization: HPA_TARGET_CPU_PERCENT } },
          },
        ],
      },
    })
  }
  objects.push({
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata,
    // One pod at a time: a drained sampling pod loses the traces it holds, a forwarding pod its queue.
    spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
  })
  return objects
}

/**
 * Every Kubernetes object that runs the plan's Collector, in apply order: the namespace, the
 * strategies file when the apps poll for it, the resolver's ServiceAccount/Role/RoleBinding, then
 * each tier (sampling before load-balancing, so the resolver finds its backends) as a ConfigMap
 * with its config, a Deployment at the sized replica count with one core and its memory per
 * replica, a Service (headless for the sampling tier), an HPA whose minimum is the sized count and
 * a PodDisruptionBudget.
 *
 * @example
 * buildCollectorManifests(DEFAULT_INPUT).map(({ kind }) => kind)
 * //=> ["Namespace", "ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"]
 */
export function buildCollectorManifests(input: PlanInput, options?: CollectorOptions): KubernetesObject[] {
  const tiers = collectorTiers(input, options)
  const balancer = tiers.find(({ role }) => role === "load-balancing")
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: COLLECTOR_NAMESPACE } },
    ...strategiesConfigMap(input),
    ...(balancer ? resolverRbac(loadBalancerAccountName(balancer.name)) : []),
    ...[...tiers].reverse().flatMap((tier) => tierObjects(input, tier)),
  ]
}

/**
 * The manifests as one YAML stream for `kubectl apply -f`.
 *
 * @example
 * renderCollectorManifests(DEFAULT_INPUT).startsWith("apiVersion: v1\nkind: Namespace\n") //=> true
 */
export function renderCollectorManifests(input: PlanInput, options?: CollectorOptions): string {
  return renderYaml(buildCollectorManifests(input, options).map((value) => ({ value })))
}

/** What the manifests leave to the user, said for this plan's tiers. */
function collectorKubernetesCaveats(input: PlanInput, tiers: CollectorTier[]): string[] {
  const caveats = [
    `Runs ${COLLECTOR_CONTRIB_IMAGE} with one core and ${COLLECTOR_GB_PER_CORE} GiB per replica, the sizing behind the plan's Collector cost; the HPA adds replicas up to ${HPA_MAX_REPLICAS_FACTOR}× the sized count at ${HPA_TARGET_CPU_PERCENT} % CPU (it needs the metrics server).`,
    "A ConfigMap change reaches running pods only after kubectl rollout restart deployment -n observability.",
    "Apps keep their OTLP connection to the Collector pod they first reached, so replicas the HPA adds get only new connections until the apps reconnect.",
  ]
  const sampling = tiers.find(({ role }) => role === "sampling")
  if (sampling && !sampling.scales) {
    caveats.push(
      "A single tail-sampling replica has no HPA: a second one without a load-balancing tier in front would see only part of each trace."
    )
  }
  if (tiers.some(({ role }) => role === "load-balancing")) {
    caveats.push(
      `The load-balancing tier's ServiceAccount may get, list and watch EndpointSlices (discovery.k8s.io) in ${COLLECTOR_NAMESPACE}: the resolver watches the headless Service ${SAMPLING_TIER_SERVICE}'s EndpointSlices since Collector v0.140; a Role on endpoints alone leaves this tier unable to start.`,
      "When the sampling tier scales, about 1/n of trace ids move to another replica: traces in flight then are split and may be decided twice."
    )
  }
  if (collectorServesStrategies(input)) {
    caveats.push(
      `The ${STRATEGIES_CONFIGMAP} ConfigMap holds the Jaeger strategies file; it is mounted where the jaegerremotesampling extension reads it (${COLLECTOR_STRATEGIES_PATH}).`
    )
  }
  return caveats
}

/**
 * The Collector as Kubernetes manifests for a plan, or why the plan has none.
 *
 * @example
 * collectorKubernetesSnippet(DEFAULT_INPUT).available //=> true
 */
export function collectorKubernetesSnippet(input: PlanInput, options?: CollectorOptions): ConfigResult {
  const title = CONFIG_TITLES.collectorKubernetes
  const reason = configUnavailableReason("collectorKubernetes", input, options)
  if (reason !== undefined) return { id: "collectorKubernetes", title, available: false, reason }
  const tiers = collectorTiers(input, options)
  return {
    id: "collectorKubernetes",
    title,
    available: true,
    snippet: {
      id: "collectorKubernetes",
      title,
      filename: "otel-collector-k8s.yaml",
      language: "yaml",
      content: renderCollectorManifests(input, options),
      applyNote: `kubectl apply -f otel-collector-k8s.yaml (namespace ${COLLECTOR_NAMESPACE}: ${tiers.map(({ name, replicas }) => `${name} × ${replicas}`).join(", ")}). The apps send to ${COLLECTOR_SERVICE}.${COLLECTOR_NAMESPACE}.`,
      caveats: collectorKubernetesCaveats(input, tiers),
    },
  }
}
