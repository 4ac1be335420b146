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
export function importChanges(summary: ImportSummary, input: PlanInput): { changes: ImportChange[]; values: Partial<PlanFormValues> } {
  const { suggested } = summary
  const proposed: [PlanField, string, string][] = [
    ["spansPerTrace", String(input.spansPerTrace), String(suggested.spansPerTrace)],
    ["spanBytes", String(input.spanBytes), String(suggested.spanBytes)],
    ["errorRate", String(input.errorRate), String(suggested.errorRate)],
    ["slowRate", String(input.slowRate), String(suggested.slowRate)],
  ]
  if (suggested.endpoints) {
    proposed.push(["endpoints", input.endpoints ? formatEndpoints(input.endpoints) : "", formatEndpoints(suggested.endpoints)])
  }
  const changes = proposed.map(([field, from, to]) => ({ field, label: FIELD_LABELS[field], from: from === "" ? "—" : from, to }))
  const values: Partial<PlanFormValues> = Object.fromEntries(proposed.map(([field, , to]) => [field, to]))
  if (input.topology) values.topology = ""
  return { changes, values }
}
