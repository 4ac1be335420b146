import { useMemo } from "react"

import { formatCount, formatUsd } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import { growthTable } from "@/lib/plan/growth"
import { growthCrossingTexts } from "@/lib/plan/text/growth"

const cell = "px-2 py-1 text-right first:text-left"

/**
 * The whole bill month by month over the planning horizon, with the month the budget or the
 * vendor's allowance is crossed; one sentence instead of a table when the bill does not change.
 */
export function GrowthBill({ plan }: { plan: Plan }) {
  const { growth, input } = plan
  const table = useMemo(() => growthTable(growth), [growth])
  const chosen = plan.backends.find((row) => row.id === input.backend)
  const allowance = chosen?.allowance ?? null
  const crossings = growthCrossingTexts({
    horizonMonths: growth.horizonMonths,
    months: growth.months,
    budgetUsdPerMonth: input.budgetUsdPerMonth ?? null,
    budgetCrossedMonth: growth.budgetCrossedMonth,
    backendLabel: chosen?.label ?? input.backend,
    allowance,
    allowanceCrossedMonth: growth.allowanceCrossedMonth,
  })
  const thinned = table.rows.length < growth.months.length
  return (
    // A section of its own, after storage: its height does not move the storage chart within its section.
    <section aria-labelledby="growth-heading" className="grid gap-3 render-when-near" data-testid="growth-bill">
      <h2 id="growth-heading" className="text-lg font-semibold">
        $/month over the {growth.horizonMonths}-month horizon
      </h2>
      {crossings.length > 0 ? (
        <ul className="grid gap-1 text-sm text-slate-700 dark:text-slate-300" data-testid="growth-crossings">
          {crossings.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
      {table.changes ? (
        <table className="w-full max-w-xl text-sm" data-testid="growth-table">
          <caption className="py-1 text-left text-xs text-slate-600 dark:text-slate-400">
            The whole bill at each month&apos;s traffic{thinned ? ", every few months and the crossings" : ""}.
          </caption>
          <thead>
            <tr>
              <th scope="col" className={`${cell} font-medium`}>
                Month
              </th>
              <th scope="col" className={`${cell} font-medium`}>
                Traffic
              </th>
              <th scope="col" className={`${cell} font-medium`}>
                $/month
              </th>
              {allowance ? (
                <th scope="col" className={`${cell} font-medium`}>
                  {allowance.unit} a month
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={row.month}
                className={
                  row.crosses.length > 0
                    ? "bg-accent-soft font-semibold dark:bg-accent-soft-dark"
                    : "border-t border-slate-100 dark:border-slate-800"
                }
              >
                <th scope="row" className={`${cell} font-normal`}>
                  month {row.month}
                  {row.crosses.map((limit) => (
                    <span key={limit} className="block text-xs">
                      {limit === "budget" ? "budget crossed" : "allowance used up"}
                    </span>
                  ))}
                </th>
                <td className={cell}>{formatCount(row.rps)} req/s</td>
                <td className={cell}>{formatUsd(row.monthlyUsd)}</td>
                {allowance ? (
                  <td className={cell}>
                    {formatCount(row.allowanceUsed ?? 0)} of {formatCount(allowance.free)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="growth-flat">
          The whole bill stays {formatUsd(growth.monthlyUsdAtHorizon)}/mo over the whole {growth.horizonMonths}-month
          horizon.
        </p>
      )}
    </section>
  )
}
