import type { PlanInput } from "@/lib/plan/fields"

import { buildOtelEnv, endpointCaveats, envCaveats, OTLP_HEADERS_VAR, otlpHeadersEnv, saasAuthCaveats } from "./env"
import { CONFIG_TITLES, type ConfigResult } from "./types"
import { renderYaml } from "./yaml"

/** A Compose file with the plan's one service. */
export interface ComposeFile {
  services: Record<string, { image: string; environment: Record<string, string> }>
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
 * The plan's app as a Compose service: its image and the SDK environment as a map of strings, with
 * `$` escaped for Compose interpolation.
 *
 * @example
 * buildComposeFile(DEFAULT_INPUT).services["task-api"]?.environment.OTEL_TRACES_SAMPLER_ARG //=> "0.1"
 */
export function buildComposeFile(input: PlanInput): ComposeFile {
  const environment = Object.fromEntries(
    buildOtelEnv(input).map(({ name, value, secretKeyRef }) => [
      name,
      // A secret comes from the shell or the .env beside the file (Compose interpolates both), never the file itself.
      secretKeyRef ? `\${${name}:?set ${name} in .env}` : escapeComposeInterpolation(value),
    ])
  )
  return { services: { [input.serviceName]: { image: input.image, environment } } }
}

/**
 * The Compose file as YAML; every `environment` value is a quoted string.
 *
 * @example
 * renderComposeFile(DEFAULT_INPUT).startsWith("services:\n  task-api:\n") //=> true
 */
export function renderComposeFile(input: PlanInput): string {
  return renderYaml([{ value: buildComposeFile(input) }])
}

/** Hosts that only resolve inside a Kubernetes cluster. */
const CLUSTER_HOST = /\.svc(\.cluster\.local)?$/

/**
 * The Compose config for a plan.
 *
 * @example
 * composeSnippet(DEFAULT_INPUT).available //=> true
 */
export function composeSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.compose
  const host = new URL(input.otlpEndpoint).hostname
  const caveats = [...envCaveats(input), ...endpointCaveats(input)]
  if (CLUSTER_HOST.test(host)) {
    caveats.push(
      `${host} only resolves inside Kubernetes: under Compose, point OTEL_EXPORTER_OTLP_ENDPOINT at a service on the same network, e.g. http://otel-collector:4317.`
    )
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
  if (buildOtelEnv(input).some(({ value, secretKeyRef }) => !secretKeyRef && value.includes("$"))) {
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
      content: renderComposeFile(input),
      applyNote: `Merge services.${input.serviceName} into your docker-compose.yaml, then run docker compose up -d.`,
      caveats,
    },
  }
}
