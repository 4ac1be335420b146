import { useMemo } from "react"

import { storageCurve, storageMonthTicks, storageTableRows } from "@/lib/charts"
import { formatBytes, formatCount, formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { storageFlatText } from "@/lib/plan/text/growth"

import { LazyStorageChart } from "../charts/lazy-charts"

/** Storage over the horizon: drawn only when it changes over time, else one sentence. */
export function StorageSection({ plan }: { plan: Plan }) {
  const { growth } = plan
  return (
    <section aria-labelledby="storage-heading" className="grid gap-3 render-when-near">
      <h2 id="storage-heading" className="text-lg font-semibold">
        Storage over time
      </h2>
      {growth.storageChanges ? (
        <StorageCurve plan={plan} />
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="growth-summary">
          {storageFlatText({
            backendLabel: BACKENDS[plan.input.backend].label,
            retentionDays: plan.input.retentionDays,
            retainedBytes: plan.storage.retainedBytes,
            horizonMonths: growth.horizonMonths,
          })}
        </p>
      )}
    </section>
  )
}

/** Storage that changes over the horizon: the sentence, the chart and the chart's table. */
function StorageCurve({ plan }: { plan: Plan }) {
  // Same plan, same points: the memoized chart skips renders that do not change the plan.
  const curve = useMemo(() => storageCurve(plan), [plan])
  const monthTicks = useMemo(() => storageMonthTicks(plan.input.horizonMonths), [plan.input.horizonMonths])
  const { growth, input } = plan
  const backend = BACKENDS[input.backend]
  // A retention longer than the horizon has no plateau within it: storage grows to the end.
  const stillGrowing = curve.retentionDay === null
  return (
    <>
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="growth-summary">
        {stillGrowing
          ? `Storage on ${backend.label} grows every day of the ${growth.horizonMonths}-month horizon: ${input.retentionDays} days are kept, so nothing is deleted before day ${input.retentionDays}. At today's traffic it would level off at ${formatBytes(plan.storage.retainedBytes)}.`
          : `Storage on ${backend.label} grows for ${input.retentionDays} days to ${formatBytes(plan.storage.retainedBytes)}, then old traces are deleted as fast as new ones arrive.`}{" "}
        {growth.growthPercentPerMonth === 0
          ? stillGrowing
            ? `With flat traffic it holds ${formatBytes(growth.retainedBytesAtHorizon)} at the end of the horizon.`
            : `With flat traffic it stays there for the ${growth.horizonMonths}-month horizon.`
          : `With traffic ${growth.growthPercentPerMonth > 0 ? "growing" : "shrinking"} ${Math.abs(growth.growthPercentPerMonth)} % a month, after ${growth.horizonMonths} months you serve ${formatCount(growth.rpsAtHorizon)} req/s, keep ${formatCount(growth.tracesPerDayAtHorizon)} traces/day, hold ${formatBytes(growth.retainedBytesAtHorizon)} and pay ${formatUsd(growth.monthlyUsdAtHorizon)}/mo.`}
      </p>
      <div className="min-h-[260px] min-w-0" data-testid="storage-chart">
        <LazyStorageChart points={curve.points} retentionDay={curve.retentionDay} monthTicks={monthTicks} />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer rounded-sm font-medium focus-visible:outline-2 focus-visible:outline-accent">
          Storage over time as a table
        </summary>
        <table className="mt-2 w-full max-w-md text-sm" data-testid="storage-table">
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Day
              </th>
              <th scope="col" className="px-2 py-1 text-right font-medium">
                Stored
              </th>
            </tr>
          </thead>
          <tbody>
            {storageTableRows(plan).map((row) => (
              <tr key={row.day} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {row.label}
                </th>
                <td className="px-2 py-1 text-right">{formatBytes(row.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}
