import type { BackendId } from "./backends"
import { monthlyCost, type Cost } from "./cost"
import { tracedProbeRps } from "./probes"
import { effectiveProbability, rootDecision, type RootDecision } from "./samplers"
import type { PlanInput } from "./fields"
import { computeStorage, type Storage } from "./storage"
import { tailKeptFraction } from "./tail"
import { computeVolume, type Volume } from "./volume"

/** The core figures of a plan on one backend: who decides, what is kept, stored and paid. */
export interface Figures {
  root: RootDecision
  /** Share of requests the head sampler keeps at the average rate. */
  headProbability: number
  /** Share of head-sampled traces the tail sampler keeps; 1 without tail sampling. */
  tailKeptFraction: number
  volume: Volume
  storage: Storage
  cost: Cost
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
  const spansPerSecondIntoTail = input.rps * headProbability * input.spansPerTrace
  const tail = input.tailSampling ? tailKeptFraction(input, spansPerSecondIntoTail) : 1
  const volume = computeVolume({
    ...input,
    sampler: root.sampler,
    ratio: root.ratio,
    tracedProbeRps: tracedProbeRps(input),
    tailKeptFraction: tail,
  })
  const storage = computeStorage(backend, volume.ingestBytesPerDay, input.retentionDays)
  const cost = monthlyCost(backend, {
    tracesPerDay: volume.tracesPerDay,
    spansPerDay: volume.spansPerDay,
    ingestBytesPerDay: volume.ingestBytesPerDay,
    retainedBytes: storage.retainedBytes,
    retentionDays: input.retentionDays,
    apmHosts: input.apmHosts,
  })
  return { root, headProbability, tailKeptFraction: tail, volume, storage, cost }
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
