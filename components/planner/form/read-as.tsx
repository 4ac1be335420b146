import { fieldSpec, type PlanField } from "@/lib/plan/fields"
import { readAsText } from "@/lib/plan/human-number"

/**
 * How a number field read what was typed ("Read as 5,000 req/s.") when it was not plain digits:
 * 5k, 5,000, 1.2M or 10%. Announced politely, so a screen reader hears it after typing.
 */
export function ReadAs({ field, text }: { field: PlanField; text: string }) {
  const spec = fieldSpec(field)
  const said = spec.kind === "number" || spec.kind === "integer" || spec.kind === "fraction" || spec.kind === "percent"
  const read = said ? readAsText(text, spec.kind, spec.unit) : undefined
  // Always there, so the live region exists before it speaks; out of the grid's flow while empty.
  return (
    <p
      id={`field-${field}-read`}
      aria-live="polite"
      className={read ? "text-xs text-slate-600 dark:text-slate-400" : "sr-only"}
      data-testid={`read-as-${field}`}
    >
      {read ?? ""}
    </p>
  )
}
