import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parse, parseAllDocuments } from "yaml"

import {
  buildCollectorManifests,
  buildCollectorOperatorResources,
  collectorKubernetesSnippet,
  collectorOperatorSnippet,
  collectorSnippet,
  renderCollectorManifests,
  renderCollectorOperatorResources,
  type KubernetesObject,
} from "@/lib/configs"
import { collectorOptionsFor } from "@/lib/configs/plan-configs"
import { buildPlan } from "@/lib/plan/build-plan"
import type { PlanInput } from "@/lib/plan/fields"
import { collectorEndpoint } from "@/lib/plan/receivers"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { planInput, PROPERTY_TIMEOUT_MS, runs } from "../arbitraries"
import { OPENTELEMETRY_COLLECTOR_SCHEMAS, validateOpenTelemetryCollector, validateStructural } from "./crd-schemas"
import { validateKubernetesObject } from "./kubernetes-schemas"

/** The plan: 5,000 req/s, every trace to the Collector, tail sampling. */
const TAIL_PLAN: PlanInput = {
  ...DEFAULT_INPUT,
  tailSampling: true,
  sampler: "parentbased_always_on",
  daprEnabled: false,
}

/** The manifests exactly as the page and the API give them for a plan (its sizing in the options). */
function manifestsFor(input: PlanInput) {
  // The configs are written from plan.input (numbers without float noise), so the sizing they are
  // compared with is that input's: at 10⁹ replicas the rounding can move a ceiling by one.
  const plan = buildPlan(buildPlan(input).input)
  const options = collectorOptionsFor(plan.input, plan.tail)
  return {
    plan,
    k8s: buildCollectorManifests(plan.input, options),
    operator: buildCollectorOperatorResources(plan.input, options),
  }
}

const find = (objects: KubernetesObject[], kind: string, name: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests read as loose JSON in assertions
  objects.find((object) => object.kind === kind && object.metadata.name === name) as Record<string, any> | undefined

describe("buildCollectorManifests", () => {
  it("runs the issue's two tiers at the plan's sizing: 15 load-balancing and 19 sampling replicas", () => {
    const { plan, k8s } = manifestsFor(TAIL_PLAN)
    // tail.ts: at 5,000 req/s × 30 spans all kept, 150,000 spans/s → 19 sampling cores at 8,000/s, 15 forwarding at 10,000/s.
    expect([plan.collector.samplingCores, plan.collector.loadBalancingCores]).toEqual([19, 15])
    expect(find(k8s, "Deployment", "otel-collector-sampling")?.spec.replicas).toBe(19)
    expect(find(k8s, "Deployment", "otel-collector")?.spec.replicas).toBe(15)
    expect(find(k8s, "HorizontalPodAutoscaler", "otel-collector-sampling")?.spec).toMatchObject({
      minReplicas: 19,
      maxReplicas: 38,
    })
    expect(find(k8s, "HorizontalPodAutoscaler", "otel-collector")?.spec).toMatchObject({
      minReplicas: 15,
      maxReplicas: 30,
    })
    expect(k8s.map(({ kind, metadata }) => `${kind}/${metadata.name}`)).toEqual([
      "Namespace/observability",
      "ServiceAccount/otel-collector-lb",
      "Role/otel-collector-lb",
      "RoleBinding/otel-collector-lb",
      "ConfigMap/otel-collector-sampling",
      "Deployment/otel-collector-sampling",
      "Service/otel-collector-sampling",
      "HorizontalPodAutoscaler/otel-collector-sampling",
      "PodDisruptionBudget/otel-collector-sampling",
      "ConfigMap/otel-collector",
      "Deployment/otel-collector",
      "Service/otel-collector",
      "HorizontalPodAutoscaler/otel-collector",
      "PodDisruptionBudget/otel-collector",
    ])
  })

  it("lets the load-balancing tier watch EndpointSlices of the headless Service its resolver names", () => {
    const { k8s } = manifestsFor(TAIL_PLAN)
    // opentelemetry-collector-contrib issue #44494; example/k8s-resolver/README.md at 1257c9a5.
    expect(find(k8s, "Role", "otel-collector-lb")?.rules).toEqual([
      { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["get", "list", "watch"] },
    ])
    expect(find(k8s, "RoleBinding", "otel-collector-lb")).toMatchObject({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "otel-collector-lb" },
      subjects: [{ kind: "ServiceAccount", name: "otel-collector-lb", namespace: "observability" }],
    })
    const balancer = find(k8s, "Deployment", "otel-collector")
    expect(balancer?.spec.template.spec.serviceAccountName).toBe("otel-collector-lb")
    const headless = find(k8s, "Service", "otel-collector-sampling")
    expect(headless?.spec.clusterIP).toBe("None")
    const sampling = find(k8s, "Deployment", "otel-collector-sampling")
    expect(sampling?.spec.template.metadata.labels).toMatchObject(headless?.spec.selector)
    const lbConfig = parse(find(k8s, "ConfigMap", "otel-collector")?.data["config.yaml"])
    expect(lbConfig.exporters.loadbalancing.resolver).toEqual({
      k8s: { service: "otel-collector-sampling.observability", ports: [4317] },
    })
  })

  it("gives each pod one core and 2 GiB, mounts its tier's config and serves OTLP where the apps send", () => {
    const { k8s } = manifestsFor(TAIL_PLAN)
    for (const name of ["otel-collector", "otel-collector-sampling"]) {
      const pod = find(k8s, "Deployment", name)?.spec.template.spec
      expect(pod.containers[0]).toMatchObject({
        image: "otel/opentelemetry-collector-contrib:0.158.0",
        args: ["--config=/conf/config.yaml"],
        // tail.ts: 1 core + 2 GB per replica (COLLECTOR_GB_PER_CORE), the priced unit.
        resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "1", memory: "2Gi" } },
        volumeMounts: [{ name: "config", mountPath: "/conf", readOnly: true }],
      })
      expect(pod.volumes).toEqual([{ name: "config", configMap: { name } }])
      expect(find(k8s, "PodDisruptionBudget", name)?.spec).toEqual({
        maxUnavailable: 1,
        selector: { matchLabels: { "app.kubernetes.io/name": name } },
      })
    }
    const front = find(k8s, "Service", "otel-collector")
    const host = new URL(collectorEndpoint("grpc")).hostname
    expect(`${front?.metadata.name}.${front?.metadata.namespace}.svc.cluster.local`).toBe(host)
    expect(front?.spec.ports.map(({ port }: { port: number }) => port)).toEqual([4317, 4318])
  })

  it("runs one forwarding tier, sized like the plan's forwarding cores, when nothing tail-samples", () => {
    const { plan, k8s } = manifestsFor(DEFAULT_INPUT)
    // 5,000 req/s × 10 % × 30 spans = 15,000 spans/s at 10,000 per core → 2 (tail.ts example).
    expect(plan.collector.forwardingCores).toBe(2)
    expect(find(k8s, "Deployment", "otel-collector")?.spec.replicas).toBe(2)
    expect(k8s.map(({ kind }) => kind)).toEqual([
      "Namespace",
      "ConfigMap",
      "Deployment",
      "Service",
      "HorizontalPodAutoscaler",
      "PodDisruptionBudget",
    ])
  })

  it("gives a lone tail sampler no HPA, which would split its traces", () => {
    const k8s = buildCollectorManifests(DEFAULT_INPUT, { mode: "tail" })
    expect(k8s.some(({ kind }) => kind === "HorizontalPodAutoscaler")).toBe(false)
    expect(find(k8s, "Deployment", "otel-collector")?.spec.replicas).toBe(1)
  })

  it("mounts the Jaeger strategies file where the extension reads it when the apps poll the Collector", () => {
    const k8s = buildCollectorManifests({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" })
    const strategies = find(k8s, "ConfigMap", "otel-collector-sampling-strategies")
    expect(JSON.parse(strategies?.data["sampling-strategies.json"])).toHaveProperty("default_strategy")
    const container = find(k8s, "Deployment", "otel-collector")?.spec.template.spec.containers[0]
    expect(container.volumeMounts).toContainEqual({
      name: "sampling-strategies",
      mountPath: "/etc/otelcol",
      readOnly: true,
    })
    expect(container.ports).toContainEqual({ name: "jaeger-sampling", containerPort: 14250 })
  })

  it("writes YAML that reads back to the objects, every one valid for its kind with no unknown field", () => {
    for (const input of [DEFAULT_INPUT, TAIL_PLAN, { ...DEFAULT_INPUT, sampler: "jaeger_remote" as const }]) {
      const { k8s } = manifestsFor(input)
      const read = parseAllDocuments(renderCollectorManifests(input, collectorOptionsFor(input, buildPlan(input).tail)))
      expect(read.map((document) => document.toJS())).toStrictEqual(k8s)
      for (const object of k8s) expect(validateKubernetesObject(object)).toEqual([])
    }
  })

  it("is unavailable, with the reason, when the apps send straight to a SaaS intake", () => {
    const direct = { ...DEFAULT_INPUT, backend: "honeycomb" as const, otlpEndpoint: "https://api.honeycomb.io:443" }
    expect(collectorKubernetesSnippet(direct)).toMatchObject({
      available: false,
      reason: expect.stringMatching(/runs no Collector/),
    })
    expect(collectorOperatorSnippet(direct)).toMatchObject({
      available: false,
      reason: expect.stringMatching(/runs no Collector/),
    })
  })
})

describe("buildCollectorOperatorResources", () => {
  it("names the tiers so the apps' address and the resolver's headless Service are the Operator's own", () => {
    const { operator } = manifestsFor(TAIL_PLAN)
    expect(operator.map(({ kind, metadata }) => `${kind}/${metadata.name}`)).toEqual([
      "ServiceAccount/otel-lb",
      "Role/otel-lb",
      "RoleBinding/otel-lb",
      "OpenTelemetryCollector/otel-sampling",
      "OpenTelemetryCollector/otel",
    ])
    const front = find(operator, "OpenTelemetryCollector", "otel")?.spec
    const sampling = find(operator, "OpenTelemetryCollector", "otel-sampling")?.spec
    expect(front).toMatchObject({
      mode: "deployment",
      replicas: 15,
      serviceAccount: "otel-lb",
      autoscaler: { minReplicas: 15, maxReplicas: 30, targetCPUUtilization: 75 },
      podDisruptionBudget: { maxUnavailable: 1 },
    })
    expect(sampling).toMatchObject({ replicas: 19, autoscaler: { minReplicas: 19 } })
    // The Operator names Services <name>-collector and <name>-collector-headless (internal/naming/main.go at be89444).
    expect(front.config.exporters.loadbalancing.resolver.k8s.service).toBe(
      "otel-sampling-collector-headless.observability"
    )
    for (const object of operator) {
      if (object.kind === "OpenTelemetryCollector") expect(validateOpenTelemetryCollector(object)).toEqual([])
      else expect(validateKubernetesObject(object)).toEqual([])
    }
  })

  it("reads back from its YAML, and the CRD walk catches a misspelt field or a wrong mode", () => {
    const resources = buildCollectorOperatorResources(DEFAULT_INPUT)
    expect(parseAllDocuments(renderCollectorOperatorResources(DEFAULT_INPUT)).map((d) => d.toJS())).toStrictEqual(
      resources
    )
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests read as loose JSON in assertions
    const [collector] = resources as Record<string, any>[]
    const typo = { ...collector, spec: { ...collector?.spec, replica: 2, mode: "deployments" } }
    expect(validateOpenTelemetryCollector(typo)).toEqual([
      "/spec/mode is not one of daemonset, deployment, sidecar, statefulset",
      "/spec/replica is not a field of the schema",
    ])
    // spec.config keeps unknown fields (any component's settings); its service.pipelines entries are still typed.
    const schema = OPENTELEMETRY_COLLECTOR_SCHEMAS["opentelemetry.io/v1beta1"]!
    expect(
      validateStructural(
        {
          apiVersion: collector?.apiVersion,
          kind: collector?.kind,
          spec: { ...collector?.spec, config: { receivers: {}, exporters: {} } },
        },
        schema
      )
    ).toEqual(["/spec/config/service is required"])
  })
})

describe("for any plan", () => {
  it(
    "the manifests' replicas equal the plan's Collector sizing and every object validates",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          const { plan, k8s, operator } = manifestsFor(input)
          const options = collectorOptionsFor(plan.input, plan.tail)
          if (collectorKubernetesSnippet(plan.input, options).available === false) {
            // No Collector in the plan, options the Collector config refuses (over 1,000 sampling
            // replicas), or over 1,000 replicas in the first tier, which the manifests refuse.
            const firstTier = plan.collector.forwardingCores + plan.collector.loadBalancingCores
            expect(
              plan.collector.cores === 0 || !collectorSnippet(plan.input, options).available || firstTier > 1000
            ).toBe(true)
            return
          }
          const replicas = (kind: string) =>
            k8s.filter((object) => object.kind === kind).map((object) => (object.spec as { replicas: number }).replicas)
          const sized = [
            plan.collector.samplingCores,
            plan.collector.loadBalancingCores,
            plan.collector.forwardingCores,
          ]
          const expected = input.tailSampling
            ? sized.slice(0, plan.collector.loadBalancingCores > 0 ? 2 : 1)
            : // A Collector with no spans (always_off) still runs one replica; the plan prices none.
              [Math.max(1, plan.collector.forwardingCores)]
          expect(replicas("Deployment")).toEqual(expected)
          const operatorReplicas = operator
            .filter((object) => object.kind === "OpenTelemetryCollector")
            .map((object) => (object.spec as { replicas: number }).replicas)
          expect(operatorReplicas).toEqual(expected)
          for (const object of k8s) expect(validateKubernetesObject(object)).toEqual([])
          for (const object of operator)
            expect(
              object.kind === "OpenTelemetryCollector"
                ? validateOpenTelemetryCollector(object)
                : validateKubernetesObject(object)
            ).toEqual([])
        }),
        { numRuns: runs(60) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
