import { isBackendReceiver } from "./receivers"

import type { PlanInput } from "./fields"

/** What the tail-sampling policies keep, as inputs. */
export interface TailPolicies {
  errorRate: number
  slowRate: number
  tailKeepErrors: boolean
  tailKeepSlow: boolean
  tailBaselinePercent: number
  /** rate_limiting policy in spans/s; 0 for none. */
  tailSpansPerSecond: number
}

/** Spans per second one Collector core handles with tail sampling (1 CPU + 2 GB: 8K recommended). */
export const TAIL_SPANS_PER_SECOND_PER_CORE = 8_000
/** Spans per second one Collector core forwards without tail sampling (10K recommended). */
export const FORWARD_SPANS_PER_SECOND_PER_CORE = 10_000
/** In-memory bytes per buffered span ÷ raw OTLP bytes: an assumption (decoded objects, maps, ids). */
export const IN_MEMORY_SPAN_FACTOR = 2
/** Honeycomb Refinery's rule of thumb: about 10 KB of RAM per trace held. */
export const REFINERY_BYTES_PER_TRACE = 10_000
/** The processor's default buffer (num_traces). */
export const DEFAULT_NUM_TRACES = 50_000
export const GIB = 1024 ** 3

/** Memory that goes with each Collector core (1 CPU + 2 GB in the Collector's performance table). */
export const COLLECTOR_GB_PER_CORE = 2

/**
 * Share of traces the tail sampler keeps: the union of its policies (policies are OR'd in the
 * processor), assuming errors, slowness and the baseline's hash are independent. A rate limit
 * caps the baseline only (the generated config ANDs rate_limiting with the probabilistic policy),
 * so errors and slow traces are kept beyond it.
 *
 * @example
 * tailKeptFraction({ errorRate: 0.01, slowRate: 0.05, tailKeepErrors: true, tailKeepSlow: true, tailBaselinePercent: 10, tailSpansPerSecond: 0 }, 15000)
 * //=> 0.15355  (1 − 0.99 × 0.95 × 0.9)
 */
export function tailKeptFraction(policies: TailPolicies, spansPerSecondIn: number): number {
  const requested = policies.tailBaselinePercent / 100
  const capped =
    policies.tailSpansPerSecond > 0 && spansPerSecondIn > 0 ? policies.tailSpansPerSecond / spansPerSecondIn : 1
  const baseline = Math.min(requested, capped)
  // 1 − (1 − e)(1 − s)(1 − b), through logarithms: for shares near 10⁻¹⁴ (a rate limit at a huge
  // rate) the plain product leaves 1 − (1 − 10⁻¹⁴), which keeps only two correct digits.
  const logNotKept =
    Math.log1p(-(policies.tailKeepErrors ? policies.errorRate : 0)) +
    Math.log1p(-(policies.tailKeepSlow ? policies.slowRate : 0)) +
    Math.log1p(-baseline)
  return -Math.expm1(logNotKept)
}

/** How big the tail-sampling Collector tier must be at peak. */
export interface TailSizing {
  /** Traces entering the tail sampler per second at peak. */
  newTracesPerSecond: number
  spansPerSecondIn: number
  /** Traces held while waiting for `decision_wait`. */
  tracesInFlight: number
  /** Recommended `num_traces` of each replica: at least twice the traces it holds in flight, never below the default. */
  numTraces: number
  /** Buffer memory: traces in flight × spans × raw bytes × the in-memory factor. */
  memoryBytes: number
  /** Cross-check for the whole tier: num_traces × replicas × ~10 KB (Refinery rule of thumb). */
  memoryBytesRuleOfThumb: number
  /** Tail-sampling replicas of 1 core + 2 GiB at 8K spans/s per core. */
  replicas: number
  /** Whether spans must be routed by trace id to one replica (more than one replica). */
  needsLoadBalancing: boolean
  /** Replicas of the loadbalancing-exporter tier (10K spans/s per core), 0 when not needed. */
  loadBalancerReplicas: number
}

/**
 * Sizes the tail-sampling tier at peak: buffer, memory and replicas.
 *
 * @example
 * tailSizing({ peakTracesPerSecondIn: 1000, spansPerTrace: 30, spanBytes: 500, decisionWaitSeconds: 30 })
 * //=> { newTracesPerSecond: 1000, spansPerSecondIn: 30000, tracesInFlight: 30000, numTraces: 50000,
 * //     memoryBytes: 900000000, memoryBytesRuleOfThumb: 2000000000, replicas: 4, needsLoadBalancing: true, loadBalancerReplicas: 3 }
 */
export function tailSizing(input: {
  peakTracesPerSecondIn: number
  spansPerTrace: number
  spanBytes: number
  decisionWaitSeconds: number
}): TailSizing {
  const spansPerSecondIn = input.peakTracesPerSecondIn * input.spansPerTrace
  const tracesInFlight = input.peakTracesPerSecondIn * input.decisionWaitSeconds
  const replicas = Math.max(1, Math.ceil(spansPerSecondIn / TAIL_SPANS_PER_SECOND_PER_CORE))
  // num_traces is each replica's own buffer: its share of the traces in flight, twice over, rounded
  // up to a whole thousand (a number people can paste and read).
  const numTraces = Math.max(DEFAULT_NUM_TRACES, Math.ceil((2 * tracesInFlight) / replicas / 1000) * 1000)
  const needsLoadBalancing = replicas > 1
  return {
    newTracesPerSecond: input.peakTracesPerSecondIn,
    spansPerSecondIn,
    tracesInFlight,
    numTraces,
    memoryBytes: tracesInFlight * input.spansPerTrace * input.spanBytes * IN_MEMORY_SPAN_FACTOR,
    memoryBytesRuleOfThumb: numTraces * replicas * REFINERY_BYTES_PER_TRACE,
    replicas,
    needsLoadBalancing,
    loadBalancerReplicas: needsLoadBalancing
      ? Math.max(1, Math.ceil(spansPerSecondIn / FORWARD_SPANS_PER_SECOND_PER_CORE))
      : 0,
  }
}

/**
 * The tail-sampling tier's sizing for a plan whose head sampler keeps `headProbability` of
 * requests: {@link tailSizing} at the plan's peak rate, trace shape and decision wait.
 *
 * @example
 * tailSizingFor({ ...DEFAULT_INPUT, tailSampling: true }, 1).replicas //=> 19
 */
export function tailSizingFor(input: PlanInput, headProbability: number): TailSizing {
  return tailSizing({
    peakTracesPerSecondIn: input.peakRps * headProbability,
    spansPerTrace: input.spansPerTrace,
    spanBytes: input.spanBytes,
    decisionWaitSeconds: input.tailDecisionWaitSeconds,
  })
}

/** Cores of a tail-sampling tier: its sampling replicas and the load-balancing tier in front, one core each. */
export function tailCores(sizing: TailSizing): number {
  return sizing.replicas + sizing.loadBalancerReplicas
}

/** The Collector tier the plan's spans pass through, by tier, and what it costs a month. */
export interface CollectorCompute {
  /** Cores at peak, every tier together; 0 without a Collector. */
  cores: number
  /** Forwarding cores (no tail sampling): 10,000 spans/s each. */
  forwardingCores: number
  /** Load-balancing cores in front of a tail-sampling tier of more than one replica. */
  loadBalancingCores: number
  /** Tail-sampling cores: 8,000 spans/s each. */
  samplingCores: number
  /** GB of memory with each core. */
  memoryGbPerCore: number
  /** What one core with its memory costs a month: the per-core override, else the compute prices. */
  usdPerCore: number
  /** Whether `usdPerCore` is the per-core override (`collectorUsdPerCoreMonth`). */
  perCoreOverride: boolean
  /** cores × usdPerCore. */
  monthlyUsd: number
}

/**
 * What one Collector core with its 2 GB costs a month: the per-core override when one is entered,
 * else 1 vCPU and 2 GB at the plan's compute prices.
 *
 * @example
 * collectorUsdPerCore(DEFAULT_INPUT)                                   //=> 36.01  (29.53 + 2 × 3.24)
 * collectorUsdPerCore({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }) //=> 30
 */
export function collectorUsdPerCore(
  input: Pick<PlanInput, "collectorUsdPerCoreMonth" | "computeUsdPerVcpuMonth" | "computeUsdPerGbMonth">
): number {
  return input.collectorUsdPerCoreMonth > 0
    ? input.collectorUsdPerCoreMonth
    : input.computeUsdPerVcpuMonth + COLLECTOR_GB_PER_CORE * input.computeUsdPerGbMonth
}

/**
 * Cores of the Collector tier at peak (one core with ~2 GB each, from the Collector's performance
 * table): with tail sampling its sampling and load-balancing replicas; without, forwarding cores at
 * 10,000 spans/s, unless the apps send straight to a backend. Priced per core at
 * {@link collectorUsdPerCore}.
 *
 * @example
 * collectorCompute({ ...DEFAULT_INPUT, collectorUsdPerCoreMonth: 30 }, 0.1).monthlyUsd //=> 60  (2 cores)
 * collectorCompute({ ...DEFAULT_INPUT, tailSampling: true }, 1).cores                 //=> 34  (19 sampling + 15 load-balancing)
 */
export function collectorCompute(input: PlanInput, headProbability: number): CollectorCompute {
  const spansPerSecondIn = input.peakRps * headProbability * input.spansPerTrace
  let forwardingCores = 0
  let loadBalancingCores = 0
  let samplingCores = 0
  if (input.tailSampling) {
    const sizing = tailSizingFor(input, headProbability)
    samplingCores = sizing.replicas
    loadBalancingCores = sizing.loadBalancerReplicas
  } else if (spansPerSecondIn > 0 && !isBackendReceiver(input.otlpEndpoint)) {
    forwardingCores = Math.max(1, Math.ceil(spansPerSecondIn / FORWARD_SPANS_PER_SECOND_PER_CORE))
  }
  const cores = forwardingCores + loadBalancingCores + samplingCores
  const usdPerCore = collectorUsdPerCore(input)
  return {
    cores,
    forwardingCores,
    loadBalancingCores,
    samplingCores,
    memoryGbPerCore: COLLECTOR_GB_PER_CORE,
    usdPerCore,
    perCoreOverride: input.collectorUsdPerCoreMonth > 0,
    monthlyUsd: cores * usdPerCore,
  }
}
