import { describe, expect, it } from "vitest"
import { parse } from "yaml"

import { buildDaprConfiguration, buildDeployment, daprSnippet, renderDaprConfiguration } from "@/lib/configs"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { daprConfigurationSchema } from "./crd-schemas"

describe("buildDaprConfiguration", () => {
  it("builds the default plan's Configuration with everything the CRD requires", () => {
    expect(buildDaprConfiguration(DEFAULT_INPUT)).toStrictEqual({
      apiVersion: "dapr.io/v1alpha1",
      kind: "Configuration",
      metadata: { name: "task-api-tracing", namespace: "default" },
      spec: {
        tracing: {
          samplingRate: "0.1",
          otel: {
            endpointAddress: "otel-collector.observability.svc.cluster.local:4317",
            isSecure: false,
            protocol: "grpc",
          },
        },
      },
    })
  })

  it("writes samplingRate as a quoted string", () => {
    expect(renderDaprConfiguration(DEFAULT_INPUT)).toContain('    samplingRate: "0.1"\n')
    expect(renderDaprConfiguration({ ...DEFAULT_INPUT, daprSamplingRate: 1 })).toContain('    samplingRate: "1"\n')
    expect(renderDaprConfiguration({ ...DEFAULT_INPUT, daprSamplingRate: 1e-7 })).toContain(
      '    samplingRate: "0.0000001"\n'
    )
  })

  it("is named exactly as the Deployment's dapr.io/config annotation says", () => {
    const input = { ...DEFAULT_INPUT, serviceName: "orders" }
    expect(buildDaprConfiguration(input).metadata.name).toBe(
      buildDeployment(input).spec.template.metadata.annotations?.["dapr.io/config"]
    )
  })

  it.each([
    ["http://otel-collector.observability:4318", "http/protobuf", "otel-collector.observability:4318", false, "http"],
    ["https://otlp.example.com", "grpc", "otlp.example.com:443", true, "grpc"],
    ["https://otlp.example.com:4318/otlp", "http/protobuf", "otlp.example.com:4318", true, "http"],
  ] as const)(
    "exports %s (%s) to %s, isSecure %s, protocol %s",
    (otlpEndpoint, protocol, endpointAddress, isSecure, daprProtocol) => {
      expect(buildDaprConfiguration({ ...DEFAULT_INPUT, otlpEndpoint, protocol }).spec.tracing.otel).toStrictEqual({
        endpointAddress,
        isSecure,
        protocol: daprProtocol,
      })
    }
  )

  it("passes the CRD schema and reads back exactly", () => {
    const text = renderDaprConfiguration(DEFAULT_INPUT)
    expect(daprConfigurationSchema.parse(parse(text, { version: "1.1" }))).toStrictEqual(
      buildDaprConfiguration(DEFAULT_INPUT)
    )
  })
})

describe("daprSnippet", () => {
  it("is unavailable, with the reason, when Dapr is off", () => {
    expect(daprSnippet({ ...DEFAULT_INPUT, daprEnabled: false })).toStrictEqual({
      id: "dapr",
      title: "Dapr Configuration",
      available: false,
      reason: "Dapr is off in this plan: turn on the Dapr sidecar to get a tracing Configuration.",
    })
  })

  it("says how to apply it and that rates do not multiply", () => {
    const result = daprSnippet(DEFAULT_INPUT)
    if (!result.available) throw new Error("expected a snippet")
    expect(result.snippet.filename).toBe("dapr-config.yaml")
    expect(result.snippet.applyNote).toBe(
      'kubectl apply -f dapr-config.yaml before the Deployment (Configuration "task-api-tracing" in namespace "default").'
    )
    expect(result.snippet.caveats[0]).toBe(
      "Dapr's sidecar samples requests that arrive without trace context at 0.1 and the app, being parent-based, follows that decision: rates do not multiply. The app's own sampler only decides for traces the app starts itself (jobs, calls without inbound context)."
    )
  })

  it("says the app decides and the sidecar follows when requests bypass the sidecar", () => {
    const result = daprSnippet({ ...DEFAULT_INPUT, entryPoint: "app", daprSamplingRate: 0.5 })
    expect(result.available && result.snippet.caveats[0]).toBe(
      "Requests reach the app without passing its sidecar, so the app's parentbased_traceidratio starts the traces and the sidecar follows each decision for the calls it carries; samplingRate 0.5 only decides calls that reach the sidecar with no trace context."
    )
  })

  it('warns that samplingRate "0" turns Dapr tracing off', () => {
    const result = daprSnippet({ ...DEFAULT_INPUT, daprSamplingRate: 0 })
    // dapr/dapr d8450742ce pkg/api/http/server.go useTracing: no tracing middleware at "0".
    expect(result.available && result.snippet.caveats[0]).toEqual(
      "samplingRate \"0\" turns the sidecar's tracing off: it records no spans and sends no traceparent, so the app's sampler starts every trace (Dapr's spans are missing from them)."
    )
  })

  it("warns that a sampler that is not parent-based breaks traces behind Dapr", () => {
    const result = daprSnippet({ ...DEFAULT_INPUT, sampler: "traceidratio" })
    expect(result.available && result.snippet.caveats[0]).toBe(
      "Dapr's sidecar samples requests that arrive without trace context at 0.1 and traceidratio is not parent-based, so the app ignores that decision and traces break at the sidecar: use a parentbased_* sampler behind Dapr."
    )
  })

  it("warns that Dapr drops the endpoint's path", () => {
    const result = daprSnippet({
      ...DEFAULT_INPUT,
      otlpEndpoint: "https://otlp.example.com:4318/otlp",
      protocol: "http/protobuf",
    })
    expect(result.available && result.snippet.caveats).toContain(
      "Dapr takes host:port only and always posts to /v1/traces over HTTP, so the endpoint path /otlp is dropped."
    )
    const grpc = daprSnippet({ ...DEFAULT_INPUT, otlpEndpoint: "http://collector:4317/otlp" })
    expect(grpc.available && grpc.snippet.caveats).toContain(
      "Dapr takes host:port only (OTLP over gRPC has no URL path), so the endpoint path /otlp is dropped."
    )
  })
})
