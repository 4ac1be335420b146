import { useCallback, useEffect, useId, useMemo, useRef } from "react"

import {
  RATE_STEPS,
  rateSliderPosition,
  tradeoff,
  tradeoffChanges,
  type Tradeoff,
  type TradeoffPoint,
  type TradeoffTarget,
} from "@/lib/charts"
import { formatBytes, formatCount, formatPercent, formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import type { PlanFormValues } from "@/lib/plan/form-values"
import { tailPoliciesText } from "@/lib/plan/text/setting"
import { ScrollRegion } from "@/components/ui/scroll-region"

import { LazyTradeoffChart } from "../charts/lazy-charts"
import type { DrawnTradeoffPoint } from "../charts/tradeoff-chart"

const th = "px-3 py-2 text-right font-medium first:text-left max-sm:px-2"
const td = "px-3 py-2 text-right first:text-left max-sm:px-2"

/** How the chart's axes are scaled, in words: "log scales", "a log scale across, linear up". */
function scalesText({ seenAxis, usdAxis }: Tradeoff): string {
  if (seenAxis.log === usdAxis.log) return seenAxis.log ? "log scales" : "linear scales"
  return seenAxis.log ? "a log scale across, linear up" : "linear across, a log scale up"
}

/** Spans and raw bytes follow from traces (× spans per trace, × bytes per span): a phone shows the rest without scrolling. */
const wideOnly = "max-sm:hidden"
const rateButton =
  "rounded-sm font-medium text-accent underline decoration-dotted underline-offset-4 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:text-sky-300"
const chip =
  "grid h-full rounded-md border px-2 py-1 text-left text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:hover:bg-slate-800"

/** What the chart's visibility figure is called, per unit, in a point's line. */
const SEEN_UNIT = { errorsKeptPerHour: "errors kept/h", tracesPerMinute: "traces kept/min" } as const

/** A point's name: its rate, or the option it is. */
function pointLabel(plan: Plan, point: TradeoffPoint): string {
  if (point.target.kind === "option")
    return point.target.id === "tail"
      ? `tail sampling, ${formatPercent(point.ratio)} baseline`
      : `${formatPercent(point.ratio)} head only`
  return point.yours && plan.input.sampler === "xray"
    ? `${formatPercent(point.ratio)} (xray)`
    : formatPercent(point.ratio)
}

/** What sets a point apart, in a few words: yours, recommended, beyond a limit. */
function pointMarks(point: TradeoffPoint, t: Tradeoff): string[] {
  return [
    point.yours ? "yours" : null,
    point.recommended ? "recommended" : null,
    point.fitsBudget ? null : t.freeOnly ? "not free" : "over budget",
    point.fitsStorageCap ? null : "over the storage cap",
  ].filter((mark): mark is string => mark !== null)
}

/** The limits the chart draws, in words, for the caption and for readers of the list. */
function limitsLine(t: Tradeoff): string | null {
  const parts: string[] = []
  if (t.budgetUsdPerMonth !== null) parts.push(`the dashed line is your ${formatUsd(t.budgetUsdPerMonth)}/mo budget`)
  if (t.freeOnly) parts.push("a free-only budget: settings whose backend bill is not $0 are marked")
  if (t.storageCap) {
    const cap = formatBytes(t.storageCap.bytes)
    const fitting = t.points.filter((point) => point.fitsStorageCap).length
    parts.push(
      t.storageCap.boundarySeen !== null
        ? `the dotted line is where head rates reach your ${cap} storage cap: rates right of it store more`
        : fitting === t.points.length
          ? `every setting fits your ${cap} storage cap`
          : fitting === 0
            ? `no setting fits your ${cap} storage cap`
            : `settings over your ${cap} storage cap are marked`
    )
  }
  return parts.length > 0 ? `${parts.join("; ")}.` : null
}

export function ComparisonTable({
  plan,
  onChange,
}: {
  plan: Plan
  onChange: (changes: Partial<PlanFormValues>) => void
}) {
  const backend = BACKENDS[plan.input.backend]
  const t = useMemo(() => tradeoff(plan), [plan])
  const drawn = useMemo(
    () =>
      t.points.map((point): DrawnTradeoffPoint => ({
        ...point,
        label: pointLabel(plan, point),
        // Beside its dot, among the rates' labels: the option's name alone (its button has the rest).
        chartLabel:
          point.target.kind === "option" && point.target.id === "tail" ? "tail sampling" : pointLabel(plan, point),
      })),
    [t, plan]
  )
  // The latest plan for the handlers below, which stay the same function so the chart's drawing
  // does not rebuild its parts for a new handler on every keystroke.
  const latest = useRef(plan)
  useEffect(() => {
    latest.current = plan
  }, [plan])
  const choose = useCallback(
    (target: TradeoffTarget) => {
      const changes = tradeoffChanges(latest.current, target)
      if (Object.keys(changes).length > 0) onChange(changes)
    },
    [onChange]
  )
  const choosePoint = useCallback((point: TradeoffPoint) => choose(point.target), [choose])
  const slider = rateSliderPosition(plan)
  const sliderId = useId()
  const yours = plan.comparison.find((row) => row.chosen)
  const seenUnit = SEEN_UNIT[t.metric]
  const limits = limitsLine(t)
  return (
    <section aria-labelledby="comparison-heading" className="grid gap-3 render-when-near">
      <h2 id="comparison-heading" className="text-lg font-semibold">
        Compare rates
      </h2>
      <figure aria-labelledby="tradeoff-caption" className="grid min-w-0 gap-2" data-testid="tradeoff-chart">
        <figcaption id="tradeoff-caption" className="text-sm font-medium">
          Cost/visibility trade-off: the whole bill per month against the{" "}
          {t.metric === "errorsKeptPerHour" ? "errors kept per hour" : "traces kept per minute"} at each setting
        </figcaption>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Up is dearer, right sees more{t.metric === "errorsKeptPerHour" ? " (the faint line is every error)" : ""};{" "}
          {scalesText(t)}. Your setting is the larger orange dot, the recommended one is ringed. Choose a point, or a
          setting below, to use it.{limits ? ` In the chart, ${limits}` : ""}
        </p>
        <div className="min-h-[300px] min-w-0">
          <LazyTradeoffChart tradeoff={t} points={drawn} onSelect={choosePoint} />
        </div>
        <ul
          className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap"
          aria-label="Settings on the chart"
          data-testid="tradeoff-points"
        >
          {drawn.map((point) => {
            const marks = pointMarks(point, t)
            return (
              <li key={point.key}>
                <button
                  type="button"
                  className={`${chip} ${point.yours ? "border-accent bg-accent-soft dark:bg-accent-soft-dark" : "border-slate-300 dark:border-slate-600"}`}
                  aria-current={point.yours ? "true" : undefined}
                  onClick={() => choose(point.target)}
                >
                  <span className="font-medium">
                    {point.label}
                    {marks.length > 0 ? ` (${marks.join(", ")})` : ""}
                  </span>
                  <span>
                    {formatUsd(point.monthlyUsd)}/mo<span className="max-sm:hidden"> · </span>
                    <br className="sm:hidden" />
                    {formatCount(point.seen)} {seenUnit}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      </figure>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <label htmlFor={sliderId} className="font-medium">
          Head sampling rate
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={RATE_STEPS.length - 1}
          step={1}
          value={slider.index}
          aria-valuetext={
            slider.onStep || !yours
              ? formatPercent(RATE_STEPS[slider.index]!)
              : `${formatPercent(yours.ratio)}, nearest step ${formatPercent(RATE_STEPS[slider.index]!)}`
          }
          onChange={(event) => choose({ kind: "rate", ratio: RATE_STEPS[Number(event.target.value)]! })}
          className="w-48 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          data-testid="rate-slider"
        />
        <output htmlFor={sliderId} className="tabular-nums" data-testid="rate-slider-value">
          {yours ? `${formatPercent(yours.ratio)} · ${formatUsd(yours.monthlyUsd)}/mo` : null}
        </output>
        <span className="text-xs text-slate-600 dark:text-slate-400">steps: the rates in the table</span>
      </div>
      <ScrollRegion label="Sampling rates compared (scrolls sideways)">
        <table className="w-full text-sm sm:min-w-[40rem]" data-testid="comparison-table">
          <caption className="px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400">
            Root sampling rate with parent-based propagation, at {formatCount(plan.input.rps)} req/s,{" "}
            {plan.input.spansPerTrace} spans × {plan.input.spanBytes} B, {plan.input.retentionDays}-day retention on{" "}
            {backend.label}.
            {plan.input.tailSampling
              ? ` Collector tail sampling then keeps ${tailPoliciesText({ keepErrors: plan.input.tailKeepErrors, keepSlow: plan.input.tailKeepSlow, baselinePercent: plan.input.tailBaselinePercent })} of what each rate sends.`
              : ""}{" "}
            Your setting is highlighted. Choose a rate to use it.
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
                  {row.chosen ? (
                    <>
                      {formatPercent(row.ratio)}
                      <span className="ml-1 text-xs font-normal">(yours{row.sampler === "xray" ? ", xray" : ""})</span>
                    </>
                  ) : (
                    <button
                      type="button"
                      className={rateButton}
                      onClick={() => choose({ kind: "rate", ratio: row.ratio })}
                    >
                      <span className="sr-only">Use </span>
                      {formatPercent(row.ratio)}
                    </button>
                  )}
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
