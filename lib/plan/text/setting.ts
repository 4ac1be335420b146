// A recommendation's setting in a line: small, so the page's first load can word it without the
// rest of the recommendation's text (its reasons arrive already worded in the plan).
import { formatPercent } from "@/lib/format"

/** What a setting's line needs of a recommendation (or of any setting worded the same way). */
export interface SettingFacts {
  sampler: string
  ratio: number
  tail: { keepErrors: boolean; keepSlow: boolean; baselinePercent: number } | null
}

/**
 * What Collector tail sampling keeps, in words: its error and latency policies and the baseline.
 *
 * @example
 * tailPoliciesText({ keepErrors: true, keepSlow: true, baselinePercent: 10 }) //=> "errors, slow traces and a 10 % baseline"
 * tailPoliciesText({ keepErrors: false, keepSlow: false, baselinePercent: 5 }) //=> "a 5 % baseline"
 */
export function tailPoliciesText({
  keepErrors,
  keepSlow,
  baselinePercent,
}: {
  keepErrors: boolean
  keepSlow: boolean
  baselinePercent: number
}): string {
  const kept = [keepErrors ? "errors" : "", keepSlow ? "slow traces" : ""].filter(Boolean)
  const baseline = `a ${formatPercent(baselinePercent / 100)} baseline`
  return kept.length > 0 ? `${kept.join(", ")} and ${baseline}` : baseline
}

/**
 * A recommendation's setting in one line: the head sampler and rate, and the Collector's tail
 * policies when it adds tail sampling.
 *
 * @example
 * recommendationSetting(recommend({ ...DEFAULT_INPUT, keepAllErrors: false }))
 * //=> "parentbased_traceidratio at 10 %"
 */
export function recommendationSetting(recommendation: SettingFacts): string {
  const { tail } = recommendation
  return tail
    ? `${recommendation.sampler} at 100 % + Collector tail sampling (${tailPoliciesText(tail)})`
    : `${recommendation.sampler} at ${formatPercent(recommendation.ratio)}`
}
