import { BACKENDS, type BackendId } from "./backends"
import { costFacts, wholeBillFacts, type CostFacts } from "./cost-facts"
import { redMetricsApply, redMetricsBill, spanMetricsSeries } from "./red-metrics"
import { networkItems } from "./network"
import { isBackendReceiver } from "./receivers"
import { backendSizing, type BackendSizing } from "./sizing"
import { probeDrop, tracedProbeRps } from "./probes"
import { effectiveProbability, rootDecision, type RootDecision } from "./samplers"
import type { PlanInput } from "./fields"
import { computeStorage, type Storage } from "./storage"
import { collectorCompute, tailKeptFraction, type CollectorCompute } from "./tail"
import { computeVolume, SECONDS_PER_DAY, SPANS_PER_PROBE_TRACE, type Volume } from "./volume"

/** The core figures of a plan on one backend: who decides, what is kept, stored and paid. */
export interface Figures {
  root: RootDecision
  /** Share of requests the head sampler keeps at the average rate. */
  headProbability: number
  /** Share of head-sampled traces the tail sampler keeps; 1 without tail sampling. */
  tailKeptFraction: number
  volume: Volume
  storage: Storage
  /** The whole bill as facts: the backend's own, its components, the Collector tier and the traffic. */
  cost: CostFacts
  collector: CollectorCompute
  /** The self-hosted backend's components at this load; null for a SaaS backend. */
  sizing: BackendSizing | null
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
  // A Collector filter drops excluded probes after the apps sent them: they are in the apps'
  // traffic to the Collector, not in what the generated pipeline passes to tail_sampling or keeps.
  const probesDroppedAtCollector = probeDrop(input) === "collector"
  const probeRpsIntoTail = probesDroppedAtCollector ? 0 : probeRps
  // Spans reaching the tail sampler per second, traced probes (one span each) included: a spans/s
  // rate limit caps all of them, at the average rate and again at peak.
  const spansPerSecondIntoTail = (rps: number) =>
    (rps * input.spansPerTrace + probeRpsIntoTail * SPANS_PER_PROBE_TRACE) * headProbability
  const tail = input.tailSampling ? tailKeptFraction(input, spansPerSecondIntoTail(input.rps)) : 1
  const peakTail = input.tailSampling ? tailKeptFraction(input, spansPerSecondIntoTail(input.peakRps)) : 1
  const volume = computeVolume({
    ...input,
    peakTailKeptFraction: peakTail,
    sampler: root.sampler,
    ratio: root.ratio,
    tracedProbeRps: probeRps,
    probesDroppedAtCollector,
    tailKeptFraction: tail,
  })
  const storage = computeStorage(backend, volume.ingestBytesPerDay, input.retentionDays)
  // Error traces kept: every one when a tail policy keeps errors, else the kept share of them.
  const errorShare = input.tailSampling && input.tailKeepErrors ? 1 : tail
  const own = costFacts(backend, {
    tracesPerDay: volume.tracesPerDay,
    spansPerDay: volume.spansPerDay,
    ingestBytesPerDay: volume.ingestBytesPerDay,
    retainedBytes: storage.retainedBytes,
    retentionDays: input.retentionDays,
    apmHosts: input.apmHosts,
    errorTracesPerDay: input.rps * SECONDS_PER_DAY * headProbability * input.errorRate * errorShare,
    datadogCommitment: input.datadogCommitment,
    newRelicFullUsers: input.newRelicFullUsers,
  })
  const collector = collectorCompute(input, headProbability)
  const sizing = BACKENDS[backend].storage
    ? backendSizing(
        backend,
        {
          peakIngestBytesPerSecond: volume.peakIngestBytesPerSecond,
          ingestBytesPerSecond: volume.ingestBytesPerDay / SECONDS_PER_DAY,
          peakSpansPerSecond: volume.peakSpansPerSecond,
          retainedBytes: storage.retainedBytes,
          retentionDays: input.retentionDays,
        },
        { tempoVersion: input.tempoVersion === "2.x" ? "2" : "3" }
      )
    : null
  // What the apps send: every head-sampled span, before the Collector's filter and tail sampling.
  const sentBytesPerDay =
    !input.tailSampling && !probesDroppedAtCollector
      ? volume.ingestBytesPerDay
      : computeVolume({ ...input, sampler: root.sampler, ratio: root.ratio, tracedProbeRps: probeRps })
          .ingestBytesPerDay
  const network = networkItems({
    sentBytesPerDay,
    keptBytesPerDay: volume.ingestBytesPerDay,
    viaCollector: !isBackendReceiver(input.otlpEndpoint) || input.tailSampling,
    loadBalanced: collector.loadBalancingCores > 0,
    hosting: BACKENDS[backend].hosting,
    sameCloud: BACKENDS[backend].sameCloud === true,
    replicationCopies: sizing?.replicationCopies ?? 1,
    replicationBytesPerRawByte: sizing?.replicationBytesPerRawByte ?? 1,
    zones: input.zones,
    interZoneUsdPerGb: input.interZoneUsdPerGb,
    egressUsdPerGb: input.egressUsdPerGb,
  })
  const metrics = redMetricsApply(input)
    ? redMetricsBill(backend, spanMetricsSeries(input, headProbability), input.apmHosts)
    : null
  const cost = wholeBillFacts(own, {
    metrics,
    sizing,
    collector,
    network,
    usdPerVcpuMonth: input.computeUsdPerVcpuMonth,
    usdPerGbMonth: input.computeUsdPerGbMonth,
  })
  return { root, headProbability, tailKeptFraction: tail, volume, storage, cost, collector, sizing }
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
