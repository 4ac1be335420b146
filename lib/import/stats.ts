/**
 * Small pure helpers for the import summary: percentiles, rounding and endpoint names.
 */

/**
 * Nearest-rank percentile of values sorted ascending: the smallest value with at least p % of the
 * values at or below it. Always one of the values; 0 for none.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) //=> 2
 * percentile([1, 2, 3, 4], 90) //=> 4
 * percentile([], 50)           //=> 0
 */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number {
  const count = sortedAscending.length
  if (count === 0) return 0
  const rank = Math.min(count, Math.max(1, Math.ceil((p / 100) * count)))
  return sortedAscending[rank - 1] as number
}

/**
 * Rounds to a number of decimals, half away from zero for positive values.
 *
 * @example
 * roundTo(2.2857142857, 1)       //=> 2.3
 * roundTo(0.14285714285714285, 4) //=> 0.1429
 */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals
  return Math.round(value * scale) / scale
}

/**
 * A count's share of a total, rounded down to 4 decimals with integer arithmetic, so that shares
 * of parts never add up to more than 1.
 *
 * @example
 * shareFloor4(3, 7)  //=> 0.4285
 * shareFloor4(29, 100) //=> 0.29
 */
export function shareFloor4(count: number, total: number): number {
  if (total <= 0) return 0
  return Math.floor((count * 10_000) / total) / 10_000
}

/**
 * Longest endpoint name the plan accepts (lib/plan/schema), in UTF-16 code units.
 *
 * @example
 * MAX_ENDPOINT_NAME_CHARS //=> 120
 */
export const MAX_ENDPOINT_NAME_CHARS = 120

/**
 * An operation name made safe for the plan's endpoint list: `~` and control characters become
 * spaces, runs of spaces collapse, and the result is trimmed and cut to 120 characters without
 * splitting a surrogate pair. An empty result becomes "(unnamed)".
 *
 * @example
 * sanitizeEndpointName("GET /a~b\n")  //=> "GET /a b"
 * sanitizeEndpointName("  ")          //=> "(unnamed)"
 */
export function sanitizeEndpointName(name: string): string {
  let clean = name
    .replace(/[~\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
  if (clean.length > MAX_ENDPOINT_NAME_CHARS) {
    clean = clean.slice(0, MAX_ENDPOINT_NAME_CHARS)
    const last = clean.charCodeAt(clean.length - 1)
    if (last >= 0xd800 && last <= 0xdbff) clean = clean.slice(0, -1)
    clean = clean.trimEnd()
  }
  return clean === "" ? "(unnamed)" : clean
}

/**
 * Compares by count descending, then by the given text keys ascending (code-unit order, so the
 * result does not depend on the browser's locale).
 *
 * @example
 * [{ n: 1, k: "b" }, { n: 2, k: "c" }, { n: 1, k: "a" }].sort((x, y) => byCountThenText(x.n, y.n, [x.k], [y.k]))
 * //=> [{ n: 2, k: "c" }, { n: 1, k: "a" }, { n: 1, k: "b" }]
 */
export function byCountThenText(countA: number, countB: number, textA: string[], textB: string[]): number {
  if (countA !== countB) return countB - countA
  for (let i = 0; i < textA.length; i++) {
    const a = textA[i] as string
    const b = textB[i] as string
    if (a !== b) return a < b ? -1 : 1
  }
  return 0
}
