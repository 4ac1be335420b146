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
