// The recommendation in words: reasons and warnings from its facts, and its setting in one line.
// Light (format helpers, data and types), so the page's client components may import it.
import { countOf, formatBytes, formatCount, formatInteger, formatPercent, formatUsd } from "@/lib/format"

import { BACKENDS, type BackendId } from "../backends"
import type {
  Limits,
  OverLimitAdvice,
  PerOperationOption,
  RateFigures,
  RecommendationConstraint,
  RecommendationFacts,
  RecommendationWarning,
  TailReasonFacts,
  TailRecommendation,
} from "../recommend-facts"
import type { Sampler } from "../samplers"
import { tailCores } from "../tail"

export { recommendationSetting, tailPoliciesText } from "./setting"

/** The recommendation as the plan and the API carry it: the setting, its figures, and its words. */
export interface Recommendation {
  sampler: Sampler
  /** Head sampling ratio for the SDK (and Dapr when tail sampling is not recommended). */
  ratio: number
  tail: TailRecommendation | null
  daprSamplingRate: number | null
  monthlyUsd: number
  retainedBytes: number
  /** Per-operation rates proposed for endpoints below the minimum. */
  perOperation: PerOperationOption[]
  reasons: string[]
  warnings: string[]
  /** What decided the rate (see {@link RecommendationConstraint}). */
  constraint: RecommendationConstraint
}

const percent = (ratio: number) => formatPercent(ratio)
/** Said of a budget or cap a setting fits while its Collector cores are left unpriced. */

/**
 * The limits a setting must fit, in words.
 *
 * @example
 * limitsText({ budgetUsdPerMonth: 20, storageCapBytes: 100e9 }) //=> "the $20.00/mo budget and the 100 GB storage cap"
 */
export function limitsText(limits: Limits): string {
  return [
    limits.budgetUsdPerMonth > 0 ? `the ${formatUsd(limits.budgetUsdPerMonth)}/mo budget` : null,
    limits.storageCapBytes > 0 ? `the ${formatBytes(limits.storageCapBytes)} storage cap` : null,
  ]
    .filter(Boolean)
    .join(" and ")
}

/**
 * A rate's figures in one sentence.
 *
 * @example
 * describeRate("tempo", { ratio: 0.1, tracesPerDay: 43.2e6, retainedBytes: 667e9, monthlyUsd: 15.34 })
 * //=> "At 10 %: 43.2M traces/day, 667 GB on Grafana Tempo on S3, $15.34/mo."
 */
export function describeRate(backend: BackendId, rate: RateFigures): string {
  return `At ${percent(rate.ratio)}: ${formatCount(rate.tracesPerDay)} traces/day, ${formatBytes(rate.retainedBytes)} on ${BACKENDS[backend].label}, ${formatUsd(rate.monthlyUsd)}/mo.`
}

function overLimitAdviceText(advice: OverLimitAdvice, backend: BackendId): string {
  switch (advice.kind) {
    case "collector":
      return `Most of it is the Collector tier, ${countOf(advice.cores, "core", formatInteger)} at ${formatUsd(advice.monthlyUsd)}/mo whatever the rate: raise the budget, or send straight to the backend if you need no Collector.`
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
      `${tail.extraIngestBytesPerDay >= 0 ? "+" : "−"}${formatBytes(Math.abs(tail.extraIngestBytesPerDay))}/day, ${tail.extraMonthlyUsd >= 0 ? "+" : "−"}${formatUsd(Math.abs(tail.extraMonthlyUsd))}/mo against head sampling alone` +
      ".",
  ]
  const cores = tailCores(sizing)
  if (facts.baselineLowered) {
    reasons.push(
      `The baseline drops to ${percent(why.baseline)} so errors and slow traces fit within ${limitsText(facts.limits)}.`
    )
  }
  reasons.push(
    `Tail sampling needs every span at the Collector: SDKs${why.viaDapr ? " and Dapr" : ""} sample 100 %. At peak that is ${formatCount(sizing.spansPerSecondIn)} spans/s: ` +
      `${countOf(sizing.replicas, "tail-sampling replica", formatInteger)} of 1 core + 2 GB, num_traces ${formatCount(sizing.numTraces)} each, ~${formatBytes(sizing.memoryBytes)} of buffered spans in all` +
      `${sizing.needsLoadBalancing ? `, behind ${countOf(sizing.loadBalancerReplicas, "load-balancing replica", formatInteger)} routing by trace id` : ""}. ` +
      `Their compute, ${countOf(cores, "core", formatInteger)} at ${formatUsd(why.usdPerCore)}, is ${formatUsd(cores * why.usdPerCore)}/mo of the $ figures.`
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
          `The next rate up, ${percent(head.runnerUp.ratio)}, would cost ${formatUsd(head.runnerUp.monthlyUsd)}/mo and hold ${formatBytes(head.runnerUp.retainedBytes)}.`
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
        `${described} No budget or storage cap is set, so this ${kept}${raised}; set a budget or cap to let TraceBudget pick the highest rate that fits.`,
      ]
    }
  }
}

/**
 * The reasons for a recommendation, citing its numbers: with tail sampling, why tail sampling
 * first, then the head rate it is compared with; last, why parent-based.
 *
 * @example
 * recommendationReasons(recommendationFacts({ ...DEFAULT_INPUT, environment: "development" }))
 * //=> ["Development: keep every trace (100 %) so each request can be debugged. At 100 %: 432M traces/day, 6.67 TB on Grafana Tempo on S3, $153.36/mo."]
 */
export function recommendationReasons(facts: RecommendationFacts): string[] {
  if (facts.head.kind === "development")
    return [
      `Development: keep every trace (100 %) so each request can be debugged. ${describeRate(facts.backend, facts.chosen)}`,
    ]
  const { tail, tailReason } = facts
  return [
    ...(tail && tailReason ? tailReasons(facts, tail, tailReason) : []),
    // With tail sampling the head rate is what it is compared with (the SDKs keep 100 %), and says so.
    ...headReasons(facts).map((reason, index) =>
      tail && index === 0 ? `Head sampling alone, ${reason[0]!.toLowerCase()}${reason.slice(1)}` : reason
    ),
    "Parent-based sampling: services downstream follow the root's decision, so traces stay whole and rates do not multiply.",
  ]
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
      return `Even ${percent(warning.chosen.ratio)} exceeds ${limitsText(facts.limits)}: ${describeRate(facts.backend, warning.chosen)} ${overLimitAdviceText(warning.advice, facts.backend)}`
    case "tail-beyond-limits":
      return (
        `Keeping every error needs Collector tail sampling, which costs at least ${formatUsd(warning.monthlyUsd)}/mo and holds ${formatBytes(warning.retainedBytes)} (errors${warning.keepSlow ? ", slow traces" : ""} and a ${percent(warning.baseline)} baseline), beyond ${limitsText(facts.limits)}. ` +
        `This stays on head sampling, which keeps ~${formatCount(warning.errorsKeptPerHour)} of ${formatCount(warning.errorsPerHour)} errors/hour: raise the limit to keep them all.`
      )
    case "head-misses-errors":
      return `At ${percent(warning.ratio)} head sampling keeps ~${formatCount(warning.errorsKeptPerHour)} of ${formatCount(warning.errorsPerHour)} errors/hour, not every one: to keep them all, sample 100 % or add Collector tail sampling with an error policy.`
    case "endpoint-unreachable":
      return `${warning.endpoint} gets only ${countOf(warning.requestsPerMinute, "request")}/minute: even 100 % cannot give it ${countOf(minimum, "trace")} per minute.`
    case "endpoint-below-minimum": {
      const below = `${warning.endpoint} keeps ${countOf(warning.tracesPerMinute, "trace")}/minute at ${percent(warning.ratio)}, below the ${formatCount(minimum)}/minute minimum.`
      const everyEndpoint = `raise every endpoint to ${percent(warning.endpointRatio)} (${formatUsd(warning.everyEndpointUsd)}/mo)`
      return warning.perOperationUsd === null
        ? `${below} With Dapr deciding the root at one rate, ${everyEndpoint}; a per-endpoint rate would need the app to decide.`
        : `${below} Sample it at ${percent(warning.endpointRatio)} with a per-operation strategy (+${formatUsd(warning.perOperationUsd)}/mo; the app's sampler must be parentbased_jaeger_remote to fetch it), or ${everyEndpoint}.`
    }
    case "tempo-ingest-limit":
      return `At peak this setting sends ${formatBytes(warning.peakBytesPerSecond)}/s to Tempo, at or above a distributor's default ${formatBytes(warning.limitBytesPerSecond)}/s per tenant: run enough distributors or raise rate_limit_bytes (see Check your setup once applied).`
  }
}

/**
 * A recommendation in words: its setting and figures, with the reasons and warnings its facts give.
 *
 * @example
 * recommendationText(recommendationFacts({ ...DEFAULT_INPUT, budgetUsdPerMonth: 20, keepAllErrors: false })).reasons[1]
 * //=> "The next rate up, 25 %, would cost $38.34/mo and hold 1.67 TB."
 */
export function recommendationText(facts: RecommendationFacts): Recommendation {
  return {
    sampler: facts.sampler,
    ratio: facts.ratio,
    tail: facts.tail,
    daprSamplingRate: facts.daprSamplingRate,
    monthlyUsd: facts.result.monthlyUsd,
    retainedBytes: facts.result.retainedBytes,
    perOperation: facts.perOperation,
    reasons: recommendationReasons(facts),
    warnings: facts.warnings.map((warning) => recommendationWarningText(warning, facts)),
    constraint: facts.constraint,
  }
}
