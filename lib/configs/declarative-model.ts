// Which plans a declarative configuration file can describe, without writing it (availability.ts
// asks here and loads no YAML): the sampler kinds the schema has as stable, and the SDKs that read
// OTEL_CONFIG_FILE today (sources in declarative.ts).
import type { Language, PlanInput } from "@/lib/plan/fields"

import { isJaegerRemote } from "./env"

/** A sampler in the file's model: one key naming its kind. */
export type DeclarativeSampler =
  | { always_on: Record<string, never> }
  | { always_off: Record<string, never> }
  | { trace_id_ratio_based: { ratio: number } }
  | { parent_based: { root: DeclarativeSampler } }

/** What each language's SDK does with OTEL_CONFIG_FILE today. */
export const DECLARATIVE_SDK_SUPPORT: Record<Language, { reads: boolean; how: string }> = {
  java: {
    reads: true,
    how: "The Java agent reads it from 2.26.0 (OTEL_CONFIG_FILE or -Dotel.config.file; file_format 1.0).",
  },
  node: {
    reads: true,
    how: "Node.js reads it through startNodeSdk() from @opentelemetry/sdk-node (0.301 and later, marked experimental); the NodeSDK class and OTEL_* autoconfiguration do not.",
  },
  python: {
    reads: true,
    how: 'Python reads it in the SDK\'s newest releases, marked new: install "opentelemetry-sdk[file-configuration]" and start with opentelemetry-instrument.',
  },
  go: {
    reads: true,
    how: "Go reads it in code: go.opentelemetry.io/contrib/otelconf parses the file (ParseYAML) and builds the SDK (NewSDK); set OTEL_CONFIG_FILE yourself and pass its content.",
  },
  dotnet: {
    reads: false,
    how: "The .NET SDK does not read declarative configuration yet (in development).",
  },
}

/**
 * The plan's sampler in the file's model, or undefined for one the schema has no stable kind for
 * (Jaeger remote is `jaeger_remote/development`, X-Ray has none).
 *
 * @example
 * declarativeSampler(DEFAULT_INPUT) //=> { parent_based: { root: { trace_id_ratio_based: { ratio: 0.1 } } } }
 * declarativeSampler({ ...DEFAULT_INPUT, sampler: "xray" }) //=> undefined
 */
export function declarativeSampler(input: PlanInput): DeclarativeSampler | undefined {
  const ratio = { trace_id_ratio_based: { ratio: input.ratio } }
  switch (input.sampler) {
    case "always_on":
      return { always_on: {} }
    case "always_off":
      return { always_off: {} }
    case "traceidratio":
      return ratio
    case "parentbased_always_on":
      return { parent_based: { root: { always_on: {} } } }
    case "parentbased_always_off":
      return { parent_based: { root: { always_off: {} } } }
    case "parentbased_traceidratio":
      return { parent_based: { root: ratio } }
    default:
      return undefined
  }
}

/**
 * Why the plan cannot have a declarative file, or undefined when it can: a sampler the schema
 * has no stable kind for, or a language whose SDK does not read the file yet.
 *
 * @example
 * declarativeRefusal({ ...DEFAULT_INPUT, language: "dotnet" })
 * //=> "The .NET SDK does not read declarative configuration yet (in development): use the environment file or the Kubernetes Deployment."
 */
export function declarativeRefusal(input: PlanInput): string | undefined {
  if (!DECLARATIVE_SDK_SUPPORT[input.language].reads) {
    return `${DECLARATIVE_SDK_SUPPORT[input.language].how.replace(/\.$/, "")}: use the environment file or the Kubernetes Deployment.`
  }
  if (declarativeSampler(input) !== undefined) return undefined
  return isJaegerRemote(input.sampler)
    ? `The declarative schema has Jaeger remote sampling only as jaeger_remote/development, which the JS SDK does not build (it then starts no SDK at all): keep OTEL_TRACES_SAMPLER=${input.sampler} in the environment.`
    : "The declarative schema has no X-Ray sampler: keep OTEL_TRACES_SAMPLER=xray (with the AWS sampler provider) in the environment."
}
