import { formatBytes, formatUsd } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import { SOURCES } from "@/lib/sources"

const cell = "px-3 py-2 text-right first:text-left"

export function BackendTable({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="backends-heading" className="grid gap-3">
      <h2 id="backends-heading" className="text-lg font-semibold">
        Every backend at this rate
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full min-w-[36rem] text-sm" data-testid="backend-table">
          <caption className="px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400">
            Self-hosted rows price storage only; SaaS rows are list prices after free allotments, with raw OTLP bytes as
            storage.
          </caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className={cell}>Backend</th>
              <th scope="col" className={cell}>Storage at retention</th>
              <th scope="col" className={cell}>$/month</th>
              <th scope="col" className={cell}>Price as of</th>
            </tr>
          </thead>
          <tbody>
            {plan.backends.map((row) => (
              <tr
                key={row.id}
                aria-current={row.id === plan.input.backend ? "true" : undefined}
                className={
                  row.id === plan.input.backend
                    ? "bg-accent-soft font-semibold dark:bg-accent-soft-dark"
                    : "border-t border-slate-100 dark:border-slate-800"
                }
              >
                <th scope="row" className={`${cell} font-medium`}>
                  {row.label} <span className="text-xs font-normal text-slate-600 dark:text-slate-400">({row.hosting})</span>
                </th>
                <td className={cell}>{formatBytes(row.retainedBytes)}</td>
                <td className={cell}>{formatUsd(row.monthlyUsd)}</td>
                <td className={cell}>
                  <a href={`#source-${row.priceSource}`} className="underline decoration-dotted underline-offset-2">
                    {SOURCES[row.priceSource].asOf}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
