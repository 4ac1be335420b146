// The recommendation in words: its options, reasons and warnings from its facts, and its setting
// in one line. Light (format helpers, data and types), so the page's client components may import it.
import { countOf, formatBytes, formatCount, formatDecimal, formatInteger, formatPercent, formatUsd } from "@/lib/format"

import { BACKENDS, type BackendId } from "../backends"
import type { CostBreakdown } from "../cost-facts"
import { NEAR_TIE_SHARE } from "../limits"
import type {
  Limits,
  OptionId,
  OverLimitAdvice,
  PerOperationOption,
  RateFigures,
  RecommendationConstraint,
  RecommendationFacts,
  RecommendationOption,
  RecommendationWarning,
  TailReasonFacts,
  TailRecommendation,
} from "../recommend-facts"
import type { EntryPoint, Sampler } from "../samplers"
import { tailCores } from "../tail"
import { tailPoliciesText } from "./setting"

export { recommendationSetting, tailPoliciesText } from "./setting"

/** An option as the plan and the API carry it: its facts and a one-line summary. */
export interface RecommendationOptionText extends RecommendationOption {
  /** Its name, what it keeps and its total, in one line. */
  summary: string
}

/** The runner-up as the plan and the API carry it. */
export interface RunnerUpText {
  id: OptionId
  monthlyUsd: number
  /** Its total minus the recommended one's, $/month (negative when cheaper). */
  differenceUsd: number
  /** "Keep every error with Collector tail sampling (…): +$655/mo ($4,632/mo in all)." */
  text: string
  /** Its name, its difference and what it keeps against the choice: "100 % head sampling: +$11,256/mo, keeps 6.5× the traces". */
  summary: string
}

/** The recommendation as the plan and the API carry it: the setting, its figures, and its words. */
export interface Recommendation {
  sampler: Sampler
  /** Head sampling ratio for the SDK (and Dapr when tail sampling is not recommended). */
  ratio: number
  tail: TailRecommendation | null
  daprSamplingRate: number | null
  /** The whole bill of the plan this setting gives (what "Use this setting" leads to), $/month. */
  monthlyUsd: number
  breakdown: CostBreakdown
  retainedBytes: number
  /** The chosen option's id (one of `options`). */
  choice: OptionId
  /** The chosen option's name: "Head sampling at 10 %". */
  choiceName: string
  /** The chosen option, its total and what it keeps, in one line. */
  headline: string
  /** Every option priced on the whole bill. */
  options: RecommendationOptionText[]
  runnerUp: RunnerUpText | null
  /** Per-operation rates proposed for endpoints below the minimum. */
  perOperation: PerOperationOption[]
  reasons: string[]
  warnings: string[]
  /** What decided the choice (see {@link RecommendationConstraint}). */
  constraint: RecommendationConstraint
}

const percent = (ratio: number) => formatPercent(ratio)
/** An option's name inside a sentence: "head sampling at 10 %", but "Collector tail sampling". */
const lowerFirst = (name: string) => (name.startsWith("Head") ? `h${name.slice(1)}` : name)
const perMonth = (usd: number) => `${formatUsd(usd)}/mo`
const signedPerMonth = (usd: number) => `${usd >= 0 ? "+" : "−"}${formatUsd(Math.abs(usd))}/mo`

/**
 * The limits a setting must fit, in words.
 *
 * @example
 * limitsText({ budgetUsdPerMonth: 20, storageCapBytes: 100e9 }) //=> "the $20.00/mo budget and the 100 GB storage cap"
 * limitsText({ budgetUsdPerMonth: 0, storageCapBytes: 0 })      //=> "a free budget"
 */
export function limitsText(limits: Limits): string {
  const budget = limits.budgetUsdPerMonth
  return [
    budget === null ? null : budget === 0 ? "a free budget" : `the ${perMonth(budget)} budget`,
    limits.storageCapBytes > 0 ? `the ${formatBytes(limits.storageCapBytes)} storage cap` : null,
  ]
    .filter(Boolean)
    .join(" and ")
}

/**
 * A rate's figures in one sentence: the whole bill of the plan at that rate.
 *
 * @example
 * describeRate("tempo", { ratio: 0.1, tracesPerDay: 43.2e6, retainedBytes: 667e9, monthlyUsd: 415.68 })
 * //=> "At 10 %: 43.2M traces/day, 667 GB on Grafana Tempo on S3, $416/mo."
 */
export function describeRate(backend: BackendId, rate: RateFigures): string {
  return `At ${percent(rate.ratio)}: ${formatCount(rate.tracesPerDay)} traces/day, ${formatBytes(rate.retainedBytes)} on ${BACKENDS[backend].label}, ${perMonth(rate.monthlyUsd)}.`
}

/**
 * An option's name.
 *
 * @example
 * optionName({ id: "head", ratio: 0.1, tail: null }) //=> "Head sampling at 10 %"
 */
export function optionName(option: Pick<RecommendationOption, "id" | "ratio" | "tail">): string {
  if (option.tail) return `Collector tail sampling (${tailPoliciesText(option.tail)})`
  return option.ratio >= 1 ? "100 % head sampling" : `Head sampling at ${percent(option.ratio)}`
}

/** What an option keeps, in words. */
function keepsText(option: RecommendationOption, facts: RecommendationFacts): string {
  const traces = `${formatCount(option.tracesPerDay)} traces/day`
  if (option.tail) return `keeps every error${option.tail.keepSlow ? " and slow trace" : ""} (${traces})`
  if (option.ratio >= 1) return `keeps every trace (${traces})`
  return facts.keepAllErrors
    ? `keeps ${traces}, ~${formatCount(option.errorsKeptPerHour)} of ${formatCount(facts.errorsPerHour)} errors/hour`
    : `keeps ${traces}`
}

/**
 * An option in one line: its name, what it keeps and its total.
 *
 * @example
 * optionSummary(facts.options[0]!, facts) //=> "Head sampling at 10 %: keeps 43.2M traces/day, $416/mo."
 */
export function optionSummary(option: RecommendationOption, facts: RecommendationFacts): string {
  return `${optionName(option)}: ${keepsText(option, facts)}, ${perMonth(option.monthlyUsd)}.`
}

function overLimitAdviceText(advice: OverLimitAdvice, backend: BackendId): string {
  switch (advice.kind) {
    case "collector":
      return `Most of it is the Collector tier, ${countOf(advice.cores, "core", formatInteger)} at ${perMonth(advice.monthlyUsd)} whatever the rate: raise the budget, or send straight to the backend if you need no Collector.`
    case "network":
      return `Most of it is the network, ${perMonth(advice.monthlyUsd)} of spans crossing zones or leaving for the internet: run fewer zones, or raise the budget.`
    case "backend-compute":
      return `Most of it is the backend's compute, ${perMonth(advice.monthlyUsd)}, which a lower rate barely moves: raise the budget or pick a backend that costs less to run.`
    case "retention":
      return "Raise the budget, shorten retention or pick a cheaper backend."
    case "apm-hosts":
      return "Raise the budget, run APM on fewer hosts (each costs its fee whatever the rate) or pick a cheaper backend."
    case "cheaper-backend":
      return `Raise the budget or pick a cheaper backend: ${BACKENDS[backend].label} bills what it ingests, whatever the retention.`
  }
}

/** Why tail sampling, what it adds against head sampling alone, and the Collector tier it needs. */
function tailReasons(facts: RecommendationFacts, tail: TailRecommendation, why: TailReasonFacts): string[] {
  const { sizing } = tail
  const reasons = [
    `Head sampling alone at ${percent(why.headRatio)} keeps ~${formatCount(why.errorsKeptAtHead)} of ${formatCount(why.errorsPerHour)} errors/hour; ` +
      `Collector tail sampling with an error policy keeps all of them plus a ${percent(why.baseline)} baseline${tail.keepSlow ? " and every slow trace" : ""}: ` +
      `${tail.extraIngestBytesPerDay >= 0 ? "+" : "−"}${formatBytes(Math.abs(tail.extraIngestBytesPerDay))}/day, ${signedPerMonth(tail.extraMonthlyUsd)} against head sampling alone, its Collector tier and network included.`,
  ]
  if (facts.baselineLowered) {
    reasons.push(
      `The baseline drops to ${percent(why.baseline)} so errors and slow traces fit within ${limitsText(facts.limits)}.`
    )
  }
  const cores = tailCores(sizing)
  reasons.push(
    `Tail sampling needs every span at the Collector: SDKs${why.viaDapr ? " and Dapr" : ""} sample 100 %. At peak that is ${formatCount(sizing.spansPerSecondIn)} spans/s: ` +
      // The tier's buffer and num_traces are the Collector sizing's to say (one place on the page).
      `${countOf(sizing.replicas, "tail-sampling replica", formatInteger)} of 1 core + 2 GB` +
      `${sizing.needsLoadBalancing ? `, behind ${countOf(sizing.loadBalancerReplicas, "load-balancing replica", formatInteger)} routing by trace id` : ""}. ` +
      `Their compute, ${countOf(cores, "core", formatInteger)} at ${formatUsd(why.usdPerCore)}, is ${perMonth(why.collectorUsd)} of the bill, and the network ${perMonth(why.networkUsd)}.`
  )
  if (why.bypassedEndpoint !== null) {
    reasons.push(
      `The apps send to ${why.bypassedEndpoint}, a backend's own intake rather than a Collector; this setting points them at the Collector (${why.collectorEndpoint}), which exports to ${BACKENDS[facts.backend].label}.`
    )
  }
  return reasons
}

/** Why this head rate, in the words of the way it was chosen. */
function headReasons(facts: RecommendationFacts): string[] {
  const { head, chosen, limits } = facts
  const described = describeRate(facts.backend, chosen)
  switch (head.kind) {
    case "development":
    case "over-limits":
      return []
    case "within-limits": {
      const reasons = [`${described} That is the highest clean rate within ${limitsText(limits)}.`]
      if (head.runnerUp)
        reasons.push(
          `The next rate up, ${percent(head.runnerUp.ratio)}, would cost ${perMonth(head.runnerUp.monthlyUsd)} and hold ${formatBytes(head.runnerUp.retainedBytes)}.`
        )
      return reasons
    }
    case "no-limits": {
      const currentText =
        head.tailBaselinePercent !== null
          ? `current baseline, ${percent(head.current)} of all traces (${percent(head.headShare)} head × ${formatPercent(head.tailBaselinePercent / 100)} tail baseline)`
          : `current ${percent(head.current)}`
      const kept = head.onClean
        ? `keeps your ${head.tailBaselinePercent !== null ? currentText : "current rate"}`
        : `keeps your ${currentText} at the nearest clean rate, ${percent(head.snapped)}`
      const raised = head.raisedFor
        ? `, raised so ${head.raisedFor === "every-endpoint" ? "every endpoint" : "the service"} keeps at least ${countOf(facts.minTracesPerMinute, "trace")} per minute`
        : ""
      return [
        `${described} No budget or storage cap is set, so this ${kept}${raised}; set a budget or cap to let TraceBudget pick the option that sees the most within it.`,
      ]
    }
  }
}

/** Why this option rather than the others: what decided it, in a sentence; null when the head reasons say it. */
function choiceReason(facts: RecommendationFacts, option: RecommendationOption): string | null {
  const name = optionName(option)
  const hasLimits = facts.limits.budgetUsdPerMonth !== null || facts.limits.storageCapBytes > 0
  if (facts.warnings.some((warning) => warning.id === "over-limits")) return null
  if (hasLimits) {
    if (option.id === "head" || (option.id === "head-100" && facts.head.kind === "within-limits")) return null
    return `${name} is the option that sees the most within ${limitsText(facts.limits)}: ${perMonth(option.monthlyUsd)}.`
  }
  if (facts.constraint === "keep-all-errors") {
    const others = facts.options.filter((other) => other.id !== option.id && other.meetsGoals)
    const cheaper = others.filter((other) => other.monthlyUsd < option.monthlyUsd)
    const against = others
      .map((other) => `${lowerFirst(optionName(other))} at ${perMonth(other.monthlyUsd)}`)
      .join(", ")
    if (cheaper.length > 0)
      return `No budget or storage cap is set: ${lowerFirst(name)} keeps every error and more traces for ${perMonth(option.monthlyUsd)}, within ${formatPercent(NEAR_TIE_SHARE)} of the cheapest option that keeps every error (${against}).`
    return `No budget or storage cap is set, so this is the cheapest option that keeps every error: ${lowerFirst(name)} at ${perMonth(option.monthlyUsd)}${against ? `, against ${against}` : ""}.`
  }
  return null
}

/** What a free budget covers: the backend's own bill, within its free tier; what is left is yours to run. */
function freeReason(facts: RecommendationFacts, option: RecommendationOption): string | null {
  if (facts.limits.budgetUsdPerMonth !== 0 || !option.fitsBudget) return null
  const label = BACKENDS[facts.backend].label
  const allowance = facts.allowance
  const used = allowance
    ? ` (${formatCount(allowance.used)} of its ${formatCount(allowance.free)} ${allowance.unit} a month)`
    : ""
  const rest = option.monthlyUsd - option.backendUsd
  return `Within ${label}'s free tier${used}: ${label}'s part of the bill is $0${rest > 0 ? `; the ${perMonth(rest)} left is the Collector tier and network you run` : ""}.`
}

/** The runner-up in words, with what it costs against the choice. */
function runnerUpText(facts: RecommendationFacts, chosen: RecommendationOption, other: RecommendationOption): string {
  const keepsErrorsOnly = other.errorsKeptPerHour > chosen.errorsKeptPerHour && facts.keepAllErrors
  const name = optionName(other)
  const label = keepsErrorsOnly ? `Keep every error with ${lowerFirst(name)}` : name
  const limits = other.fitsBudget && other.fitsStorageCap ? "" : `, beyond ${limitsText(facts.limits)}`
  return `Runner-up: ${label}: ${signedPerMonth(other.monthlyUsd - chosen.monthlyUsd)} (${perMonth(other.monthlyUsd)} in all${limits}).`
}

/** A ratio of two counts as a multiplier: one decimal below 10 (6.5, 2), whole from 10 up (20). */
const times = (ratio: number) => (ratio >= 9.95 ? formatInteger(ratio) : formatDecimal(ratio, 0, 1))

/**
 * What the runner-up keeps against the choice, in a few words: errors when it keeps a different
 * number of them (what the goals weigh first), else traces.
 *
 * @example
 * keepsAgainstText({ errorsKeptPerHour: 180000, tracesPerDay: 25.7e6 }, { errorsKeptPerHour: 9000, tracesPerDay: 21.6e6 })
 * //=> "keeps 20× the errors"
 */
export function keepsAgainstText(
  other: Pick<RecommendationOption, "errorsKeptPerHour" | "tracesPerDay">,
  chosen: Pick<RecommendationOption, "errorsKeptPerHour" | "tracesPerDay">
): string {
  // Within 1 % is the same: the tail option's traces differ from a head rate's by a rounding.
  const compare = (a: number, b: number, noun: string) => {
    if (a === b || (b > 0 && Math.abs(a / b - 1) < 0.01)) return null
    if (b === 0) return `keeps ${noun} where this keeps none`
    if (a === 0) return `keeps no ${noun}`
    return a > b ? `keeps ${times(a / b)}× the ${noun}` : `keeps ${times(b / a)}× fewer ${noun}`
  }
  return (
    compare(other.errorsKeptPerHour, chosen.errorsKeptPerHour, "errors") ??
    compare(other.tracesPerDay, chosen.tracesPerDay, "traces") ??
    "keeps as much"
  )
}

/**
 * The runner-up in one short line: its name, what it costs against the choice and what it keeps
 * against it.
 *
 * @example
 * runnerUpSummary(facts, chosen, other) //=> "100 % head sampling: +$11,256/mo, keeps 6.5× the traces"
 */
export function runnerUpSummary(
  facts: RecommendationFacts,
  chosen: RecommendationOption,
  other: RecommendationOption
): string {
  const limits = other.fitsBudget && other.fitsStorageCap ? "" : `, beyond ${limitsText(facts.limits)}`
  return `${optionName(other)}: ${signedPerMonth(other.monthlyUsd - chosen.monthlyUsd)}, ${keepsAgainstText(other, chosen)}${limits}`
}

/**
 * The reasons for a recommendation, citing its numbers: why this option, why tail sampling when
 * it is that, the head rate it is compared with, the runner-up and its difference; last, why
 * parent-based.
 *
 * @example
 * recommendationReasons(recommendationFacts({ ...DEFAULT_INPUT, environment: "development" }))[0]
 * //=> "Development: keep every trace (100 %) so each request can be debugged. At 100 %: 432M traces/day, …"
 */
export function recommendationReasons(facts: RecommendationFacts): string[] {
  if (facts.head.kind === "development")
    return [
      `Development: keep every trace (100 %) so each request can be debugged. ${describeRate(facts.backend, facts.chosen)}`,
    ]
  const chosen = facts.options.find((option) => option.id === facts.choice)!
  const { tail, tailReason } = facts
  const runnerUp = facts.runnerUp ? facts.options.find((option) => option.id === facts.runnerUp!.id) : undefined
  // The head rate's own reasons say why that rate; beside another option they are its comparison.
  const head = chosen.id === "head" || (chosen.id === "head-100" && facts.head.kind === "within-limits")
  return [
    ...[choiceReason(facts, chosen), freeReason(facts, chosen)].filter((reason): reason is string => reason !== null),
    ...(tail && tailReason ? tailReasons(facts, tail, tailReason) : []),
    ...(head
      ? headReasons(facts)
      : tail
        ? // Beside tail sampling, "keeps your current rate" would describe a setting not chosen: the
          // head rate is only the comparison.
          (facts.head.kind === "no-limits" ? [describeRate(facts.backend, facts.chosen)] : headReasons(facts)).map(
            (reason, index) =>
              index === 0 ? `Head sampling alone, ${reason[0]!.toLowerCase()}${reason.slice(1)}` : reason
          )
        : []),
    ...(runnerUp ? [runnerUpText(facts, chosen, runnerUp)] : []),
    "Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply.",
    ...(facts.daprSamplingRate !== null && facts.daprEntryPoint !== null
      ? [daprDecisionReason(facts.daprEntryPoint, facts.daprSamplingRate)]
      : []),
  ]
}

/**
 * Which rate decides behind Dapr, for the recommended samplingRate.
 *
 * @example
 * daprDecisionReason("app", 0.1)
 * //=> 'The app\'s sampler decides: requests reach its port first and Dapr follows; samplingRate "0.1" only covers calls that reach the sidecar without trace context.'
 */
export function daprDecisionReason(entryPoint: EntryPoint, rate: number): string {
  const text = `"${formatDecimal(rate, 0, 6)}"`
  switch (entryPoint) {
    case "sidecar":
      return `Dapr's samplingRate ${text} decides: requests reach the sidecar without trace context, so Dapr starts the traces and the app follows; the app's own rate covers only traces it starts itself.`
    case "app":
      return `The app's sampler decides: requests reach its port first and Dapr follows; samplingRate ${text} only covers calls that reach the sidecar without trace context.`
    case "dapr-app":
      return `The calling Dapr app decides: set samplingRate ${text} in the caller's Configuration as well; this sidecar and the app follow its traceparent.`
  }
}

/** "Nothing fits …": the limits, why (a free budget on a backend with no free tier), the cheapest plan. */
function overLimitsText(warning: Extract<RecommendationWarning, { id: "over-limits" }>, facts: RecommendationFacts) {
  const option = facts.options.find((candidate) => candidate.id === warning.cheapest)!
  const backend = BACKENDS[facts.backend]
  const cheapest = `the cheapest plan, ${lowerFirst(optionName(option))}, costs ${perMonth(warning.monthlyUsd)}`
  if (facts.limits.budgetUsdPerMonth === 0 && option.fitsStorageCap) {
    if (facts.backend === "aws-xray") {
      // The bill names X-Ray's span ingestion (CloudWatch prices) but has no price for it.
      return `Nothing is known to be free: ${backend.label} bills span ingestion at CloudWatch prices this plan cannot give, so no rate counts as free. ${cheapest[0]!.toUpperCase()}${cheapest.slice(1)} besides that ingestion.`
    }
    const why =
      backend.hosting === "self-hosted"
        ? `${backend.label} has no free tier: its nodes and storage are paid from the first byte`
        : `even the lowest rate is past ${backend.label}'s free tier`
    return `Nothing is free: ${why}. ${cheapest[0]!.toUpperCase()}${cheapest.slice(1)}, ${perMonth(warning.backendUsd)} of it ${backend.label}'s.`
  }
  return `Nothing fits ${limitsText(facts.limits)}: ${cheapest}. ${overLimitAdviceText(warning.advice, facts.backend)}`
}

/**
 * One warning of a recommendation in words.
 *
 * @example
 * recommendationWarningText({ id: "head-misses-errors", ratio: 0.5, errorsKeptPerHour: 90000, errorsPerHour: 180000 }, recommendationFacts(DEFAULT_INPUT))
 * //=> "At 50 % head sampling keeps ~90K of 180K errors/hour, not every one: to keep them all, sample 100 % or add Collector tail sampling with an error policy."
 */
export function recommendationWarningText(warning: RecommendationWarning, facts: RecommendationFacts): string {
  const minimum = facts.minTracesPerMinute
  switch (warning.id) {
    case "over-limits":
      return overLimitsText(warning, facts)
    case "errors-beyond-limits": {
      const option = facts.options.find((candidate) => candidate.id === warning.option)!
      return (
        `Keeping every error takes ${lowerFirst(optionName(option))}, ${perMonth(warning.monthlyUsd)}, beyond ${limitsText(facts.limits)}. ` +
        `This keeps ~${formatCount(warning.errorsKeptPerHour)} of ${formatCount(warning.errorsPerHour)} errors/hour: raise the limit to keep them all.`
      )
    }
    case "head-misses-errors":
      return `At ${percent(warning.ratio)} head sampling keeps ~${formatCount(warning.errorsKeptPerHour)} of ${formatCount(warning.errorsPerHour)} errors/hour, not every one: to keep them all, sample 100 % or add Collector tail sampling with an error policy.`
    case "endpoint-unreachable":
      return `${warning.endpoint} gets only ${countOf(warning.requestsPerMinute, "request")}/minute: even 100 % cannot give it ${countOf(minimum, "trace")} per minute.`
    case "endpoint-below-minimum": {
      const below = `${warning.endpoint} keeps ${countOf(warning.tracesPerMinute, "trace")}/minute at ${percent(warning.ratio)}, below the ${formatCount(minimum)}/minute minimum.`
      const everyEndpoint = `raise every endpoint to ${percent(warning.endpointRatio)} (${perMonth(warning.everyEndpointUsd)})`
      const unavailable = warning.perOperationUnavailable
      if (warning.perOperationUsd !== null)
        return `${below} Sample it at ${percent(warning.endpointRatio)} with a per-operation strategy (+${perMonth(warning.perOperationUsd)}; the app's sampler must be parentbased_jaeger_remote to fetch it, and at this setting the Jaeger sampling strategies file lists it), or ${everyEndpoint}.`
      switch (unavailable?.reason) {
        case "sdk-cannot-load":
          return `${below} The ${unavailable.language} SDK cannot load parentbased_jaeger_remote from OTEL_TRACES_SAMPLER${unavailable.runs ? ` (it would run ${unavailable.runs}${unavailable.runs === "parentbased_always_on" ? ": 100 % of roots" : ""})` : ""}, so a per-operation rate is not offered: ${everyEndpoint}.`
        case "tail-decides":
          return `${below} With tail sampling the Collector's baseline, not the head rate, decides which of its traces are kept, so a per-operation head rate would not lift it: ${everyEndpoint}.`
        default:
          return `${below} With Dapr deciding the root at one rate, ${everyEndpoint}; a per-endpoint rate would need the app to decide.`
      }
    }
    case "tempo-ingest-limit":
      return `At peak this setting sends ${formatBytes(warning.peakBytesPerSecond)}/s to Tempo, at or above a distributor's default ${formatBytes(warning.limitBytesPerSecond)}/s per tenant: run enough distributors or raise rate_limit_bytes (see Check your setup once applied).`
  }
}

/**
 * A recommendation in words: its setting and whole bill, its options, runner-up, reasons and
 * warnings.
 *
 * @example
 * recommendationText(recommendationFacts({ ...DEFAULT_INPUT, keepAllErrors: false })).headline
 * //=> "Head sampling at 10 %: $416/mo, keeps 43.2M traces/day"
 */
export function recommendationText(facts: RecommendationFacts): Recommendation {
  const chosen = facts.options.find((option) => option.id === facts.choice)!
  const runnerUp = facts.runnerUp ? facts.options.find((option) => option.id === facts.runnerUp!.id)! : null
  return {
    sampler: facts.sampler,
    ratio: facts.ratio,
    tail: facts.tail,
    daprSamplingRate: facts.daprSamplingRate,
    monthlyUsd: chosen.monthlyUsd,
    breakdown: chosen.breakdown,
    retainedBytes: chosen.retainedBytes,
    choice: facts.choice,
    choiceName: optionName(chosen),
    // Over every limit, the headline says so: the option is only the cheapest, not one that fits.
    headline: `${optionName(chosen)}: ${perMonth(chosen.monthlyUsd)}, ${keepsText(chosen, facts)}${facts.warnings.some((warning) => warning.id === "over-limits") ? ` (the cheapest plan: nothing fits ${limitsText(facts.limits)})` : ""}`,
    options: facts.options.map((option) => ({ ...option, summary: optionSummary(option, facts) })),
    runnerUp: runnerUp
      ? {
          id: runnerUp.id,
          monthlyUsd: runnerUp.monthlyUsd,
          differenceUsd: runnerUp.monthlyUsd - chosen.monthlyUsd,
          text: runnerUpText(facts, chosen, runnerUp),
          summary: runnerUpSummary(facts, chosen, runnerUp),
        }
      : null,
    perOperation: facts.perOperation,
    reasons: recommendationReasons(facts),
    warnings: facts.warnings.map((warning) => recommendationWarningText(warning, facts)),
    constraint: facts.constraint,
  }
}
