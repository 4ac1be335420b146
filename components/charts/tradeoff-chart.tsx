"use client"

import { memo, useMemo, type SVGProps } from "react"
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis } from "recharts"

import { valueAxisWidth, type Tradeoff, type TradeoffPoint } from "@/lib/charts"
import { formatBytes, formatCount, formatUsd } from "@/lib/format"

import { CHART_ANIMATION_MS } from "./animation"
import { AxisTick } from "./axis-tick"
import { useReducedMotion } from "./use-reduced-motion"
import { useStableValues } from "./use-stable-values"

// Built once: Recharts re-dispatches an axis or a line whenever one of its props changes
// identity, so a new plan changes the data (and the limits' numbers) only.
const MARGIN = { top: 16, right: 24, bottom: 20, left: 8 }
const CHART_STYLE = { width: "100%", height: 300 }
const LINEAR_DOMAIN: [number, string] = [0, "auto"]
const usdTick = (usd: number) => `$${formatCount(usd)}`
const SEEN_AXIS_LABEL = {
  errorsKeptPerHour: "Errors kept per hour",
  tracesPerMinute: "Traces kept per minute",
} as const
/** The limits' lines: amber-600, which reads on the light and the dark page alike. */
const LIMIT_STROKE = "#d97706"
const LIMIT_LABEL = { fill: "currentColor", fontSize: 11, position: "insideTopLeft" } as const

/** A point as drawn: its rate or option in words, for the label beside it. */
export type DrawnTradeoffPoint = TradeoffPoint & { label: string }

/**
 * Where a point's label goes: above it, centred; leaning right at the left edge and left at the
 * right edge; an option (tail sampling, usually on the "every error" line beside 100 %) below-left.
 */
function labelPlace(point: TradeoffPoint, x: number, y: number, edges: { least: number; most: number }) {
  if (point.target.kind === "option") return { x: x - 10, y: y + 16, textAnchor: "end" as const }
  if (point.seen <= edges.least) return { x: x - 6, y: y - 12, textAnchor: "start" as const }
  if (point.seen >= edges.most) return { x: x + 6, y: y - 12, textAnchor: "end" as const }
  return { x, y: y - 12, textAnchor: "middle" as const }
}

/** A reference line as Recharts draws it (nothing while an end is not finite), with our test id. */
function limitLine(testId: string) {
  return function LimitLine(props: SVGProps<SVGLineElement>) {
    const ends = [props.x1, props.y1, props.x2, props.y2]
    if (!ends.every((end) => typeof end === "number" && Number.isFinite(end))) return <g />
    return <line {...props} className="recharts-reference-line-line" data-testid={testId} />
  }
}
const budgetLine = limitLine("tradeoff-budget-line")
const capLine = limitLine("tradeoff-cap-line")
const ceilingLine = limitLine("tradeoff-ceiling-line")

/**
 * Every setting's whole bill against what it lets you see, with the budget and the storage cap as
 * lines, yours and the recommended one marked, each point labelled with its rate. Pointer only:
 * the buttons under the chart (in comparison-table.tsx) are the same points with their figures,
 * for the keyboard and screen readers, so the drawing is hidden from them and needs no tooltip.
 * Choosing a point calls `onSelect` with it.
 */
export const TradeoffChart = memo(function TradeoffChart({
  tradeoff,
  points,
  onSelect,
}: {
  tradeoff: Tradeoff
  points: DrawnTradeoffPoint[]
  onSelect: (point: TradeoffPoint) => void
}) {
  const reducedMotion = useReducedMotion()
  const { usdAxis, seenAxis, metric } = tradeoff
  const rates = useMemo(() => points.filter((point) => point.target.kind === "rate"), [points])
  const options = useMemo(() => points.filter((point) => point.target.kind === "option"), [points])
  const stableUsdDomain = useStableValues(usdAxis.log ? usdAxis.domain : LINEAR_DOMAIN)
  const stableUsdTicks = useStableValues(usdAxis.log ? usdAxis.ticks : undefined)
  const stableSeenDomain = useStableValues(seenAxis.log ? seenAxis.domain : LINEAR_DOMAIN)
  const stableSeenTicks = useStableValues(seenAxis.log ? seenAxis.ticks : undefined)
  // Wide enough for the longest cost label ("$1 × 10⁻³⁰⁰" at 10⁻³¹⁰ req/s), so none is cut off.
  const usdAxisWidth = useMemo(() => Math.max(64, valueAxisWidth(stableUsdTicks?.map(usdTick) ?? [])), [stableUsdTicks])
  // The least and the most a point sees: their labels lean inwards, so the plot's edge cuts none.
  const edges = useMemo(() => {
    const seen = points.map((point) => point.seen)
    return { least: Math.min(...seen), most: Math.max(...seen) }
  }, [points])
  // One shape per chart: a point's circle, ringed when it is yours or recommended, with its label.
  const shape = useMemo(
    () =>
      function TradeoffDot(props: { cx?: number; cy?: number; payload?: DrawnTradeoffPoint }) {
        const { cx, cy, payload } = props
        if (!payload || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g />
        const x = cx!
        const y = cy!
        const fill = payload.yours
          ? "var(--color-chart-chosen)"
          : payload.target.kind === "option"
            ? "var(--color-chart-2)"
            : "var(--color-chart-1)"
        return (
          <g
            data-testid="tradeoff-point"
            data-key={payload.key}
            data-yours={payload.yours || undefined}
            data-recommended={payload.recommended || undefined}
            className="cursor-pointer"
            onClick={() => onSelect(payload)}
          >
            {payload.recommended ? (
              <circle cx={x} cy={y} r={10} fill="none" stroke="var(--color-chart-chosen)" strokeWidth={2} />
            ) : null}
            <circle
              cx={x}
              cy={y}
              r={payload.yours ? 7 : 5}
              fill={fill}
              stroke="currentColor"
              strokeOpacity={payload.fitsBudget && payload.fitsStorageCap ? 0 : 0.8}
            />
            {/* A wider, invisible target: a 10 px dot is hard to hit with a finger. */}
            <circle cx={x} cy={y} r={14} fill="transparent" />
            <text {...labelPlace(payload, x, y, edges)} fontSize={11} fill="currentColor">
              {payload.label}
            </text>
          </g>
        )
      },
    [onSelect, edges]
  )
  const seenLabel = SEEN_AXIS_LABEL[metric]
  const parts = useMemo(
    () => (
      <>
        <CartesianGrid strokeOpacity={0.3} />
        <XAxis
          type="number"
          dataKey="seen"
          name={seenLabel}
          scale={seenAxis.log ? "log" : "auto"}
          domain={stableSeenDomain}
          ticks={stableSeenTicks}
          interval={0}
          allowDataOverflow={seenAxis.log}
          tickFormatter={formatCount}
          tick={AxisTick}
          label={{ value: seenLabel, position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
        />
        <YAxis
          type="number"
          dataKey="monthlyUsd"
          name="monthlyUsd"
          scale={usdAxis.log ? "log" : "auto"}
          domain={stableUsdDomain}
          ticks={stableUsdTicks}
          interval={0}
          allowDataOverflow={usdAxis.log}
          tickFormatter={usdTick}
          tick={AxisTick}
          width={usdAxisWidth}
        />
        {tradeoff.ceiling === null ? null : (
          <ReferenceLine
            x={tradeoff.ceiling}
            stroke="currentColor"
            strokeOpacity={0.4}
            strokeDasharray="2 4"
            shape={ceilingLine}
            label={{ ...LIMIT_LABEL, value: "every error", position: "insideBottomRight" }}
          />
        )}
        {tradeoff.budgetUsdPerMonth === null ? null : (
          <ReferenceLine
            y={tradeoff.budgetUsdPerMonth}
            stroke={LIMIT_STROKE}
            strokeDasharray="6 4"
            shape={budgetLine}
            label={{ ...LIMIT_LABEL, value: `budget ${formatUsd(tradeoff.budgetUsdPerMonth)}/mo` }}
          />
        )}
        {tradeoff.storageCap?.boundarySeen == null ? null : (
          <ReferenceLine
            x={tradeoff.storageCap.boundarySeen}
            stroke={LIMIT_STROKE}
            strokeDasharray="2 3"
            shape={capLine}
            label={{
              ...LIMIT_LABEL,
              value: `storage cap ${formatBytes(tradeoff.storageCap.bytes)}`,
              position: "insideTopRight",
            }}
          />
        )}
        <Scatter
          name="Head sampling rates"
          data={rates}
          line={{ stroke: "var(--color-chart-1)", strokeOpacity: 0.4 }}
          shape={shape}
          isAnimationActive={!reducedMotion}
          animationDuration={CHART_ANIMATION_MS}
        />
        {options.length > 0 ? (
          <Scatter
            name="Options"
            data={options}
            shape={shape}
            isAnimationActive={!reducedMotion}
            animationDuration={CHART_ANIMATION_MS}
          />
        ) : null}
      </>
    ),
    [
      rates,
      options,
      shape,
      seenLabel,
      seenAxis.log,
      usdAxis.log,
      stableSeenDomain,
      stableSeenTicks,
      stableUsdDomain,
      stableUsdTicks,
      usdAxisWidth,
      tradeoff.ceiling,
      tradeoff.budgetUsdPerMonth,
      tradeoff.storageCap,
      reducedMotion,
    ]
  )
  return (
    <div aria-hidden="true" data-testid="tradeoff-drawing">
      <ScatterChart responsive style={CHART_STYLE} margin={MARGIN} accessibilityLayer={false}>
        {parts}
      </ScatterChart>
    </div>
  )
})
