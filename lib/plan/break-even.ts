// The break-even rate of a SaaS backend: the highest head sampling rate at which the plan's use
// stays within the vendor's free (or included) allowance, and whether the vendor's own bill is
// then $0 (what a "free only" budget asks). Facts only: text/backend-row.ts words them.
import type { BackendId } from "./backends"
import { atRate, figuresFor, type Figures } from "./figures"
import type { PlanInput } from "./fields"

/** The highest head rate a vendor's allowance covers, as facts. */
export interface AllowanceBreakEven {
  /** Highest head sampling rate (0..1) at which the month's use stays within the allowance; 1 when even 100 % does. */
  ratio: number
  /** The allowance's use a month at 100 % head sampling, in its unit. */
  usedAtFullRate: number
  /**
   * Highest head rate at which the backend's own bill is $0, what a "free only" budget allows: the
   * break-even rate on a pure free tier; null where fees are charged at any rate (APM hosts, a
   * platform fee).
   */
  freeRatio: number | null
}

/** Relative step above a break-even rate that must already break the limit (what "highest" means). */
export const BREAK_EVEN_PRECISION = 1e-9

/**
 * The highest rate in 0..1 at which a use that never falls as the rate rises stays within `limit`:
 * 1 when even the full rate does, 0 when nothing does. Use proportional to the rate (head sampling
 * without a tail rate limit) is solved in one step; anything else (a tail sampler's spans/s cap)
 * by bisection to {@link BREAK_EVEN_PRECISION}.
 *
 * @example
 * highestRatioWithin((ratio) => ratio * 425.6e6, 20e6) //=> 0.0469924812...  (20 M of 425.6 M events)
 * highestRatioWithin((ratio) => ratio * 10e6, 20e6)    //=> 1
 */
export function highestRatioWithin(usedAt: (ratio: number) => number, limit: number): number {
  const full = usedAt(1)
  if (full <= limit) return 1
  if (!(usedAt(0) <= limit)) return 0
  const within = (ratio: number) => usedAt(ratio) <= limit
  const breaksAbove = (ratio: number) => !within(Math.min(1, ratio * (1 + BREAK_EVEN_PRECISION)))
  // Proportional use: the limit's share of the full rate, or the double just below it when the
  // product rounds up past the limit.
  const guess = limit / full
  for (const candidate of [guess, guess * (1 - 1e-15)]) {
    if (candidate > 0 && within(candidate) && breaksAbove(candidate)) return candidate
  }
  let low = 0
  let high = 1
  for (let step = 0; step < 200 && high - low > low * BREAK_EVEN_PRECISION * 0.5; step++) {
    const middle = (low + high) / 2
    if (within(middle)) low = middle
    else high = middle
  }
  return low
}

/**
 * The break-even rate of a plan on a SaaS backend (the plan run at each head rate with everything
 * else unchanged, tail sampling included); null for a self-hosted backend, which has no allowance.
 *
 * @example
 * allowanceBreakEven({ ...DEFAULT_INPUT, rps: 10, spansPerTrace: 10 }, "honeycomb")
 * //=> { ratio: 0.0761452, usedAtFullRate: 262656000, freeRatio: 0.0761452 }  (20 M of 262.656 M events)
 */
export function allowanceBreakEven(input: PlanInput, backend: BackendId): AllowanceBreakEven | null {
  const figuresAt = new Map<number, Figures>()
  const at = (ratio: number): Figures => {
    let figures = figuresAt.get(ratio)
    if (!figures) {
      figures = figuresFor(atRate(input, ratio), backend)
      figuresAt.set(ratio, figures)
    }
    return figures
  }
  const allowance = at(1).cost.allowance
  if (!allowance) return null
  const ratio = highestRatioWithin((r) => at(r).cost.allowance!.used, allowance.free)
  const { storageUsd, backendComputeUsd, vendorUsd } = at(ratio).cost.breakdown
  // The backend's own part is what recommend-facts holds to $0 for a "free only" budget.
  const free = storageUsd + backendComputeUsd + vendorUsd === 0
  return { ratio, usedAtFullRate: allowance.used, freeRatio: free ? ratio : null }
}
