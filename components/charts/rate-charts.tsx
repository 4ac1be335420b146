"use client"

import { memo, useMemo } from "react"
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts"

import { VALUE_AXIS_WIDTH_PX, valueAxis, valueAxisWidth, type RateBar } from "@/lib/charts"
import { formatBytes, formatCount, formatUsd } from "@/lib/format"

import { AxisTick } from "./axis-tick"
import { barShape } from "./bar-shape"
import { TOOLTIP_CONTENT_STYLE, TOOLTIP_ITEM_STYLE, TOOLTIP_SEPARATOR } from "./tooltip-style"
import { useReducedMotion } from "./use-reduced-motion"
import { useTooltipOnDemand } from "./use-tooltip-on-demand"
import { useStableValues } from "./use-stable-values"

interface Metric {
  key: "tracesPerDay" | "retainedBytes" | "monthlyUsd" | "tracesPerMinute" | "errorsKeptPerHour"
  title: string
  /** Full value with its unit, for tooltips. */
  format: (value: number) => string
  /** Short axis tick. */
  tick: (value: number) => string
  /** The chart's accessible name (its SVG title). */
  chartTitle: string
}

// Recharts memoizes its axes, grid and tooltip on shallow-equal props and re-dispatches their
// settings into its store whenever a prop changes identity: every object and function handed to
// it below is built once, at module level, so a new plan only changes the data.
const MARGIN = { top: 8, right: 8, bottom: 8, left: 8 }
// The plot, 172 px, plus the rate labels below it, 48 px: the 220 px the chart always had.
const CHART_STYLE = { width: "100%", height: 172 }
/** Grid columns for 1–8 rate labels, written out so Tailwind generates each class. */
const LABEL_COLUMNS = [
  "grid-cols-1",
  "grid-cols-2",
  "grid-cols-3",
  "grid-cols-4",
  "grid-cols-5",
  "grid-cols-6",
  "grid-cols-7",
  "grid-cols-8",
]
const LINEAR_DOMAIN: [number, string] = [0, "auto"]
const rateLabel = (label: unknown) => `Rate ${String(label)}`
const CHART_DESCRIPTION =
  "One bar per sampling rate, yours highlighted; the arrow keys step through them. The table below holds the same figures."

const METRICS: Metric[] = [
  {
    key: "tracesPerDay",
    title: "Traces per day",
    chartTitle: "Traces per day at each sampling rate",
    format: (value) => `${formatCount(value)} traces/day`,
    tick: formatCount,
  },
  {
    key: "retainedBytes",
    title: "Storage at retention",
    chartTitle: "Storage at retention at each sampling rate",
    format: formatBytes,
    tick: formatBytes,
  },
  {
    key: "monthlyUsd",
    title: "Cost per month",
    chartTitle: "Cost per month at each sampling rate",
    format: (value) => `${formatUsd(value)}/mo`,
    tick: (value) => `$${formatCount(value)}`,
  },
  {
    key: "tracesPerMinute",
    title: "Traces kept per minute",
    chartTitle: "Traces kept per minute at each sampling rate",
    format: (value) => `${formatCount(value)} traces/min`,
    tick: formatCount,
  },
  {
    key: "errorsKeptPerHour",
    title: "Error traces kept per hour",
    chartTitle: "Error traces kept per hour at each sampling rate",
    format: (value) => `${formatCount(value)} errors/h`,
    tick: formatCount,
  },
]

export type RateMetricKey = Metric["key"]

/** The tooltip line of each metric, made once per metric rather than on every render. */
const TOOLTIP_FORMATTERS = new Map(
  METRICS.map((metric) => [
    metric.key,
    (value: unknown) => [metric.format(Number(value)), metric.title] as [string, string],
  ])
)

/** A bar as drawn: the plan's own rate in the accent colour (Recharts reads `fill` from each entry). */
type DrawnRateBar = RateBar & { fill: string }

/**
 * The rate under each bar, as HTML below the plot, lined up with the bars: the plot starts after
 * the chart's left margin and the y axis (8 + 56 px, or the wider axis long labels need) and ends before its right margin (8 px), and
 * Recharts gives each category an equal band. Drawn by Recharts, these eight labels were redrawn
 * with every new plan (axis ticks are recomputed from the data); here they change only when the
 * rates do. Angled like the ticks were, each ending under its bar's centre.
 */
const RateLabels = memo(function RateLabels({ labels, axisWidth }: { labels: string; axisWidth: number }) {
  const list = labels.split("\n")
  // Drawn in the browser only (no server HTML), so a style set through the DOM is no inline style for the CSP.
  const wideAxis = axisWidth === VALUE_AXIS_WIDTH_PX ? undefined : { paddingLeft: 8 + axisWidth }
  return (
    <div
      aria-hidden="true"
      className={`grid h-12 pr-2 pl-16 ${LABEL_COLUMNS[list.length - 1] ?? "grid-cols-8"}`}
      style={wideAxis}
      data-testid="rate-labels"
    >
      {list.map((label) => (
        <div key={label} className="relative">
          <span className="absolute top-0.5 right-1/2 origin-right -rotate-[35deg] text-[11px] leading-none whitespace-nowrap">
            {label}
          </span>
        </div>
      ))}
    </div>
  )
})

/** One metric at every standard rate; the plan's own rate in the accent colour. */
export const RateChart = memo(function RateChart({ bars, metricKey }: { bars: RateBar[]; metricKey: RateMetricKey }) {
  const metric = METRICS.find((candidate) => candidate.key === metricKey) ?? METRICS[0]!
  const reducedMotion = useReducedMotion()
  const [tooltipWanted, wantTooltip] = useTooltipOnDemand()
  const { log, domain, ticks, data } = useMemo(() => {
    const axis = valueAxis(bars.map((bar) => bar[metric.key]))
    // A log axis cannot show 0 (e.g. $0 inside a free tier); such bars stay in the table.
    const shown = axis.log ? bars.filter((bar) => bar[metric.key] > 0) : bars
    return {
      log: axis.log,
      domain: axis.log ? axis.domain : LINEAR_DOMAIN,
      ticks: axis.log ? axis.ticks : undefined,
      data: shown.map((bar): DrawnRateBar => ({
        ...bar,
        fill: bar.chosen ? "var(--color-chart-chosen)" : "var(--color-chart-1)",
      })),
    }
  }, [bars, metric])
  // The same rates over most changes: the same text, so the labels below are not drawn again.
  const labels = data.map((bar) => bar.label).join("\n")
  // The same decades over most changes: the same arrays, so the axes below stay as they are.
  const stableDomain = useStableValues(domain)
  const stableTicks = useStableValues(ticks)
  const axisWidth = useMemo(
    () => valueAxisWidth(stableTicks?.map((tick) => metric.tick(tick)) ?? []),
    [stableTicks, metric]
  )
  // The chart's parts, made again only when an axis changes: a new plan changes the data alone,
  // and Recharts then redraws what follows from the data without rendering its parts again.
  const parts = useMemo(
    () => (
      <>
        <CartesianGrid vertical={false} strokeOpacity={0.3} />
        {/* The categories' axis, not drawn: its labels are the RateLabels below the chart. */}
        <XAxis dataKey="label" hide />
        {/* Every tick drawn (decades on a log scale, five on a linear one): none needs measuring. */}
        <YAxis
          scale={log ? "log" : "auto"}
          domain={stableDomain}
          ticks={stableTicks}
          interval={0}
          allowDataOverflow={log}
          tickFormatter={metric.tick}
          tick={AxisTick}
          width={axisWidth}
        />
        {tooltipWanted ? (
          <Tooltip
            formatter={TOOLTIP_FORMATTERS.get(metric.key)}
            labelFormatter={rateLabel}
            contentStyle={TOOLTIP_CONTENT_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            separator={TOOLTIP_SEPARATOR}
          />
        ) : null}
        <Bar dataKey={metric.key} shape={barShape} isAnimationActive={!reducedMotion} name={metric.title} />
      </>
    ),
    [metric, log, stableDomain, stableTicks, axisWidth, reducedMotion, tooltipWanted]
  )
  return (
    <figure className="grid gap-1" data-testid={`rate-chart-${metric.key}`} {...wantTooltip}>
      <figcaption className="text-sm font-medium">
        {metric.title}
        {log ? <span className="font-normal text-slate-600 dark:text-slate-400"> (log scale)</span> : null}
      </figcaption>
      <BarChart
        responsive
        data={data}
        style={CHART_STYLE}
        margin={MARGIN}
        title={metric.chartTitle}
        desc={CHART_DESCRIPTION}
      >
        {parts}
      </BarChart>
      <RateLabels labels={labels} axisWidth={axisWidth} />
    </figure>
  )
})
