// The recommendation as a decision: which setting, why (the binding constraint), and the numbers
// behind it, with no words. text/recommendation.ts words it; recommend.ts joins the two.
import { BACKENDS, type BackendId } from "./backends"
import { atRate, figuresFor, type Figures } from "./figures"
import { daprDecides, type Sampler } from "./samplers"
import type { PlanInput } from "./fields"
import { collectorEndpoint, isBackendReceiver } from "./receivers"
import { collectorUsdPerCore, tailSizingFor, type TailSizing } from "./tail"
import { TEMPO_RATE_LIMIT_BYTES } from "./tempo"
import { errorsKeptPerHour, tracesPerMinute } from "./visibility"

/** Rates a recommendation picks from: round numbers people can defend in a review. */
export const CLEAN_RATES = [1, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001] as const

/** Below this head rate, "most errors are dropped": the trigger for recommending tail sampling. */
export const MOST_ERRORS_DROPPED_BELOW = 0.5

export interface TailRecommendation {
  keepErrors: boolean
  keepSlow: boolean
  baselinePercent: number
  decisionWaitSeconds: number
  sizing: TailSizing
  /** Monthly cost with tail sampling minus the head-only cost at the same baseline rate. */
  extraMonthlyUsd: number
  extraIngestBytesPerDay: number
}

export interface PerOperationOption {
  endpoint: string
  /** Rate that endpoint needs to reach the per-endpoint minimum. */
  ratio: number
  /** Extra monthly cost of sampling just that endpoint at `ratio` (Jaeger per-operation strategy). */
  extraMonthlyUsd: number
}

/**
 * What decided the rate: development keeps everything; otherwise the budget or the storage cap the
 * next rate up would break (or the lowest rate already breaks), the per-endpoint minimum that
 * raised it, or nothing (the current rate kept, or 100 % within every limit).
 */
export type RecommendationConstraint = "development" | "budget" | "storage-cap" | "endpoint-minimum" | "none"

/** The budget and storage cap a setting must fit; 0 for one not set. */
export interface Limits {
  budgetUsdPerMonth: number
  storageCapBytes: number
}

/** A rate and what it keeps, stores and costs (head sampling alone unless said otherwise). */
export interface RateFigures {
  ratio: number
  tracesPerDay: number
  retainedBytes: number
  monthlyUsd: number
}

/** How the head rate was chosen, with the numbers each way cites. */
export type HeadChoice =
  | { kind: "development" }
  /** The highest clean rate within the limits; `runnerUp` is the next rate up (null at 100 %). */
  | { kind: "within-limits"; runnerUp: RateFigures | null }
  /** Even the lowest clean rate breaks a limit (said as a warning). */
  | { kind: "over-limits" }
  /** No limits: the current rate at the nearest clean one, raised for the visibility minimum. */
  | {
      kind: "no-limits"
      /** The current share of requests kept: head × tail baseline when tail sampling. */
      current: number
      headShare: number
      /** The plan's tail baseline (%) when it already tail-samples, else null. */
      tailBaselinePercent: number | null
      snapped: number
      /** Whether `current` already is the clean rate `snapped`. */
      onClean: boolean
      /** What the minimum traces per minute raised the rate for, or null when it did not. */
      raisedFor: "service" | "every-endpoint" | null
    }

/** Why tail sampling is added, and what it takes. */
export interface TailReasonFacts {
  /** The head-only rate it is compared with. */
  headRatio: number
  baseline: number
  errorsPerHour: number
  errorsKeptAtHead: number
  /** The Collector's price per core (0 when none is entered: its compute is not in the $). */
  usdPerCore: number
  viaDapr: boolean
  /** The backend intake the apps send to today, which the setting points at the Collector; else null. */
  bypassedEndpoint: string | null
  collectorEndpoint: string
}

/** What the limit-breaking setting is over by and what lowers the bill. */
export type OverLimitAdvice =
  | { kind: "collector"; cores: number; monthlyUsd: number }
  | { kind: "retention" }
  | { kind: "apm-hosts" }
  | { kind: "cheaper-backend" }

/** A caveat the recommendation carries, by id with its numbers, in the order said. */
export type RecommendationWarning =
  | { id: "over-limits"; chosen: RateFigures; advice: OverLimitAdvice }
  | {
      id: "tail-beyond-limits"
      monthlyUsd: number
      retainedBytes: number
      keepSlow: boolean
      baseline: number
      errorsKeptPerHour: number
      errorsPerHour: number
    }
  | { id: "head-misses-errors"; ratio: number; errorsKeptPerHour: number; errorsPerHour: number }
  | { id: "endpoint-unreachable"; endpoint: string; requestsPerMinute: number }
  | {
      id: "endpoint-below-minimum"
      endpoint: string
      tracesPerMinute: number
      /** The rate chosen for every endpoint. */
      ratio: number
      /** The clean rate the endpoint needs. */
      endpointRatio: number
      /** The monthly $ with every endpoint at `endpointRatio`. */
      everyEndpointUsd: number
      /** Extra $ of a per-operation rate; null when Dapr decides the root and none can reach it. */
      perOperationUsd: number | null
    }
  | { id: "tempo-ingest-limit"; peakBytesPerSecond: number; limitBytesPerSecond: number }

/** The recommendation as facts. */
export interface RecommendationFacts {
  constraint: RecommendationConstraint
  sampler: Sampler
  /** Head sampling ratio for the SDK (and Dapr when tail sampling is not recommended). */
  ratio: number
  tail: TailRecommendation | null
  daprSamplingRate: number | null
  backend: BackendId
  limits: Limits
  /** The visibility minimum, traces per minute per endpoint (or for the service). */
  minTracesPerMinute: number
  head: HeadChoice
  /** Head sampling alone at the chosen head rate. */
  chosen: RateFigures
  tailReason: TailReasonFacts | null
  /** Whether the tail baseline was lowered below the head rate to fit the limits. */
  baselineLowered: boolean
  /** The setting's own figures (with tail sampling when recommended). */
  result: RateFigures
  perOperation: PerOperationOption[]
  warnings: RecommendationWarning[]
}

function rateFigures(ratio: number, figures: Figures): RateFigures {
  return {
    ratio,
    tracesPerDay: figures.volume.tracesPerDay,
    retainedBytes: figures.storage.retainedBytes,
    monthlyUsd: figures.cost.monthlyUsd,
  }
}

/** The limit a setting breaks, the budget first; null when it fits both. */
function brokenLimit(input: PlanInput, figures: Figures): "budget" | "storage-cap" | null {
  if (input.budgetUsdPerMonth > 0 && figures.cost.monthlyUsd > input.budgetUsdPerMonth) return "budget"
  if (input.storageCapBytes > 0 && figures.storage.retainedBytes > input.storageCapBytes) return "storage-cap"
  return null
}

const fits = (input: PlanInput, figures: Figures) => brokenLimit(input, figures) === null

/** Rate each endpoint needs for its minimum traces per minute (above 1 when it cannot reach it even at 100 %). */
function endpointNeeds(input: PlanInput): { endpoint: string; needed: number; tracesPerMinuteAtFull: number }[] {
  return (input.endpoints ?? []).map((endpoint) => {
    const tracesPerMinuteAtFull = tracesPerMinute(input.rps * endpoint.share, 1)
    return {
      endpoint: endpoint.name,
      needed: input.minTracesPerMinutePerEndpoint / tracesPerMinuteAtFull,
      tracesPerMinuteAtFull,
    }
  })
}

/** The smallest clean rate at or above `needed`, or 1. */
function cleanRateAtLeast(needed: number): number {
  return [...CLEAN_RATES].reverse().find((rate) => rate >= needed) ?? 1
}

/** The clean rate nearest `rate` by ratio (20 % → 25 %, 3 % → 2 %), or the smallest for 0. */
function nearestCleanRate(rate: number): number {
  const distance = (clean: number) => Math.abs(Math.log(clean / rate))
  return rate > 0
    ? CLEAN_RATES.reduce((best, clean) => (distance(clean) < distance(best) ? clean : best))
    : CLEAN_RATES[CLEAN_RATES.length - 1]!
}

/** What lowers the bill once the lowest rate is not enough: retention only helps where storage is priced. */
function overLimitAdvice(input: PlanInput, figures: Figures): OverLimitAdvice {
  const { collector } = figures
  if (collector.monthlyUsd >= figures.cost.monthlyUsd / 2)
    return { kind: "collector", cores: collector.cores, monthlyUsd: collector.monthlyUsd }
  const pricing = BACKENDS[input.backend].pricing.kind
  if (pricing === "storage" || pricing === "grafana-cloud") return { kind: "retention" }
  if (pricing === "datadog") return { kind: "apm-hosts" }
  return { kind: "cheaper-backend" }
}

function tailRecommendation(
  input: PlanInput,
  tailInput: PlanInput,
  baseline: number,
  withTail: Figures,
  head: Figures
): TailRecommendation {
  return {
    keepErrors: true,
    keepSlow: tailInput.tailKeepSlow,
    baselinePercent: baseline * 100,
    decisionWaitSeconds: input.tailDecisionWaitSeconds,
    // The SDKs keep every trace for the tail sampler: it sees the whole peak.
    sizing: tailSizingFor(input, 1),
    extraMonthlyUsd: withTail.cost.monthlyUsd - head.cost.monthlyUsd,
    extraIngestBytesPerDay: withTail.volume.ingestBytesPerDay - head.volume.ingestBytesPerDay,
  }
}

/**
 * What to run, as facts. Development keeps everything; staging and production take the highest
 * clean rate within the budget and storage cap (or, with neither set, the current rate at the
 * nearest clean one, raised to meet the per-endpoint minimum), parent-based so downstream services
 * follow the root. When every error must be kept and head sampling would drop most of them, it
 * adds Collector tail sampling with an error policy and a baseline. `figures` are the plan's own
 * (figured here only when needed and not given).
 *
 * @example
 * const facts = recommendationFacts({ ...DEFAULT_INPUT, budgetUsdPerMonth: 20, keepAllErrors: false })
 * facts.ratio                     //=> 0.1
 * facts.constraint                //=> "budget"
 * facts.head.kind === "within-limits" && facts.head.runnerUp?.ratio //=> 0.25
 */
export function recommendationFacts(input: PlanInput, figures?: Figures): RecommendationFacts {
  const warnings: RecommendationWarning[] = []
  const usesDapr = input.daprEnabled
  const limits = { budgetUsdPerMonth: input.budgetUsdPerMonth, storageCapBytes: input.storageCapBytes }
  const common = { backend: input.backend, limits, minTracesPerMinute: input.minTracesPerMinutePerEndpoint }

  if (input.environment === "development") {
    const all = figuresFor(atRate({ ...input, tailSampling: false }, 1))
    const chosen = rateFigures(1, all)
    return {
      ...common,
      constraint: "development",
      sampler: "parentbased_always_on",
      ratio: 1,
      tail: null,
      daprSamplingRate: usesDapr ? 1 : null,
      head: { kind: "development" },
      chosen,
      tailReason: null,
      baselineLowered: false,
      result: chosen,
      perOperation: [],
      warnings,
    }
  }

  const headOnly = (ratio: number) => figuresFor(atRate({ ...input, tailSampling: false }, ratio))
  const hasLimits = input.budgetUsdPerMonth > 0 || input.storageCapBytes > 0
  const needs = endpointNeeds(input)
  let ratio: number
  let head: HeadChoice
  let constraint: RecommendationConstraint

  if (hasLimits) {
    const fitting = CLEAN_RATES.find((rate) => fits(input, headOnly(rate)))
    ratio = fitting ?? CLEAN_RATES[CLEAN_RATES.length - 1]!
    const chosen = headOnly(ratio)
    if (fitting === undefined) {
      head = { kind: "over-limits" }
      constraint = brokenLimit(input, chosen) ?? "none"
      warnings.push({ id: "over-limits", chosen: rateFigures(ratio, chosen), advice: overLimitAdvice(input, chosen) })
    } else {
      const higher = CLEAN_RATES[CLEAN_RATES.indexOf(ratio as (typeof CLEAN_RATES)[number]) - 1]
      const higherFigures = higher === undefined ? null : headOnly(higher)
      head = { kind: "within-limits", runnerUp: higherFigures ? rateFigures(higher!, higherFigures) : null }
      constraint = (higherFigures && brokenLimit(input, higherFigures)) ?? "none"
    }
  } else {
    // Without a budget or cap there is nothing to trade against: keep the current rate (at the
    // nearest clean one, and saying so), raised only as far as the visibility minimum needs. A plan
    // that already tail-samples keeps its baseline share of the head's traces: that is its current rate.
    const headShare = (figures ?? figuresFor(input)).headProbability
    const current = headShare * (input.tailSampling ? input.tailBaselinePercent / 100 : 1)
    const needed = Math.max(
      input.minTracesPerMinutePerEndpoint / tracesPerMinute(input.rps, 1),
      ...needs.map((need) => need.needed)
    )
    const snapped = nearestCleanRate(current)
    ratio = Math.max(snapped, cleanRateAtLeast(Math.min(1, needed)))
    const raised = ratio > snapped
    head = {
      kind: "no-limits",
      current,
      headShare,
      tailBaselinePercent: input.tailSampling ? input.tailBaselinePercent : null,
      snapped,
      // 10 % × 10 % is 0.010000000000000002: a rounding error away from a clean rate is on it.
      onClean: Math.abs(snapped - current) <= snapped * 1e-9,
      raisedFor: raised ? (needs.length > 0 ? "every-endpoint" : "service") : null,
    }
    constraint = raised ? "endpoint-minimum" : "none"
  }
  const headFigures = headOnly(ratio)
  let tail: TailRecommendation | null = null
  let withTail: Figures | null = null
  let tailReason: TailReasonFacts | null = null
  let baselineLowered = false
  const errorsPerHour = errorsKeptPerHour(input.rps, input.errorRate, 1)
  const errorsKeptAtHead = errorsKeptPerHour(input.rps, input.errorRate, ratio)
  if (input.keepAllErrors && input.errorRate > 0 && ratio < MOST_ERRORS_DROPPED_BELOW) {
    const tailAt = (baseline: number): PlanInput => ({
      ...atRate(input, 1),
      tailSampling: true,
      tailKeepErrors: true,
      tailKeepSlow: input.slowRate > 0,
      tailBaselinePercent: baseline * 100,
    })
    // The baseline starts at the head rate and steps down until errors + baseline fit the limits.
    const baselines = CLEAN_RATES.filter((rate) => rate <= ratio)
    // The limit the baseline just above the chosen one broke: what lowered it.
    let brokenAbove: "budget" | "storage-cap" | null = null
    let fitting: number | undefined
    for (const rate of baselines) {
      const broken = brokenLimit(input, figuresFor(tailAt(rate)))
      if (broken === null) {
        fitting = rate
        break
      }
      brokenAbove = broken
    }
    const baseline = fitting ?? baselines[baselines.length - 1] ?? ratio
    const tailInput = tailAt(baseline)
    const tailFigures = figuresFor(tailInput)
    if (fits(input, tailFigures)) {
      withTail = tailFigures
      tail = tailRecommendation(input, tailInput, baseline, withTail, headFigures)
      baselineLowered = baseline < ratio
      if (baselineLowered && brokenAbove) constraint = brokenAbove
      tailReason = {
        headRatio: ratio,
        baseline,
        errorsPerHour,
        errorsKeptAtHead,
        usdPerCore: collectorUsdPerCore(input),
        viaDapr: usesDapr,
        bypassedEndpoint: isBackendReceiver(input.otlpEndpoint) ? input.otlpEndpoint : null,
        collectorEndpoint: collectorEndpoint(input.protocol),
      }
    } else {
      // The limit wins: head sampling within it, and what keeping every error would take.
      warnings.push({
        id: "tail-beyond-limits",
        monthlyUsd: tailFigures.cost.monthlyUsd,
        retainedBytes: tailFigures.storage.retainedBytes,
        keepSlow: tailInput.tailKeepSlow,
        baseline,
        errorsKeptPerHour: errorsKeptAtHead,
        errorsPerHour,
      })
    }
  }
  if (input.keepAllErrors && input.errorRate > 0 && ratio >= MOST_ERRORS_DROPPED_BELOW && ratio < 1) {
    // Half or more of the errors are kept: head sampling stays, and the goal it misses is said.
    warnings.push({ id: "head-misses-errors", ratio, errorsKeptPerHour: errorsKeptAtHead, errorsPerHour })
  }

  const perOperation: PerOperationOption[] = []
  for (const need of needs) {
    if (need.needed <= ratio) continue
    if (need.needed > 1) {
      warnings.push({
        id: "endpoint-unreachable",
        endpoint: need.endpoint,
        requestsPerMinute: need.tracesPerMinuteAtFull,
      })
      continue
    }
    const endpointRate = cleanRateAtLeast(need.needed)
    const share = (input.endpoints ?? []).find((endpoint) => endpoint.name === need.endpoint)?.share ?? 0
    const globalRate = headOnly(endpointRate)
    // Sampling one endpoint at a higher rate adds roughly its share of the cost difference
    // (exact for storage-priced backends, an estimate where free tiers bend the price).
    const extra = (globalRate.cost.monthlyUsd - headFigures.cost.monthlyUsd) * share
    // Dapr's sidecar makes the root decision at one rate for every request: no per-operation rate reaches it.
    const perOperationPossible = !daprDecides(input)
    if (perOperationPossible)
      perOperation.push({ endpoint: need.endpoint, ratio: endpointRate, extraMonthlyUsd: extra })
    warnings.push({
      id: "endpoint-below-minimum",
      endpoint: need.endpoint,
      tracesPerMinute: tracesPerMinute(input.rps * share, ratio),
      ratio,
      endpointRatio: endpointRate,
      everyEndpointUsd: globalRate.cost.monthlyUsd,
      perOperationUsd: perOperationPossible ? extra : null,
    })
  }

  const result = withTail ?? headFigures
  const tempoLimit = TEMPO_RATE_LIMIT_BYTES[input.tempoVersion]
  if (input.backend === "tempo" && result.volume.peakIngestBytesPerSecond >= tempoLimit) {
    warnings.push({
      id: "tempo-ingest-limit",
      peakBytesPerSecond: result.volume.peakIngestBytesPerSecond,
      limitBytesPerSecond: tempoLimit,
    })
  }
  return {
    ...common,
    constraint,
    // With tail sampling every span must reach the Collector: the SDK keeps all, the Collector decides.
    sampler: tail ? "parentbased_always_on" : "parentbased_traceidratio",
    ratio: tail ? 1 : ratio,
    tail,
    daprSamplingRate: usesDapr ? (tail ? 1 : ratio) : null,
    head,
    chosen: rateFigures(ratio, headFigures),
    tailReason,
    baselineLowered,
    result: rateFigures(tail ? 1 : ratio, result),
    perOperation,
    warnings,
  }
}
