import { SECONDS_PER_DAY } from "./volume"

/** What health checks and metrics scrapes send to a service. */
export interface ProbeInput {
  replicas: number
  probesPerReplica: number
  probeIntervalSeconds: number
  excludeHealthChecks: boolean
}

/**
 * Probe requests per second reaching the service: every replica gets each probe once per interval.
 *
 * @example
 * probeRps({ replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10, excludeHealthChecks: true }) //=> 0.9
 */
export function probeRps(input: ProbeInput): number {
  return (input.replicas * input.probesPerReplica) / input.probeIntervalSeconds
}

/**
 * Probe requests per second that the tracer sees: none when they are excluded, since excluded
 * URLs create no span and so never reach the sampler.
 *
 * @example
 * tracedProbeRps({ replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10, excludeHealthChecks: false }) //=> 0.9
 * tracedProbeRps({ replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10, excludeHealthChecks: true })  //=> 0
 */
export function tracedProbeRps(input: ProbeInput): number {
  return input.excludeHealthChecks ? 0 : probeRps(input)
}

/**
 * Probe requests per day.
 *
 * @example
 * probeRequestsPerDay({ replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10, excludeHealthChecks: true }) //=> 77760
 */
export function probeRequestsPerDay(input: ProbeInput): number {
  return probeRps(input) * SECONDS_PER_DAY
}
