import { useMemo } from "react"

import { ScrollRegion } from "@/components/ui/scroll-region"
import { backendBars } from "@/lib/charts"
import { formatBytes, formatUsd } from "@/lib/format"
import type { BackendEstimate, Plan } from "@/lib/plan/build-plan"
import { allowanceCellText, freeOnlyText, retentionBoughtText, sizingShortText } from "@/lib/plan/text/backend-row"
import { breakdownText } from "@/lib/plan/text/headline"
import { SOURCES, type SourceId } from "@/lib/sources"

import { LazyBackendChart } from "../charts/lazy-charts"

const cell = "px-3 py-2 text-right first:text-left max-sm:px-2"
/** The price date has its own column on wider screens and sits under the backend's name on a phone. */
const wideOnly = "max-sm:hidden"

/**
 * What a row's total is made of, one click away under the backend's name (a disclosure, so the
 * table keeps its three columns on a phone): the parts, the retention the price buys, what a
 * self-hosted backend runs or how much of a vendor's allowance the plan uses, what it leaves out.
 */
function RowDetails({ row }: { row: BackendEstimate }) {
  const sizing = row.sizing ? sizingShortText(row.sizing) : ""
  return (
    <details
      className="mt-1 text-xs font-normal text-slate-700 dark:text-slate-300"
      data-testid={`backend-details-${row.id}`}
    >
      <summary className="w-fit cursor-pointer underline decoration-dotted underline-offset-2">what it buys</summary>
      <dl className="mt-1 grid gap-1">
        <div>
          <dt className="inline font-medium">Total: </dt>
          <dd className="inline">{breakdownText(row.breakdown)}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Keeps traces: </dt>
          <dd className="inline">{retentionBoughtText(row)}</dd>
        </div>
        {sizing ? (
          <div>
            <dt className="inline font-medium">Runs: </dt>
            <dd className="inline">{sizing}</dd>
          </div>
        ) : null}
        {row.breakEven ? (
          <div>
            <dt className="inline font-medium">Uses: </dt>
            <dd className="inline">{row.breakEven.text}</dd>
          </div>
        ) : null}
        {row.unpriced.length > 0 ? (
          <div>
            <dt className="inline font-medium">Not in the total: </dt>
            <dd className="inline">{row.unpriced.join(" ")}</dd>
          </div>
        ) : null}
      </dl>
    </details>
  )
}

export function BackendTable({ plan }: { plan: Plan }) {
  const bars = useMemo(() => backendBars(plan), [plan])
  // Prices past a vendor's published tiers are marked in the table and explained below it.
  const extrapolated = plan.backends.filter((row) => row.extrapolated !== null)
  const chosen = plan.backends.find((row) => row.id === plan.input.backend)
  return (
    <section aria-labelledby="backends-heading" className="grid gap-3 render-when-near">
      <h2 id="backends-heading" className="text-lg font-semibold">
        Cost by backend at this rate
      </h2>
      <div className="min-h-[330px] min-w-0" data-testid="backend-chart">
        <LazyBackendChart bars={bars} />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="mr-1 inline-block size-2.5 rounded-sm bg-chart-1" aria-hidden="true" />
        self-hosted
        <span className="mr-1 ml-3 inline-block size-2.5 rounded-sm bg-chart-2" aria-hidden="true" />
        SaaS
        <span className="mr-1 ml-3 inline-block size-2.5 rounded-sm bg-chart-chosen" aria-hidden="true" />
        your backend. The table below holds the same figures with each price&apos;s date.
      </p>
      {chosen?.breakEven ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="saas-allowance">
          {chosen.label} at this rate: {chosen.breakEven.text}.{" "}
          {freeOnlyText(chosen.id, chosen.breakEven.freeRatio, plan.input.budgetUsdPerMonth === 0)}
        </p>
      ) : null}
      <ScrollRegion label="Backends compared (scrolls sideways)">
        <table className="w-full text-sm sm:min-w-[36rem]" data-testid="backend-table">
          <caption className="px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400">
            Every row is the whole bill at this rate: storage, the backend&apos;s compute, the Collector and the traffic
            for self-hosted backends; the vendor&apos;s terms, the Collector and the traffic for SaaS. A SaaS price buys
            the vendor&apos;s retention; &ldquo;what it buys&rdquo; under each name has the parts.
            {plan.collector.monthlyUsd > 0
              ? ` Every row includes the Collector tier: ${formatUsd(plan.collector.monthlyUsd)}/mo.`
              : ""}
          </caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className={cell}>
                Backend
              </th>
              <th scope="col" className={cell}>
                Storage at retention
              </th>
              <th scope="col" className={cell}>
                $/month
              </th>
              <th scope="col" className={`${cell} ${wideOnly}`}>
                Keeps traces
              </th>
              <th scope="col" className={`${cell} ${wideOnly}`}>
                Free or included allowance
              </th>
              <th scope="col" className={`${cell} ${wideOnly}`}>
                Price as of
              </th>
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
                  {row.label}{" "}
                  <span className="text-xs font-normal text-slate-600 dark:text-slate-400">({row.hosting})</span>
                  <span className="block text-xs font-normal text-slate-600 sm:hidden dark:text-slate-400">
                    price as of <PriceDate source={row.priceSource} />
                  </span>
                  <RowDetails row={row} />
                </th>
                <td className={cell}>{formatBytes(row.retainedBytes)}</td>
                <td className={cell}>
                  {formatUsd(row.monthlyUsd)}
                  {row.extrapolated ? (
                    <>
                      <sup aria-hidden="true">†</sup>
                      <span className="sr-only"> (extrapolated, see the note below the table)</span>
                    </>
                  ) : null}
                </td>
                <td className={`${cell} ${wideOnly}`}>{retentionBoughtText(row)}</td>
                <td className={`${cell} ${wideOnly} text-xs font-normal`} data-testid={`backend-allowance-${row.id}`}>
                  {allowanceCellText(row)}
                </td>
                <td className={`${cell} ${wideOnly}`}>
                  <PriceDate source={row.priceSource} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {extrapolated.length > 0 ? (
        <ul className="text-xs text-slate-600 dark:text-slate-400" data-testid="backend-extrapolated">
          {extrapolated.map((row) => (
            <li key={row.id}>
              † {row.label}, extrapolated: {row.extrapolated}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

/** A price's date, linking to its source in the list at the foot of the page. */
function PriceDate({ source }: { source: SourceId }) {
  return (
    <a href={`#source-${source}`} className="underline decoration-dotted underline-offset-2">
      {SOURCES[source].asOf}
    </a>
  )
}
