"use client"

import { memo, useMemo } from "react"
import {
  CartesianGrid,
  DefaultZIndexes,
  ScatterChart,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
  ZIndexLayer,
} from "recharts"

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
const usdTick = (usd: number) => `$${formatCount(usd)}`
const SEEN_AXIS_LABEL = {
  errorsKeptPerHour: "Errors kept per hour",
  tracesPerMinute: "Traces kept per minute",
} as const
/** The limits' lines: amber-600, which reads on the light and the dark page alike. */
const LIMIT_STROKE = "#d97706"
/** A limit line's label: 11 px, 5 px inside the plot from the line (as Recharts' reference labels sit). */
const LIMIT_LABEL = { fill: "currentColor", fontSize: 11 } as const
const LABEL_INSET_PX = 5
/** From a label's top to its baseline at 11 px (Recharts: 0.71 em). */
const LABEL_ASCENT_PX = 8

/** A point as drawn: its rate or option in words (`label`), and the shorter words beside its dot (`chartLabel`). */
export type DrawnTradeoffPoint = TradeoffPoint & { label: string; chartLabel: string }

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

/** A point's circle, ringed when it is yours or recommended, with its label; drawn at (0, 0) and moved into place. */
function TradeoffDot({ point, label }: { point: DrawnTradeoffPoint; label: ReturnType<typeof labelPlace> }) {
  const fill = point.yours
    ? "var(--color-chart-chosen)"
    : point.target.kind === "option"
      ? "var(--color-chart-2)"
      : "var(--color-chart-1)"
  return (
    <>
      {point.recommended ? <circle r={10} fill="none" stroke="var(--color-chart-chosen)" strokeWidth={2} /> : null}
      <circle
        r={point.yours ? 7 : 5}
        fill={fill}
        stroke="currentColor"
        strokeOpacity={point.fitsBudget && point.fitsStorageCap ? 0 : 0.8}
      />
      {/* A wider, invisible target: a 10 px dot is hard to hit with a finger. */}
      <circle r={14} fill="transparent" />
      <text {...label} fontSize={11} fill="currentColor">
        {point.chartLabel}
      </text>
    </>
  )
}

/**
 * The points and the line through the rates, placed with the axes' own scales. Drawn here rather
 * than as a Recharts `Scatter`: a series puts its data in the chart's store, so every new plan
 * drew the chart twice (the props, then the store) and cost most of a keystroke's work; the axes'
 * domains and ticks come from lib/charts, so a new plan redraws these marks alone.
 */
function TradeoffMarks({
  tradeoff,
  points,
  onSelect,
  animate,
}: {
  tradeoff: Tradeoff
  points: DrawnTradeoffPoint[]
  onSelect: (point: TradeoffPoint) => void
  animate: boolean
}) {
  const x = useXAxisScale()
  const y = useYAxisScale()
  const area = usePlotArea()
  if (!x || !y || !area) return null
  const seen = points.map((point) => point.seen)
  const edges = { least: Math.min(...seen), most: Math.max(...seen) }
  const placed = points.flatMap((point) => {
    const cx = x(point.seen)
    const cy = y(point.monthlyUsd)
    return cx !== undefined && cy !== undefined && Number.isFinite(cx) && Number.isFinite(cy) ? [{ point, cx, cy }] : []
  })
  const line = placed
    .filter(({ point }) => point.target.kind === "rate")
    .map(({ cx, cy }, index) => `${index === 0 ? "M" : "L"}${cx},${cy}`)
    .join("")
  // A move of at most CHART_ANIMATION_MS, in CSS: nothing to run per frame in script.
  const moving = animate ? { transition: `transform ${CHART_ANIMATION_MS}ms ease-out` } : undefined
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <TradeoffLimits tradeoff={tradeoff} x={x} y={y} area={area} />
      <g className="tradeoff-marks">
        {line ? (
          <path
            d={line}
            fill="none"
            stroke="var(--color-chart-1)"
            strokeOpacity={0.4}
            style={animate ? { transition: `d ${CHART_ANIMATION_MS}ms ease-out` } : undefined}
          />
        ) : null}
        {placed.map(({ point, cx, cy }) => (
          <g
            key={point.key}
            data-testid="tradeoff-point"
            data-key={point.key}
            data-yours={point.yours || undefined}
            data-recommended={point.recommended || undefined}
            className="cursor-pointer"
            style={{ ...moving, transform: `translate(${cx}px, ${cy}px)` }}
            onClick={() => onSelect(point)}
          >
            <TradeoffDot point={point} label={labelPlace(point, 0, 0, edges)} />
          </g>
        ))}
      </g>
    </ZIndexLayer>
  )
}

type Scale = (value: number) => number | undefined
const at = (scale: Scale, value: number | null | undefined) => {
  const pixel = value == null ? undefined : scale(value)
  return pixel !== undefined && Number.isFinite(pixel) ? pixel : null
}

/**
 * The limits as lines across the plot: every error an hour brings (faint, dotted), the budget
 * (dashed) and where head rates reach the storage cap (dotted), each with its label inside the
 * plot. Drawn with the points, not as Recharts reference lines, for the same reason: the ceiling
 * and the cap move with every plan.
 */
function TradeoffLimits({
  tradeoff,
  x,
  y,
  area,
}: {
  tradeoff: Tradeoff
  x: Scale
  y: Scale
  area: { x: number; y: number; width: number; height: number }
}) {
  const top = area.y
  const bottom = area.y + area.height
  const left = area.x
  const right = area.x + area.width
  const ceilingX = at(x, tradeoff.ceiling)
  const budgetY = at(y, tradeoff.budgetUsdPerMonth)
  const cap = tradeoff.storageCap
  const capX = at(x, cap?.boundarySeen)
  return (
    <g className="tradeoff-limits">
      {ceilingX === null ? null : (
        <LimitLine
          testId="tradeoff-ceiling-line"
          ends={[ceilingX, top, ceilingX, bottom]}
          stroke="currentColor"
          strokeOpacity={0.4}
          dash="2 4"
          label={{ x: ceilingX - LABEL_INSET_PX, y: bottom - LABEL_INSET_PX, end: true, text: "every error" }}
        />
      )}
      {budgetY === null ? null : (
        <LimitLine
          testId="tradeoff-budget-line"
          ends={[left, budgetY, right, budgetY]}
          stroke={LIMIT_STROKE}
          dash="6 4"
          label={{
            x: left + LABEL_INSET_PX,
            y: budgetY + LABEL_INSET_PX + LABEL_ASCENT_PX,
            text: `budget ${formatUsd(tradeoff.budgetUsdPerMonth!)}/mo`,
          }}
        />
      )}
      {capX === null || !cap ? null : (
        <LimitLine
          testId="tradeoff-cap-line"
          ends={[capX, top, capX, bottom]}
          stroke={LIMIT_STROKE}
          dash="2 3"
          label={{
            x: capX - LABEL_INSET_PX,
            y: top + LABEL_INSET_PX + LABEL_ASCENT_PX,
            end: true,
            text: `storage cap ${formatBytes(cap.bytes)}`,
          }}
        />
      )}
    </g>
  )
}

/** One limit: a dashed line from (x1, y1) to (x2, y2) and its label, anchored at its start or end. */
function LimitLine({
  testId,
  ends: [x1, y1, x2, y2],
  stroke,
  strokeOpacity,
  dash,
  label,
}: {
  testId: string
  ends: [number, number, number, number]
  stroke: string
  strokeOpacity?: number
  dash: string
  label: { x: number; y: number; end?: boolean; text: string }
}) {
  return (
    <g>
      <line
        x1={x1}
        x2={x2}
        y1={y1}
        y2={y2}
        stroke={stroke}
        strokeOpacity={strokeOpacity}
        strokeDasharray={dash}
        data-testid={testId}
      />
      <text {...LIMIT_LABEL} x={label.x} y={label.y} textAnchor={label.end ? "end" : undefined}>
        {label.text}
      </text>
    </g>
  )
}

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
  // The same arrays while the values are the same, so the axes stay registered as they are.
  const usdDomain = useStableValues(usdAxis.domain)
  const usdTicks = useStableValues(usdAxis.ticks)
  const seenDomain = useStableValues(seenAxis.domain)
  const seenTicks = useStableValues(seenAxis.ticks)
  // Wide enough for the longest cost label ("$1 × 10⁻³⁰⁰" at 10⁻³¹⁰ req/s), so none is cut off.
  const usdAxisWidth = useMemo(() => Math.max(64, valueAxisWidth(usdTicks.map(usdTick))), [usdTicks])
  const seenLabel = SEEN_AXIS_LABEL[metric]
  const parts = useMemo(
    () => (
      <>
        <CartesianGrid strokeOpacity={0.3} />
        <XAxis
          type="number"
          dataKey="seen"
          name={seenLabel}
          scale={seenAxis.log ? "log" : "linear"}
          domain={seenDomain}
          ticks={seenTicks}
          interval={0}
          allowDataOverflow
          tickFormatter={formatCount}
          tick={AxisTick}
          label={{ value: seenLabel, position: "insideBottom", offset: -12, fontSize: 11, fill: "currentColor" }}
        />
        <YAxis
          type="number"
          dataKey="monthlyUsd"
          name="monthlyUsd"
          scale={usdAxis.log ? "log" : "linear"}
          domain={usdDomain}
          ticks={usdTicks}
          interval={0}
          allowDataOverflow
          tickFormatter={usdTick}
          tick={AxisTick}
          width={usdAxisWidth}
        />
      </>
    ),
    [seenLabel, seenAxis.log, usdAxis.log, seenDomain, seenTicks, usdDomain, usdTicks, usdAxisWidth]
  )
  return (
    <div aria-hidden="true" data-testid="tradeoff-drawing">
      <ScatterChart responsive style={CHART_STYLE} margin={MARGIN} accessibilityLayer={false}>
        {parts}
        <TradeoffMarks tradeoff={tradeoff} points={points} onSelect={onSelect} animate={!reducedMotion} />
      </ScatterChart>
    </div>
  )
})
