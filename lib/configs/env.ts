import { hashesLikeDapr } from "@/lib/plan/ratio-hash"
import { endpointPath } from "@/lib/plan/endpoint-url"
import { SAMPLER_INFO, type Sampler } from "@/lib/plan/samplers"
import { LANGUAGE_LABELS, type Language, type PlanInput } from "@/lib/plan/fields"

import { formatDecimal, isTracesUrl, OTLP_TRACES_PATH, renderResourceAttributes } from "./format"
import { collectorEndpoint, isBackendReceiver, looksLikeJaeger } from "@/lib/plan/receivers"
import { CONFIG_TITLES, type ConfigResult } from "./types"
import {
  NO_OTLP_AUTH_SECRET,
  OTLP_HEADERS_SECRET_KEY,
  otlpHeadersPlaceholder,
  saasOtlpAuth,
} from "@/lib/plan/otlp-auth"

/** One environment variable, in the shape of a Kubernetes `EnvVar` (the value is always a string). */
export interface EnvVar {
  name: string
  /** The value; for a secret, a placeholder the `.env` and shell files carry until the user fills it in. */
  value: string
  /** Where manifests read a secret's real value from instead of `value`. */
  secretKeyRef?: { name: string; key: string }
}

/** The variable that carries a SaaS intake's API key header. */
export const OTLP_HEADERS_VAR = "OTEL_EXPORTER_OTLP_HEADERS"

/**
 * The auth header variable when the apps export straight to a SaaS intake and the plan names the
 * Secret holding the key: a placeholder (percent-encoded, as the OTel spec reads the variable)
 * in files, the Secret's `otlp-headers` key in manifests. Undefined otherwise.
 *
 * @example
 * otlpHeadersEnv({ ...DEFAULT_INPUT, otlpEndpoint: "https://api.honeycomb.io:443" })
 * //=> { name: "OTEL_EXPORTER_OTLP_HEADERS", value: "x-honeycomb-team=YOUR_HONEYCOMB_INGEST_KEY",
 * //     secretKeyRef: { name: "otlp-auth", key: "otlp-headers" } }
 * otlpHeadersEnv(DEFAULT_INPUT) //=> undefined
 */
export function otlpHeadersEnv(input: PlanInput): EnvVar | undefined {
  const auth = saasOtlpAuth(input.otlpEndpoint)
  if (!auth || input.otlpAuthSecret === NO_OTLP_AUTH_SECRET) return undefined
  return {
    name: OTLP_HEADERS_VAR,
    value: otlpHeadersPlaceholder(auth),
    secretKeyRef: { name: input.otlpAuthSecret, key: OTLP_HEADERS_SECRET_KEY },
  }
}

/** Jaeger v2's gRPC sampling port (config-specs §5.2). */
export const JAEGER_REMOTE_SAMPLING_GRPC_PORT = 5779
/** The gRPC port of the Collector's jaegerremotesampling extension, and of the Jaeger v1 collector (config-specs §5.1). */
export const COLLECTOR_REMOTE_SAMPLING_GRPC_PORT = 14250
/** How often a Jaeger remote sampler polls for its strategy: the Java SDK's default. */
export const JAEGER_REMOTE_POLLING_INTERVAL_MS = 60_000
/** Python's excluded-URL variable for FastAPI, the seed scenario's framework. */
export const PYTHON_EXCLUDED_URLS_VAR = "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS"

/** Samplers no core SDK env loader knows; they need an extension (or code) to work. */
const EXTENSION_SAMPLERS: ReadonlySet<Sampler> = new Set(["jaeger_remote", "parentbased_jaeger_remote", "xray"])

/**
 * Whether a sampler polls a Jaeger server for its strategy.
 *
 * @example
 * isJaegerRemote("parentbased_jaeger_remote") //=> true
 * isJaegerRemote("xray")                      //=> false
 */
export function isJaegerRemote(sampler: Sampler): boolean {
  return sampler === "jaeger_remote" || sampler === "parentbased_jaeger_remote"
}

/**
 * Whether the apps' Jaeger remote sampler polls the Collector (its jaegerremotesampling
 * extension) rather than a Jaeger host.
 *
 * @example
 * collectorServesStrategies({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" }) //=> true
 * collectorServesStrategies(DEFAULT_INPUT)                                             //=> false
 */
export function collectorServesStrategies(input: PlanInput): boolean {
  return isJaegerRemote(input.sampler) && !looksLikeJaeger(input.otlpEndpoint)
}

/** Where the Collector config expects the Jaeger strategies file (the Jaeger strategies snippet). */
export const COLLECTOR_STRATEGIES_PATH = "/etc/otelcol/sampling-strategies.json"

/**
 * The gRPC endpoint a Jaeger remote sampler polls: a Jaeger host on Jaeger v2's port 5779;
 * otherwise the Collector's jaegerremotesampling extension on 14250, at the OTLP endpoint's host
 * or, when that is another backend's intake (which serves no strategies), the Collector's Service.
 *
 * @example
 * jaegerRemoteSamplingEndpoint(DEFAULT_INPUT)
 * //=> "http://otel-collector.observability.svc.cluster.local:14250"
 * jaegerRemoteSamplingEndpoint({ ...DEFAULT_INPUT, otlpEndpoint: "http://jaeger-collector.monitoring.svc.cluster.local:4317" })
 * //=> "http://jaeger-collector.monitoring.svc.cluster.local:5779"
 */
export function jaegerRemoteSamplingEndpoint(input: PlanInput): string {
  const jaeger = looksLikeJaeger(input.otlpEndpoint)
  const url = new URL(jaeger || !isBackendReceiver(input.otlpEndpoint) ? input.otlpEndpoint : collectorEndpoint("grpc"))
  return `${url.protocol}//${url.hostname}:${jaeger ? JAEGER_REMOTE_SAMPLING_GRPC_PORT : COLLECTOR_REMOTE_SAMPLING_GRPC_PORT}`
}

/**
 * `OTEL_TRACES_SAMPLER_ARG` for the plan's sampler, or undefined when the sampler takes none.
 * Ratios are plain decimals; Jaeger remote samplers take `endpoint=…,pollingIntervalMs=…,initialSamplingRate=…`
 * with the plan's ratio as the rate used until the first strategy arrives.
 *
 * @example
 * samplerArgument({ ...DEFAULT_INPUT, ratio: 1e-7 })            //=> "0.0000001"
 * samplerArgument({ ...DEFAULT_INPUT, sampler: "always_on" })   //=> undefined
 * samplerArgument({ ...DEFAULT_INPUT, sampler: "jaeger_remote" })
 * //=> "endpoint=http://otel-collector.observability.svc.cluster.local:14250,pollingIntervalMs=60000,initialSamplingRate=0.1"
 */
export function samplerArgument(input: PlanInput): string | undefined {
  if (SAMPLER_INFO[input.sampler].takesRatio) return formatDecimal(input.ratio)
  if (isJaegerRemote(input.sampler)) {
    return [
      `endpoint=${jaegerRemoteSamplingEndpoint(input)}`,
      `pollingIntervalMs=${JAEGER_REMOTE_POLLING_INTERVAL_MS}`,
      `initialSamplingRate=${formatDecimal(input.ratio)}`,
    ].join(",")
  }
  return undefined
}

/**
 * Which variable carries the plan's endpoint: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT for an OTLP/HTTP
 * endpoint that already ends in /v1/traces, otherwise OTEL_EXPORTER_OTLP_ENDPOINT.
 *
 * @example
 * tracesEndpointVariable({ ...DEFAULT_INPUT, protocol: "http/protobuf", otlpEndpoint: "http://c:4318/v1/traces" })
 * //=> "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
 */
export function tracesEndpointVariable(
  input: PlanInput
): "OTEL_EXPORTER_OTLP_ENDPOINT" | "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" {
  return input.protocol === "http/protobuf" && isTracesUrl(input.otlpEndpoint)
    ? "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"
    : "OTEL_EXPORTER_OTLP_ENDPOINT"
}

/**
 * What the env snippets say about the endpoint variable they set, when there is something to say:
 * a full traces URL moved to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or a path gRPC does not use.
 *
 * @example
 * endpointCaveats(DEFAULT_INPUT) //=> []
 */
export function endpointCaveats(input: PlanInput): string[] {
  if (tracesEndpointVariable(input) === "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") {
    return [
      `The endpoint ends in ${OTLP_TRACES_PATH}, so it is set as OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, which the SDK uses as it is: OTEL_EXPORTER_OTLP_ENDPOINT is a base URL the SDK appends ${OTLP_TRACES_PATH} to.`,
    ]
  }
  const path = endpointPath(input.otlpEndpoint)
  return input.protocol === "grpc" && path
    ? [`OTLP over gRPC has no URL path: exporters ignore ${path} and call host:port.`]
    : []
}

/**
 * The OpenTelemetry SDK environment for a plan, in the order it is written everywhere: service name,
 * endpoint and (always explicit) protocol, a SaaS intake's auth header ({@link otlpHeadersEnv}),
 * sampler and its argument, resource attributes and, for Python with health checks excluded, the
 * FastAPI excluded-URL list.
 *
 * @example
 * buildOtelEnv(DEFAULT_INPUT).map((v) => `${v.name}=${v.value}`)
 * //=> ["OTEL_SERVICE_NAME=task-api",
 * //    "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability.svc.cluster.local:4317",
 * //    "OTEL_EXPORTER_OTLP_PROTOCOL=grpc", "OTEL_TRACES_SAMPLER=parentbased_traceidratio",
 * //    "OTEL_TRACES_SAMPLER_ARG=0.1",
 * //    "OTEL_RESOURCE_ATTRIBUTES=deployment.environment.name=production,service.namespace=default",
 * //    "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS=health,metrics,readiness"]
 */
export function buildOtelEnv(input: PlanInput): EnvVar[] {
  const env: EnvVar[] = [
    { name: "OTEL_SERVICE_NAME", value: input.serviceName },
    // The generic variable is a base URL the SDK appends /v1/traces to; a full traces URL goes in the
    // traces-only one, which the SDK uses as it is.
    { name: tracesEndpointVariable(input), value: input.otlpEndpoint },
    { name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: input.protocol },
  ]
  const headers = otlpHeadersEnv(input)
  if (headers) env.push(headers)
  env.push({ name: "OTEL_TRACES_SAMPLER", value: input.sampler })
  const argument = samplerArgument(input)
  if (argument !== undefined) env.push({ name: "OTEL_TRACES_SAMPLER_ARG", value: argument })
  env.push({ name: "OTEL_RESOURCE_ATTRIBUTES", value: renderResourceAttributes(input) })
  if (input.language === "python" && input.excludeHealthChecks) {
    env.push({ name: PYTHON_EXCLUDED_URLS_VAR, value: input.excludedUrls })
  }
  return env
}

function samplerSupportCaveat(language: Language, sampler: Sampler): string | undefined {
  if (!EXTENSION_SAMPLERS.has(sampler)) return undefined
  const inCode = sampler === "xray" ? "the AWS X-Ray sampler in code" : "a Jaeger remote sampler in code"
  switch (language) {
    case "node":
      return `The JS SDK does not know OTEL_TRACES_SAMPLER=${sampler}: it logs an error and falls back to parentbased_always_on, so every root is kept (100 %). Configure ${inCode}${sampler === "xray" ? "" : " (@opentelemetry/sampler-jaeger-remote polls Jaeger over HTTP on :5778)"}.`
    case "python":
      return `The Python SDK has no ${sampler} sampler in core: unless an installed package registers that name, it logs a warning and uses parentbased_always_on (100 % of roots).`
    case "go":
      return `The Go SDK reads only the six basic sampler names from the environment: ${sampler} is rejected and the default parentbased_always_on (100 % of roots) stays. Configure ${inCode}.`
    case "java":
      // TracerProviderConfiguration.configureSampler throws; AgentStarterImpl logs the failure and
      // installs no instrumentation (opentelemetry-java v1.65.0, -java-instrumentation v2.31.0).
      return sampler === "xray"
        ? "Java's autoconfigure throws on a sampler name no provider registers: the Java agent then fails to start and the service runs untraced. xray needs the AWS X-Ray sampler provider on the classpath (the AWS distribution of the Java agent has it)."
        : `Java's autoconfigure throws on a sampler name no provider registers: ${sampler} needs opentelemetry-sdk-extension-jaeger-remote-sampler on the classpath (the Java agent bundles it).`
    case "dotnet":
      return `The .NET SDK reads only the six basic sampler names from the environment: OTEL_TRACES_SAMPLER=${sampler} is logged as invalid and ignored, and the default parentbased_always_on (100 % of roots) stays. Configure ${inCode}.`
  }
}

function excludedUrlsCaveat(input: PlanInput): string | undefined {
  if (!input.excludeHealthChecks) return undefined
  const collectorDrop =
    "or let the generated Collector config's filter/health-checks processor drop them: the apps then still trace and send them, and only the Collector's export leaves them out"
  switch (input.language) {
    case "python":
      return `${PYTHON_EXCLUDED_URLS_VAR} is read when FastAPI's instrumentation is imported, so it must be in the process environment at start, not set from code. Each entry is an unanchored regex searched in the full URL ("health" also excludes "/healthy-recipes"). For Flask or Django use OTEL_PYTHON_FLASK_EXCLUDED_URLS or OTEL_PYTHON_DJANGO_EXCLUDED_URLS.`
    case "node":
      return `Node.js has no excluded-URL environment variable: set ignoreIncomingRequestHook in @opentelemetry/instrumentation-http, ${collectorDrop}.`
    case "java":
      return `Java has no excluded-URL environment variable (opentelemetry-java-instrumentation #1060): use the contrib RuleBasedRoutingSampler (declarative config or an extension), ${collectorDrop}.`
    case "go":
    case "dotnet":
      return `${LANGUAGE_LABELS[input.language]} has no standard excluded-URL environment variable: filter requests in your HTTP instrumentation's options in code, ${collectorDrop}.`
  }
}

/** How to make Grafana Cloud's header value: base64 of instanceId:token, then percent-encoded. */
const GRAFANA_HEADER_COMMAND = `printf 'Authorization=Basic%%20%s' "$(printf '%s:%s' "$INSTANCE_ID" "$TOKEN" | base64 | tr -d '\\n' | sed 's/+/%2B/g; s#/#%2F#g; s/=/%3D/g')"`

/**
 * What the snippets say about a SaaS intake's API key: where the real key goes (the placeholder in
 * a file, the Secret for manifests), how Grafana Cloud's value is built, which intakes take only
 * OTLP/HTTP, and, when the plan names no Secret, that the intake refuses every export.
 *
 * @example
 * saasAuthCaveats({ ...DEFAULT_INPUT, otlpEndpoint: "https://api.honeycomb.io:443" }, "file")[0]
 * //=> "Replace YOUR_HONEYCOMB_INGEST_KEY with a Honeycomb ingest API key, and keep this file out of version control."
 */
export function saasAuthCaveats(input: PlanInput, where: "file" | "manifest"): string[] {
  const auth = saasOtlpAuth(input.otlpEndpoint)
  if (!auth) return []
  if (input.otlpAuthSecret === NO_OTLP_AUTH_SECRET) {
    return [
      `${new URL(input.otlpEndpoint).host} refuses OTLP without its ${auth.header} header, and the plan's API key Secret is none, so no ${OTLP_HEADERS_VAR} is written: name the Secret in the form.`,
    ]
  }
  const headers = otlpHeadersEnv(input)!
  const caveats = [
    where === "file"
      ? `Replace ${auth.placeholderValue.replace(/^Basic /, "")} with ${auth.secretName}, and keep this file out of version control.`
      : `${OTLP_HEADERS_VAR} is read from key ${OTLP_HEADERS_SECRET_KEY} of Secret ${input.otlpAuthSecret} in namespace ${input.namespace}: kubectl create secret generic ${input.otlpAuthSecret} -n ${input.namespace} --from-literal=${OTLP_HEADERS_SECRET_KEY}='${headers.value}', with ${auth.secretName} in place of ${auth.placeholderValue.replace(/^Basic /, "")}.`,
  ]
  if (auth.vendor === "grafana-cloud") {
    caveats.push(
      `The value is percent-encoded, as the OTel spec reads ${OTLP_HEADERS_VAR}: the space after Basic is %20, and in the base64 + is %2B, / is %2F and = is %3D (Java decodes a bare + as a space). To build it: ${GRAFANA_HEADER_COMMAND}.`
    )
  }
  if ((auth.vendor === "grafana-cloud" || auth.vendor === "datadog") && input.protocol === "grpc") {
    caveats.push(
      auth.vendor === "grafana-cloud"
        ? "Grafana Cloud's OTLP gateway (https://otlp-gateway-<zone>.grafana.net/otlp) takes OTLP/HTTP only: choose http/protobuf with it."
        : "Datadog's OTLP traces intake takes OTLP/HTTP only (no gRPC): choose http/protobuf, or send to the Datadog Agent in the cluster, which needs no key."
    )
  }
  return caveats
}

/**
 * What can still go wrong with the plan's SDK environment, for its language and sampler: unknown
 * sampler names (JS, Python, Go and .NET fall back to 100 %, Java's agent fails to start), the
 * Jaeger sampling port, plain traceidratio across services, and how health checks are excluded.
 *
 * @example
 * envCaveats({ ...DEFAULT_INPUT, language: "node", sampler: "xray" })[0]
 * //=> "The JS SDK does not know OTEL_TRACES_SAMPLER=xray: it logs an error and falls back to parentbased_always_on, …"
 */
export function envCaveats(input: PlanInput): string[] {
  const caveats: string[] = []
  const support = samplerSupportCaveat(input.language, input.sampler)
  if (support) caveats.push(support)
  if (input.language === "node") {
    caveats.push(
      "The JS SDK reads the sampler name case-sensitively and without trimming: any typo silently becomes parentbased_always_on (100 %). Paste the values exactly as generated."
    )
  }
  if (input.language === "java") {
    caveats.push(
      "Java's autoconfigure throws on an unknown sampler name or a ratio outside [0, 1]: the Java agent then fails to start and the service runs untraced. Paste the values exactly as generated."
    )
  }
  if (isJaegerRemote(input.sampler)) {
    caveats.push(
      looksLikeJaeger(input.otlpEndpoint)
        ? `The sampler endpoint uses port ${JAEGER_REMOTE_SAMPLING_GRPC_PORT}, Jaeger v2's gRPC sampling port, on the OTLP endpoint's host. The Jaeger v1 collector serves gRPC sampling on ${COLLECTOR_REMOTE_SAMPLING_GRPC_PORT}: change the endpoint if that is your server.`
        : `The sampler polls port ${COLLECTOR_REMOTE_SAMPLING_GRPC_PORT} on ${new URL(jaegerRemoteSamplingEndpoint(input)).hostname}, the Collector: its jaegerremotesampling extension (otelcol-contrib) serves the Jaeger strategies there, as the Collector config sets up. To poll Jaeger v2 instead, use its host on port ${JAEGER_REMOTE_SAMPLING_GRPC_PORT}.`
    )
  }
  if (input.sampler === "traceidratio") {
    caveats.push(
      `traceidratio ignores the parent's decision and each service decides again from the trace id. SDKs read it differently (Python and Go alike; Java, JS and .NET each their own way), so traces break across services of other languages or other rates${input.daprEnabled ? (hashesLikeDapr(input.language) ? ", the Dapr sidecar included unless its rate is the app's (it reads the id as Go does)" : ", the Dapr sidecar included (it reads the id as Go does)") : ""}. Use parentbased_traceidratio.`
    )
  }
  const excluded = excludedUrlsCaveat(input)
  if (excluded) caveats.push(excluded)
  return caveats
}

/**
 * Whether a value reads back unchanged from single quotes in both dotenv readers that matter:
 * Compose (compose-go keeps single-quoted text as is, but a `\'` does not end the value) and
 * python-dotenv (which turns `\\` into `\` and `\'` into `'`, and expands `${NAME}` even in single
 * quotes). So: no quote, no line break or NUL, no `\\`, no trailing `\` and no `${`.
 *
 * @example
 * isDotenvSafe("health$,^/ready\\d")  //=> true
 * isDotenvSafe("a\\\\b")              //=> false  (python-dotenv would read a\b)
 * isDotenvSafe("/v${1}")              //=> false  (python-dotenv would expand ${1})
 */
export function isDotenvSafe(value: string): boolean {
  return !/['\r\n\0]/.test(value) && !value.includes("\\\\") && !value.endsWith("\\") && !value.includes("${")
}

/**
 * Single-quotes a dotenv value: no `$` interpolation and no escapes in Compose or python-dotenv.
 *
 * @throws RangeError when {@link isDotenvSafe} is false (no quoting reads back the same in both)
 *
 * @example
 * quoteDotenvValue("^/health$") //=> "'^/health$'"
 */
export function quoteDotenvValue(value: string): string {
  if (!isDotenvSafe(value)) throw new RangeError(`${JSON.stringify(value)} cannot be written to a .env file safely.`)
  return `'${value}'`
}

/**
 * Single-quotes a value for POSIX sh, writing each `'` as `'\''`. Everything else, including `$`,
 * backslashes and line breaks, is literal inside single quotes.
 *
 * @example
 * quoteShellValue("it's $HOME") //=> "'it'\\''s $HOME'"
 */
export function quoteShellValue(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** Languages with no loader of their own export the file from the shell that starts the app. */
const SHELL_LOADER = "or export it in the shell that starts the app: set -a; . ./otel.env; set +a"

/** How an app in each language reads the file outside Compose, as the apply note says it. */
const DOTENV_LOADERS: Record<Language, string> = {
  python: 'or load it with python-dotenv (load_dotenv("otel.env")) before the SDK starts',
  node: "or start the app with node --env-file=otel.env (Node 20.6 and later)",
  java: SHELL_LOADER,
  go: SHELL_LOADER,
  dotnet: SHELL_LOADER,
}

/**
 * The plan's SDK environment as a `.env` file for Compose's `env_file` or python-dotenv.
 *
 * @throws RangeError when a value cannot be written safely (see {@link isDotenvSafe})
 *
 * @example
 * renderDotenv(DEFAULT_INPUT).split("\n")[1] //=> "OTEL_SERVICE_NAME='task-api'"
 */
export function renderDotenv(input: PlanInput): string {
  const lines = buildOtelEnv(input).map(({ name, value }) => `${name}=${quoteDotenvValue(value)}`)
  return [`# OpenTelemetry SDK settings for ${input.serviceName} (TraceBudget)`, ...lines, ""].join("\n")
}

/**
 * The plan's SDK environment as POSIX sh `export` lines, to `source` before starting the app.
 *
 * @example
 * renderShell(DEFAULT_INPUT).split("\n")[1] //=> "export OTEL_SERVICE_NAME='task-api'"
 */
export function renderShell(input: PlanInput): string {
  const lines = buildOtelEnv(input).map(({ name, value }) => `export ${name}=${quoteShellValue(value)}`)
  return [`# OpenTelemetry SDK settings for ${input.serviceName} (TraceBudget)`, ...lines, ""].join("\n")
}

const CONFIG_FILE_CAVEAT =
  "If OTEL_CONFIG_FILE is set, the SDK ignores these variables except those the file references."

/**
 * Why the plan cannot have a `.env` file (a value no dotenv quoting keeps intact), or undefined when it can.
 *
 * @example
 * dotenvRefusal({ ...DEFAULT_INPUT, serviceName: 'say "hi"' }) //=> "OTEL_SERVICE_NAME contains a quote, …"
 */
export function dotenvRefusal(input: PlanInput): string | undefined {
  const unsafe = buildOtelEnv(input).find(({ value }) => !isDotenvSafe(value))
  if (!unsafe) return undefined
  return `${unsafe.name} contains a quote, a line break, "\\\\", a trailing "\\" or "\${", which Compose and python-dotenv read differently; use the shell snippet instead.`
}

/**
 * The `.env` config for a plan, or why it cannot be written (a value no dotenv quoting keeps intact).
 *
 * @example
 * dotenvSnippet(DEFAULT_INPUT).available //=> true
 */
export function dotenvSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.dotenv
  const reason = dotenvRefusal(input)
  if (reason !== undefined) return { id: "dotenv", title, available: false, reason }
  return {
    id: "dotenv",
    title,
    available: true,
    snippet: {
      id: "dotenv",
      title,
      // Browsers drop a leading dot from downloads (".env" arrives as "env.txt"), so it downloads as otel.env.
      filename: "otel.env",
      language: "dotenv",
      content: renderDotenv(input),
      applyNote: `Save as .env beside docker-compose.yaml (or keep otel.env and set env_file: otel.env), ${DOTENV_LOADERS[input.language]}.`,
      caveats: [
        ...envCaveats(input),
        ...endpointCaveats(input),
        ...saasAuthCaveats(input, "file"),
        "docker run --env-file does not strip quotes: use the shell snippet or Compose's env_file instead.",
        CONFIG_FILE_CAVEAT,
      ],
    },
  }
}

/**
 * The shell `export` config for a plan; always available (sh single quotes keep any text).
 *
 * @example
 * shellSnippet(DEFAULT_INPUT).available //=> true
 */
export function shellSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.shell
  return {
    id: "shell",
    title,
    available: true,
    snippet: {
      id: "shell",
      title,
      filename: "otel-env.sh",
      language: "shell",
      content: renderShell(input),
      applyNote: "Run `. ./otel-env.sh` in the shell (or container entrypoint) that starts the app.",
      caveats: [...envCaveats(input), ...endpointCaveats(input), ...saasAuthCaveats(input, "file"), CONFIG_FILE_CAVEAT],
    },
  }
}
