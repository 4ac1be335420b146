"use client"

import { memo, useMemo } from "react"
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis, type LabelProps } from "recharts"

import { valueAxis, type BackendBar } from "@/lib/charts"
import { formatCount, formatUsd } from "@/lib/format"
import { breakdownText } from "@/lib/plan/text/headline"

import { AxisTick, CategoryTick } from "./axis-tick"
import { barShape } from "./bar-shape"
import { TOOLTIP_CONTENT_STYLE, TOOLTIP_ITEM_STYLE, TOOLTIP_SEPARATOR } from "./tooltip-style"
import { CHART_ANIMATION_MS } from "./animation"
import { useReducedMotion } from "./use-reduced-motion"
import { useTooltipOnDemand } from "./use-tooltip-on-demand"
import { useStableValues } from "./use-stable-values"

// Built once: Recharts re-dispatches an axis or tooltip whenever one of its props changes
// identity, so only the data (and the domain's two numbers) change from plan to plan.
// The right margin holds the value at the end of the longest bar ("$18,418/mo").
const MARGIN = { top: 8, right: 72, bottom: 8, left: 8 }
const LINEAR_DOMAIN: [number, string] = [0, "auto"]
/** One style object per chart height, so a new plan with as many bars does not resize the chart. */
const STYLES = new Map<number, { width: string; height: number }>()
function chartStyle(height: number) {
  let style = STYLES.get(height)
  if (!style) STYLES.set(height, (style = { width: "100%", height }))
  return style
}
const usdTick = (usd: number) => `$${formatCount(usd)}`
/** A bar's value: its bill, and "+ not priced" where the vendor's charges are left out (X-Ray). */
const barValueText = (entry: { payload?: unknown }) => {
  const bar = entry.payload as DrawnBackendBar
  return `${formatUsd(bar.monthlyUsd)}/mo${bar.vendorUnpriced ? " + not priced" : ""}`
}

/** Space between a bar's end and its value, as Recharts' own label offset. */
const VALUE_OFFSET_PX = 5

/**
 * Each bar's value at its end, so a phone reads the figures without a tooltip: plain SVG text
 * where Recharts' own label would measure its words in the DOM on every redraw.
 */
function BarValue({ viewBox, value }: LabelProps) {
  if (!viewBox || !("width" in viewBox)) return null
  const { x = 0, y = 0, width = 0, height = 0 } = viewBox
  return (
    <text
      x={x + width + VALUE_OFFSET_PX}
      y={y + height / 2}
      dy="0.355em"
      fill="currentColor"
      fontSize={11}
      data-testid="bar-value"
    >
      {String(value)}
    </text>
  )
}
/** The whole bill under the pointer, with its parts and its price date. */
const costLine = (value: unknown, _name: unknown, item: { payload?: unknown }) => {
  const bar = item.payload as BackendBar
  return [`${formatUsd(Number(value))}/mo: ${breakdownText(bar.breakdown)} (price as of ${bar.asOf})`, "Cost"] as [
    string,
    string,
  ]
}

/** A bar as drawn: yours in the accent colour, SaaS in the second one (Recharts reads `fill` from each entry). */
type DrawnBackendBar = BackendBar & { fill: string }

const fillOf = (bar: BackendBar) =>
  bar.chosen ? "var(--color-chart-chosen)" : bar.hosting === "saas" ? "var(--color-chart-2)" : "var(--color-chart-1)"

/** Every backend's monthly cost at the plan's rate, cheapest first, log scale when needed. */
export const BackendChart = memo(function BackendChart({ bars }: { bars: BackendBar[] }) {
  const reducedMotion = useReducedMotion()
  const [tooltipWanted, wantTooltip] = useTooltipOnDemand()
  const { log, domain, ticks, data, style } = useMemo(() => {
    const axis = valueAxis(bars.map((bar) => bar.monthlyUsd))
    const shown = axis.log ? bars.filter((bar) => bar.monthlyUsd > 0) : bars
    return {
      log: axis.log,
      data: shown.map((bar): DrawnBackendBar => ({ ...bar, fill: fillOf(bar) })),
      domain: axis.log ? axis.domain : LINEAR_DOMAIN,
      ticks: axis.log ? axis.ticks : undefined,
      style: chartStyle(Math.max(240, shown.length * 30)),
    }
  }, [bars])
  const stableDomain = useStableValues(domain)
  const stableTicks = useStableValues(ticks)
  // The chart's parts, made again only when an axis changes (see tradeoff-chart.tsx).
  const parts = useMemo(
    () => (
      <>
        <CartesianGrid horizontal={false} strokeOpacity={0.3} />
        {/* Narrow on a phone: Recharts still drops labels that would overlap (the default interval). */}
        <XAxis
          type="number"
          scale={log ? "log" : "auto"}
          domain={stableDomain}
          allowDataOverflow={log}
          ticks={stableTicks}
          tickFormatter={usdTick}
          tick={AxisTick}
        />
        {/* A long backend name wraps onto two lines. */}
        <YAxis type="category" dataKey="label" width={170} tick={CategoryTick} interval={0} />
        {tooltipWanted ? (
          <Tooltip
            formatter={costLine}
            contentStyle={TOOLTIP_CONTENT_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            separator={TOOLTIP_SEPARATOR}
          />
        ) : null}
        <Bar
          dataKey="monthlyUsd"
          shape={barShape}
          isAnimationActive={!reducedMotion}
          animationDuration={CHART_ANIMATION_MS}
          name="Cost per month"
        >
          <LabelList valueAccessor={barValueText} content={BarValue} />
        </Bar>
      </>
    ),
    [log, stableDomain, stableTicks, reducedMotion, tooltipWanted]
  )
  return (
    <div {...wantTooltip}>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={style}
        margin={MARGIN}
        title="Cost per month on each backend"
        desc="One bar per backend, cheapest first, yours highlighted; the arrow keys step through them. The table below holds the same figures with each price's date."
      >
        {parts}
      </BarChart>
    </div>
  )
})
