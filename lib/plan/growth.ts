import { DAYS_PER_MONTH } from "./month"
import { MAX_SERIES_POINTS, type StoragePoint } from "./storage"

/**
 * How much traffic has grown after `day` days at a compounding monthly rate.
 *
 * @example
 * trafficFactorAtDay(10, 30.4) //=> 1.1  (one month at +10 %)
 * trafficFactorAtDay(0, 365)   //=> 1
 */
export function trafficFactorAtDay(growthPercentPerMonth: number, day: number): number {
  return (1 + growthPercentPerMonth / 100) ** (day / DAYS_PER_MONTH)
}

/**
 * Bytes held on `day` when `storedBytesPerDay0` arrive on day 0, traffic compounds monthly and
 * data older than `retentionDays` is deleted: the sum of the last `retentionDays` days of data.
 *
 * @example
 * storedBytesAtDay(100, 7, 0, 3)   //=> 300   (growing towards the plateau)
 * storedBytesAtDay(100, 7, 0, 30)  //=> 700   (the plateau)
 */
export function storedBytesAtDay(
  storedBytesPerDay0: number,
  retentionDays: number,
  growthPercentPerMonth: number,
  day: number
): number {
  const first = Math.max(0, day - retentionDays)
  const dailyFactor = trafficFactorAtDay(growthPercentPerMonth, 1)
  if (dailyFactor === 1) return storedBytesPerDay0 * (day - first)
  // Sum of a geometric series: days first..day−1, each one daily factor more than the day before.
  return (storedBytesPerDay0 * (dailyFactor ** day - dailyFactor ** first)) / (dailyFactor - 1)
}

/**
 * The storage curve over a planning horizon: growth to the retention plateau, then with traffic.
 * At most {@link MAX_SERIES_POINTS} points, always including the retention day and the horizon.
 *
 * @example
 * growthSeries(100, 7, 0, 1).at(-1) //=> { day: 30, bytes: 700 }   (a 1-month horizon ends on day 30)
 */
export function growthSeries(
  storedBytesPerDay0: number,
  retentionDays: number,
  growthPercentPerMonth: number,
  horizonMonths: number
): StoragePoint[] {
  const lastDay = horizonDays(horizonMonths)
  const step = Math.max(1, Math.ceil(lastDay / (MAX_SERIES_POINTS - 2)))
  const days = new Set<number>([0, Math.min(retentionDays, lastDay), lastDay])
  for (let day = 0; day <= lastDay; day += step) days.add(day)
  return [...days]
    .sort((a, b) => a - b)
    .map((day) => ({ day, bytes: storedBytesAtDay(storedBytesPerDay0, retentionDays, growthPercentPerMonth, day) }))
}

/**
 * Whole days in a horizon of months (30.4-day months, rounded down).
 *
 * @example
 * horizonDays(12) //=> 364
 */
export function horizonDays(horizonMonths: number): number {
  return Math.floor(horizonMonths * DAYS_PER_MONTH)
}

/**
 * Share of the horizon that filling the retention must take for the storage curve to show it: below
 * it the ramp is a sliver at the chart's left edge and the curve reads as a flat line.
 */
export const VISIBLE_FILL_SHARE = 0.1

/**
 * Whether stored bytes change over the horizon enough to draw: traffic grows or shrinks, or filling
 * the retention takes at least {@link VISIBLE_FILL_SHARE} of the horizon. Otherwise storage is flat
 * at its plateau after the first `retentionDays` and one sentence says so.
 *
 * @example
 * storageChangesOverTime({ retentionDays: 7, growthPercentPerMonth: 0, horizonMonths: 12 })  //=> false (full after 7 of 364 days)
 * storageChangesOverTime({ retentionDays: 90, growthPercentPerMonth: 0, horizonMonths: 12 }) //=> true  (fills for 90 of 364 days)
 * storageChangesOverTime({ retentionDays: 7, growthPercentPerMonth: 5, horizonMonths: 12 })  //=> true
 */
export function storageChangesOverTime(plan: {
  retentionDays: number
  growthPercentPerMonth: number
  horizonMonths: number
}): boolean {
  return plan.growthPercentPerMonth !== 0 || plan.retentionDays >= horizonDays(plan.horizonMonths) * VISIBLE_FILL_SHARE
}

/**
 * The first month (1-based) whose value breaks a limit, or null when none does.
 *
 * @example
 * firstMonthOver([90, 100, 120, 150], (usd) => usd > 110) //=> 3
 * firstMonthOver([90, 100], (usd) => usd > 110)           //=> null
 */
export function firstMonthOver<T>(months: readonly T[], over: (month: T) => boolean): number | null {
  const index = months.findIndex(over)
  return index === -1 ? null : index + 1
}

/** Rows a growth table shows at most before it thins out to every few months. */
export const GROWTH_TABLE_ROWS = 12

/**
 * The months a growth table lists: every month up to {@link GROWTH_TABLE_ROWS}, else the first, every
 * few months and the last; months in `marked` (a crossing) always.
 *
 * @example
 * growthTableMonths(6, [])   //=> [1, 2, 3, 4, 5, 6]
 * growthTableMonths(36, [7]) //=> [1, 3, 6, 7, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36]
 */
export function growthTableMonths(horizonMonths: number, marked: readonly number[]): number[] {
  const step = Math.ceil(horizonMonths / GROWTH_TABLE_ROWS)
  const months = new Set<number>([1, horizonMonths])
  for (let month = step; month <= horizonMonths; month += step) months.add(month)
  for (const month of marked) if (month >= 1 && month <= horizonMonths) months.add(month)
  return [...months].sort((a, b) => a - b)
}

/** The bill at the end of one month of the planning horizon. */
export interface GrowthMonth {
  /** 1 to the horizon. */
  month: number
  /** Days since today at the month's end (30.4-day months, rounded down). */
  day: number
  /** Traffic then ÷ traffic today. */
  trafficFactor: number
  rps: number
  tracesPerDay: number
  /** The whole bill a month at that traffic. */
  monthlyUsd: number
  /** The backend's own part (storage, its compute, the vendor's charges): what a "free only" budget holds to $0. */
  backendUsd: number
  /** Use of the vendor's allowance a month, in its unit; null for a self-hosted backend. */
  allowanceUsed: number | null
}

/** A bill a month apart by less than this (half a cent) is the same bill. */
const SAME_USD = 0.005

/** A row of the growth table: a month's bill and the limits first broken in it. */
export interface GrowthTableRow extends GrowthMonth {
  crosses: ("budget" | "allowance")[]
}

/**
 * The growth table's rows (see {@link growthTableMonths}), each marked with the limit first broken
 * in it, and whether the bill changes at all over the horizon (flat traffic with a retention
 * filled in the first month does not: one sentence says the bill instead of a table).
 *
 * @example
 * growthTable({ horizonMonths: 2, budgetCrossedMonth: 2, allowanceCrossedMonth: null, months: [m1, m2] })
 * //=> { changes: true, rows: [{ ...m1, crosses: [] }, { ...m2, crosses: ["budget"] }] }
 */
export function growthTable(growth: {
  horizonMonths: number
  months: GrowthMonth[]
  budgetCrossedMonth: number | null
  allowanceCrossedMonth: number | null
}): { changes: boolean; rows: GrowthTableRow[] } {
  const first = growth.months[0]?.monthlyUsd ?? 0
  const changes = growth.months.some((month) => Math.abs(month.monthlyUsd - first) >= SAME_USD)
  const crossings = [growth.budgetCrossedMonth, growth.allowanceCrossedMonth].filter(
    (month): month is number => month !== null
  )
  const rows = growthTableMonths(growth.horizonMonths, crossings).flatMap((number) => {
    const month = growth.months[number - 1]
    if (!month) return []
    const crosses: GrowthTableRow["crosses"] = []
    if (growth.budgetCrossedMonth === number) crosses.push("budget")
    if (growth.allowanceCrossedMonth === number) crosses.push("allowance")
    return [{ ...month, crosses }]
  })
  return { changes, rows }
}
