import { endpointPort } from "@/lib/plan/endpoint-url"
import { OTLP_PORT, type Language, type PlanInput } from "@/lib/plan/fields"

import { envCaveats, otlpHeadersEnv, PYTHON_EXCLUDED_URLS_VAR, samplerArgument, saasAuthCaveats } from "./env"
import { isTracesUrl, OTLP_TRACES_PATH, otlpBaseUrl, otlpHttpEndpoint, planResourceAttributes } from "./format"
import { containerEnv, type ContainerEnvVar } from "./kubernetes"
import { instrumentationRefusal, isInstrumentationSamplerType, type InstrumentationSamplerType } from "./availability"
import { CONFIG_TITLES, type ConfigResult } from "./types"
import { renderYaml } from "./yaml"

/** The Operator's name for each language: its `spec.<language>` key and inject annotation suffix. */
export const OPERATOR_LANGUAGE: Record<Language, "python" | "nodejs" | "java" | "go" | "dotnet"> = {
  python: "python",
  node: "nodejs",
  java: "java",
  go: "go",
  dotnet: "dotnet",
}

/** An OpenTelemetry Operator `Instrumentation` (opentelemetry.io/v1alpha1), as far as the generator fills it in. */
export interface Instrumentation {
  apiVersion: "opentelemetry.io/v1alpha1"
  kind: "Instrumentation"
  metadata: { name: string; namespace: string }
  spec: {
    exporter: { endpoint: string }
    propagators: ["tracecontext", "baggage"]
    sampler: { type: InstrumentationSamplerType; argument?: string }
    resource: { resourceAttributes: Record<string, string> }
    env: ContainerEnvVar[]
    python?: { env: ContainerEnvVar[] }
  }
}

/**
 * Name of the plan's Instrumentation, which the pod's inject annotation refers to.
 *
 * @example
 * instrumentationName(DEFAULT_INPUT) //=> "task-api-instrumentation"
 */
export function instrumentationName(input: PlanInput): string {
  return `${input.serviceName}-instrumentation`
}

/**
 * The plan as an Operator Instrumentation in the app's namespace. Auto-instrumentation exports over
 * http/protobuf (forced for Python, the default for .NET, Go and Node.js), so the exporter endpoint
 * is the plan's endpoint on 4318 and the protocol is set explicitly for every language. The sampler
 * argument is a string, as the CRD types it.
 *
 * @throws Error for a sampler the CRD rejects (check {@link instrumentationRefusal} first)
 *
 * @example
 * buildInstrumentation(DEFAULT_INPUT).spec.sampler
 * //=> { type: "parentbased_traceidratio", argument: "0.1" }
 * buildInstrumentation(DEFAULT_INPUT).spec.exporter.endpoint
 * //=> "http://otel-collector.observability.svc.cluster.local:4318"
 */
export function buildInstrumentation(input: PlanInput): Instrumentation {
  const { sampler } = input
  if (!isInstrumentationSamplerType(sampler)) throw new Error(instrumentationRefusal(input))
  const argument = samplerArgument(input)
  const spec: Instrumentation["spec"] = {
    // The Operator sets the endpoint as OTEL_EXPORTER_OTLP_ENDPOINT, a base URL: no traces path.
    exporter: { endpoint: otlpHttpEndpoint(otlpBaseUrl(input.otlpEndpoint), input.protocol) },
    propagators: ["tracecontext", "baggage"],
    sampler: argument === undefined ? { type: sampler } : { type: sampler, argument },
    resource: { resourceAttributes: planResourceAttributes(input) },
    // The CRD's exporter has no headers: a SaaS intake's key goes in as env, from its Secret.
    env: containerEnv([
      { name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: "http/protobuf" },
      ...[otlpHeadersEnv(input)].filter((env) => env !== undefined),
    ]),
  }
  if (input.language === "python" && input.excludeHealthChecks) {
    // The Operator copies this env into the pod, where the kubelet expands $(…) and $$.
    spec.python = { env: containerEnv([{ name: PYTHON_EXCLUDED_URLS_VAR, value: input.excludedUrls }]) }
  }
  return {
    apiVersion: "opentelemetry.io/v1alpha1",
    kind: "Instrumentation",
    metadata: { name: instrumentationName(input), namespace: input.namespace },
    spec,
  }
}

/**
 * The Instrumentation as YAML for `kubectl apply`.
 *
 * @throws Error for a sampler the CRD rejects (check {@link instrumentationRefusal} first)
 *
 * @example
 * renderInstrumentation(DEFAULT_INPUT).includes('argument: "0.1"') //=> true
 */
export function renderInstrumentation(input: PlanInput): string {
  return renderYaml([{ value: buildInstrumentation(input) }])
}

/** Why the Operator's auto-instrumentation for a language sends OTLP/HTTP (config-specs §6). */
function whyHttp(language: PlanInput["language"]): string {
  if (language === "python") return "the Operator forces it for Python"
  if (language === "java") return "the Java agent 2.x default"
  return `the ${language === "dotnet" ? ".NET" : language === "node" ? "Node.js" : "Go"} auto-instrumentation default`
}

/**
 * The Operator Instrumentation config for a plan, or why its CRD cannot take the plan's sampler.
 *
 * @example
 * instrumentationSnippet({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" }).available //=> false
 */
export function instrumentationSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.instrumentation
  const refusal = instrumentationRefusal(input)
  if (refusal) return { id: "instrumentation", title, available: false, reason: refusal }
  const endpoint = otlpHttpEndpoint(otlpBaseUrl(input.otlpEndpoint), input.protocol)
  const language = OPERATOR_LANGUAGE[input.language]
  const caveats = [...envCaveats(input), ...saasAuthCaveats(input, "manifest")]
  if (isTracesUrl(input.otlpEndpoint)) {
    caveats.push(
      `The Operator passes the endpoint as a base URL that SDKs append ${OTLP_TRACES_PATH} to, so the plan's ${OTLP_TRACES_PATH} is left off.`
    )
  }
  if (input.protocol === "grpc") {
    caveats.push(
      endpointPort(endpoint) === OTLP_PORT["http/protobuf"]
        ? `Auto-instrumentation exports over http/protobuf (${whyHttp(input.language)}), so the endpoint is ${endpoint} instead of the plan's gRPC ${input.otlpEndpoint}: the receiver must serve OTLP/HTTP on 4318.`
        : `Auto-instrumentation exports over http/protobuf (${whyHttp(input.language)}): check that ${endpoint} also serves OTLP/HTTP, usually on port 4318.`
    )
  }
  caveats.push(
    "Env set in the container itself (such as deployment.yaml's env block) overrides this Instrumentation: use one or the other."
  )
  if (input.language === "go") {
    caveats.push(
      "Go auto-instrumentation also needs the pod annotation instrumentation.opentelemetry.io/otel-go-auto-target-exe with the path of the app's binary."
    )
  }
  return {
    id: "instrumentation",
    title,
    available: true,
    snippet: {
      id: "instrumentation",
      title,
      filename: "instrumentation.yaml",
      language: "yaml",
      content: renderInstrumentation(input),
      applyNote: `kubectl apply -f instrumentation.yaml, then annotate the pod template with instrumentation.opentelemetry.io/inject-${language}: "${instrumentationName(input)}" and restart the pods.`,
      caveats,
    },
  }
}
