import { adoptSetting } from "@/lib/plan/apply-recommendation"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import type { CostBreakdown } from "@/lib/plan/cost-facts"
import { PLAN_FIELDS, type PlanInput } from "@/lib/plan/fields"
import { inputToFormValues, type PlanFormValues } from "@/lib/plan/form-values"
import type { OptionId } from "@/lib/plan/recommend-facts"
import type { Recommendation } from "@/lib/plan/text/recommendation"
import { DAYS_PER_MONTH } from "@/lib/plan/month"
import { STANDARD_RATIOS } from "@/lib/plan/rates"
import { SOURCES } from "@/lib/sources"

/** What the trade-off chart measures a setting's visibility by (see docs/decisions/0007-tradeoff-metric.md). */
export type TradeoffMetric = "errorsKeptPerHour" | "tracesPerMinute"

/**
 * What choosing a point of the trade-off changes: one rate of the comparison (the plan at that
 * head rate, its tail policies kept), or one of the recommendation's priced options as a whole.
 */
export type TradeoffTarget = { kind: "rate"; ratio: number } | { kind: "option"; id: OptionId }

/** One setting on the trade-off chart: its whole bill against what it lets you see. */
export interface TradeoffPoint {
  /** Unique within the chart: "rate-0.01", "option-tail". */
  key: string
  target: TradeoffTarget
  /** The head rate (rows and head options); for the tail option, its baseline share. */
  ratio: number
  /** The whole bill of the plan at this setting, $/month. */
  monthlyUsd: number
  /** What it lets you see, in the chart's metric (per hour or per minute). */
  seen: number
  retainedBytes: number
  /** The plan's own setting. */
  yours: boolean
  /** The setting the recommendation picks. */
  recommended: boolean
  fitsBudget: boolean
  fitsStorageCap: boolean
}

/**
 * A trade-off axis as drawn, always with its domain and ticks: the chart draws its points itself
 * from the axes' scales (no series for Recharts to read a domain from), so a new plan redraws the
 * points alone while the axes keep their scale.
 */
export type TradeoffAxis = Extract<ValueAxis, { log: true }> | LinearAxis

/** The cost/visibility trade-off: every setting compared, the limits, and the axes they need. */
export interface Tradeoff {
  metric: TradeoffMetric
  /** The comparison's rates, highest first, then the options that are not one of them (tail sampling). */
  points: TradeoffPoint[]
  /** Every error an hour brings, the most the errors metric can reach; null for the traces metric. */
  ceiling: number | null
  /** The budget line, $/month; null without a budget and for "free only" (0), which no line can show. */
  budgetUsdPerMonth: number | null
  /** "Free only": a setting fits when the backend's own part of its bill is $0. */
  freeOnly: boolean
  /**
   * The storage cap (bytes) and, when head rates cross it, where: the `seen` value at which the
   * head rates' storage reaches it. Null without a cap; `boundarySeen` null when every rate fits,
   * none does, or the rates keep the same `seen` (tail policies keeping every error).
   */
  storageCap: { bytes: number; boundarySeen: number | null } | null
  /** Cost axis: log when the totals span decades and none is $0. */
  usdAxis: TradeoffAxis
  /** Visibility axis: log when the values span decades. */
  seenAxis: TradeoffAxis
}

/** Two bills that differ by less than this share are the same setting priced twice. */
const SAME_USD_SHARE = 1e-9

const sameFigure = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * SAME_USD_SHARE

/** The backend's own part of a bill: what a free tier covers (not the Collector tier or traffic). */
const backendPartUsd = (breakdown: CostBreakdown) =>
  breakdown.storageUsd + breakdown.backendComputeUsd + breakdown.vendorUsd

/**
 * The `seen` value where head rates' storage reaches `capBytes`: rows sorted by rate, each with its
 * bytes and `seen`, both affine in the rate, so interpolating between the two rows around the cap
 * is exact. Null when no two neighbouring rows straddle the cap or `seen` does not grow with them.
 */
function capBoundary(rows: { retainedBytes: number; seen: number }[], capBytes: number): number | null {
  const byBytes = [...rows].sort((a, b) => a.retainedBytes - b.retainedBytes)
  for (let i = 0; i + 1 < byBytes.length; i++) {
    const low = byBytes[i]!
    const high = byBytes[i + 1]!
    if (low.retainedBytes <= capBytes && capBytes < high.retainedBytes) {
      if (!(high.seen > low.seen)) return null
      const share = (capBytes - low.retainedBytes) / (high.retainedBytes - low.retainedBytes)
      return low.seen + share * (high.seen - low.seen)
    }
  }
  return null
}

/**
 * The cost/visibility trade-off the "Compare rates" chart draws: for every rate of the comparison
 * (the plan at that head rate) and the recommendation's options that are none of them (Collector
 * tail sampling), the whole bill against the errors it keeps per hour (traces kept per minute
 * when the plan has no errors), with the plan's own setting, the recommended one, the budget and
 * the storage cap. A rate that keeps nothing (always_off) cannot sit on a log axis: the table
 * still shows it.
 *
 * @example
 * const t = tradeoff(buildPlan(DEFAULT_INPUT))
 * t.points.map((point) => point.key)  //=> ["rate-1", "rate-0.5", …, "rate-0.0001", "option-tail"]
 * t.points[3]                         //=> { ratio: 0.1, monthlyUsd: 2043.9235028, seen: 18000, yours: true, … }
 */
export function tradeoff(plan: Plan): Tradeoff {
  const { input, recommendation } = plan
  const metric: TradeoffMetric = input.errorRate > 0 ? "errorsKeptPerHour" : "tracesPerMinute"
  const budget = input.budgetUsdPerMonth ?? null
  const cap = input.storageCapBytes
  const fitsBudget = (monthlyUsd: number, breakdown: CostBreakdown) =>
    budget === null || (budget === 0 ? backendPartUsd(breakdown) === 0 : monthlyUsd <= budget)
  const fitsStorageCap = (bytes: number) => cap <= 0 || bytes <= cap

  const rows: TradeoffPoint[] = plan.comparison.flatMap((row, index) => {
    const visibility = plan.visibility[index]
    const seen = visibility ? visibility[metric] : 0
    if (!(seen > 0)) return []
    return [
      {
        key: `rate-${row.ratio}`,
        target: { kind: "rate", ratio: row.ratio },
        ratio: row.ratio,
        monthlyUsd: row.monthlyUsd,
        seen,
        retainedBytes: row.retainedBytes,
        yours: row.chosen,
        recommended: false,
        fitsBudget: fitsBudget(row.monthlyUsd, row.breakdown),
        fitsStorageCap: fitsStorageCap(row.retainedBytes),
      },
    ]
  })
  // An option priced as the plan it gives; one with a row's figures is that row, marked on it.
  const options: TradeoffPoint[] = []
  for (const option of recommendation.options) {
    const recommended = option.id === recommendation.choice
    const seen = metric === "errorsKeptPerHour" ? option.errorsKeptPerHour : input.rps * option.visibleShare * 60
    const same = rows.find(
      (row) =>
        sameFigure(row.monthlyUsd, option.monthlyUsd) &&
        sameFigure(row.retainedBytes, option.retainedBytes) &&
        sameFigure(row.seen, seen)
    )
    if (same) {
      same.recommended ||= recommended
      continue
    }
    // The head options the comparison does not hold (a clean rate between its rates, or head-only
    // beside a plan that tail-samples) show only when recommended; tail sampling always does.
    if (option.id !== "tail" && !recommended) continue
    if (!(seen > 0)) continue
    options.push({
      key: `option-${option.id}`,
      target: { kind: "option", id: option.id },
      ratio: option.visibleShare,
      monthlyUsd: option.monthlyUsd,
      seen,
      retainedBytes: option.retainedBytes,
      yours: false,
      recommended,
      fitsBudget: option.fitsBudget,
      fitsStorageCap: option.fitsStorageCap,
    })
  }
  const points = [...rows, ...options]
  const totals = points.map((point) => point.monthlyUsd)
  const lineUsd = budget !== null && budget > 0 ? budget : null
  const boundarySeen = cap > 0 ? capBoundary(rows, cap) : null
  const ceiling = metric === "errorsKeptPerHour" ? (plan.visibility[0]?.errorsPerHour ?? null) : null
  return {
    metric,
    points,
    ceiling,
    budgetUsdPerMonth: lineUsd,
    freeOnly: budget === 0,
    storageCap: cap > 0 ? { bytes: cap, boundarySeen } : null,
    usdAxis: tradeoffAxis(
      lineUsd === null ? totals : [...totals, lineUsd],
      totals.every((usd) => usd > 0)
    ),
    seenAxis: tradeoffAxis(
      [
        ...points.map((point) => point.seen),
        ...(boundarySeen === null ? [] : [boundarySeen]),
        ...(ceiling === null ? [] : [ceiling]),
      ],
      true
    ),
  }
}

/**
 * The plan a trade-off point stands for: a rate is the comparison's row (parent-based ratio
 * sampling at it, Dapr's rate with it, tail policies kept: `atRate` in lib/plan/figures.ts, which
 * the page does not load); an option is the plan "Use this setting" gives for it. Dapr's rate is
 * set only when Dapr runs; otherwise it follows the sampler as its registry entry derives it.
 *
 * @example
 * tradeoffInput(DEFAULT_INPUT, plan.recommendation, { kind: "rate", ratio: 0.01 })
 * //=> { ...DEFAULT_INPUT, ratio: 0.01, daprSamplingRate: 0.01 }
 */
export function tradeoffInput(input: PlanInput, recommendation: Recommendation, target: TradeoffTarget): PlanInput {
  if (target.kind === "option") {
    const option = recommendation.options.find((candidate) => candidate.id === target.id)
    return option ? adoptSetting(input, option) : input
  }
  return {
    ...input,
    sampler: "parentbased_traceidratio",
    ratio: target.ratio,
    daprSamplingRate: input.daprEnabled ? target.ratio : input.daprSamplingRate,
  }
}

/**
 * The form changes that move the plan to a trade-off point: only the fields that differ, as the
 * form writes them; none when the plan is already there.
 *
 * @example
 * tradeoffChanges(buildPlan(DEFAULT_INPUT), { kind: "rate", ratio: 0.01 })
 * //=> { ratio: "0.01", daprSamplingRate: "0.01" }
 */
export function tradeoffChanges(plan: Plan, target: TradeoffTarget): Partial<PlanFormValues> {
  const current = inputToFormValues(plan.input)
  const next = inputToFormValues(tradeoffInput(plan.input, plan.recommendation, target))
  return Object.fromEntries(
    PLAN_FIELDS.filter((field) => next[field] !== current[field]).map((field) => [field, next[field]])
  )
}

/** The rate slider's steps: the standard rates, lowest first (left to right). */
export const RATE_STEPS: readonly number[] = [...STANDARD_RATIOS].reverse()

/**
 * Where the rate slider stands for a plan: the step nearest its head rate (by ratio, so 20 % is
 * nearer 25 % than 10 %; always_off at the lowest), and whether the rate is that step.
 *
 * @example
 * rateSliderPosition(buildPlan(DEFAULT_INPUT))                   //=> { index: 4, onStep: true }   (10 %)
 * rateSliderPosition(buildPlan({ ...DEFAULT_INPUT, ratio: 0.2 })) //=> { index: 5, onStep: false }  (25 %)
 */
export function rateSliderPosition(plan: Plan): { index: number; onStep: boolean } {
  const ratio = plan.comparison.find((row) => row.chosen)?.ratio ?? 0
  if (!(ratio > 0)) return { index: 0, onStep: false }
  const distance = (step: number) => Math.abs(Math.log(step / ratio))
  const index = RATE_STEPS.reduce((best, step, i) => (distance(step) < distance(RATE_STEPS[best]!) ? i : best), 0)
  return { index, onStep: sameFigure(RATE_STEPS[index]!, ratio) }
}

/**
 * Decades the values must span for a log scale: 1.3, a ratio of 20. On a linear axis a bar under
 * 1/20 of the longest is a sliver (2 px on a phone's backend chart), with nothing to read.
 */
export const LOG_SCALE_DECADES = Math.log10(20)

/**
 * Whether values span enough decades that a log scale reads better than a linear one.
 *
 * @example
 * spansDecades([1, 10, 1000]) //=> true
 * spansDecades([146, 9_900])  //=> true
 * spansDecades([5, 8, 12])    //=> false
 */
export function spansDecades(values: number[], decades = LOG_SCALE_DECADES): boolean {
  const positive = values.filter((value) => value > 0)
  if (positive.length < 2) return false
  return Math.log10(Math.max(...positive) / Math.min(...positive)) >= decades
}

/** A log axis starts at least this factor below its smallest value, so that bar has a visible length. */
const LOG_FLOOR_MARGIN = 1.5

/** Powers of ten a double holds without becoming 0 or Infinity: 10⁻³²³ (subnormal) to 10³⁰⁸. */
const LOWEST_DECADE = -323
const HIGHEST_DECADE = 308

/** Most labels a log axis draws; an axis over more decades labels every second, third… decade. */
export const MAX_LOG_TICKS = 12

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))

/** 10ⁿ read from its decimal form, which is exact where 10 ** n is not (10 ** -20 is 1.0000000000000001e-20). */
const powerOfTen = (exponent: number) => Number(`1e${exponent}`)

/**
 * A log axis domain that starts and ends on powers of ten around the positive values, so the
 * smallest bar is still visible: the start is a power of ten at least 1.5× below it (102 MB
 * starts at 10 MB, not 100 MB, where its bar would be a sliver). Both ends stay within what a
 * double can hold, for values as small as 5 × 10⁻³²⁴ or as large as 1.8 × 10³⁰⁸.
 *
 * @example
 * logDomain([86_400, 432_000_000]) //=> [10000, 1000000000]
 * logDomain([102e6, 6.67e12])      //=> [10000000, 10000000000000]
 */
export function logDomain(values: number[]): [number, number] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value))
  if (positive.length === 0) return [1, 10]
  // min / 1.5 can underflow to 0 (log10 → -Infinity); the clamp keeps the decade a double holds.
  const lowDecade = clamp(
    Math.floor(Math.log10(Math.min(...positive) / LOG_FLOOR_MARGIN)),
    LOWEST_DECADE,
    HIGHEST_DECADE - 1
  )
  const highDecade = clamp(Math.ceil(Math.log10(Math.max(...positive))), lowDecade + 1, HIGHEST_DECADE)
  return [powerOfTen(lowDecade), powerOfTen(highDecade)]
}

/**
 * The ticks of a log axis over a {@link logDomain}: every power of ten from its low end to its
 * high end, or every nth one when there would be more than {@link MAX_LOG_TICKS}. Given
 * outright, the axis draws exactly these rather than measuring each candidate label in the DOM.
 *
 * @example
 * logTicks([1_000, 1_000_000]) //=> [1000, 10000, 100000, 1000000]
 * logTicks([1e-20, 1e10]).length //=> 11  (every third decade)
 */
export function logTicks([low, high]: [number, number]): number[] {
  const first = Math.round(Math.log10(low))
  const last = Math.max(first, Math.round(Math.log10(high)))
  const step = Math.ceil((last - first + 1) / MAX_LOG_TICKS)
  return Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, index) => powerOfTen(first + index * step))
}

/** How a chart's value axis reads: linear, or log with its domain and the ticks to label. */
export type ValueAxis = { log: false } | { log: true; domain: [number, number]; ticks: number[] }

/**
 * The value axis for a chart's values: log when they span enough decades ({@link spansDecades}),
 * with its {@link logDomain} and {@link logTicks}; a log axis leaves out bars at 0, which the
 * tables still show.
 *
 * @example
 * valueAxis([5, 8, 12])         //=> { log: false }
 * valueAxis([86_400, 432e6])    //=> { log: true, domain: [10000, 1000000000], ticks: [10000, 100000, …, 1000000000] }
 */
export function valueAxis(values: number[]): ValueAxis {
  if (!spansDecades(values)) return { log: false }
  const domain = logDomain(values)
  return { log: true, domain, ticks: logTicks(domain) }
}

/** A linear value axis from 0: its domain and the ticks to label. */
export interface LinearAxis {
  log: false
  domain: [0, number]
  ticks: number[]
}

/** How many ticks a linear axis aims for, 0 included. */
const LINEAR_TICKS = 5

/**
 * A linear axis from 0 that holds `values`: a round step (1, 2, 2.5 or 5 × a power of ten) that
 * gives about five ticks, and the domain's top at the first step at or above the largest value.
 * Nothing positive gives [0, 1].
 *
 * @example
 * linearAxis([0, 37, 120]) //=> { log: false, domain: [0, 150], ticks: [0, 50, 100, 150] }
 * linearAxis([0.3, 0.9])    //=> { log: false, domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] }
 */
export function linearAxis(values: number[]): LinearAxis {
  const most = Math.max(0, ...values.filter((value) => Number.isFinite(value)))
  if (!(most > 0)) return { log: false, domain: [0, 1], ticks: [0, 0.5, 1] }
  const rough = most / (LINEAR_TICKS - 1)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 2.5, 5, 10].find((nice) => nice * magnitude >= rough) ?? 10) * magnitude
  // Among the smallest doubles a quarter of the value rounds to 0: one tick at the value then.
  if (!(step > 0)) return { log: false, domain: [0, most], ticks: [0, most] }
  const count = Math.max(1, Math.ceil(most / step - 1e-9))
  // toPrecision(12) drops the float noise of i × step (0.30000000000000004).
  const ticks = Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)))
  // Near the largest double the step above the values overflows: end at the largest value then.
  if (!Number.isFinite(ticks.at(-1))) return { log: false, domain: [0, most], ticks: ticks.slice(0, -1) }
  return { log: false, domain: [0, ticks.at(-1)!], ticks }
}

/**
 * A trade-off axis for `values`: log when they span decades and `logAllowed` (no $0 among the
 * costs), else linear from 0.
 *
 * @example
 * tradeoffAxis([86_400, 432e6], true) //=> { log: true, domain: [10000, 1000000000], … }
 * tradeoffAxis([0, 120], false)       //=> { log: false, domain: [0, 150], … }
 */
export function tradeoffAxis(values: number[], logAllowed: boolean): TradeoffAxis {
  const axis = logAllowed ? valueAxis(values) : { log: false as const }
  return axis.log ? axis : linearAxis(values)
}

/**
 * A category label in lines of at most `maxChars` characters, broken at spaces: one line when it
 * fits, else two as even as the words allow (so "gp3" is not left alone), then as many as needed.
 * A word longer than `maxChars` keeps a line to itself.
 *
 * @example
 * wrapLabel("Jaeger + Elasticsearch on gp3", 25) //=> ["Jaeger +", "Elasticsearch on gp3"]
 * wrapLabel("Grafana Cloud Traces", 25)          //=> ["Grafana Cloud Traces"]
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  const words = text.split(/\s+/).filter((word) => word !== "")
  if (words.length === 0) return [""]
  const joined = words.join(" ")
  if (joined.length <= maxChars || words.length === 1) return [joined]
  // The two-line split whose longer line is shortest, among those whose first line fits.
  let best: [string, string] | null = null
  for (let cut = 1; cut < words.length; cut++) {
    const first = words.slice(0, cut).join(" ")
    const rest = words.slice(cut).join(" ")
    if (first.length > maxChars) break
    if (!best || Math.max(first.length, rest.length) < Math.max(best[0].length, best[1].length)) best = [first, rest]
  }
  if (!best) return [words[0]!, ...wrapLabel(words.slice(1).join(" "), maxChars)]
  return best[1].length <= maxChars ? best : [best[0], ...wrapLabel(best[1], maxChars)]
}

/** The width a rate chart's value axis takes when its labels are short ("10 TB", "$1K"). */
export const VALUE_AXIS_WIDTH_PX = 56

/**
 * The width of a value axis for its tick labels at 11 px: {@link VALUE_AXIS_WIDTH_PX}, or wider
 * for labels too long for it (1 × 10⁻³⁰⁰ B at 10⁻³¹⁰ req/s), so none is cut off at the chart's
 * edge. Estimates 6.2 px a character, a digit's width in the page's sans fonts, plus the tick.
 *
 * @example
 * valueAxisWidth(["1 GB", "10 GB", "100 GB"]) //=> 56
 * valueAxisWidth(["1 × 10⁻³⁰⁰ B"])          //=> 85
 */
export function valueAxisWidth(labels: string[]): number {
  const longest = Math.max(0, ...labels.map((label) => label.length))
  return Math.max(VALUE_AXIS_WIDTH_PX, Math.ceil(longest * 6.2 + 10))
}

/** The day storage reaches its plateau, or null when the retention outlasts the horizon (no plateau to mark). */
function retentionDayInHorizon(plan: Plan): number | null {
  return plan.input.retentionDays <= plan.growth.horizonDays ? plan.input.retentionDays : null
}

/** One point of the storage-over-time chart. */
export interface StoragePointLabelled {
  day: number
  bytes: number
}

/**
 * Points the storage chart draws at most (plus the retention day and the horizon): about one per
 * 6 px of a wide chart, and a redraw a third the cost of the full daily series. The table, the
 * JSON export and the API keep every point.
 */
export const STORAGE_CHART_POINTS = 120

/**
 * The storage-over-time series the chart draws (day, bytes held, thinned to about
 * {@link STORAGE_CHART_POINTS} points, always keeping day 0, the retention day where the plateau
 * starts, and the horizon) and where its plateau starts.
 *
 * @example
 * storageCurve(buildPlan(DEFAULT_INPUT)).retentionDay  //=> 7
 * storageCurve(buildPlan(DEFAULT_INPUT)).points.length //=> 93  (of 365 daily points)
 */
export function storageCurve(plan: Plan): {
  points: StoragePointLabelled[]
  retentionDay: number | null
  horizonDay: number
} {
  const series = plan.growth.series
  const retentionDay = retentionDayInHorizon(plan)
  const step = Math.ceil(series.length / STORAGE_CHART_POINTS)
  const last = series.length - 1
  return {
    points:
      step <= 1
        ? series
        : series.filter((point, index) => index % step === 0 || index === last || point.day === retentionDay),
    retentionDay,
    horizonDay: plan.growth.horizonDays,
  }
}

/** Months between the storage chart's ticks, the first that leaves at most six steps. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24] as const

/**
 * Ticks for the storage chart's day axis at whole months (30.4-day months, rounded down like the
 * horizon), at most seven, with labels people read at a glance: "3 mo", "2 yr".
 *
 * @example
 * storageMonthTicks(12).map((tick) => tick.label) //=> ["0", "2 mo", "4 mo", "6 mo", "8 mo", "10 mo", "12 mo"]
 * storageMonthTicks(60).map((tick) => tick.label) //=> ["0", "1 yr", "2 yr", "3 yr", "4 yr", "5 yr"]
 */
export function storageMonthTicks(horizonMonths: number): { day: number; label: string }[] {
  const step = MONTH_STEPS.find((months) => horizonMonths / months <= 6) ?? Math.ceil(horizonMonths / 6)
  const ticks: { day: number; label: string }[] = []
  for (let month = 0; month <= horizonMonths; month += step) {
    const label = month === 0 ? "0" : step >= 12 ? `${month / 12} yr` : `${month} mo`
    ticks.push({ day: Math.floor(month * DAYS_PER_MONTH), label })
  }
  return ticks
}

/**
 * Rows of the storage table that stands in for the chart: the retention day and the end of each
 * month of the horizon (points of the series nearest to them).
 *
 * @example
 * storageTableRows(buildPlan(DEFAULT_INPUT)).slice(0, 2) //=> [{ day: 7, bytes: 666792000000, label: "day 7 (retention)" }, { day: 30, ... }]
 */
export function storageTableRows(plan: Plan): { day: number; bytes: number; label: string }[] {
  const points = plan.growth.series
  const retentionDay = retentionDayInHorizon(plan)
  const months = Array.from({ length: plan.input.horizonMonths }, (_, month) => Math.floor((month + 1) * 30.4))
  const wanted = retentionDay === null ? months : [retentionDay, ...months]
  const nearest = (day: number) =>
    points.reduce((best, point) => (Math.abs(point.day - day) < Math.abs(best.day - day) ? point : best))
  const rows = new Map<number, { day: number; bytes: number; label: string }>()
  for (const [index, day] of wanted.entries()) {
    const point = nearest(day)
    if (rows.has(point.day)) continue
    const month = retentionDay === null ? index + 1 : index
    rows.set(point.day, {
      ...point,
      label: month === 0 ? `day ${point.day} (retention)` : `day ${point.day} (month ${month})`,
    })
  }
  return [...rows.values()].sort((a, b) => a.day - b.day)
}

/** One bar of the cost-by-backend chart. */
export interface BackendBar {
  id: string
  label: string
  hosting: "self-hosted" | "saas"
  /** The whole bill on this backend. */
  monthlyUsd: number
  /** The bill by part (the tooltip names them); the parts sum to `monthlyUsd`. */
  breakdown: CostBreakdown
  asOf: string
  chosen: boolean
  /**
   * A vendor whose charges the bill names but does not price (X-Ray's span ingestion): no allowance
   * and something left out, so its low total must not read as the cheapest.
   */
  vendorUnpriced: boolean
}

/**
 * Every backend's whole monthly bill at the plan's rate, cheapest first, each with its parts and
 * its price date; a backend whose vendor charges are not priced (X-Ray) comes last.
 *
 * @example
 * backendBars(buildPlan(DEFAULT_INPUT))[0] //=> { id: "tempo", label: "Grafana Tempo on S3", monthlyUsd: 415.676216, chosen: true, ... }
 */
export function backendBars(plan: Plan): BackendBar[] {
  return (
    plan.backends
      .map((backend) => ({
        id: backend.id,
        label: backend.label,
        hosting: backend.hosting,
        monthlyUsd: backend.monthlyUsd,
        breakdown: backend.breakdown,
        asOf: SOURCES[BACKENDS[backend.id].priceSource].asOf,
        chosen: backend.id === plan.input.backend,
        vendorUnpriced: backend.hosting === "saas" && backend.breakEven === null && backend.unpriced.length > 0,
      }))
      // A bill that leaves out the vendor's own charges is not comparable: last, not "cheapest".
      .sort((a, b) => Number(a.vendorUnpriced) - Number(b.vendorUnpriced) || a.monthlyUsd - b.monthlyUsd)
  )
}
