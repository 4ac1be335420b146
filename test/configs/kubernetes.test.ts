import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { parse } from "yaml"

import {
  buildComposeFile,
  buildDeployment,
  composeSnippet,
  daprAnnotations,
  defaultTailSamplingOptions,
  deploymentSnippet,
  escapeComposeInterpolation,
  renderComposeFile,
  renderDeployment,
} from "@/lib/configs"
import { buildOtelEnv, escapeKubeletExpansion } from "@/lib/configs"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { kubeletEnvironment, kubeletExpand } from "./kubelet-expansion"

const DEFAULT_ENV = [
  { name: "OTEL_SERVICE_NAME", value: "task-api" },
  { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://otel-collector.observability.svc.cluster.local:4317" },
  { name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: "grpc" },
  { name: "OTEL_TRACES_SAMPLER", value: "parentbased_traceidratio" },
  { name: "OTEL_TRACES_SAMPLER_ARG", value: "0.1" },
  { name: "OTEL_RESOURCE_ATTRIBUTES", value: "deployment.environment.name=production,service.namespace=default" },
  { name: "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS", value: "health,metrics,readiness" },
]

describe("buildDeployment", () => {
  it("builds the default plan's Deployment with the Dapr annotations on the pod template", () => {
    expect(buildDeployment(DEFAULT_INPUT)).toStrictEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "task-api", namespace: "default", labels: { app: "task-api" } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "task-api" } },
        template: {
          metadata: {
            labels: { app: "task-api" },
            annotations: {
              "dapr.io/enabled": "true",
              "dapr.io/app-id": "task-api",
              "dapr.io/app-port": "8000",
              "dapr.io/config": "task-api-tracing",
            },
          },
          spec: {
            containers: [
              {
                name: "task-api",
                image: "registry.example.com/task-api:1.0.0",
                ports: [{ containerPort: 8000 }],
                env: DEFAULT_ENV,
              },
            ],
          },
        },
      },
    })
  })

  it("leaves the annotations out when Dapr is off", () => {
    expect(daprAnnotations({ ...DEFAULT_INPUT, daprEnabled: false })).toBeUndefined()
    expect(buildDeployment({ ...DEFAULT_INPUT, daprEnabled: false }).spec.template.metadata).toStrictEqual({
      labels: { app: "task-api" },
    })
  })

  it("quotes every env value and annotation, so kubectl reads strings", () => {
    const text = renderDeployment(DEFAULT_INPUT)
    expect(text).toContain('              value: "0.1"\n')
    expect(text).toContain('        dapr.io/enabled: "true"\n')
    expect(text).toContain('        dapr.io/app-port: "8000"\n')
    expect(text).toContain('        dapr.io/config: "task-api-tracing"\n')
    expect(text).toContain("  replicas: 3\n")
    expect(text).toContain("            - containerPort: 8000\n")
  })

  it("reads back, as YAML 1.1 like kubectl, with strings where Kubernetes wants strings", () => {
    const input = { ...DEFAULT_INPUT, serviceName: "yes", namespace: "on", image: "12:30", ratio: 1 }
    expect(parse(renderDeployment(input), { version: "1.1" })).toStrictEqual(buildDeployment(input))
    const env = buildDeployment(input).spec.template.spec.containers[0].env
    expect(env.find((v) => v.name === "OTEL_TRACES_SAMPLER_ARG")).toStrictEqual({
      name: "OTEL_TRACES_SAMPLER_ARG",
      value: "1",
    })
  })

  it("tells where the file goes and that the Dapr Configuration must exist first", () => {
    const result = deploymentSnippet(DEFAULT_INPUT)
    expect(result.available).toBe(true)
    if (!result.available) return
    expect(result.snippet.filename).toBe("deployment.yaml")
    expect(result.snippet.applyNote).toBe(
      'kubectl apply -f deployment.yaml (creates or updates Deployment "task-api" in namespace "default").'
    )
    expect(result.snippet.caveats).toContain(
      'dapr.io/config names the Dapr Configuration "task-api-tracing", which must exist in namespace "default" before the pod starts: daprd fails with "error loading configuration" otherwise. Apply dapr-config.yaml first.'
    )
  })
})

describe("env values under the kubelet's $(VAR) expansion", () => {
  it("emulates the kubelet: $(NAME) of an earlier variable, $$ as $, the rest as written", () => {
    const earlier = { OTEL_SERVICE_NAME: "task-api" }
    expect(kubeletExpand("health$$,$(OTEL_SERVICE_NAME)", earlier)).toBe("health$,task-api")
    expect(kubeletExpand("$(MISSING)$(", earlier)).toBe("$(MISSING)$(")
    expect(kubeletExpand("^/a$x$", earlier)).toBe("^/a$x$")
  })

  it("reaches the app as typed: every $ written as $$", () => {
    // Unescaped, the kubelet turned this into health$,task-api.
    const input = { ...DEFAULT_INPUT, excludedUrls: "health$$,$(OTEL_SERVICE_NAME),^/ready$" }
    const env = buildDeployment(input).spec.template.spec.containers[0].env
    const excluded = env.find((v) => v.name === "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS")
    expect(excluded && "value" in excluded && excluded.value).toBe("health$$$$,$$(OTEL_SERVICE_NAME),^/ready$$")
    expect(kubeletEnvironment(env)).toEqual(
      Object.fromEntries(buildOtelEnv(input).map(({ name, value }) => [name, value]))
    )
    const caveats = (plan: typeof input) => {
      const result = deploymentSnippet(plan)
      return result.available ? result.snippet.caveats : []
    }
    expect(caveats(input)).toContain(
      "The kubelet expands $(VAR) in env values, so each $ is written as $$ (its literal $); the app reads what you typed."
    )
    expect(caveats(DEFAULT_INPUT).join(" ")).not.toContain("kubelet")
  })

  it("round-trips any text through the kubelet", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("$", "(", ")", "A", "_", "x", ",") }), (text) => {
        expect(kubeletExpand(escapeKubeletExpansion(text), { A: "expanded", A_: "expanded" })).toBe(text)
      })
    )
  })
})

describe("buildComposeFile", () => {
  it("builds the default plan's app, sending to the Compose Collector service, and that Collector", () => {
    const environment = Object.fromEntries(DEFAULT_ENV.map(({ name, value }) => [name, value]))
    expect(buildComposeFile(DEFAULT_INPUT)).toStrictEqual({
      services: {
        "task-api": {
          image: "registry.example.com/task-api:1.0.0",
          depends_on: ["otel-collector"],
          environment: { ...environment, OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4317" },
        },
        "otel-collector": {
          // The version the Operator at be89444 deploys (versions.txt), as in the Kubernetes manifests.
          image: "otel/opentelemetry-collector-contrib:0.158.0",
          command: ["--config=/etc/otelcol-contrib/config.yaml"],
          volumes: ["./otel-collector-config.yaml:/etc/otelcol-contrib/config.yaml:ro"],
        },
      },
    })
  })

  it("sends OTLP/HTTP to port 4318 and polls the Compose Collector for Jaeger strategies", () => {
    const input = {
      ...DEFAULT_INPUT,
      protocol: "http/protobuf" as const,
      sampler: "parentbased_jaeger_remote" as const,
    }
    const file = buildComposeFile(input)
    expect(file.services["task-api"]?.environment).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318",
      OTEL_TRACES_SAMPLER_ARG: "endpoint=http://otel-collector:14250,pollingIntervalMs=60000,initialSamplingRate=0.1",
    })
    expect(file.services["otel-collector"]?.volumes).toEqual([
      "./otel-collector-config.yaml:/etc/otelcol-contrib/config.yaml:ro",
      "./sampling-strategies.json:/etc/otelcol/sampling-strategies.json:ro",
    ])
  })

  it("runs the tail-sampling tier alone when the plan has two tiers", () => {
    const options = {
      mode: "tail" as const,
      tail: { ...defaultTailSamplingOptions(DEFAULT_INPUT), collectorReplicas: 3 },
    }
    expect(buildComposeFile(DEFAULT_INPUT, options).services["otel-collector"]?.volumes).toEqual([
      "./otel-collector-sampling.yaml:/etc/otelcol-contrib/config.yaml:ro",
    ])
  })

  it("keeps a SaaS endpoint and adds no Collector when the plan has none", () => {
    const input = { ...DEFAULT_INPUT, backend: "honeycomb" as const, otlpEndpoint: "https://api.honeycomb.io:443" }
    const file = buildComposeFile(input)
    expect(Object.keys(file.services)).toEqual(["task-api"])
    expect(file.services["task-api"]?.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("https://api.honeycomb.io:443")
  })

  it("names the Collector service otelcol when the app is called otel-collector", () => {
    const file = buildComposeFile({ ...DEFAULT_INPUT, serviceName: "otel-collector" })
    expect(Object.keys(file.services)).toEqual(["otel-collector", "otelcol"])
    expect(file.services["otel-collector"]?.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://otelcol:4317")
  })

  it("quotes every environment value", () => {
    expect(renderComposeFile(DEFAULT_INPUT)).toContain('      OTEL_TRACES_SAMPLER_ARG: "0.1"\n')
  })

  it("escapes $ as $$, Compose's literal dollar", () => {
    expect(escapeComposeInterpolation("^/health$,a$b")).toBe("^/health$$,a$$b")
    const input = { ...DEFAULT_INPUT, excludedUrls: "^/health$" }
    expect(buildComposeFile(input).services["task-api"]?.environment?.OTEL_PYTHON_FASTAPI_EXCLUDED_URLS).toBe(
      "^/health$$"
    )
    const result = composeSnippet(input)
    expect(result.available && result.snippet.caveats).toContain(
      "Compose interpolates $ in the file, so each $ in a value is written as $$ (Compose's literal $)."
    )
  })

  it("warns that a cluster-internal backend does not resolve under Compose, and never for its own Collector", () => {
    const direct = { ...DEFAULT_INPUT, otlpEndpoint: "http://tempo-distributor.tempo.svc.cluster.local:4317" }
    const result = composeSnippet(direct)
    expect(result.available && result.snippet.caveats).toContain(
      "tempo-distributor.tempo.svc.cluster.local only resolves inside Kubernetes: under Compose, point OTEL_EXPORTER_OTLP_ENDPOINT at a service on the same network, e.g. http://otel-collector:4317."
    )
    const own = composeSnippet(DEFAULT_INPUT)
    expect(own.available && own.snippet.caveats.some((c) => c.includes("only resolves inside Kubernetes"))).toBe(false)
  })
})
