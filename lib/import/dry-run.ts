import { figuresFor } from "@/lib/plan/figures"
import type { PlanInput } from "@/lib/plan/fields"
import { traceIdRatioSampler, type RatioRuntime, type TraceIdWordsPredicate } from "@/lib/plan/ratio-hash"
import { daprTracingOn, rootDecision, SAMPLER_INFO, samplerHeadRate, type Sampler } from "@/lib/plan/samplers"
import { tailSizingFor } from "@/lib/plan/tail"

import { wilsonInterval } from "./apply"
import { latencyPolicySamples, tailProbabilisticThreshold, TokenBucket } from "./tail-policies"
import type { TraceRecords } from "./trace-records"

/** How the root's head decision is made on the file's trace ids. */
export interface HeadRule {
  /** Who decides: this service's Dapr sidecar, the calling Dapr app's side, or the app's SDK. */
  decidedBy: "dapr" | "caller" | "app"
  /** The sampler that runs (an SDK fallback when it cannot read the one set). */
  sampler: Sampler
  /** The ratio it runs at (Dapr's samplingRate when Dapr decides). */
  ratio: number
  /** Whose TraceIdRatioBased reads the ids: Dapr's sidecar (the Go SDK's) or the app's SDK. */
  runtime: RatioRuntime
  /**
   * "all" / "none" for the always samplers; "trace-id-ratio" when the runtime's TraceIdRatioBased
   * decides on the id (Jaeger remote: at the rate assumed); "random" for X-Ray's rule, which is not
   * a function of the trace id (a seeded draw at its effective rate stands in).
   */
  kind: "all" | "none" | "trace-id-ratio" | "random"
  /** The sampler set but not run: the SDK could not read it. */
  unsupported?: Sampler
}

/** Kept of the file's traces, overall and among its errors. */
export interface DryRunRow {
  name: string
  traces: number
  keptTraces: number
  errorTraces: number
  keptErrorTraces: number
}

/** What the dry run keeps of a file's traces, and what the model predicts beside it. */
export interface DryRunResult {
  /** The traces counted: "complete" ones (root and every parent in the file), as the importer counts them. */
  tracesCounted: "complete"
  /** Traces cut by the export window, left out. */
  truncatedTraces: number
  traces: number
  keptTraces: number
  errorTraces: number
  keptErrorTraces: number
  /** Root slower than the plan's slow threshold (the importer's slow share). */
  slowTraces: number
  keptSlowTraces: number
  /** Per root operation (root span name, with its route), most traces first, ties in the order first seen. */
  byEndpoint: DryRunRow[]
  /** Per service a trace passes through (a trace counts once for each), most traces first, ties in the order first seen. */
  byService: DryRunRow[]
  decidedBy: HeadRule["decidedBy"]
  sampler: Sampler
  head: HeadRule
  /** The Collector's tail policies applied after the head decision; null without tail sampling. */
  tail: {
    keepErrors: boolean
    latencyThresholdMs: number | null
    baselinePercent: number
    /** The whole tier's rate_limiting spans/s (each replica's share × replicas); null for none. */
    spansPerSecond: number | null
  } | null
  /** The model's kept shares beside the observed ones, with the observed share's 95 % Wilson interval. */
  compare: {
    traces: DryRunShare
    errors: DryRunShare
    slow: DryRunShare
  }
}

/** A kept share as observed on the file and as the model predicts it. */
export interface DryRunShare {
  observed: number
  /** 95 % Wilson interval of the observed share; [0, 1] without traces. */
  interval: [number, number]
  predicted: number
  /** Whether the prediction lies inside the interval. */
  agrees: boolean
}

/**
 * Who decides the root and how, for the plan: {@link rootDecision}'s answer, read by the runtime
 * that makes it. Dapr's sidecar (or, for service invocation with Dapr tracing on, the caller's
 * sidecar, which the plan assumes runs this Dapr Configuration) runs the Go SDK's sampler; otherwise
 * the app's SDK runs its own.
 *
 * @example
 * headRule({ ...DEFAULT_INPUT, entryPoint: "sidecar", daprEnabled: true, daprSamplingRate: 0.1 })
 * //=> { decidedBy: "dapr", sampler: "parentbased_traceidratio", ratio: 0.1, runtime: "dapr", kind: "trace-id-ratio" }
 */
export function headRule(input: PlanInput): HeadRule {
  const decision = rootDecision(input)
  const runtime: RatioRuntime =
    decision.decidedBy === "dapr" || (decision.decidedBy === "caller" && daprTracingOn(input)) ? "dapr" : input.language
  const basis = SAMPLER_INFO[decision.sampler].basis
  const kind: HeadRule["kind"] =
    basis === "fixed"
      ? samplerHeadRate(decision.sampler, decision.ratio) === 1
        ? "all"
        : "none"
      : basis === "rule"
        ? "random"
        : "trace-id-ratio"
  return {
    decidedBy: decision.decidedBy,
    sampler: decision.sampler,
    ratio: decision.ratio,
    runtime,
    kind,
    ...(decision.unsupported ? { unsupported: decision.unsupported } : {}),
  }
}

/** A fixed-seed generator (mulberry32), so X-Ray's random draw gives the same answer every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function share(kept: number, total: number, predicted: number): DryRunShare {
  if (total === 0) return { observed: 0, interval: [0, 1], predicted, agrees: true }
  const observed = kept / total
  const interval = wilsonInterval(observed, total)
  // A hair of slack: an exact 0 or 1 prediction sits on a bound the interval reaches exactly.
  const agrees = predicted >= interval[0] - 1e-12 && predicted <= interval[1] + 1e-12
  return { observed, interval, predicted, agrees }
}

/** Rows with traces, most traces first; ties keep the order the names were first seen (by trace start). */
function rowsOf(
  names: string[],
  traces: Uint32Array,
  kept: Uint32Array,
  errors: Uint32Array,
  keptErrors: Uint32Array
): DryRunRow[] {
  const order: number[] = []
  for (let i = 0; i < names.length; i++) if ((traces[i] ?? 0) > 0) order.push(i)
  // Numbers only: 60,000 one-trace endpoints sort in milliseconds, where comparing names took far longer.
  order.sort((a, b) => (traces[b] ?? 0) - (traces[a] ?? 0) || a - b)
  return order.map((i) => ({
    name: names[i] as string,
    traces: traces[i] ?? 0,
    keptTraces: kept[i] ?? 0,
    errorTraces: errors[i] ?? 0,
    keptErrorTraces: keptErrors[i] ?? 0,
  }))
}

/**
 * Applies the plan's sampling to a file's complete traces, trace by trace: the head decision by the
 * runtime that decides the root, with its own algorithm on these ids ({@link headRule},
 * `traceIdRatioSampler`), then, when the plan tail-samples, the Collector's tail_sampling policies
 * as the generated config writes them (keep-errors, keep-slow, the probabilistic baseline, ANDed with
 * rate_limiting when the plan caps spans/s), evaluated as the processor does: every policy runs and
 * any "sampled" keeps the trace. The rate limit's token bucket replays the traces in the order they
 * started, one every 1/rps seconds (the plan's average request rate), at the whole tier's limit.
 *
 * @example
 * dryRun(records, { ...DEFAULT_INPUT, sampler: "always_on" }).keptTraces //=> records.count
 */
export function dryRun(records: TraceRecords, input: PlanInput): DryRunResult {
  const head = headRule(input)
  const figures = figuresFor(input)
  const {
    count,
    ids,
    tailHashHi,
    tailHashLo,
    isError,
    spans,
    rootDurationMs,
    traceDurationMs,
    endpoint,
    serviceStart,
    serviceIds,
  } = records
  let keepsId: TraceIdWordsPredicate
  if (head.kind === "all") keepsId = () => true
  else if (head.kind === "none") keepsId = () => false
  else if (head.kind === "trace-id-ratio") keepsId = traceIdRatioSampler(head.runtime, head.ratio)
  else {
    const random = seededRandom(0x5eed)
    keepsId = () => random() < figures.headProbability
  }

  const tail = input.tailSampling ? tailSettings(input, figures.headProbability) : null
  const threshold = tail ? tailProbabilisticThreshold(tail.baselinePercent) : 0n
  const thresholdHi = Number(threshold >> 32n)
  const thresholdLo = Number(threshold & 0xffffffffn)
  const hasBaseline =
    tail !== null && !(tail.baselinePercent === 0 && (tail.keepErrors || tail.latencyThresholdMs !== null))
  const bucket = tail?.spansPerSecond ? new TokenBucket(tail.spansPerSecond, tail.spansPerSecond * 2) : null
  const secondsPerTrace = input.rps > 0 ? 1 / input.rps : 0

  const endpointCounts = counters(records.endpoints.length)
  const serviceCounts = counters(records.services.length)
  let kept = 0
  let errors = 0
  let keptErrors = 0
  let slow = 0
  let keptSlow = 0
  for (let i = 0; i < count; i++) {
    let keep = keepsId(ids[4 * i] ?? 0, ids[4 * i + 1] ?? 0, ids[4 * i + 2] ?? 0, ids[4 * i + 3] ?? 0)
    const error = isError[i] === 1
    if (keep && tail) {
      // Every policy is evaluated (no sample_on_first_match), so the rate limit spends tokens on
      // error and slow traces the baseline also sampled.
      let sampled = tail.keepErrors && error
      if (tail.latencyThresholdMs !== null && latencyPolicySamples(traceDurationMs[i] ?? 0, tail.latencyThresholdMs))
        sampled = true
      if (hasBaseline) {
        const h = tailHashHi[i] ?? 0
        const inBaseline = h < thresholdHi || (h === thresholdHi && (tailHashLo[i] ?? 0) <= thresholdLo)
        if (inBaseline && (bucket === null || bucket.allow(spans[i] ?? 0, i * secondsPerTrace))) sampled = true
      }
      keep = sampled
    }
    const isSlow = (rootDurationMs[i] ?? 0) > input.slowThresholdMs
    if (keep) kept += 1
    if (error) errors += 1
    if (error && keep) keptErrors += 1
    if (isSlow) slow += 1
    if (isSlow && keep) keptSlow += 1
    endpointCounts.add(endpoint[i] ?? 0, keep, error)
    for (let k = serviceStart[i] ?? 0; k < (serviceStart[i + 1] ?? 0); k++)
      serviceCounts.add(serviceIds[k] ?? 0, keep, error)
  }

  const headShare = figures.headProbability
  const tailShare = input.tailSampling ? figures.tailKeptFraction : 1
  return {
    tracesCounted: "complete",
    truncatedTraces: records.truncatedTraces,
    traces: count,
    keptTraces: kept,
    errorTraces: errors,
    keptErrorTraces: keptErrors,
    slowTraces: slow,
    keptSlowTraces: keptSlow,
    byEndpoint: endpointCounts.rows(records.endpoints),
    byService: serviceCounts.rows(records.services),
    decidedBy: head.decidedBy,
    sampler: head.sampler,
    head,
    tail,
    compare: {
      traces: share(kept, count, headShare * tailShare),
      errors: share(keptErrors, errors, headShare * (input.tailSampling && input.tailKeepErrors ? 1 : tailShare)),
      slow: share(keptSlow, slow, headShare * (input.tailSampling && input.tailKeepSlow ? 1 : tailShare)),
    },
  }
}

/** The tail policies the generated config writes for the plan (lib/configs/collector.ts). */
function tailSettings(input: PlanInput, headProbability: number): NonNullable<DryRunResult["tail"]> {
  let spansPerSecond: number | null = null
  if (input.tailSpansPerSecond > 0) {
    // Each replica gets ⌊limit ÷ replicas⌋ (at least 1) of the spans routed to it; the tier as a whole
    // holds that many times the replicas.
    const replicas = tailSizingFor(input, headProbability).replicas
    spansPerSecond = Math.max(1, Math.floor(input.tailSpansPerSecond / replicas)) * replicas
  }
  return {
    keepErrors: input.tailKeepErrors,
    latencyThresholdMs: input.tailKeepSlow ? input.slowThresholdMs : null,
    baselinePercent: input.tailBaselinePercent,
    spansPerSecond,
  }
}

function counters(size: number) {
  const traces = new Uint32Array(size)
  const kept = new Uint32Array(size)
  const errors = new Uint32Array(size)
  const keptErrors = new Uint32Array(size)
  return {
    add(index: number, keep: boolean, error: boolean) {
      traces[index] = (traces[index] ?? 0) + 1
      if (keep) kept[index] = (kept[index] ?? 0) + 1
      if (error) errors[index] = (errors[index] ?? 0) + 1
      if (error && keep) keptErrors[index] = (keptErrors[index] ?? 0) + 1
    },
    rows: (names: string[]) => rowsOf(names, traces, kept, errors, keptErrors),
  }
}
