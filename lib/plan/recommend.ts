import { collectorEndpoint, isBackendReceiver } from "@/lib/plan/receivers"
import { countOf, formatBytes, formatCount, formatInteger, formatPercent, formatUsd } from "@/lib/format"

import { BACKENDS } from "./backends"
import { atRate, figuresFor, type Figures } from "./figures"
import { daprDecides, type Sampler } from "./samplers"
import type { PlanInput } from "./fields"
import { fargateReferenceText, tailCores, tailSizingFor, type TailSizing } from "./tail"
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

export interface Recommendation {
  sampler: Sampler
  /** Head sampling ratio for the SDK (and Dapr when tail sampling is not recommended). */
  ratio: number
  tail: TailRecommendation | null
  daprSamplingRate: number | null
  monthlyUsd: number
  retainedBytes: number
  /** Collector cores the setting needs that `monthlyUsd` leaves out (no cost per core entered); 0 when priced or none. */
  unpricedCollectorCores: number
  /** Per-operation rates proposed for endpoints below the minimum. */
  perOperation: PerOperationOption[]
  reasons: string[]
  warnings: string[]
}

const percent = (ratio: number) => formatPercent(ratio)
/** Said of a budget or cap a setting fits while its Collector cores are left unpriced. */
const ON_STORAGE = " (on storage: the Collector cores are not priced)"
const unpricedCores = (figures: Figures) => (figures.collector.monthlyUsd > 0 ? 0 : figures.collector.cores)

function fits(input: PlanInput, figures: Figures): boolean {
  return (
    (input.budgetUsdPerMonth <= 0 || figures.cost.monthlyUsd <= input.budgetUsdPerMonth) &&
    (input.storageCapBytes <= 0 || figures.storage.retainedBytes <= input.storageCapBytes)
  )
}

function limitsText(input: PlanInput): string {
  const limits = [
    input.budgetUsdPerMonth > 0 ? `the ${formatUsd(input.budgetUsdPerMonth)}/mo budget` : null,
    input.storageCapBytes > 0 ? `the ${formatBytes(input.storageCapBytes)} storage cap` : null,
  ].filter(Boolean)
  return limits.join(" and ")
}

/** Rate each endpoint needs for its minimum traces per minute (undefined when it cannot reach it even at 100 %). */
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

/** What lowers the bill once the lowest rate is not enough: retention only helps where storage is priced. */
function overLimitAdvice(input: PlanInput, figures: Figures): string {
  const { collector } = figures
  if (collector.monthlyUsd >= figures.cost.monthlyUsd / 2) {
    return `Most of it is the Collector tier, ${countOf(collector.cores, "core", formatInteger)} at ${formatUsd(collector.monthlyUsd)}/mo whatever the rate: raise the budget, or send straight to the backend if you need no Collector.`
  }
  const pricing = BACKENDS[input.backend].pricing.kind
  if (pricing === "storage" || pricing === "grafana-cloud")
    return "Raise the budget, shorten retention or pick a cheaper backend."
  if (pricing === "datadog")
    return "Raise the budget, run APM on fewer hosts (each costs its fee whatever the rate) or pick a cheaper backend."
  return `Raise the budget or pick a cheaper backend: ${BACKENDS[input.backend].label} bills what it ingests, whatever the retention.`
}

/** The clean rate nearest `rate` by ratio (20 % → 25 %, 3 % → 2 %), or the smallest for 0. */
function nearestCleanRate(rate: number): number {
  const distance = (clean: number) => Math.abs(Math.log(clean / rate))
  return rate > 0
    ? CLEAN_RATES.reduce((best, clean) => (distance(clean) < distance(best) ? clean : best))
    : CLEAN_RATES[CLEAN_RATES.length - 1]!
}

function describeRate(input: PlanInput, ratio: number, figures: Figures): string {
  const backend = BACKENDS[input.backend]
  return `At ${percent(ratio)}: ${formatCount(figures.volume.tracesPerDay)} traces/day, ${formatBytes(figures.storage.retainedBytes)} on ${backend.label}, ${formatUsd(figures.cost.monthlyUsd)}/mo.`
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

/** Why tail sampling, what it adds against head sampling alone, and the Collector tier it needs. */
function tailReasonsFor(
  input: PlanInput,
  tail: TailRecommendation,
  ratio: number,
  baseline: number,
  errorsPerHour: number,
  usesDapr: boolean
): string[] {
  const { sizing } = tail
  const reasons = [
    `Head sampling alone at ${percent(ratio)} keeps ~${formatCount(errorsKeptPerHour(input.rps, input.errorRate, ratio))} of ${formatCount(errorsPerHour)} errors/hour; ` +
      `Collector tail sampling with an error policy keeps all of them plus a ${percent(baseline)} baseline${tail.keepSlow ? " and every slow trace" : ""}: ` +
      `${tail.extraIngestBytesPerDay >= 0 ? "+" : "−"}${formatBytes(Math.abs(tail.extraIngestBytesPerDay))}/day, ${tail.extraMonthlyUsd >= 0 ? "+" : "−"}${formatUsd(Math.abs(tail.extraMonthlyUsd))}/mo against head sampling alone` +
      `${input.collectorUsdPerCoreMonth > 0 ? "" : ", before the Collector's compute (below)"}.`,
  ]
  const cores = tailCores(sizing)
  const priced = input.collectorUsdPerCoreMonth > 0
  if (baseline < ratio) {
    reasons.push(
      `The baseline drops to ${percent(baseline)} so errors and slow traces fit within ${limitsText(input)}${priced ? "" : ON_STORAGE}.`
    )
  }
  reasons.push(
    `Tail sampling needs every span at the Collector: SDKs${usesDapr ? " and Dapr" : ""} sample 100 %. At peak that is ${formatCount(sizing.spansPerSecondIn)} spans/s: ` +
      `${countOf(sizing.replicas, "tail-sampling replica", formatInteger)} of 1 core + 2 GB, num_traces ${formatCount(sizing.numTraces)} each, ~${formatBytes(sizing.memoryBytes)} of buffered spans in all` +
      `${sizing.needsLoadBalancing ? `, behind ${countOf(sizing.loadBalancerReplicas, "load-balancing replica", formatInteger)} routing by trace id` : ""}. ` +
      (priced
        ? `Their compute, ${countOf(cores, "core", formatInteger)} at ${formatUsd(input.collectorUsdPerCoreMonth)}, is ${formatUsd(cores * input.collectorUsdPerCoreMonth)}/mo of the $ figures.`
        : `Their compute (${countOf(cores, "core", formatInteger)}; ${fargateReferenceText(cores)}) is not in the $ figures: enter a cost per core to include it.`)
  )
  if (isBackendReceiver(input.otlpEndpoint)) {
    reasons.push(
      `The apps send to ${input.otlpEndpoint}, a backend's own intake rather than a Collector; this setting points them at the Collector (${collectorEndpoint(input.protocol)}), which exports to ${BACKENDS[input.backend].label}.`
    )
  }
  return reasons
}

/**
 * What to run, with reasons that cite the numbers. Development keeps everything; staging and
 * production take the highest clean rate within the budget and storage cap (or, with neither set,
 * the lowest clean rate that still meets the per-endpoint minimum), parent-based so downstream
 * services follow the root. When every error must be kept and head sampling would drop most of
 * them, it adds Collector tail sampling with an error policy and a baseline.
 *
 * @example
 * recommend({ ...DEFAULT_INPUT, budgetUsdPerMonth: 20 }).ratio //=> 0.1
 */
export function recommend(input: PlanInput): Recommendation {
  const reasons: string[] = []
  const warnings: string[] = []
  const usesDapr = input.daprEnabled

  if (input.environment === "development") {
    const figures = figuresFor(atRate({ ...input, tailSampling: false }, 1))
    reasons.push(
      `Development: keep every trace (100 %) so each request can be debugged. ${describeRate(input, 1, figures)}`
    )
    return {
      sampler: "parentbased_always_on",
      ratio: 1,
      tail: null,
      daprSamplingRate: usesDapr ? 1 : null,
      monthlyUsd: figures.cost.monthlyUsd,
      retainedBytes: figures.storage.retainedBytes,
      unpricedCollectorCores: unpricedCores(figures),
      perOperation: [],
      reasons,
      warnings,
    }
  }

  const headOnly = (ratio: number) => figuresFor(atRate({ ...input, tailSampling: false }, ratio))
  const hasLimits = input.budgetUsdPerMonth > 0 || input.storageCapBytes > 0
  const needs = endpointNeeds(input)
  let ratio: number
  // Why this head rate; said after the tail decision, which changes how they read.
  const headReasons: string[] = []

  if (hasLimits) {
    const fitting = CLEAN_RATES.find((rate) => fits(input, headOnly(rate)))
    ratio = fitting ?? CLEAN_RATES[CLEAN_RATES.length - 1]!
    const chosen = headOnly(ratio)
    if (fitting === undefined) {
      warnings.push(
        `Even ${percent(ratio)} exceeds ${limitsText(input)}: ${describeRate(input, ratio, chosen)} ${overLimitAdvice(input, chosen)}`
      )
    } else {
      const onStorage = input.budgetUsdPerMonth > 0 && unpricedCores(chosen) > 0 ? ON_STORAGE : ""
      headReasons.push(
        `${describeRate(input, ratio, chosen)} That is the highest clean rate within ${limitsText(input)}${onStorage}.`
      )
      const higher = CLEAN_RATES[CLEAN_RATES.indexOf(ratio as (typeof CLEAN_RATES)[number]) - 1]
      if (higher !== undefined)
        headReasons.push(
          `The next rate up, ${percent(higher)}, would cost ${formatUsd(headOnly(higher).cost.monthlyUsd)}/mo and hold ${formatBytes(headOnly(higher).storage.retainedBytes)}.`
        )
    }
  } else {
    // Without a budget or cap there is nothing to trade against: keep the current rate (at the
    // nearest clean one, and saying so), raised only as far as the visibility minimum needs. A plan
    // that already tail-samples keeps its baseline share of the head's traces: that is its current rate.
    const headShare = figuresFor(input).headProbability
    const current = headShare * (input.tailSampling ? input.tailBaselinePercent / 100 : 1)
    const needed = Math.max(
      input.minTracesPerMinutePerEndpoint / tracesPerMinute(input.rps, 1),
      ...needs.map((need) => need.needed)
    )
    const snapped = nearestCleanRate(current)
    ratio = Math.max(snapped, cleanRateAtLeast(Math.min(1, needed)))
    const chosen = headOnly(ratio)
    // 10 % × 10 % is 0.010000000000000002: a rounding error away from a clean rate is on it.
    const onClean = Math.abs(snapped - current) <= snapped * 1e-9
    const currentText = input.tailSampling
      ? `current baseline, ${percent(current)} of all traces (${percent(headShare)} head × ${formatPercent(input.tailBaselinePercent / 100)} tail baseline)`
      : `current ${percent(current)}`
    const kept = onClean
      ? `keeps your ${input.tailSampling ? currentText : "current rate"}`
      : `keeps your ${currentText} at the nearest clean rate, ${percent(snapped)}`
    headReasons.push(
      `${describeRate(input, ratio, chosen)} No budget or storage cap is set, so this ${kept}` +
        `${ratio > snapped ? `, raised so ${needs.length > 0 ? "every endpoint" : "the service"} keeps at least ${countOf(input.minTracesPerMinutePerEndpoint, "trace")} per minute` : ""}` +
        "; set a budget or cap to let TraceBudget pick the highest rate that fits."
    )
  }
  const head = headOnly(ratio)
  let tail: TailRecommendation | null = null
  let withTail: Figures | null = null
  const tailReasons: string[] = []
  const errorsPerHour = errorsKeptPerHour(input.rps, input.errorRate, 1)
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
    const baseline =
      baselines.find((rate) => fits(input, figuresFor(tailAt(rate)))) ?? baselines[baselines.length - 1] ?? ratio
    const tailInput = tailAt(baseline)
    const tailFigures = figuresFor(tailInput)
    if (fits(input, tailFigures)) {
      withTail = tailFigures
      tail = tailRecommendation(input, tailInput, baseline, withTail, head)
      tailReasons.push(...tailReasonsFor(input, tail, ratio, baseline, errorsPerHour, usesDapr))
    } else {
      // The limit wins: head sampling within it, and what keeping every error would take.
      warnings.push(
        `Keeping every error needs Collector tail sampling, which costs at least ${formatUsd(tailFigures.cost.monthlyUsd)}/mo and holds ${formatBytes(tailFigures.storage.retainedBytes)} (errors${tailInput.tailKeepSlow ? ", slow traces" : ""} and a ${percent(baseline)} baseline), beyond ${limitsText(input)}. ` +
          `This stays on head sampling, which keeps ~${formatCount(errorsKeptPerHour(input.rps, input.errorRate, ratio))} of ${formatCount(errorsPerHour)} errors/hour: raise the limit to keep them all.`
      )
    }
  }
  if (input.keepAllErrors && input.errorRate > 0 && ratio >= MOST_ERRORS_DROPPED_BELOW && ratio < 1) {
    // Half or more of the errors are kept: head sampling stays, and the goal it misses is said.
    warnings.push(
      `At ${percent(ratio)} head sampling keeps ~${formatCount(errorsKeptPerHour(input.rps, input.errorRate, ratio))} of ${formatCount(errorsPerHour)} errors/hour, not every one: to keep them all, sample 100 % or add Collector tail sampling with an error policy.`
    )
  }
  // With tail sampling, why tail sampling comes first; the head rate above is then what it is
  // compared with (the SDKs keep 100 %), and says so.
  reasons.push(...tailReasons)
  reasons.push(
    ...headReasons.map((reason, index) =>
      tail && index === 0 ? `Head sampling alone, ${reason[0]!.toLowerCase()}${reason.slice(1)}` : reason
    )
  )
  reasons.push(
    "Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply."
  )

  const perOperation: PerOperationOption[] = []
  for (const need of needs) {
    if (need.needed <= ratio) continue
    if (need.needed > 1) {
      warnings.push(
        `${need.endpoint} gets only ${countOf(need.tracesPerMinuteAtFull, "request")}/minute: even 100 % cannot give it ${countOf(input.minTracesPerMinutePerEndpoint, "trace")} per minute.`
      )
      continue
    }
    const endpointRate = cleanRateAtLeast(need.needed)
    const share = (input.endpoints ?? []).find((endpoint) => endpoint.name === need.endpoint)?.share ?? 0
    // Sampling one endpoint at a higher rate adds roughly its share of the cost difference
    // (exact for storage-priced backends, an estimate where free tiers bend the price).
    const extra = (headOnly(endpointRate).cost.monthlyUsd - head.cost.monthlyUsd) * share
    const globalRate = headOnly(endpointRate)
    const below = `${need.endpoint} keeps ${countOf(tracesPerMinute(input.rps * share, ratio), "trace")}/minute at ${percent(ratio)}, below the ${formatCount(input.minTracesPerMinutePerEndpoint)}/minute minimum.`
    const everyEndpoint = `raise every endpoint to ${percent(endpointRate)} (${formatUsd(globalRate.cost.monthlyUsd)}/mo)`
    if (daprDecides(input)) {
      // Dapr's sidecar makes the root decision at one rate for every request: no per-operation rate reaches it.
      warnings.push(
        `${below} With Dapr deciding the root at one rate, ${everyEndpoint}; a per-endpoint rate would need the app to decide.`
      )
      continue
    }
    perOperation.push({ endpoint: need.endpoint, ratio: endpointRate, extraMonthlyUsd: extra })
    warnings.push(
      `${below} Sample it at ${percent(endpointRate)} with a per-operation strategy (+${formatUsd(extra)}/mo; the app's sampler must be parentbased_jaeger_remote to fetch it), or ${everyEndpoint}.`
    )
  }

  const result = withTail ?? head
  if (input.backend === "tempo" && result.volume.peakIngestBytesPerSecond >= TEMPO_RATE_LIMIT_BYTES) {
    warnings.push(
      `At peak this setting sends ${formatBytes(result.volume.peakIngestBytesPerSecond)}/s to Tempo, at or above a distributor's default ${formatBytes(TEMPO_RATE_LIMIT_BYTES)}/s per tenant: run enough distributors or raise rate_limit_bytes (see Check your setup once applied).`
    )
  }
  return {
    // With tail sampling every span must reach the Collector: the SDK keeps all, the Collector decides.
    sampler: tail ? "parentbased_always_on" : "parentbased_traceidratio",
    ratio: tail ? 1 : ratio,
    tail,
    daprSamplingRate: usesDapr ? (tail ? 1 : ratio) : null,
    monthlyUsd: result.cost.monthlyUsd,
    retainedBytes: result.storage.retainedBytes,
    unpricedCollectorCores: unpricedCores(result),
    perOperation,
    reasons,
    warnings,
  }
}
