import { formatBytes, formatCount, formatPercent, formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { tailPoliciesText } from "@/lib/plan/text/setting"
import { ScrollRegion } from "@/components/ui/scroll-region"

import { RateChartGrid } from "./rate-chart-grid"

const th = "px-3 py-2 text-right font-medium first:text-left max-sm:px-2"
const td = "px-3 py-2 text-right first:text-left max-sm:px-2"
/** Spans and raw bytes follow from traces (× spans per trace, × bytes per span): a phone shows the rest without scrolling. */
const wideOnly = "max-sm:hidden"

export function ComparisonTable({ plan }: { plan: Plan }) {
  const backend = BACKENDS[plan.input.backend]
  return (
    <section aria-labelledby="comparison-heading" className="grid gap-3 render-when-near">
      <h2 id="comparison-heading" className="text-lg font-semibold">
        Sampling rates side by side
      </h2>
      <RateChartGrid
        plan={plan}
        metrics={["tracesPerDay", "retainedBytes", "monthlyUsd"]}
        testId="rate-charts"
        className="md:grid-cols-3"
      />
      <ScrollRegion label="Sampling rates compared (scrolls sideways)">
        <table className="w-full text-sm sm:min-w-[40rem]" data-testid="comparison-table">
          <caption className="px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400">
            Root sampling rate with parent-based propagation, at {formatCount(plan.input.rps)} req/s,{" "}
            {plan.input.spansPerTrace} spans × {plan.input.spanBytes} B, {plan.input.retentionDays}-day retention on{" "}
            {backend.label}.
            {plan.input.tailSampling
              ? ` Collector tail sampling then keeps ${tailPoliciesText({ keepErrors: plan.input.tailKeepErrors, keepSlow: plan.input.tailKeepSlow, baselinePercent: plan.input.tailBaselinePercent })} of what each rate sends.`
              : ""}{" "}
            Your setting is highlighted.
            <span className="sm:hidden"> Spans/day and raw OTLP/day are on wider screens and in the CSV download.</span>
          </caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className={th}>
                Rate
              </th>
              <th scope="col" className={th}>
                Traces/day
              </th>
              <th scope="col" className={`${th} ${wideOnly}`}>
                Spans/day
              </th>
              <th scope="col" className={`${th} ${wideOnly}`}>
                Raw OTLP/day
              </th>
              <th scope="col" className={th}>
                Storage at retention
              </th>
              <th scope="col" className={th}>
                $/month
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.comparison.map((row) => (
              <tr
                key={`${row.sampler}-${row.ratio}`}
                data-chosen={row.chosen || undefined}
                aria-current={row.chosen ? "true" : undefined}
                className={
                  row.chosen
                    ? "bg-accent-soft font-semibold dark:bg-accent-soft-dark"
                    : "border-t border-slate-100 dark:border-slate-800"
                }
              >
                <th scope="row" className={`${td} font-medium`}>
                  {formatPercent(row.ratio)}
                  {row.chosen ? (
                    <span className="ml-1 text-xs font-normal">(yours{row.sampler === "xray" ? ", xray" : ""})</span>
                  ) : null}
                </th>
                <td className={td}>{formatCount(row.tracesPerDay)}</td>
                <td className={`${td} ${wideOnly}`}>{formatCount(row.spansPerDay)}</td>
                <td className={`${td} ${wideOnly}`}>{formatBytes(row.ingestBytesPerDay)}</td>
                <td className={td}>{formatBytes(row.retainedBytes)}</td>
                <td className={td}>{formatUsd(row.monthlyUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  )
}
