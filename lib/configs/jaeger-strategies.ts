import type { PlanInput } from "@/lib/plan/fields"
import { perOperationRates, perOperationUnavailable } from "@/lib/plan/recommend-facts"
import { formatCount, formatPercent } from "@/lib/format"

import { COLLECTOR_STRATEGIES_PATH, collectorServesStrategies, isJaegerRemote } from "./env"
import { formatDecimal } from "./format"
import { CONFIG_TITLES, type ConfigResult } from "./types"

/** A per-operation rule; Jaeger supports only probabilistic ones here. */
export interface JaegerOperationStrategy {
  operation: string
  type: "probabilistic"
  param: number
}

/** Jaeger's file-based sampling strategies (`--sampling.strategies-file`, `remote_sampling.file.path`). */
export interface JaegerStrategies {
  default_strategy: { type: "probabilistic"; param: number; operation_strategies?: JaegerOperationStrategy[] }
  service_strategies: { service: string; type: "probabilistic"; param: number }[]
}

/** A path made only of characters a regex reads literally (plus "."), i.e. one exact route. */
const LITERAL_PATH = /^\/?[A-Za-z0-9._~/-]+$/

/**
 * Splits the plan's excluded-URL patterns into Jaeger operation names and the patterns that have
 * none. A pattern that is a literal path (optionally anchored with ^ and $) becomes the HTTP server
 * span name `GET /<path>`; a pattern with other regex syntax cannot be listed as operations.
 *
 * @example
 * healthCheckOperations({ ...DEFAULT_INPUT, excludedUrls: "health,^/ready$,/metrics.*" })
 * //=> { operations: ["GET /health", "GET /ready"], skipped: ["/metrics.*"] }
 */
export function healthCheckOperations(input: PlanInput): { operations: string[]; skipped: string[] } {
  const operations: string[] = []
  const skipped: string[] = []
  for (const pattern of input.excludedUrls.split(",")) {
    const path = pattern.replace(/^\^/, "").replace(/\$$/, "")
    if (!LITERAL_PATH.test(path)) {
      skipped.push(pattern)
      continue
    }
    const operation = `GET ${path.startsWith("/") ? path : `/${path}`}`
    if (!operations.includes(operation)) operations.push(operation)
  }
  return { operations, skipped }
}

/**
 * The operations the plan samples above its ratio: each endpoint below the per-endpoint minimum at
 * the plan's ratio, at the rate the recommendation offers it ({@link perOperationRates}), where it
 * offers one. Endpoint names are the HTTP server span names Jaeger matches operations on.
 *
 * @example
 * endpointOperations({ ...DEFAULT_INPUT, language: "java", daprEnabled: false, endpoints: [{ name: "GET /tasks", share: 0.99999 }, { name: "POST /admin/reindex", share: 0.00001 }] })
 * //=> [{ operation: "POST /admin/reindex", type: "probabilistic", param: 0.5 }]
 */
export function endpointOperations(input: PlanInput): JaegerOperationStrategy[] {
  // Listed where the recommendation offers them: not where Dapr or a tail sampler decides, nor for
  // an SDK that cannot load parentbased_jaeger_remote from the environment.
  if (perOperationUnavailable(input, input.tailSampling)) return []
  return perOperationRates(input, input.ratio).map(({ endpoint, ratio }) => ({
    operation: endpoint,
    type: "probabilistic",
    param: ratio,
  }))
}

/**
 * The plan's Jaeger sampling strategies: every service (and the plan's own, listed explicitly)
 * keeps the plan's ratio of traces; endpoints below the per-endpoint minimum at that ratio get the
 * per-operation rate the recommendation offers; and when health checks are excluded their
 * operations are sampled at 0. Services inherit the default's operation list, so it is written
 * once. No rate-limiting strategy is emitted: Jaeger casts its param to an integer, so it would
 * need to be a whole number ≥ 1.
 *
 * @example
 * buildJaegerStrategies(DEFAULT_INPUT)
 * //=> { default_strategy: { type: "probabilistic", param: 0.1, operation_strategies: [
 * //       { operation: "GET /health", type: "probabilistic", param: 0 },
 * //       { operation: "GET /metrics", type: "probabilistic", param: 0 },
 * //       { operation: "GET /readiness", type: "probabilistic", param: 0 }] },
 * //     service_strategies: [{ service: "task-api", type: "probabilistic", param: 0.1 }] }
 */
export function buildJaegerStrategies(input: PlanInput): JaegerStrategies {
  const { operations } = healthCheckOperations(input)
  const healthChecks: JaegerOperationStrategy[] = input.excludeHealthChecks
    ? operations.map((operation) => ({ operation, type: "probabilistic", param: 0 }))
    : []
  // A health check excluded at 0 stays excluded even if it is also listed as an endpoint.
  const excluded = new Set(healthChecks.map((healthCheck) => healthCheck.operation))
  const listed = [...endpointOperations(input).filter((endpoint) => !excluded.has(endpoint.operation)), ...healthChecks]
  return {
    default_strategy:
      listed.length > 0
        ? { type: "probabilistic", param: input.ratio, operation_strategies: listed }
        : { type: "probabilistic", param: input.ratio },
    service_strategies: [{ service: input.serviceName, type: "probabilistic", param: input.ratio }],
  }
}

/**
 * The strategies file as JSON text (two-space indent, trailing newline).
 *
 * @example
 * JSON.parse(renderJaegerStrategies(DEFAULT_INPUT)).service_strategies[0].service //=> "task-api"
 */
export function renderJaegerStrategies(input: PlanInput): string {
  return `${jsonWithPlainDecimals(buildJaegerStrategies(input))}\n`
}

/** Marks a number while JSON.stringify runs, so it can be written back as a plain decimal. */
const DECIMAL_MARK = "\u2063decimal:"

/**
 * JSON with two-space indent whose numbers are plain decimals, as every other config writes them:
 * JSON.stringify writes 1e-7 and 5e-324, which Jaeger's Go parser reads but a person checking a
 * rate does not.
 *
 * @example
 * jsonWithPlainDecimals({ param: 1e-7 }) //=> '{\n  "param": 0.0000001\n}'
 */
export function jsonWithPlainDecimals(value: unknown): string {
  const marked = JSON.stringify(
    value,
    (_key, inner: unknown) => (typeof inner === "number" ? `${DECIMAL_MARK}${formatDecimal(inner)}` : inner),
    2
  )
  return marked.replace(new RegExp(`"${DECIMAL_MARK}(-?[0-9.]+)"`, "g"), "$1")
}

/**
 * The Jaeger strategies config for a plan.
 *
 * @example
 * jaegerStrategiesSnippet(DEFAULT_INPUT).available //=> true
 */
export function jaegerStrategiesSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.jaegerStrategies
  const caveats: string[] = []
  if (!isJaegerRemote(input.sampler)) {
    caveats.push(
      `Only SDKs whose sampler is jaeger_remote or parentbased_jaeger_remote fetch these strategies: with ${input.sampler} this file has no effect.`
    )
  }
  const raised = endpointOperations(input)
  if (raised.length > 0) {
    caveats.push(
      `${raised.map((operation) => `${operation.operation} at ${formatPercent(operation.param)}`).join(", ")}: ${raised.length === 1 ? "an endpoint" : "endpoints"} below the ${formatCount(input.minTracesPerMinutePerEndpoint)} traces/minute minimum at ${formatPercent(input.ratio)}. The figures price ${formatPercent(input.ratio)} for every request; the recommendation gives what these rates add.`
    )
  }
  if (input.excludeHealthChecks || raised.length > 0) {
    caveats.push(
      'Operations are span names: HTTP server spans are named "GET /health" only when the instrumentation knows the route. Check the names in your trace UI.'
    )
  }
  if (input.excludeHealthChecks) {
    const { skipped } = healthCheckOperations(input)
    if (skipped.length > 0) {
      caveats.push(
        `${skipped.join(", ")} ${skipped.length === 1 ? "is a regex" : "are regexes"}, not a path: list those operations by hand.`
      )
    }
  }
  caveats.push("The default strategy applies to every service without its own rule.")
  return {
    id: "jaegerStrategies",
    title,
    available: true,
    snippet: {
      id: "jaegerStrategies",
      title,
      filename: "sampling-strategies.json",
      language: "json",
      content: renderJaegerStrategies(input),
      applyNote: collectorServesStrategies(input)
        ? `Mount it in the Collector at ${COLLECTOR_STRATEGIES_PATH}: its jaegerremotesampling extension serves it to the apps (see the Collector config).`
        : "Mount it in Jaeger and point to it: v2 extensions.remote_sampling.file.path: /etc/jaeger/sampling-strategies.json; v1 --sampling.strategies-file.",
      caveats,
    },
  }
}
