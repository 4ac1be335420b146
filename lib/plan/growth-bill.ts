// The whole bill month by month as traffic grows: what scales with traffic (volume, storage, the
// backend's nodes, the Collector tier, the network, the vendor's charges) figured again at each
// month's traffic. growth.ts has the pure storage curve; this runs the model.
import type { CostBreakdown } from "./cost-facts"
import { figuresFor, type Figures } from "./figures"
import type { PlanInput } from "./fields"
import { horizonDays, trafficFactorAtDay, type GrowthMonth } from "./growth"

export type { GrowthMonth } from "./growth"

/** The plan figured at one month's traffic, with the retention filled by then (the growth figures' rule). */
function monthInput(input: PlanInput, day: number): { input: PlanInput; trafficFactor: number } {
  const trafficFactor = trafficFactorAtDay(input.growthPercentPerMonth, day)
  return {
    trafficFactor,
    input: {
      ...input,
      rps: input.rps * trafficFactor,
      peakRps: input.peakRps * trafficFactor,
      // A retention longer than the days gone by is still filling: price the days held by then.
      retentionDays: Math.min(input.retentionDays, Math.max(1, day)),
    },
  }
}

/**
 * The whole bill at the end of each month of the horizon: the plan at that month's traffic (growth
 * compounds monthly) with the retention filled so far. Months with the same traffic and retention
 * (flat traffic, retention full) are figured once.
 *
 * @example
 * growthMonths({ ...DEFAULT_INPUT, growthPercentPerMonth: 10, horizonMonths: 2 }).months.map((m) => m.rps)
 * //=> [5493.1, 6034.8]  (months end on days 30 and 60: 5,000 × 1.1^(30 / 30.4), × 1.1^(60 / 30.4))
 */
export function growthMonths(input: PlanInput): { months: GrowthMonth[]; last: Figures } {
  const figured = new Map<string, Figures>()
  let last: Figures | null = null
  const months: GrowthMonth[] = []
  for (let month = 1; month <= input.horizonMonths; month++) {
    const day = horizonDays(month)
    const at = monthInput(input, day)
    const key = `${at.trafficFactor}|${at.input.retentionDays}`
    let figures = figured.get(key)
    if (!figures) {
      figures = figuresFor(at.input)
      figured.set(key, figures)
    }
    last = figures
    months.push({
      month,
      day,
      trafficFactor: at.trafficFactor,
      rps: at.input.rps,
      tracesPerDay: figures.volume.tracesPerDay,
      monthlyUsd: figures.cost.monthlyUsd,
      backendUsd: backendPartUsd(figures.cost.breakdown),
      allowanceUsed: figures.cost.allowance?.used ?? null,
    })
  }
  // The horizon is at least one month (the field's bounds), so the loop ran.
  return { months, last: last! }
}

function backendPartUsd(breakdown: CostBreakdown): number {
  return breakdown.storageUsd + breakdown.backendComputeUsd + breakdown.vendorUsd
}
