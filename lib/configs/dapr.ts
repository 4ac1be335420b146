import { SAMPLER_INFO } from "@/lib/plan/samplers"
import type { PlanInput } from "@/lib/plan/fields"

import { endpointHostPort, endpointPath } from "@/lib/plan/endpoint-url"

import { formatDecimal } from "./format"
import { configUnavailableReason } from "./availability"
import { CONFIG_TITLES, type ConfigResult } from "./types"
import { renderYaml } from "./yaml"

/**
 * Name of the plan's Dapr `Configuration`: the Deployment's `dapr.io/config` annotation and the
 * Dapr snippet's `metadata.name` both use it, so they always match.
 *
 * @example
 * daprConfigurationName(DEFAULT_INPUT) //=> "task-api-tracing"
 */
export function daprConfigurationName(input: PlanInput): string {
  return `${input.serviceName}-tracing`
}

/**
 * What Dapr does to the plan's sampling, for the snippets that turn the sidecar on.
 *
 * @example
 * daprCaveats(DEFAULT_INPUT)[0]
 * //=> "Dapr's sidecar samples requests that arrive without trace context at 0.1 and the app, …"
 */
export function daprCaveats(input: PlanInput): string[] {
  if (!input.daprEnabled) return []
  const rate = formatDecimal(input.daprSamplingRate)
  if (input.daprSamplingRate === 0) {
    return [
      "samplingRate \"0\" turns the sidecar's tracing off: it records no spans and sends no traceparent, so the app's sampler starts every trace (Dapr's spans are missing from them).",
    ]
  }
  if (input.entryPoint === "app") {
    return [
      `Requests reach the app without passing its sidecar, so the app's ${input.sampler} starts the traces and the sidecar follows each decision for the calls it carries; samplingRate ${rate} only decides calls that reach the sidecar with no trace context.`,
    ]
  }
  if (input.entryPoint === "dapr-app") {
    return [
      `Another Dapr app calls this one through service invocation: the caller's sidecar (or app) decides and this sidecar follows its traceparent; samplingRate ${rate} decides only calls that arrive without context. Put the same rate in the caller's Configuration.`,
    ]
  }
  const follows = SAMPLER_INFO[input.sampler].parentBased
    ? "the app, being parent-based, follows that decision: rates do not multiply. The app's own sampler only decides for traces the app starts itself (jobs, calls without inbound context)."
    : `${input.sampler} is not parent-based, so the app ignores that decision and traces break at the sidecar: use a parentbased_* sampler behind Dapr.`
  return [`Dapr's sidecar samples requests that arrive without trace context at ${rate} and ${follows}`]
}

/** A Dapr `Configuration` (dapr.io/v1alpha1) with the tracing block the CRD requires. */
export interface DaprConfiguration {
  apiVersion: "dapr.io/v1alpha1"
  kind: "Configuration"
  metadata: { name: string; namespace: string }
  spec: {
    tracing: {
      /** A string in the CRD; "0" disables tracing, "1" keeps every root. */
      samplingRate: string
      otel: {
        /** host:port, no scheme and no path. */
        endpointAddress: string
        isSecure: boolean
        /** Exactly "grpc" or "http": daprd errors on "http/protobuf". */
        protocol: "grpc" | "http"
      }
    }
  }
}

/**
 * The plan's Dapr tracing Configuration, in the app's namespace (daprd loads it from the pod's own
 * namespace) and named as the Deployment's `dapr.io/config` annotation says.
 *
 * @example
 * buildDaprConfiguration(DEFAULT_INPUT).spec.tracing
 * //=> { samplingRate: "0.1", otel: { endpointAddress: "otel-collector.observability.svc.cluster.local:4317",
 * //     isSecure: false, protocol: "grpc" } }
 */
export function buildDaprConfiguration(input: PlanInput): DaprConfiguration {
  return {
    apiVersion: "dapr.io/v1alpha1",
    kind: "Configuration",
    metadata: { name: daprConfigurationName(input), namespace: input.namespace },
    spec: {
      tracing: {
        samplingRate: formatDecimal(input.daprSamplingRate),
        otel: {
          endpointAddress: endpointHostPort(input.otlpEndpoint),
          isSecure: new URL(input.otlpEndpoint).protocol === "https:",
          protocol: input.protocol === "grpc" ? "grpc" : "http",
        },
      },
    },
  }
}

/**
 * The Dapr Configuration as YAML, with `samplingRate` quoted (an unquoted 0.1 is a YAML number,
 * which the CRD's string type rejects).
 *
 * @example
 * renderDaprConfiguration(DEFAULT_INPUT).includes('samplingRate: "0.1"') //=> true
 */
export function renderDaprConfiguration(input: PlanInput): string {
  return renderYaml([{ value: buildDaprConfiguration(input) }])
}

/**
 * The Dapr config for a plan, or why there is none (Dapr is off).
 *
 * @example
 * daprSnippet({ ...DEFAULT_INPUT, daprEnabled: false }).available //=> false
 */
export function daprSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.dapr
  const reason = configUnavailableReason("dapr", input)
  if (reason !== undefined) return { id: "dapr", title, available: false, reason }
  const name = daprConfigurationName(input)
  const path = endpointPath(input.otlpEndpoint)
  const caveats = [
    ...daprCaveats(input),
    `The Deployment's annotation dapr.io/config: "${name}" selects this Configuration; daprd looks it up in the pod's own namespace and fails to start if it is missing.`,
  ]
  if (path) {
    caveats.push(
      input.protocol === "grpc"
        ? `Dapr takes host:port only (OTLP over gRPC has no URL path), so the endpoint path ${path} is dropped.`
        : `Dapr takes host:port only and always posts to /v1/traces over HTTP, so the endpoint path ${path} is dropped.`
    )
  }
  return {
    id: "dapr",
    title,
    available: true,
    snippet: {
      id: "dapr",
      title,
      filename: "dapr-config.yaml",
      language: "yaml",
      content: renderDaprConfiguration(input),
      applyNote: `kubectl apply -f dapr-config.yaml before the Deployment (Configuration "${name}" in namespace "${input.namespace}").`,
      caveats,
    },
  }
}
