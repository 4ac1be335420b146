import { countOf, formatInteger, formatPercent } from "@/lib/format"

import type { ImportSummary } from "./index"
import { formatEndpoints } from "@/lib/plan/endpoints"
import type { PlanFormValues } from "@/lib/plan/form-values"
import { FIELD_LABELS, type PlanField, type PlanInput } from "@/lib/plan/fields"

/** One field an import would change, for the "old → new" preview. */
export interface ImportChange {
  field: PlanField
  label: string
  from: string
  to: string
}

/**
 * What "Use these numbers" would set, from an import's suggestions, against the current plan.
 * Spans per trace from a file replace a described request path.
 *
 * @example
 * importChanges({ suggested: { spansPerTrace: 12.5, spanBytes: 480, errorRate: 0.02, slowRate: 0.1, endpoints: null } } as ImportSummary, DEFAULT_INPUT).values
 * //=> { spansPerTrace: "12.5", topology: "", spanBytes: "480", errorRate: "0.02", slowRate: "0.1" }
 */
export function importChanges(
  summary: ImportSummary,
  input: PlanInput
): { changes: ImportChange[]; values: Partial<PlanFormValues> } {
  const { suggested } = summary
  const proposed: [PlanField, string, string][] = [
    ["spansPerTrace", String(input.spansPerTrace), String(suggested.spansPerTrace)],
    ["spanBytes", String(input.spanBytes), String(suggested.spanBytes)],
    ["errorRate", String(input.errorRate), String(suggested.errorRate)],
    ["slowRate", String(input.slowRate), String(suggested.slowRate)],
  ]
  if (suggested.endpoints) {
    proposed.push([
      "endpoints",
      input.endpoints ? formatEndpoints(input.endpoints) : "",
      formatEndpoints(suggested.endpoints),
    ])
  }
  const changes = proposed.map(([field, from, to]) => ({
    field,
    label: FIELD_LABELS[field],
    from: from === "" ? "—" : from,
    to,
  }))
  const values: Partial<PlanFormValues> = Object.fromEntries(proposed.map(([field, , to]) => [field, to]))
  if (input.topology) values.topology = ""
  return { changes, values }
}

/** Below this many complete traces a file's rates are rough: one trace moves the error rate by 1 % or more. */
export const FEW_TRACES = 100

/**
 * The 95 % Wilson interval of a share seen in `n` trials: where the service's true rate may lie.
 *
 * @example
 * wilsonInterval(0.25, 4) //=> [0.0456, 0.6994] (rounded)
 */
export function wilsonInterval(share: number, n: number): [number, number] {
  const z = 1.96
  const z2n = (z * z) / n
  const center = (share + z2n / 2) / (1 + z2n)
  const half = (z * Math.sqrt((share * (1 - share)) / n + (z * z) / (4 * n * n))) / (1 + z2n)
  return [Math.max(0, center - half), Math.min(1, center + half)]
}

/**
 * A warning for an import too small to trust its rates, or null from {@link FEW_TRACES} traces on.
 *
 * @example
 * smallSampleNote({ traces: 4, errorRatio: 0.25 })
 * //=> "Only 4 traces: the rates below are rough. The 25 % error rate means anywhere from 4.56 % to 69.9 % for the service (95 % interval); a file of a few hundred traces gives steadier numbers."
 */
export function smallSampleNote(summary: Pick<ImportSummary, "traces" | "errorRatio">): string | null {
  const { traces, errorRatio } = summary
  if (traces === 0 || traces >= FEW_TRACES) return null
  const [low, high] = wilsonInterval(errorRatio, traces)
  return (
    `Only ${countOf(traces, "trace", formatInteger)}: the rates below are rough. The ${formatPercent(errorRatio)} error rate means anywhere from ` +
    `${formatPercent(low)} to ${formatPercent(high)} for the service (95 % interval); a file of a few hundred traces gives steadier numbers.`
  )
}
