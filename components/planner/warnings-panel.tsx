import type { Plan } from "@/lib/plan/build-plan"

const STYLE = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100",
  info: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100",
} as const

/** Consistency problems across sampler, Dapr, path and Collector, each with its fix. */
export function WarningsPanel({ plan }: { plan: Plan }) {
  if (plan.warnings.length === 0) return null
  return (
    <section aria-labelledby="warnings-heading" className="grid gap-2" data-testid="lint-warnings">
      <h2 id="warnings-heading" className="text-lg font-semibold">
        Check your setup
      </h2>
      <ul className="grid gap-2">
        {plan.warnings.map((warning) => (
          <li
            key={warning.id}
            className={`rounded-md border p-3 text-sm ${STYLE[warning.severity]}`}
            data-warning={warning.id}
          >
            <p>
              <strong className="uppercase">{warning.severity}</strong> · {warning.message}
            </p>
            <p className="mt-1">
              <span className="font-medium">Fix:</span> {warning.fix}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
