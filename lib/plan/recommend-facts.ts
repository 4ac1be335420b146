// The recommendation as a decision: the priced options (head sampling at a clean rate, 100 % head
// sampling, Collector tail sampling), which one it picks and why (the binding constraint), and the
// numbers behind it, with no words. text/recommendation.ts words it; recommend.ts joins the two.
// Every option is priced as the plan that adopting it gives (adoptSetting), on the whole bill.
import { adoptSetting, type AdoptableSetting } from "./apply-recommendation"
import { BACKENDS, type BackendId } from "./backends"
import { NEAR_TIE_SHARE } from "./limits"
import type { Allowance, CostBreakdown } from "./cost-facts"
import { figuresFor, type Figures } from "./figures"
import {
  callerDecides,
  daprDecides,
  ENV_SAMPLER_SUPPORT,
  loadsFromEnv,
  type EntryPoint,
  type Sampler,
} from "./samplers"
import type { Language, PlanInput } from "./fields"
import { collectorEndpoint, isBackendReceiver } from "./receivers"
import { tailSizingFor, type TailSizing } from "./tail"
import { TEMPO_RATE_LIMIT_BYTES } from "./tempo"
import { errorsKeptPerHour, tracesPerMinute } from "./visibility"

export { NEAR_TIE_SHARE } from "./limits"

/** Rates a recommendation picks from: round numbers people can defend in a review. */
export const CLEAN_RATES = [1, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001] as const

/** The highest tail baseline offered: past it, 100 % head sampling keeps everything for a smaller Collector tier. */
export const MOST_ERRORS_DROPPED_BELOW = 0.5

export interface TailRecommendation {
  keepErrors: boolean
  keepSlow: boolean
  baselinePercent: number
  decisionWaitSeconds: number
  sizing: TailSizing
  /** The tail option's bill minus the head option's (the head rate it is compared with). */
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
 * What decided the choice: development keeps everything; the budget or storage cap that the option
 * seeing more breaks (or that every option breaks); the per-endpoint minimum that raised the rate;
 * keeping every error, which took the cheapest option that does; or nothing.
 */
export type RecommendationConstraint =
  "development" | "budget" | "storage-cap" | "endpoint-minimum" | "keep-all-errors" | "none"

/** The budget and storage cap a setting must fit. */
export interface Limits {
  /** $/month of the whole bill; null for none; 0 for "free only" (the backend's own bill within its free tier). */
  budgetUsdPerMonth: number | null
  /** Bytes; 0 for none. */
  storageCapBytes: number
}

/** A rate and what it keeps, stores and costs (the whole bill of the plan at that setting). */
export interface RateFigures {
  ratio: number
  tracesPerDay: number
  retainedBytes: number
  monthlyUsd: number
}

/** The options a recommendation prices and chooses from. */
export type OptionId = "head" | "head-100" | "tail"

/** One priced option: a setting and the whole bill of the plan that adopts it. */
export interface RecommendationOption extends AdoptableSetting {
  id: OptionId
  tail: TailRecommendation | null
  /** The bill's total, $/month: the sum of `breakdown`. */
  monthlyUsd: number
  breakdown: CostBreakdown
  /** The backend's own part of the bill: storage, its compute and the vendor's charges (what a free tier covers). */
  backendUsd: number
  retainedBytes: number
  tracesPerDay: number
  errorsKeptPerHour: number
  /** Share of requests kept whatever they are: the head rate, or the tail baseline. */
  visibleShare: number
  /** Every error kept when asked, and the per-endpoint minimum on every endpoint that can reach it. */
  meetsGoals: boolean
  /** Within the budget (always, with none; with "free only", the backend's own part is $0). */
  fitsBudget: boolean
  /** Within the storage cap (always, with none). */
  fitsStorageCap: boolean
}

/** How the head option's rate was chosen, with the numbers each way cites. */
export type HeadChoice =
  | { kind: "development" }
  /** The highest clean rate within the limits; `runnerUp` is the next rate up (null at 100 %). */
  | { kind: "within-limits"; runnerUp: RateFigures | null }
  /** Even the lowest clean rate breaks a limit. */
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

/** Why tail sampling, and what it takes. */
export interface TailReasonFacts {
  /** The head-only rate it is compared with. */
  headRatio: number
  baseline: number
  errorsPerHour: number
  errorsKeptAtHead: number
  /** What one Collector core with its memory costs a month. */
  usdPerCore: number
  /** The tail option's Collector tier, $/month. */
  collectorUsd: number
  /** The tail option's network, $/month. */
  networkUsd: number
  viaDapr: boolean
  /** The backend intake the apps send to today, which the setting points at the Collector; else null. */
  bypassedEndpoint: string | null
  collectorEndpoint: string
}

/** The part of a bill most of it is, when one part is half of it or more; else what the backend bills by. */
export type OverLimitAdvice =
  | { kind: "collector"; cores: number; monthlyUsd: number }
  | { kind: "network"; monthlyUsd: number }
  | { kind: "backend-compute"; monthlyUsd: number }
  | { kind: "retention" }
  | { kind: "apm-hosts" }
  | { kind: "cheaper-backend" }

/** The option that comes second, and what it costs against the choice. */
export interface RunnerUp {
  id: OptionId
  /** Its bill minus the chosen option's, $/month (negative when it is cheaper). */
  differenceUsd: number
}

/** A caveat the recommendation carries, by id with its numbers, in the order said. */
export type RecommendationWarning =
  /** No option fits the limits: the cheapest plan is recommended. */
  | { id: "over-limits"; cheapest: OptionId; monthlyUsd: number; backendUsd: number; advice: OverLimitAdvice }
  /** Every error is asked for, but every option that keeps them breaks the limits. */
  | {
      id: "errors-beyond-limits"
      option: OptionId
      monthlyUsd: number
      errorsKeptPerHour: number
      errorsPerHour: number
    }
  /** The chosen head rate keeps only some errors and no option that keeps them all was cheaper. */
  | { id: "head-misses-errors"; ratio: number; errorsKeptPerHour: number; errorsPerHour: number }
  | { id: "endpoint-unreachable"; endpoint: string; requestsPerMinute: number }
  | {
      id: "endpoint-below-minimum"
      endpoint: string
      tracesPerMinute: number
      /** The rate every endpoint is kept at. */
      ratio: number
      /** The clean rate the endpoint needs. */
      endpointRatio: number
      /** The monthly $ with every endpoint at `endpointRatio`. */
      everyEndpointUsd: number
      /** Extra $ of a per-operation rate; null when none is offered (`perOperationUnavailable` says why). */
      perOperationUsd: number | null
      /** Why no per-operation rate is offered, or null when one is. */
      perOperationUnavailable: PerOperationUnavailable | null
    }
  | { id: "tempo-ingest-limit"; peakBytesPerSecond: number; limitBytesPerSecond: number }

/**
 * Why a per-operation (Jaeger remote) rate cannot lift an endpoint: Dapr's sidecar decides every
 * root at one rate; the app's SDK cannot load parentbased_jaeger_remote from OTEL_TRACES_SAMPLER
 * and would run its fallback; or the tail sampler's baseline, not the head rate, decides what is kept.
 */
export type PerOperationUnavailable =
  | { reason: "dapr-decides" }
  | { reason: "sdk-cannot-load"; language: Language; runs: Sampler | null }
  | { reason: "tail-decides" }

/** The recommendation as facts. */
export interface RecommendationFacts {
  constraint: RecommendationConstraint
  sampler: Sampler
  /** Head sampling ratio for the SDK (and Dapr when tail sampling is not recommended). */
  ratio: number
  tail: TailRecommendation | null
  daprSamplingRate: number | null
  /** Who calls the service when Dapr runs (which rate decides); null without Dapr. */
  daprEntryPoint: EntryPoint | null
  backend: BackendId
  limits: Limits
  /** The visibility minimum, traces per minute per endpoint (or for the service). */
  minTracesPerMinute: number
  /** Whether every error is a goal (and there are errors to keep). */
  keepAllErrors: boolean
  /** Errors a day's average hour has, all kept or not. */
  errorsPerHour: number
  head: HeadChoice
  /** The head option's figures. */
  chosen: RateFigures
  tailReason: TailReasonFacts | null
  /** Whether the tail baseline was lowered below the head rate to fit the limits. */
  baselineLowered: boolean
  /** The chosen option's figures (its ratio: the SDK's). */
  result: RateFigures
  /** Every option priced, in the order head, 100 % head, tail (those that apply). */
  options: RecommendationOption[]
  /** The chosen option. */
  choice: OptionId
  runnerUp: RunnerUp | null
  /** The backend's free or included allowance at the chosen option, when it has one. */
  allowance: Allowance | null
  perOperation: PerOperationOption[]
  warnings: RecommendationWarning[]
}

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

/**
 * The per-operation rates a plan's endpoints need: each endpoint below the per-endpoint minimum
 * at `visibleShare` that some rate up to 100 % lifts to it, at the smallest clean rate that does.
 * The recommendation offers these, and the Jaeger strategies file carries them.
 *
 * @example
 * perOperationRates({ ...DEFAULT_INPUT, endpoints: [{ name: "GET /tasks", share: 0.99999 }, { name: "POST /admin/reindex", share: 0.00001 }] }, 0.1)
 * //=> [{ endpoint: "POST /admin/reindex", ratio: 0.5 }]  (3 requests/minute: 1/minute needs 33 %)
 */
export function perOperationRates(input: PlanInput, visibleShare: number): { endpoint: string; ratio: number }[] {
  return endpointNeeds(input)
    .filter((need) => need.needed > visibleShare * (1 + 1e-9) && need.needed <= 1)
    .map((need) => ({ endpoint: need.endpoint, ratio: cleanRateAtLeast(need.needed) }))
}

/**
 * Why the plan cannot take a per-operation rate, or null when it can (see {@link PerOperationUnavailable}).
 *
 * @example
 * perOperationUnavailable({ ...DEFAULT_INPUT, daprEnabled: false, language: "node" }, false)
 * //=> { reason: "sdk-cannot-load", language: "node", runs: "parentbased_always_on" }
 */
export function perOperationUnavailable(input: PlanInput, tailDecides: boolean): PerOperationUnavailable | null {
  // Dapr's sidecar (or, under service invocation, the calling app's) makes the root decision at one
  // rate for every request: no per-operation rate of this app reaches it.
  if (daprDecides(input) || callerDecides(input)) return { reason: "dapr-decides" }
  if (!loadsFromEnv(input.language, "parentbased_jaeger_remote"))
    return {
      reason: "sdk-cannot-load",
      language: input.language,
      runs: ENV_SAMPLER_SUPPORT[input.language].fallback ?? null,
    }
  return tailDecides ? { reason: "tail-decides" } : null
}

/** The clean rate nearest `rate` by ratio (20 % → 25 %, 3 % → 2 %), or the smallest for 0. */
function nearestCleanRate(rate: number): number {
  const distance = (clean: number) => Math.abs(Math.log(clean / rate))
  return rate > 0
    ? CLEAN_RATES.reduce((best, clean) => (distance(clean) < distance(best) ? clean : best))
    : CLEAN_RATES[CLEAN_RATES.length - 1]!
}

/** The backend's own part of a bill: what a free tier can cover (not the Collector tier or the traffic). */
function backendPartUsd(breakdown: CostBreakdown): number {
  return breakdown.storageUsd + breakdown.backendComputeUsd + breakdown.vendorUsd
}

/** What most of a bill is, or else what lowers it: retention only helps where storage is priced. */
function overLimitAdvice(backend: BackendId, figures: Figures): OverLimitAdvice {
  const { breakdown, monthlyUsd } = figures.cost
  if (breakdown.collectorComputeUsd >= monthlyUsd / 2)
    return { kind: "collector", cores: figures.collector.cores, monthlyUsd: breakdown.collectorComputeUsd }
  if (breakdown.networkUsd >= monthlyUsd / 2) return { kind: "network", monthlyUsd: breakdown.networkUsd }
  if (breakdown.backendComputeUsd >= monthlyUsd / 2)
    return { kind: "backend-compute", monthlyUsd: breakdown.backendComputeUsd }
  const pricing = BACKENDS[backend].pricing.kind
  if (pricing === "storage" || pricing === "grafana-cloud") return { kind: "retention" }
  if (pricing === "datadog") return { kind: "apm-hosts" }
  return { kind: "cheaper-backend" }
}

interface Priced {
  option: RecommendationOption
  figures: Figures
}

/**
 * What to run, as facts. Development keeps everything. Otherwise it prices the options on the
 * whole bill of the plan each gives: head sampling at a clean rate (the highest within the budget
 * and storage cap, or without them the current rate at the nearest clean one, raised for the
 * per-endpoint minimum), 100 % head sampling, and, when every error must be kept, Collector tail
 * sampling (errors + slow + a baseline) with its Collector tier and network. With a budget or cap
 * it picks the option that sees the most within them (or the cheapest, saying so, when none
 * fits); without, the cheapest option that meets the visibility goals. `figures` are the plan's
 * own (figured here when not given); every option is figured as the plan it gives.
 *
 * @example
 * const facts = recommendationFacts({ ...DEFAULT_INPUT, budgetUsdPerMonth: 3000, keepAllErrors: false })
 * facts.ratio      //=> 0.1  ($2,043.92/mo; 25 % would be $4,740)
 * facts.constraint //=> "budget"
 */
export function recommendationFacts(input: PlanInput, figures?: Figures): RecommendationFacts {
  const warnings: RecommendationWarning[] = []
  const usesDapr = input.daprEnabled
  const limits: Limits = { budgetUsdPerMonth: input.budgetUsdPerMonth ?? null, storageCapBytes: input.storageCapBytes }
  const keepAllErrors = input.keepAllErrors && input.errorRate > 0
  const errorsPerHour = errorsKeptPerHour(input.rps, input.errorRate, 1)
  const needs = endpointNeeds(input)
  // The share of requests the per-endpoint minimum needs (for the service when no endpoints are
  // listed). Endpoints that cannot reach it even at 100 % are said apart and do not fail every option.
  const neededShare = Math.min(
    1,
    Math.max(
      input.minTracesPerMinutePerEndpoint / tracesPerMinute(input.rps, 1),
      ...needs.filter((need) => need.needed <= 1).map((need) => need.needed)
    )
  )
  const common = {
    daprEntryPoint: input.daprEnabled ? input.entryPoint : null,
    backend: input.backend,
    limits,
    minTracesPerMinute: input.minTracesPerMinutePerEndpoint,
    keepAllErrors,
    errorsPerHour,
  }

  const price = (id: OptionId, setting: AdoptableSetting, tailExtra?: (f: Figures) => TailRecommendation): Priced => {
    const adopted = adoptSetting(input, setting)
    const f = figuresFor(adopted)
    const tail = tailExtra ? tailExtra(f) : null
    const keepsEveryError = tail ? tail.keepErrors : f.headProbability >= 1
    const visibleShare = tail ? tail.baselinePercent / 100 : f.headProbability
    const seesEnough = visibleShare >= neededShare * (1 - 1e-9)
    const budget = limits.budgetUsdPerMonth
    const backendUsd = backendPartUsd(f.cost.breakdown)
    return {
      figures: f,
      option: {
        id,
        ...setting,
        tail,
        monthlyUsd: f.cost.monthlyUsd,
        breakdown: f.cost.breakdown,
        backendUsd,
        retainedBytes: f.storage.retainedBytes,
        tracesPerDay: f.volume.tracesPerDay,
        errorsKeptPerHour: keepsEveryError
          ? errorsPerHour
          : errorsKeptPerHour(input.rps, input.errorRate, visibleShare),
        visibleShare,
        meetsGoals: (!keepAllErrors || keepsEveryError) && seesEnough,
        // "Free only" needs a vendor bill known to be $0: X-Ray's span ingestion is billed at a
        // CloudWatch price the bill names but cannot give, so $0 there is not free.
        fitsBudget:
          budget === null ||
          (budget === 0
            ? backendUsd === 0 && !f.cost.unpriced.some((gap) => gap.id === "xray-span-ingestion")
            : f.cost.monthlyUsd <= budget),
        fitsStorageCap: input.storageCapBytes <= 0 || f.storage.retainedBytes <= input.storageCapBytes,
      },
    }
  }
  const fits = (priced: Priced) => priced.option.fitsBudget && priced.option.fitsStorageCap
  /** The limit a priced option breaks, the budget first; null when it fits both. */
  const broken = (priced: Priced): "budget" | "storage-cap" | null =>
    !priced.option.fitsBudget ? "budget" : !priced.option.fitsStorageCap ? "storage-cap" : null
  const headAt = (ratio: number) =>
    price(ratio === 1 ? "head-100" : "head", {
      sampler: "parentbased_traceidratio",
      ratio,
      daprSamplingRate: usesDapr ? ratio : null,
      tail: null,
    })
  const rateFigures = ({ option }: Priced): RateFigures => ({
    ratio: option.ratio,
    tracesPerDay: option.tracesPerDay,
    retainedBytes: option.retainedBytes,
    monthlyUsd: option.monthlyUsd,
  })

  if (input.environment === "development") {
    const all = price("head-100", {
      sampler: "parentbased_always_on",
      ratio: 1,
      daprSamplingRate: usesDapr ? 1 : null,
      tail: null,
    })
    return {
      ...common,
      constraint: "development",
      sampler: "parentbased_always_on",
      ratio: 1,
      tail: null,
      daprSamplingRate: usesDapr ? 1 : null,
      head: { kind: "development" },
      chosen: rateFigures(all),
      tailReason: null,
      baselineLowered: false,
      result: rateFigures(all),
      options: [all.option],
      choice: "head-100",
      runnerUp: null,
      allowance: all.figures.cost.allowance,
      perOperation: [],
      warnings,
    }
  }

  const hasLimits = limits.budgetUsdPerMonth !== null || limits.storageCapBytes > 0
  let head: HeadChoice
  let headPriced: Priced
  if (hasLimits) {
    let fitting: Priced | null = null
    let above: Priced | null = null
    for (const rate of CLEAN_RATES) {
      const priced = headAt(rate)
      if (fits(priced)) {
        fitting = priced
        break
      }
      above = priced
    }
    headPriced = fitting ?? above!
    head = fitting ? { kind: "within-limits", runnerUp: above ? rateFigures(above) : null } : { kind: "over-limits" }
  } else {
    // Without a budget or cap: keep the current rate (at the nearest clean one, and saying so),
    // raised only as far as the visibility minimum needs. A plan that already tail-samples keeps its
    // baseline share of the head's traces: that is its current rate.
    const headShare = (figures ?? figuresFor(input)).headProbability
    const current = headShare * (input.tailSampling ? input.tailBaselinePercent / 100 : 1)
    const snapped = nearestCleanRate(current)
    const ratio = Math.max(snapped, cleanRateAtLeast(neededShare))
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
    headPriced = headAt(ratio)
  }
  const headRatio = headPriced.option.ratio
  const candidates: Priced[] = [headPriced]
  if (headRatio < 1) candidates.push(headAt(1))

  // Collector tail sampling: the baseline starts at the head rate (below 100 %) and, with limits,
  // steps down until errors + slow + baseline fit them.
  let tailPriced: Priced | null = null
  let tailLoweredBy: "budget" | "storage-cap" | null = null
  if (keepAllErrors) {
    const tailAt = (baseline: number) =>
      price(
        "tail",
        {
          sampler: "parentbased_always_on",
          ratio: 1,
          daprSamplingRate: usesDapr ? 1 : null,
          tail: {
            keepErrors: true,
            keepSlow: input.slowRate > 0,
            baselinePercent: baseline * 100,
            decisionWaitSeconds: input.tailDecisionWaitSeconds,
          },
        },
        (f) => ({
          keepErrors: true,
          keepSlow: input.slowRate > 0,
          baselinePercent: baseline * 100,
          decisionWaitSeconds: input.tailDecisionWaitSeconds,
          // The SDKs keep every trace for the tail sampler: it sees the whole peak.
          sizing: tailSizingFor(input, 1),
          extraMonthlyUsd: f.cost.monthlyUsd - headPriced.option.monthlyUsd,
          extraIngestBytesPerDay: f.volume.ingestBytesPerDay - headPriced.figures.volume.ingestBytesPerDay,
        })
      )
    const baselines = CLEAN_RATES.filter((rate) => rate <= Math.min(headRatio, MOST_ERRORS_DROPPED_BELOW))
    for (const rate of hasLimits ? baselines : baselines.slice(0, 1)) {
      const priced = tailAt(rate)
      tailPriced = priced
      if (!hasLimits || fits(priced)) break
      tailLoweredBy = broken(priced)
    }
    if (tailPriced) candidates.push(tailPriced)
  }

  // How much each option sees: the goals first, then the traces kept.
  const seesMore = (a: Priced, b: Priced) =>
    Number(b.option.meetsGoals) - Number(a.option.meetsGoals) || b.option.tracesPerDay - a.option.tracesPerDay
  const cheaper = (a: Priced, b: Priced) => a.option.monthlyUsd - b.option.monthlyUsd
  let ranked: Priced[]
  let constraint: RecommendationConstraint
  const anyFits = candidates.some(fits)
  if (hasLimits && anyFits) {
    // Within the limits, what sees the most first; past them, the cheapest that meets the goals, so
    // the runner-up is what keeping every error would really take.
    ranked = [...candidates].sort(
      (a, b) =>
        Number(fits(b)) - Number(fits(a)) ||
        (fits(a) ? seesMore(a, b) : Number(b.option.meetsGoals) - Number(a.option.meetsGoals) || cheaper(a, b))
    )
    // What held it back: the limit the best option it passed over breaks.
    const better = ranked.filter((priced) => !fits(priced) && seesMore(priced, ranked[0]!) < 0)
    constraint = better.length > 0 ? broken(better[0]!)! : "none"
  } else if (hasLimits) {
    ranked = [...candidates].sort(cheaper)
    constraint = broken(ranked[0]!) ?? "none"
  } else {
    ranked = [...candidates].sort((a, b) => Number(b.option.meetsGoals) - Number(a.option.meetsGoals) || cheaper(a, b))
    // Within a few percent of the cheapest, the option that sees the most: a dollar does not pay
    // for giving up most traces and running a tail-sampling buffer.
    const cheapest = ranked[0]!
    const nearTie = ranked
      .filter(
        (priced) =>
          priced.option.meetsGoals === cheapest.option.meetsGoals &&
          priced.option.monthlyUsd <= cheapest.option.monthlyUsd * (1 + NEAR_TIE_SHARE)
      )
      .sort(seesMore)[0]!
    if (nearTie !== cheapest) ranked = [nearTie, ...ranked.filter((priced) => priced !== nearTie)]
    const choice = ranked[0]!.option
    constraint =
      choice.id !== "head" && keepAllErrors && !headPriced.option.meetsGoals
        ? "keep-all-errors"
        : head.kind === "no-limits" && head.raisedFor
          ? "endpoint-minimum"
          : "none"
  }
  const chosenPriced = ranked[0]!
  const choice = chosenPriced.option
  const second = ranked[1]
  const runnerUp: RunnerUp | null = second
    ? { id: second.option.id, differenceUsd: second.option.monthlyUsd - choice.monthlyUsd }
    : null
  if (choice.id === "tail" && tailLoweredBy && constraint === "none") constraint = tailLoweredBy

  if (!anyFits && hasLimits) {
    warnings.push({
      id: "over-limits",
      cheapest: choice.id,
      monthlyUsd: choice.monthlyUsd,
      backendUsd: choice.backendUsd,
      advice: overLimitAdvice(input.backend, chosenPriced.figures),
    })
  }
  if (keepAllErrors && choice.errorsKeptPerHour < errorsPerHour) {
    const keepers = candidates.filter((priced) => priced.option.errorsKeptPerHour >= errorsPerHour).sort(cheaper)
    const cheapestKeeper = keepers[0]
    if (cheapestKeeper && hasLimits && !fits(cheapestKeeper)) {
      warnings.push({
        id: "errors-beyond-limits",
        option: cheapestKeeper.option.id,
        monthlyUsd: cheapestKeeper.option.monthlyUsd,
        errorsKeptPerHour: choice.errorsKeptPerHour,
        errorsPerHour,
      })
    } else {
      warnings.push({
        id: "head-misses-errors",
        ratio: choice.ratio,
        errorsKeptPerHour: choice.errorsKeptPerHour,
        errorsPerHour,
      })
    }
  }

  const perOperation: PerOperationOption[] = []
  const visible = choice.visibleShare
  for (const need of needs) {
    if (need.needed <= visible * (1 + 1e-9)) continue
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
    const everyEndpoint = headAt(endpointRate)
    const atVisible = visible === headRatio ? headPriced : headAt(visible)
    // Sampling one endpoint at a higher rate adds roughly its share of the cost difference
    // (exact for what scales with spans; an estimate where tiers and free allowances bend the price).
    const extra = (everyEndpoint.option.monthlyUsd - atVisible.option.monthlyUsd) * share
    const unavailable = perOperationUnavailable(input, choice.tail !== null)
    if (!unavailable) perOperation.push({ endpoint: need.endpoint, ratio: endpointRate, extraMonthlyUsd: extra })
    warnings.push({
      id: "endpoint-below-minimum",
      endpoint: need.endpoint,
      tracesPerMinute: tracesPerMinute(input.rps * share, visible),
      ratio: visible,
      endpointRatio: endpointRate,
      everyEndpointUsd: everyEndpoint.option.monthlyUsd,
      perOperationUsd: unavailable ? null : extra,
      perOperationUnavailable: unavailable,
    })
  }

  const peak = chosenPriced.figures.volume.peakIngestBytesPerSecond
  const tempoLimit = TEMPO_RATE_LIMIT_BYTES[input.tempoVersion]
  if (input.backend === "tempo" && peak >= tempoLimit) {
    warnings.push({ id: "tempo-ingest-limit", peakBytesPerSecond: peak, limitBytesPerSecond: tempoLimit })
  }

  const tail = choice.tail
  const baseline = tail ? tail.baselinePercent / 100 : headRatio
  const tailReason: TailReasonFacts | null = tail
    ? {
        headRatio,
        baseline,
        errorsPerHour,
        errorsKeptAtHead: headPriced.option.errorsKeptPerHour,
        usdPerCore: chosenPriced.figures.collector.usdPerCore,
        collectorUsd: choice.breakdown.collectorComputeUsd,
        networkUsd: choice.breakdown.networkUsd,
        viaDapr: usesDapr,
        bypassedEndpoint: isBackendReceiver(input.otlpEndpoint) ? input.otlpEndpoint : null,
        collectorEndpoint: collectorEndpoint(input.protocol),
      }
    : null
  return {
    ...common,
    constraint,
    sampler: choice.sampler,
    ratio: choice.ratio,
    tail,
    daprSamplingRate: choice.daprSamplingRate,
    head,
    chosen: rateFigures(headPriced),
    tailReason,
    baselineLowered: tail !== null && baseline < headRatio,
    result: rateFigures(chosenPriced),
    options: candidates.map((priced) => priced.option),
    choice: choice.id,
    runnerUp,
    allowance: chosenPriced.figures.cost.allowance,
    perOperation,
    warnings,
  }
}
