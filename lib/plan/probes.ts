import type { Language } from "./choices"
import { isBackendReceiver } from "./receivers"
import { SECONDS_PER_DAY } from "./volume"

/** What health checks and metrics scrapes send to a service, and what the generated configs do with them. */
export interface ProbeInput {
  replicas: number
  probesPerReplica: number
  probeIntervalSeconds: number
  excludeHealthChecks: boolean
  language: Language
  otlpEndpoint: string
  tailSampling: boolean
}

/**
 * What drops the excluded probes, as the generated configs have it:
 * - "sdk": Python's instrumentation skips the URLs (OTEL_PYTHON_FASTAPI_EXCLUDED_URLS in the
 *   generated env): no span, so the sampler never sees them and nothing is sent.
 * - "collector": the other SDKs have no excluded-URL variable (Java: opentelemetry-java-instrumentation
 *   #1060; Node: ignoreIncomingRequestHook in code only; Go: otelhttp.WithFilter; .NET: the
 *   instrumentation's Filter option), so the generated Collector config's filter processor drops
 *   their server spans. That is after the SDK's head decision: the apps still trace and send them.
 * - null: nothing does, because they are not excluded or the apps send past the Collector.
 */
export type ProbeDrop = "sdk" | "collector" | null

/**
 * Where excluded probes are dropped, or null when they reach the backend. The Collector is in the
 * path when the endpoint is not a backend's own intake or the plan tail-samples (the same test the
 * network bill uses).
 *
 * @example
 * probeDrop({ ...DEFAULT_INPUT, language: "python" }) //=> "sdk"
 * probeDrop({ ...DEFAULT_INPUT, language: "java" })   //=> "collector"
 * probeDrop({ ...DEFAULT_INPUT, language: "java", otlpEndpoint: "http://jaeger-collector.monitoring.svc.cluster.local:4317" }) //=> null
 */
export function probeDrop(input: ProbeInput): ProbeDrop {
  if (!input.excludeHealthChecks) return null
  if (input.language === "python") return "sdk"
  return input.tailSampling || !isBackendReceiver(input.otlpEndpoint) ? "collector" : null
}

/**
 * Probe requests per second reaching the service: every replica gets each probe once per interval.
 *
 * @example
 * probeRps({ replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10 }) //=> 0.9
 */
export function probeRps(input: Pick<ProbeInput, "replicas" | "probesPerReplica" | "probeIntervalSeconds">): number {
  return (input.replicas * input.probesPerReplica) / input.probeIntervalSeconds
}

/**
 * Probe requests per second that the SDK traces: all of them unless its own instrumentation skips
 * them. Probes a Collector drops are traced (and sampled, and sent) first.
 *
 * @example
 * tracedProbeRps({ ...DEFAULT_INPUT, language: "python" }) //=> 0
 * tracedProbeRps({ ...DEFAULT_INPUT, language: "java" })   //=> 0.9  (the Collector drops them later)
 */
export function tracedProbeRps(input: ProbeInput): number {
  return probeDrop(input) === "sdk" ? 0 : probeRps(input)
}

/**
 * Probe requests per day.
 *
 * @example
 * probeRequestsPerDay({ replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10 }) //=> 77760
 */
export function probeRequestsPerDay(
  input: Pick<ProbeInput, "replicas" | "probesPerReplica" | "probeIntervalSeconds">
): number {
  return probeRps(input) * SECONDS_PER_DAY
}
