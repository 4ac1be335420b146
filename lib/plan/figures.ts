import type { BackendId } from "./backends"
import { costFacts, withCollectorFacts, type CostFacts } from "./cost-facts"
import { tracedProbeRps } from "./probes"
import { effectiveProbability, rootDecision, type RootDecision } from "./samplers"
import type { PlanInput } from "./fields"
import { computeStorage, type Storage } from "./storage"
import { collectorCompute, tailKeptFraction, type CollectorCompute } from "./tail"
import { computeVolume, SPANS_PER_PROBE_TRACE, type Volume } from "./volume"

/** The core figures of a plan on one backend: who decides, what is kept, stored and paid. */
export interface Figures {
  root: RootDecision
  /** Share of requests the head sampler keeps at the average rate. */
  headProbability: number
  /** Share of head-sampled traces the tail sampler keeps; 1 without tail sampling. */
  tailKeptFraction: number
  volume: Volume
  storage: Storage
  /** The backend's bill as facts, plus the Collector tier's compute when a price per core is entered. */
  cost: CostFacts
  collector: CollectorCompute
}

/**
 * Volume, storage and monthly cost of a plan on a backend (the plan's own by default).
 *
 * @example
 * figuresFor(DEFAULT_INPUT).volume.tracesPerDay //=> 43200000
 * figuresFor(DEFAULT_INPUT, "datadog").cost.monthlyUsd //=> 2129.92
 */
export function figuresFor(input: PlanInput, backend: BackendId = input.backend): Figures {
  const root = rootDecision(input)
  const headProbability = effectiveProbability(root.sampler, root.ratio, input.rps)
  const probeRps = tracedProbeRps(input)
  // Spans reaching the tail sampler per second, traced probes (one span each) included: a spans/s
  // rate limit caps all of them, at the average rate and again at peak.
  const spansPerSecondIntoTail = (rps: number) =>
    (rps * input.spansPerTrace + probeRps * SPANS_PER_PROBE_TRACE) * headProbability
  const tail = input.tailSampling ? tailKeptFraction(input, spansPerSecondIntoTail(input.rps)) : 1
  const peakTail = input.tailSampling ? tailKeptFraction(input, spansPerSecondIntoTail(input.peakRps)) : 1
  const volume = computeVolume({
    ...input,
    peakTailKeptFraction: peakTail,
    sampler: root.sampler,
    ratio: root.ratio,
    tracedProbeRps: probeRps,
    tailKeptFraction: tail,
  })
  const storage = computeStorage(backend, volume.ingestBytesPerDay, input.retentionDays)
  const cost = costFacts(backend, {
    tracesPerDay: volume.tracesPerDay,
    spansPerDay: volume.spansPerDay,
    ingestBytesPerDay: volume.ingestBytesPerDay,
    retainedBytes: storage.retainedBytes,
    retentionDays: input.retentionDays,
    apmHosts: input.apmHosts,
  })
  const collector = collectorCompute(input, headProbability)
  return {
    root,
    headProbability,
    tailKeptFraction: tail,
    volume,
    storage,
    cost: withCollectorFacts(cost, collector),
    collector,
  }
}

/**
 * The plan run at a standard rate: parent-based ratio sampling at `ratio` (and Dapr at the same
 * rate), everything else unchanged, tail sampling included.
 *
 * @example
 * atRate(DEFAULT_INPUT, 0.01).ratio //=> 0.01
 */
export function atRate(input: PlanInput, ratio: number): PlanInput {
  return { ...input, sampler: "parentbased_traceidratio", ratio, daprSamplingRate: ratio }
}
