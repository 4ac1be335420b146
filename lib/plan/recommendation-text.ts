import { formatPercent } from "@/lib/format"

import type { Recommendation } from "./recommend"

/**
 * A recommendation's setting in one line: the head sampler and rate, and the Collector's tail
 * policies when it adds tail sampling.
 *
 * @example
 * recommendationSetting(recommend({ ...DEFAULT_INPUT, keepAllErrors: false }))
 * //=> "parentbased_traceidratio at 10 %"
 */
export function recommendationSetting(recommendation: Recommendation): string {
  const { tail } = recommendation
  return tail
    ? `${recommendation.sampler} at 100 % + Collector tail sampling (errors${tail.keepSlow ? ", slow traces" : ""} and a ${formatPercent(tail.baselinePercent / 100)} baseline)`
    : `${recommendation.sampler} at ${formatPercent(recommendation.ratio)}`
}
