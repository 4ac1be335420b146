import { formatUsd } from "@/lib/format"

import type { BackendId } from "./backends"
import { monthlyCost, type Cost } from "./cost"
import { collectorCoresText } from "./cost-basis"
import { tracedProbeRps } from "./probes"
import { effectiveProbability, rootDecision, type RootDecision } from "./samplers"
import type { PlanInput } from "./fields"
import { computeStorage, type Storage } from "./storage"
import { collectorCompute, fargateReferenceText, tailKeptFraction, type CollectorCompute } from "./tail"
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
  /** The backend's bill, plus the Collector tier's compute when a price per core is entered. */
  cost: Cost
  collector: CollectorCompute
}

/**
 * The cost with the Collector tier in it: a line when priced, else a note of the cores left out.
 *
 * @example
 * withCollector({ backend: "tempo", monthlyUsd: 10, lines: [], notes: [], extrapolated: null }, { cores: 2, monthlyUsd: 60 }).monthlyUsd //=> 70
 */
export function withCollector(cost: Cost, collector: CollectorCompute): Cost {
  if (collector.cores === 0) return cost
  const cores = collectorCoresText(collector.cores)
  return collector.monthlyUsd > 0
    ? {
        ...cost,
        monthlyUsd: cost.monthlyUsd + collector.monthlyUsd,
        lines: [
          ...cost.lines,
          {
            label: `Collector compute: ${cores} × ${formatUsd(collector.monthlyUsd / collector.cores)}/core-month`,
            usd: collector.monthlyUsd,
          },
        ],
      }
    : {
        ...cost,
        notes: [
          ...cost.notes,
          `${cores} at peak not priced (${fargateReferenceText(collector.cores)}): enter a cost per core to include ${collector.cores === 1 ? "it" : "them"}.`,
        ],
      }
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
  const cost = monthlyCost(backend, {
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
    cost: withCollector(cost, collector),
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
