// The OpenTelemetry declarative configuration file (opentelemetry-configuration schema, stable
// 1.0.0): the plan's resource, propagators, sampler and OTLP exporter behind a batch processor,
// which an SDK reads instead of the OTEL_* variables when OTEL_CONFIG_FILE points at it.
// Sources, read 2026-12-07: OpenTelemetry blog, "Declarative configuration is stable!" (2026:
// implementations in C++, Go, Java, JS and PHP; .NET and Python in development); the Python SDK's
// latest docs, Declarative Configuration (OTEL_CONFIG_FILE, file_format "1.0", new); opentelemetry.io
// PR #9436 (Java agent 2.26.0: otel.config.file, file_format "1.0"); @opentelemetry/configuration
// 0.301.2 dist/parse.cjs (accepts file_format 1.x) and @opentelemetry/sdk-node 0.301.2
// dist/start.mjs (startNodeSdk reads OTEL_CONFIG_FILE).
import type { PlanInput } from "@/lib/plan/fields"

import {
  declarativeRefusal,
  declarativeSampler,
  DECLARATIVE_SDK_SUPPORT,
  type DeclarativeSampler,
} from "./declarative-model"
import { OTLP_HEADERS_VAR, otlpHeadersEnv, PYTHON_EXCLUDED_URLS_VAR, saasAuthCaveats } from "./env"
import { isTracesUrl, OTLP_TRACES_PATH, otlpBaseUrl, planResourceAttributes } from "./format"
import { CONFIG_TITLES, type ConfigResult } from "./types"
import { renderYaml } from "./yaml"

/** The schema version the file declares: opentelemetry-configuration's stable 1.0. */
export const DECLARATIVE_FILE_FORMAT = "1.0"
/** Where the snippet suggests mounting the file; OTEL_CONFIG_FILE names it. */
export const DECLARATIVE_CONFIG_PATH = "/etc/otel/otel-config.yaml"

/** The declarative configuration file's content, as far as the generator fills it in. */
export interface DeclarativeConfig {
  file_format: typeof DECLARATIVE_FILE_FORMAT
  resource: { attributes: { name: string; value: string }[] }
  propagator: { composite: [{ tracecontext: Record<string, never> }, { baggage: Record<string, never> }] }
  tracer_provider: {
    processors: [{ batch: { exporter: { otlp_grpc: DeclarativeExporter } | { otlp_http: DeclarativeExporter } } }]
    sampler: DeclarativeSampler
  }
}

/** An OTLP exporter in the file: the endpoint and, for a SaaS intake, the auth header list. */
export interface DeclarativeExporter {
  endpoint: string
  headers_list?: string
}

/**
 * A text as the file keeps it: SDKs substitute `${NAME}` in every value and read `$$` as `$`
 * (configuration data model, environment variable substitution), so each `$` is doubled.
 *
 * @example
 * escapeEnvSubstitution("/v1/${x}") //=> "/v1/$${x}"
 */
export function escapeEnvSubstitution(value: string): string {
  return value.replace(/\$/g, "$$$$")
}

/**
 * The exporter's endpoint as the file takes it: a gRPC endpoint as given; an OTLP/HTTP one is the
 * full traces URL (the file's endpoint is used as it is, unlike OTEL_EXPORTER_OTLP_ENDPOINT).
 *
 * @example
 * declarativeEndpoint({ ...DEFAULT_INPUT, protocol: "http/protobuf", otlpEndpoint: "http://c:4318" }) //=> "http://c:4318/v1/traces"
 */
export function declarativeEndpoint(input: PlanInput): string {
  if (input.protocol === "grpc" || isTracesUrl(input.otlpEndpoint)) return input.otlpEndpoint
  return `${otlpBaseUrl(input.otlpEndpoint).replace(/\/$/, "")}${OTLP_TRACES_PATH}`
}

/**
 * The plan as a declarative configuration file: its resource (service.name and the resource
 * attributes), W3C propagators, sampler, and an OTLP exporter (gRPC or HTTP, as the plan sends)
 * behind a batch processor. A SaaS intake's header list is read from OTEL_EXPORTER_OTLP_HEADERS,
 * the variable the other snippets and the Secret fill.
 *
 * @throws Error when {@link declarativeRefusal} names a reason
 *
 * @example
 * buildDeclarativeConfig(DEFAULT_INPUT).tracer_provider.processors[0].batch.exporter
 * //=> { otlp_grpc: { endpoint: "http://otel-collector.observability.svc.cluster.local:4317" } }
 */
export function buildDeclarativeConfig(input: PlanInput): DeclarativeConfig {
  const sampler = declarativeSampler(input)
  const refusal = declarativeRefusal(input)
  if (refusal !== undefined || sampler === undefined) throw new Error(refusal)
  const attributes = Object.entries({ "service.name": input.serviceName, ...planResourceAttributes(input) }).map(
    ([name, value]) => ({ name, value: escapeEnvSubstitution(value) })
  )
  const exporter: DeclarativeExporter = { endpoint: escapeEnvSubstitution(declarativeEndpoint(input)) }
  if (otlpHeadersEnv(input)) exporter.headers_list = `\${${OTLP_HEADERS_VAR}}`
  return {
    file_format: DECLARATIVE_FILE_FORMAT,
    resource: { attributes },
    propagator: { composite: [{ tracecontext: {} }, { baggage: {} }] },
    tracer_provider: {
      processors: [
        { batch: { exporter: input.protocol === "grpc" ? { otlp_grpc: exporter } : { otlp_http: exporter } } },
      ],
      sampler,
    },
  }
}

/**
 * The declarative configuration file as YAML.
 *
 * @example
 * renderDeclarativeConfig(DEFAULT_INPUT).startsWith('file_format: "1.0"\n') //=> true
 */
export function renderDeclarativeConfig(input: PlanInput): string {
  return renderYaml([{ value: buildDeclarativeConfig(input) }])
}

/**
 * The declarative configuration config for a plan, or why it cannot have one.
 *
 * @example
 * declarativeSnippet(DEFAULT_INPUT).available //=> true
 */
export function declarativeSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.declarative
  const reason = declarativeRefusal(input)
  if (reason !== undefined) return { id: "declarative", title, available: false, reason }
  const caveats = [
    DECLARATIVE_SDK_SUPPORT[input.language].how,
    `With OTEL_CONFIG_FILE set the SDK ignores every other OTEL_* variable except those the file references (here ${otlpHeadersEnv(input) ? OTLP_HEADERS_VAR : "none"}): do not also set the environment snippets' variables and expect them to apply.`,
  ]
  if (otlpHeadersEnv(input)) {
    caveats.push(
      `headers_list reads ${OTLP_HEADERS_VAR} from the environment, so the key stays out of the file: set it as the environment file or the Deployment's Secret does.`,
      ...saasAuthCaveats(input, "manifest").slice(1)
    )
  }
  if (input.language === "python" && input.excludeHealthChecks) {
    caveats.push(
      `${PYTHON_EXCLUDED_URLS_VAR} is the FastAPI instrumentation's, not the SDK's: keep it in the environment beside OTEL_CONFIG_FILE.`
    )
  }
  return {
    id: "declarative",
    title,
    available: true,
    snippet: {
      id: "declarative",
      title,
      filename: "otel-config.yaml",
      language: "yaml",
      content: renderDeclarativeConfig(input),
      applyNote: `Mount the file (e.g. at ${DECLARATIVE_CONFIG_PATH}) and set OTEL_CONFIG_FILE=${DECLARATIVE_CONFIG_PATH} in the app's environment.`,
      caveats,
    },
  }
}
