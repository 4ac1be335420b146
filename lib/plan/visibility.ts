/**
 * "What do I still see at this rate?": the formulas, each on its own so the UI can explain it in
 * one line.
 */

/**
 * Probability of keeping at least one example of an event that happens `k` times, each kept
 * independently with probability `p`: 1 − (1 − p)^k.
 *
 * @example
 * probabilityOfAtLeastOne(0.01, 100) //=> 0.6339676587267709
 * probabilityOfAtLeastOne(0.1, 1)    //=> 0.1
 */
export function probabilityOfAtLeastOne(p: number, k: number): number {
  return 1 - (1 - p) ** k
}

/**
 * Expected seconds until the first kept example of an event that happens λ times per second and
 * is kept with probability p: 1 / (λ · p). Infinite when it is never kept.
 *
 * @example
 * expectedWaitSeconds(1 / 60, 0.1) //=> 600  (a once-a-minute error at 10 %: ten minutes)
 */
export function expectedWaitSeconds(eventsPerSecond: number, p: number): number {
  const rate = eventsPerSecond * p
  return rate > 0 ? 1 / rate : Number.POSITIVE_INFINITY
}

/**
 * Kept traces per minute for traffic at `rps` kept with probability `p`.
 *
 * @example
 * tracesPerMinute(5000, 0.1) //=> 30000
 */
export function tracesPerMinute(rps: number, p: number): number {
  return rps * p * 60
}

/**
 * Errors kept per hour: rps × errorRate × p × 3,600.
 *
 * @example
 * errorsKeptPerHour(5000, 0.01, 0.01) //=> 1800
 */
export function errorsKeptPerHour(rps: number, errorRate: number, p: number): number {
  return rps * errorRate * p * 3600
}

/**
 * Slow requests kept per five minutes: rps × slowRate × p × 300.
 *
 * @example
 * slowKeptPer5Minutes(10, 0.05, 0.1) //=> 15
 */
export function slowKeptPer5Minutes(rps: number, slowRate: number, p: number): number {
  return rps * slowRate * p * 300
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** What one sampling setting still shows. */
export interface VisibilityRow {
  /** Head sampling rate of the row. */
  ratio: number
  chosen: boolean
  /** Probability a trace is kept: any trace, an error trace, a slow trace (head × tail policies). */
  keep: { any: number; error: number; slow: number }
  tracesPerMinute: number
  errorsPerHour: number
  errorsKeptPerHour: number
  slowKeptPer5Minutes: number
  /** Chance of keeping at least one of an event that happens 10, 100 or 1,000 times. */
  atLeastOneOf: { k10: number; k100: number; k1000: number }
  /** Expected seconds until the first kept error trace; null when errors are never kept. */
  firstErrorWaitSeconds: number | null
  endpoints: EndpointVisibility[]
}

export interface EndpointVisibility {
  name: string
  share: number
  tracesPerMinute: number
  slowKeptPer5Minutes: number
  /** At least the plan's minimum traces per minute: the goal the recommendation raises rates for. */
  enough: boolean
}

export interface VisibilityInput {
  rps: number
  errorRate: number
  slowRate: number
  endpoints: { name: string; share: number }[] | null
  tailSampling: boolean
  tailKeepErrors: boolean
  tailKeepSlow: boolean
  minTracesPerMinutePerEndpoint: number
}

/**
 * Visibility at one setting: head probability `head`, then the tail sampler keeping
 * `tailKept` of the rest, all errors (error policy) and all slow traces (latency policy).
 *
 * @example
 * visibilityRow({ rps: 5000, errorRate: 0.01, slowRate: 0.05, endpoints: null, tailSampling: false,
 *   tailKeepErrors: true, tailKeepSlow: true, minTracesPerMinutePerEndpoint: 1 }, 0.01, 1, true).errorsKeptPerHour
 * //=> 1800  (of 180,000 errors/hour)
 */
export function visibilityRow(input: VisibilityInput, head: number, tailKept: number, chosen: boolean): VisibilityRow {
  const any = head * tailKept
  const error = head * (input.tailSampling && input.tailKeepErrors ? 1 : tailKept)
  const slow = head * (input.tailSampling && input.tailKeepSlow ? 1 : tailKept)
  return {
    ratio: head,
    chosen,
    keep: { any, error, slow },
    tracesPerMinute: tracesPerMinute(input.rps, any),
    errorsPerHour: errorsKeptPerHour(input.rps, input.errorRate, 1),
    errorsKeptPerHour: errorsKeptPerHour(input.rps, input.errorRate, error),
    slowKeptPer5Minutes: slowKeptPer5Minutes(input.rps, input.slowRate, slow),
    atLeastOneOf: {
      k10: probabilityOfAtLeastOne(any, 10),
      k100: probabilityOfAtLeastOne(any, 100),
      k1000: probabilityOfAtLeastOne(any, 1000),
    },
    firstErrorWaitSeconds: finiteOrNull(expectedWaitSeconds(input.rps * input.errorRate, error)),
    endpoints: (input.endpoints ?? []).map((endpoint) => {
      const endpointTracesPerMinute = tracesPerMinute(input.rps * endpoint.share, any)
      const endpointSlow = slowKeptPer5Minutes(input.rps * endpoint.share, input.slowRate, slow)
      return {
        name: endpoint.name,
        share: endpoint.share,
        tracesPerMinute: endpointTracesPerMinute,
        slowKeptPer5Minutes: endpointSlow,
        enough: endpointTracesPerMinute >= input.minTracesPerMinutePerEndpoint,
      }
    }),
  }
}
