import { useState } from "react"

const sameValues = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.length === b.length && a.every((value, index) => Object.is(value, b[index])))

/**
 * The same array as last render while its values are the same. Recharts re-registers an axis in
 * its store whenever one of its props changes identity, and the chart then draws twice: once with
 * the old axis and once with the new one. A log domain and its ticks stay the same over most rps
 * changes, so keeping their identity leaves the axis alone.
 *
 * @example
 * const ticks = useStableValues(logTicks(domain)) // the previous array while the decades are the same
 */
export function useStableValues<T extends readonly unknown[] | undefined>(values: T): T {
  const [kept, setKept] = useState(values)
  if (sameValues(kept, values)) return kept
  // Derived state: React renders again at once with the new array kept.
  setKept(values)
  return values
}
