import type { PlanInput } from "@/lib/plan/fields"

import { noCollectorReason } from "./availability"
import { TIER_FILES, buildCollectorConfigs } from "./collector"
import { COLLECTOR_CONTRIB_IMAGE } from "./collector-kubernetes"
import {
  buildOtelEnv,
  COLLECTOR_STRATEGIES_PATH,
  collectorServesStrategies,
  endpointCaveats,
  envCaveats,
  OTLP_HEADERS_VAR,
  otlpHeadersEnv,
  saasAuthCaveats,
  type EnvVar,
} from "./env"
import { CONFIG_TITLES, type CollectorOptions, type ConfigResult } from "./types"
import { renderYaml } from "./yaml"

/** One Compose service as the generator writes it. */
export interface ComposeService {
  image: string
  command?: string[]
  depends_on?: string[]
  environment?: Record<string, string>
  volumes?: string[]
}

/** A Compose file with the plan's app and, when the plan has one, its Collector. */
export interface ComposeFile {
  services: Record<string, ComposeService>
}

/** Where the contrib image reads its config by default; the mounted file replaces it. */
const COMPOSE_COLLECTOR_CONFIG = "/etc/otelcol-contrib/config.yaml"
/** The strategies file the Collector serves, beside the Compose file. */
const COMPOSE_STRATEGIES_FILE = "sampling-strategies.json"

/**
 * The Compose service the Collector runs as: `otel-collector`, unless the app already has that name.
 *
 * @example
 * composeCollectorService(DEFAULT_INPUT)                                      //=> "otel-collector"
 * composeCollectorService({ ...DEFAULT_INPUT, serviceName: "otel-collector" }) //=> "otelcol"
 */
export function composeCollectorService(input: Pick<PlanInput, "serviceName">): string {
  return input.serviceName === "otel-collector" ? "otelcol" : "otel-collector"
}

/**
 * The plan as it runs under Compose: when the plan has a Collector, the apps send to its Compose
 * service on the protocol's port (a Kubernetes Service name does not resolve on a Compose network);
 * otherwise to the plan's own endpoint (a SaaS intake, say).
 *
 * @example
 * composeInput(DEFAULT_INPUT).otlpEndpoint //=> "http://otel-collector:4317"
 */
export function composeInput(input: PlanInput, options?: CollectorOptions): PlanInput {
  if (noCollectorReason(input, options) !== undefined) return input
  const port = input.protocol === "grpc" ? 4317 : 4318
  return { ...input, otlpEndpoint: `http://${composeCollectorService(input)}:${port}` }
}

/**
 * The SDK environment the app's Compose service gets: {@link buildOtelEnv} of {@link composeInput}.
 *
 * @example
 * composeOtelEnv(DEFAULT_INPUT)[1] //=> { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://otel-collector:4317" }
 */
export function composeOtelEnv(input: PlanInput, options?: CollectorOptions): EnvVar[] {
  return buildOtelEnv(composeInput(input, options))
}

/**
 * Escapes text for a Compose file, where `$` starts interpolation: `$$` is Compose's literal `$`
 * (a regex such as `^/health$` would otherwise be an invalid interpolation).
 *
 * @example
 * escapeComposeInterpolation("^/health$") //=> "^/health$$"
 */
export function escapeComposeInterpolation(value: string): string {
  return value.replace(/\$/g, "$$$$")
}

/**
 * The Collector config file the Compose Collector mounts: the one tier a single Collector runs.
 *
 * @example
 * composeCollectorConfigFile(DEFAULT_INPUT) //=> "otel-collector-config.yaml"
 * composeCollectorConfigFile(DEFAULT_INPUT, { mode: "tail", tail: { ...defaultTailSamplingOptions(DEFAULT_INPUT), collectorReplicas: 3 } })
 * //=> "otel-collector-sampling.yaml"
 */
export function composeCollectorConfigFile(input: PlanInput, options?: CollectorOptions): string {
  return buildCollectorConfigs(input, options).length > 1 ? TIER_FILES[1] : "otel-collector-config.yaml"
}

/**
 * The plan's app as a Compose service (its image and the SDK environment as a map of strings, with
 * `$` escaped for Compose interpolation) and, when the plan has a Collector, an `otel-collector`
 * service on the pinned contrib image with the Collector config mounted (and the Jaeger strategies
 * file when the apps poll for it). With two tiers, Compose runs the tail-sampling tier alone.
 *
 * @example
 * buildComposeFile(DEFAULT_INPUT).services["task-api"]?.environment?.OTEL_TRACES_SAMPLER_ARG //=> "0.1"
 * buildComposeFile(DEFAULT_INPUT).services["otel-collector"]?.image //=> "otel/opentelemetry-collector-contrib:0.158.0"
 */
export function buildComposeFile(input: PlanInput, options?: CollectorOptions): ComposeFile {
  const environment = Object.fromEntries(
    composeOtelEnv(input, options).map(({ name, value, secretKeyRef }) => [
      name,
      // A secret comes from the shell or the .env beside the file (Compose interpolates both), never the file itself.
      secretKeyRef ? `\${${name}:?set ${name} in .env}` : escapeComposeInterpolation(value),
    ])
  )
  if (noCollectorReason(input, options) !== undefined) {
    return { services: { [input.serviceName]: { image: input.image, environment } } }
  }
  const collector = composeCollectorService(input)
  const volumes = [`./${composeCollectorConfigFile(input, options)}:${COMPOSE_COLLECTOR_CONFIG}:ro`]
  if (collectorServesStrategies(input)) volumes.push(`./${COMPOSE_STRATEGIES_FILE}:${COLLECTOR_STRATEGIES_PATH}:ro`)
  return {
    services: {
      [input.serviceName]: { image: input.image, depends_on: [collector], environment },
      [collector]: { image: COLLECTOR_CONTRIB_IMAGE, command: [`--config=${COMPOSE_COLLECTOR_CONFIG}`], volumes },
    },
  }
}

/**
 * The Compose file as YAML; every `environment` value is a quoted string.
 *
 * @example
 * renderComposeFile(DEFAULT_INPUT).startsWith("services:\n  task-api:\n") //=> true
 */
export function renderComposeFile(input: PlanInput, options?: CollectorOptions): string {
  return renderYaml([{ value: buildComposeFile(input, options) }])
}

/** Hosts that only resolve inside a Kubernetes cluster. */
const CLUSTER_HOST = /\.svc(\.cluster\.local)?$/

/**
 * The Compose config for a plan.
 *
 * @example
 * composeSnippet(DEFAULT_INPUT).available //=> true
 */
export function composeSnippet(input: PlanInput, options: { collector?: CollectorOptions } = {}): ConfigResult {
  const title = CONFIG_TITLES.compose
  const running = composeInput(input, options.collector)
  const host = new URL(running.otlpEndpoint).hostname
  const caveats = [...envCaveats(running), ...endpointCaveats(running)]
  if (CLUSTER_HOST.test(host)) {
    caveats.push(
      `${host} only resolves inside Kubernetes: under Compose, point OTEL_EXPORTER_OTLP_ENDPOINT at a service on the same network, e.g. http://otel-collector:4317.`
    )
  }
  const withCollector = noCollectorReason(input, options.collector) === undefined
  if (withCollector) {
    const file = composeCollectorConfigFile(input, options.collector)
    caveats.push(
      `The ${composeCollectorService(input)} service mounts ${file} from the Collector tab, saved beside this file${collectorServesStrategies(input) ? `, and ${COMPOSE_STRATEGIES_FILE} from the Jaeger sampling strategies tab` : ""}. Its exporter's address must resolve on the Compose network: replace an in-cluster backend address with the backend's service name or host.`
    )
    if (file === TIER_FILES[1]) {
      caveats.push(
        "Compose runs one tail-sampling Collector, without the load-balancing tier in front: it sees every trace whole, but the plan sizes several replicas for its peak rate."
      )
    }
  }

  const auth = saasAuthCaveats(input, "file")
  caveats.push(
    ...(otlpHeadersEnv(input)
      ? [
          `${OTLP_HEADERS_VAR} (the API key header) comes from the shell or the .env file beside docker-compose.yaml, as the Environment file snippet writes it: Compose stops with an error until it is set, and the key stays out of this file.`,
          ...auth.slice(1),
        ]
      : auth)
  )
  if (
    composeOtelEnv(input, options.collector).some(({ value, secretKeyRef }) => !secretKeyRef && value.includes("$"))
  ) {
    caveats.push("Compose interpolates $ in the file, so each $ in a value is written as $$ (Compose's literal $).")
  }
  return {
    id: "compose",
    title,
    available: true,
    snippet: {
      id: "compose",
      title,
      filename: "docker-compose.yaml",
      language: "yaml",
      content: renderComposeFile(input, options.collector),
      applyNote: withCollector
        ? `Merge services.${input.serviceName} and services.${composeCollectorService(input)} into your docker-compose.yaml, then run docker compose up -d.`
        : `Merge services.${input.serviceName} into your docker-compose.yaml, then run docker compose up -d.`,
      caveats,
    },
  }
}
