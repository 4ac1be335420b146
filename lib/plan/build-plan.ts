import { SOURCES, type Source, type SourceId } from "@/lib/sources"

import { BACKEND_IDS, BACKENDS, type BackendId } from "./backends"
import { assumptionFacts } from "./assumptions"
import { retentionBoughtDays, type Allowance, type CostBreakdown, type CostItem } from "./cost-facts"
import type { SizedComponent } from "./sizing"
import { assumptionText } from "./text/assumptions"
import { allowanceUseText } from "./text/backend-row"
import { allowanceText, costText, costUnpricedText, extrapolationText, type Cost } from "./text/cost"
import { atRate, figuresFor, type Figures } from "./figures"
import { allowanceBreakEven, type AllowanceBreakEven } from "./break-even"
import {
  firstMonthOver,
  growthSeries,
  horizonDays,
  storageChangesOverTime,
  storedBytesAtDay,
  trafficFactorAtDay,
} from "./growth"
import { growthMonths, type GrowthMonth } from "./growth-bill"
import { probeDrop, probeRequestsPerDay, type ProbeDrop } from "./probes"
import { STANDARD_RATIOS } from "./rates"
import { lintPlan, type LintWarning } from "./lint"
import { recommend, type Recommendation } from "./recommend"
import { SAMPLER_INFO, type ProbabilityBasis, type Sampler } from "./samplers"
import { DEFAULT_SOURCE, PLAN_FIELDS, type PlanInput } from "./fields"
import type { Storage, StoragePoint } from "./storage"
import { serviceSpans, type ServiceSpans } from "./topology"
import { tailSizingFor, type CollectorCompute, type TailSizing } from "./tail"
import { tempoFigures, type TempoFigures } from "./tempo"
import { visibilityRow, type VisibilityRow } from "./visibility"
import type { Volume } from "./volume"

export { STANDARD_RATIOS } from "./rates"

/** One row of the rate comparison. */
export interface ComparisonRow {
  /** Root sampling probability of this row (0..1). */
  ratio: number
  /** True for the row that is the plan's own sampler setting. */
  chosen: boolean
  /** "parentbased_traceidratio" for standard rows; the plan's sampler for the chosen row. */
  sampler: Sampler
  tracesPerDay: number
  spansPerDay: number
  ingestBytesPerDay: number
  retainedBytes: number
  /** The whole bill at this rate on the plan's backend. */
  monthlyUsd: number
  /** The bill by part; the parts sum to `monthlyUsd`. */
  breakdown: CostBreakdown
}

/** Cost and storage of the plan on one backend, for the side-by-side view. */
export interface BackendEstimate {
  id: BackendId
  label: string
  hosting: "self-hosted" | "saas"
  retainedBytes: number
  /** The whole bill on this backend: storage, compute, network and vendor terms. */
  monthlyUsd: number
  /** The bill by part; the parts sum to `monthlyUsd`. */
  breakdown: CostBreakdown
  /** The retention that price buys: the plan's own when self-hosted, the vendor's for SaaS. */
  retentionDays: number
  /** A self-hosted backend's components at this plan's load; null for SaaS. */
  sizing: { components: SizedComponent[]; replicationCopies: number } | null
  /** The vendor's free or included allowance and the plan's use of it; null for self-hosted. */
  allowance: (Allowance & { text: string }) | null
  /**
   * The highest head rate within the vendor's allowance (and the highest that is free), with the
   * allowance's use, in words; null for self-hosted.
   */
  breakEven: (AllowanceBreakEven & { text: string }) | null
  /** What this row's total leaves out, in words. */
  unpriced: string[]
  priceSource: SourceId
  /** Why the price goes past the vendor's published ones, or null (see Cost.extrapolated). */
  extrapolated: string | null
}

/** A source and the fields or figures that rely on it. */
export interface CitedSource extends Source {
  usedFor: string[]
}

/** What health checks and scrapes add, and what excluding them saves. */
export interface ProbeFigures {
  /** Whether the generated configs keep probes out of the backend (see `droppedBy`). */
  excluded: boolean
  /** What drops them: the SDK's instrumentation, the Collector's filter processor, or nothing (null). */
  droppedBy: ProbeDrop
  requestsPerDay: number
  /** What probes add when traced and kept, at the plan's sampler (whether or not they are excluded now). */
  ifTraced: { tracesPerDay: number; spansPerDay: number; ingestBytesPerDay: number; monthlyUsd: number }
  /**
   * What they cost a month as the plan stands: nothing when the SDK skips them; the apps' traffic to
   * the Collector when its filter drops them; `ifTraced` when nothing does.
   */
  monthlyUsd: number
}

/** Storage and cost as traffic grows over the planning horizon. */
export interface GrowthFigures {
  growthPercentPerMonth: number
  horizonMonths: number
  horizonDays: number
  trafficFactor: number
  rpsAtHorizon: number
  tracesPerDayAtHorizon: number
  retainedBytesAtHorizon: number
  monthlyUsdAtHorizon: number
  /** Day-by-day bytes held: growth to the retention plateau, then with traffic. */
  series: StoragePoint[]
  /** Whether stored bytes change visibly over the horizon (growth, or a retention that fills slowly); else flat. */
  storageChanges: boolean
  /** The whole bill at the end of each month of the horizon. */
  months: GrowthMonth[]
  /** First month over the budget ("free only": the backend's own part above $0); null when none is or no budget is set. */
  budgetCrossedMonth: number | null
  /** First month past the vendor's free or included allowance; null when none is or the backend is self-hosted. */
  allowanceCrossedMonth: number | null
}

export interface Plan {
  input: PlanInput
  sampler: {
    id: Sampler
    basis: ProbabilityBasis
    parentBased: boolean
    /** Who decides for root requests: the app's SDK, its Dapr sidecar, or (service invocation) the calling Dapr app's side. */
    decidedBy: "dapr" | "caller" | "app"
    /** Head sampling probability at the average rate. */
    headProbability: number
    /** Share of requests whose traces are stored (head × tail). */
    probability: number
    summary: string
  }
  /** Tail sampling figures; null when the plan does not tail-sample. */
  tail: { keptFraction: number; sizing: TailSizing } | null
  /** The Collector tier at peak and its monthly cost (0 while no cost per core is entered). */
  collector: CollectorCompute
  /** Tempo's components at the peak ingest (not priced); null unless the backend is Tempo. */
  tempo: TempoFigures | null
  /** What each rate still shows, the plan's own setting included. */
  visibility: VisibilityRow[]
  recommendation: Recommendation
  /** Inconsistencies in the setup, each with a fix. */
  warnings: LintWarning[]
  volume: Volume
  storage: Storage
  /** The bill in words, and its line items as facts (`items[i]` is `lines[i]`). */
  cost: Cost & { items: CostItem[] }
  probes: ProbeFigures
  growth: GrowthFigures
  /** Spans per service when the trace shape comes from a request path; null when typed. */
  topology: ServiceSpans[] | null
  backends: BackendEstimate[]
  comparison: ComparisonRow[]
  /** Plain-language assumptions the figures rest on. */
  assumptions: string[]
  sources: CitedSource[]
}

function comparisonRow(input: PlanInput, chosen: boolean, figures: Figures = figuresFor(input)): ComparisonRow {
  const { volume, storage, cost, headProbability } = figures
  return {
    ratio: headProbability,
    chosen,
    sampler: input.sampler,
    tracesPerDay: volume.tracesPerDay,
    spansPerDay: volume.spansPerDay,
    ingestBytesPerDay: volume.ingestBytesPerDay,
    retainedBytes: storage.retainedBytes,
    monthlyUsd: cost.monthlyUsd,
    breakdown: cost.breakdown,
  }
}

/**
 * The plan's figures at every standard rate, plus the plan's own setting. Standard rows model
 * `parentbased_traceidratio` at that ratio; the chosen row is the plan's sampler (so an X-Ray or
 * always-off plan gets its own row). Sorted from the highest rate to the lowest.
 *
 * @example
 * compareRates({ ...DEFAULT_INPUT, rps: 10000 }).map((row) => row.tracesPerDay)
 * //=> [864000000, 432000000, 216000000, 86400000, 43200000, 8640000, 864000, 86400]
 */
export function compareRates(input: PlanInput): ComparisonRow[] {
  return rowsWithFigures(input, figuresFor(input)).map(({ row }) => row)
}

/** The comparison's rows with the figures behind each, so the visibility table need not figure them again. */
function rowsWithFigures(input: PlanInput, own: Figures): { row: ComparisonRow; figures: Figures }[] {
  const chosen = { row: comparisonRow(input, true, own), figures: own }
  const standard = STANDARD_RATIOS.filter((ratio) => ratio !== chosen.row.ratio).map((ratio) => {
    const figures = figuresFor(atRate(input, ratio))
    return { row: comparisonRow(atRate(input, ratio), false, figures), figures }
  })
  return [...standard, chosen].sort((a, b) => b.row.ratio - a.row.ratio)
}

function probeFigures(input: PlanInput, figures: Figures): ProbeFigures {
  const droppedBy = probeDrop(input)
  // The plan without probes at all, and with probes traced and kept, bracket what they add.
  const none = figuresFor({ ...input, probesPerReplica: 0 })
  const traced = droppedBy === null ? figures : figuresFor({ ...input, excludeHealthChecks: false })
  return {
    excluded: droppedBy !== null,
    droppedBy,
    requestsPerDay: probeRequestsPerDay(input),
    ifTraced: {
      tracesPerDay: traced.volume.probeTracesPerDay,
      spansPerDay: traced.volume.spansPerDay - none.volume.spansPerDay,
      ingestBytesPerDay: traced.volume.ingestBytesPerDay - none.volume.ingestBytesPerDay,
      monthlyUsd: traced.cost.monthlyUsd - none.cost.monthlyUsd,
    },
    monthlyUsd: figures.cost.monthlyUsd - none.cost.monthlyUsd,
  }
}

function growthFigures(input: PlanInput, figures: Figures): GrowthFigures {
  const days = horizonDays(input.horizonMonths)
  const trafficFactor = trafficFactorAtDay(input.growthPercentPerMonth, days)
  // The last month is the plan at the horizon's traffic with the retention held by then.
  const { months, last: atHorizon } = growthMonths(input)
  const budget = input.budgetUsdPerMonth ?? null
  const allowance = figures.cost.allowance
  return {
    growthPercentPerMonth: input.growthPercentPerMonth,
    horizonMonths: input.horizonMonths,
    horizonDays: days,
    trafficFactor,
    rpsAtHorizon: input.rps * trafficFactor,
    tracesPerDayAtHorizon: atHorizon.volume.tracesPerDay,
    // What the series holds on its last day: the same sum, so the text and the chart agree.
    retainedBytesAtHorizon: storedBytesAtDay(
      figures.storage.storedBytesPerDay,
      input.retentionDays,
      input.growthPercentPerMonth,
      days
    ),
    monthlyUsdAtHorizon: atHorizon.cost.monthlyUsd,
    series: growthSeries(
      figures.storage.storedBytesPerDay,
      input.retentionDays,
      input.growthPercentPerMonth,
      input.horizonMonths
    ),
    storageChanges: storageChangesOverTime(input),
    months,
    // "Free only" (0) holds the backend's own part to $0, as the recommendation's budget test does.
    budgetCrossedMonth:
      budget === null
        ? null
        : firstMonthOver(months, (month) => (budget === 0 ? month.backendUsd > 0 : month.monthlyUsd > budget)),
    allowanceCrossedMonth: allowance
      ? firstMonthOver(months, (month) => (month.allowanceUsed ?? 0) > allowance.free)
      : null,
  }
}

/** A SaaS backend's break-even rate, worded with the plan's use of the allowance; null for self-hosted. */
function breakEvenOf(input: PlanInput, id: BackendId, allowance: Allowance | null): BackendEstimate["breakEven"] {
  const breakEven = allowance ? allowanceBreakEven(input, id) : null
  return breakEven && allowance ? { ...breakEven, text: allowanceUseText(allowance, breakEven) } : null
}

function citedSources(input: PlanInput, figures: Figures): CitedSource[] {
  const uses = new Map<SourceId, string[]>()
  const cite = (id: SourceId, use: string) => uses.set(id, [...(uses.get(id) ?? []), use])
  for (const field of PLAN_FIELDS) cite(DEFAULT_SOURCE[field], `default ${field}`)
  const backend = BACKENDS[input.backend]
  if (backend.storage) cite(backend.storage.source, `${backend.label} stored bytes`)
  cite(backend.priceSource, `${backend.label} price`)
  for (const component of figures.sizing?.components ?? []) cite(component.source, `${backend.label}: ${component.id}`)
  if (backend.pricing.kind === "per-gb-json") cite("jsonBillingFactor", `${backend.label} billed size`)
  const samplerSource = SAMPLER_INFO[input.sampler].source
  if (samplerSource) cite(samplerSource, `${input.sampler} rate`)
  cite("daysPerMonth", "monthly figures")
  return [...uses].map(([id, usedFor]) => ({ ...SOURCES[id], usedFor }))
}

/**
 * Rounds every number in a value to 12 significant digits, dropping binary floating-point noise
 * (648e9 × 0.14 × 1.05 is 95256000000.00002 in IEEE doubles) while keeping far more precision
 * than any input carries.
 *
 * @example
 * withoutFloatNoise({ bytes: 95256000000.00002, ratio: 0.1 }) //=> { bytes: 95256000000, ratio: 0.1 }
 */
export function withoutFloatNoise<T>(value: T): T {
  if (typeof value === "number") return roundNumber(value) as T
  if (value === null || typeof value !== "object") return value
  // Plain loops: this walks every number of a plan (thousands), on every change the user makes.
  if (Array.isArray(value)) {
    const copy = new Array(value.length)
    for (let i = 0; i < value.length; i++) copy[i] = withoutFloatNoise(value[i])
    return copy as T
  }
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) copy[key] = withoutFloatNoise((value as Record<string, unknown>)[key])
  return copy as T
}

function roundNumber(value: number): number {
  // Whole numbers under 10¹² already have at most 12 digits (+ 0 turns -0 into 0, as toPrecision does).
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value + 0
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value
}

/**
 * Everything TraceBudget knows about a plan: volume, storage growth, monthly cost on the chosen
 * backend and on every other, the rate comparison, assumptions and sources. Pure and deterministic.
 * The config snippets are separate (`planDocument` in lib/configs/plan-configs.ts): the page writes only
 * the one it shows, and loads the YAML writer on demand.
 *
 * @example
 * const plan = buildPlan(DEFAULT_INPUT) // 5,000 rps, parentbased_traceidratio 0.1, 30 spans × 500 B, Tempo, 7 days
 * plan.volume.tracesPerDay    //=> 43200000
 * plan.volume.ingestBytesPerDay //=> 648000000000
 * plan.storage.retainedBytes  //=> 666792000000  (648 GB × 0.14 × 1.05 × 7)
 */
export function buildPlan(input: PlanInput): Plan {
  const figures = figuresFor(input)
  const { volume, storage, cost } = figures
  const sampler = SAMPLER_INFO[input.sampler]
  const rows = rowsWithFigures(input, figures)
  const comparison = rows.map(({ row }) => row)
  const tail: Plan["tail"] = input.tailSampling
    ? {
        keptFraction: figures.tailKeptFraction,
        sizing: tailSizingFor(input, figures.headProbability),
      }
    : null
  return withoutFloatNoise({
    input,
    sampler: {
      id: input.sampler,
      basis: sampler.basis,
      parentBased: sampler.parentBased,
      decidedBy: figures.root.decidedBy,
      headProbability: figures.headProbability,
      probability: volume.probability,
      summary: sampler.summary,
    },
    tail,
    collector: figures.collector,
    tempo:
      input.backend === "tempo" && figures.sizing
        ? tempoFigures(volume.peakIngestBytesPerSecond, input.tempoVersion, figures.sizing)
        : null,
    visibility: rows.map(({ row, figures: rowFigures }) =>
      visibilityRow(input, rowFigures.headProbability, rowFigures.tailKeptFraction, row.chosen)
    ),
    recommendation: recommend(input, figures),
    warnings: lintPlan(input, figures),
    volume,
    storage,
    cost: { ...costText(cost), items: cost.items },
    probes: probeFigures(input, figures),
    growth: growthFigures(input, figures),
    topology: input.topology ? input.topology.map(serviceSpans) : null,
    backends: BACKEND_IDS.map((id) => {
      const figures = figuresFor(input, id)
      return {
        id,
        label: BACKENDS[id].label,
        hosting: BACKENDS[id].hosting,
        retainedBytes: figures.storage.retainedBytes,
        monthlyUsd: figures.cost.monthlyUsd,
        breakdown: figures.cost.breakdown,
        retentionDays: retentionBoughtDays(id, input.retentionDays),
        sizing: figures.sizing
          ? { components: figures.sizing.components, replicationCopies: figures.sizing.replicationCopies }
          : null,
        allowance: figures.cost.allowance
          ? { ...figures.cost.allowance, text: allowanceText(figures.cost.allowance) }
          : null,
        breakEven: breakEvenOf(input, id, figures.cost.allowance),
        unpriced: figures.cost.unpriced.map(costUnpricedText),
        priceSource: BACKENDS[id].priceSource,
        extrapolated: extrapolationText(figures.cost.extrapolation),
      }
    }),
    comparison,
    assumptions: assumptionFacts(input, figures.sizing).map(assumptionText),
    sources: citedSources(input, figures),
  })
}
