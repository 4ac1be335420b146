import type { Plan } from "@/lib/plan/build-plan"

import { CollectorSizingLink } from "./tail-summary"

const STYLE = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100",
  warning: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100",
  info: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100",
} as const

/** The checks whose fix is about the Collector tier's size: they link to the Collector sizing. */
const ABOUT_COLLECTOR_SIZE = new Set(["tail-needs-load-balancing"])

/**
 * Consistency problems across sampler, Dapr, path and Collector, each with its fix. The errors
 * block the decision (the figures rest on a setup that breaks traces), so they come before the
 * recommendation; the rest is advice for setting it up, shown with the configs.
 */
export function WarningsPanel({ plan, severity }: { plan: Plan; severity: "blocking" | "advice" }) {
  const blocking = severity === "blocking"
  const warnings = plan.warnings.filter((warning) => (warning.severity === "error") === blocking)
  if (warnings.length === 0) return null
  const headingId = blocking ? "blocking-warnings-heading" : "warnings-heading"
  return (
    <section aria-labelledby={headingId} className="grid gap-2" data-testid="lint-warnings">
      <h2 id={headingId} className="text-lg font-semibold">
        {blocking ? "Fix first" : "Check your setup"}
      </h2>
      <ul className="grid gap-2">
        {warnings.map((warning) => (
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
              {ABOUT_COLLECTOR_SIZE.has(warning.id) ? (
                <>
                  {" "}
                  (<CollectorSizingLink />)
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  )
}
