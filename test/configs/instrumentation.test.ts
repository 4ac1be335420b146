import { describe, expect, it } from "vitest"
import { parse } from "yaml"

import {
  buildInstrumentation,
  INSTRUMENTATION_SAMPLER_TYPES,
  instrumentationSnippet,
  renderInstrumentation,
} from "@/lib/configs"
import { SAMPLERS } from "@/lib/plan/samplers"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { instrumentationSchema, OPERATOR_SAMPLER_TYPES } from "./crd-schemas"
import { kubeletEnvironment } from "./kubelet-expansion"

describe("buildInstrumentation", () => {
  it("builds the default plan's Instrumentation, exporting over OTLP/HTTP on 4318", () => {
    expect(buildInstrumentation(DEFAULT_INPUT)).toStrictEqual({
      apiVersion: "opentelemetry.io/v1alpha1",
      kind: "Instrumentation",
      metadata: { name: "task-api-instrumentation", namespace: "default" },
      spec: {
        exporter: { endpoint: "http://otel-collector.observability.svc.cluster.local:4318" },
        propagators: ["tracecontext", "baggage"],
        sampler: { type: "parentbased_traceidratio", argument: "0.1" },
        resource: {
          resourceAttributes: { "deployment.environment.name": "production", "service.namespace": "default" },
        },
        env: [{ name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: "http/protobuf" }],
        python: { env: [{ name: "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS", value: "health,metrics,readiness" }] },
      },
    })
  })

  it("writes the sampler argument as a quoted string", () => {
    expect(renderInstrumentation(DEFAULT_INPUT)).toContain('    argument: "0.1"\n')
    expect(renderInstrumentation({ ...DEFAULT_INPUT, ratio: 1 })).toContain('    argument: "1"\n')
  })

  it("leaves the argument out for samplers that take none", () => {
    expect(buildInstrumentation({ ...DEFAULT_INPUT, sampler: "always_on" }).spec.sampler).toStrictEqual({
      type: "always_on",
    })
  })

  it("keeps an http/protobuf plan's endpoint and leaves the language env out for other languages", () => {
    const spec = buildInstrumentation({
      ...DEFAULT_INPUT,
      language: "java",
      protocol: "http/protobuf",
      otlpEndpoint: "http://otel-collector:4318",
    }).spec
    expect(spec.exporter.endpoint).toBe("http://otel-collector:4318")
    expect(spec).not.toHaveProperty("python")
  })

  it("accepts exactly the sampler types the CRD enum lists", () => {
    expect(INSTRUMENTATION_SAMPLER_TYPES).toEqual(OPERATOR_SAMPLER_TYPES)
    expect(SAMPLERS.filter((s) => !(INSTRUMENTATION_SAMPLER_TYPES as readonly string[]).includes(s))).toEqual([
      "parentbased_jaeger_remote",
    ])
  })

  it.each(INSTRUMENTATION_SAMPLER_TYPES)("passes the CRD schema and its webhook rules with %s", (sampler) => {
    const input = { ...DEFAULT_INPUT, sampler }
    expect(instrumentationSchema.parse(parse(renderInstrumentation(input)))).toStrictEqual(buildInstrumentation(input))
  })
})

describe("instrumentationSnippet", () => {
  it("refuses parentbased_jaeger_remote, which the CRD enum lacks, with the reason", () => {
    expect(instrumentationSnippet({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" })).toStrictEqual({
      id: "instrumentation",
      title: "OpenTelemetry Operator Instrumentation",
      available: false,
      reason:
        "The Operator's Instrumentation CRD does not list parentbased_jaeger_remote in spec.sampler.type, so the API server rejects it. Use jaeger_remote, or keep OTEL_TRACES_SAMPLER=parentbased_jaeger_remote in the Deployment's env (container env wins over the Instrumentation).",
    })
    expect(() => buildInstrumentation({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" })).toThrow()
  })

  it("says how to inject it, with the Operator's language name", () => {
    const result = instrumentationSnippet({ ...DEFAULT_INPUT, language: "node" })
    expect(result.available && result.snippet.applyNote).toBe(
      'kubectl apply -f instrumentation.yaml, then annotate the pod template with instrumentation.opentelemetry.io/inject-nodejs: "task-api-instrumentation" and restart the pods.'
    )
  })

  it("explains the move from the plan's gRPC port to OTLP/HTTP", () => {
    const result = instrumentationSnippet(DEFAULT_INPUT)
    expect(result.available && result.snippet.caveats).toContain(
      "Auto-instrumentation exports over http/protobuf (the Operator forces it for Python), so the endpoint is http://otel-collector.observability.svc.cluster.local:4318 instead of the plan's gRPC http://otel-collector.observability.svc.cluster.local:4317: the receiver must serve OTLP/HTTP on 4318."
    )
  })

  it("gives each language its own reason for OTLP/HTTP: only Python's is the Operator forcing it", () => {
    const go = instrumentationSnippet({ ...DEFAULT_INPUT, language: "go" })
    expect(go.available && go.snippet.caveats.join("\n")).toContain(
      "Auto-instrumentation exports over http/protobuf (the Go auto-instrumentation default)"
    )
    const java = instrumentationSnippet({ ...DEFAULT_INPUT, language: "java" })
    expect(java.available && java.snippet.caveats.join("\n")).toContain("(the Java agent 2.x default)")
  })
})

describe("the Instrumentation's python env under the kubelet's expansion", () => {
  it("writes each $ as $$, so the app reads the excluded URLs as typed", () => {
    const input = { ...DEFAULT_INPUT, excludedUrls: "health$$,$(OTEL_SERVICE_NAME)" }
    const env = buildInstrumentation(input).spec.python?.env ?? []
    expect(env).toEqual([{ name: "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS", value: "health$$$$,$$(OTEL_SERVICE_NAME)" }])
    expect(kubeletEnvironment([{ name: "OTEL_SERVICE_NAME", value: "task-api" }, ...env])).toMatchObject({
      OTEL_PYTHON_FASTAPI_EXCLUDED_URLS: "health$$,$(OTEL_SERVICE_NAME)",
    })
  })
})
