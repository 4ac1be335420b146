import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { parse } from "yaml"

import {
  buildComposeFile,
  buildDeployment,
  composeSnippet,
  daprAnnotations,
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
  it("builds the default plan's service with its image and environment map", () => {
    expect(buildComposeFile(DEFAULT_INPUT)).toStrictEqual({
      services: {
        "task-api": {
          image: "registry.example.com/task-api:1.0.0",
          environment: Object.fromEntries(DEFAULT_ENV.map(({ name, value }) => [name, value])),
        },
      },
    })
  })

  it("quotes every environment value", () => {
    expect(renderComposeFile(DEFAULT_INPUT)).toContain('      OTEL_TRACES_SAMPLER_ARG: "0.1"\n')
  })

  it("escapes $ as $$, Compose's literal dollar", () => {
    expect(escapeComposeInterpolation("^/health$,a$b")).toBe("^/health$$,a$$b")
    const input = { ...DEFAULT_INPUT, excludedUrls: "^/health$" }
    expect(buildComposeFile(input).services["task-api"]?.environment.OTEL_PYTHON_FASTAPI_EXCLUDED_URLS).toBe(
      "^/health$$"
    )
    const result = composeSnippet(input)
    expect(result.available && result.snippet.caveats).toContain(
      "Compose interpolates $ in the file, so each $ in a value is written as $$ (Compose's literal $)."
    )
  })

  it("warns that a cluster-internal endpoint does not resolve under Compose", () => {
    const result = composeSnippet(DEFAULT_INPUT)
    expect(result.available && result.snippet.caveats).toContain(
      "otel-collector.observability.svc.cluster.local only resolves inside Kubernetes: under Compose, point OTEL_EXPORTER_OTLP_ENDPOINT at a service on the same network, e.g. http://otel-collector:4317."
    )
    const local = composeSnippet({ ...DEFAULT_INPUT, otlpEndpoint: "http://otel-collector:4317" })
    expect(local.available && local.snippet.caveats.some((c) => c.includes("only resolves inside Kubernetes"))).toBe(
      false
    )
  })
})
