import { countOf } from "@/lib/format"

/**
 * A count of Collector cores as words.
 *
 * @example
 * collectorCoresText(1)  //=> "1 Collector core"
 * collectorCoresText(34) //=> "34 Collector cores"
 */
export function collectorCoresText(cores: number): string {
  return countOf(cores, "Collector core")
}
