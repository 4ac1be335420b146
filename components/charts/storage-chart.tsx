"use client"

import { memo, useMemo, type SVGProps } from "react"
import {
  Area,
  AreaChart,
  AreaRevealShape,
  CartesianGrid,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type AreaRevealShapeProps,
} from "recharts"

import type { StoragePointLabelled } from "@/lib/charts"
import { formatBytes } from "@/lib/format"

import { AxisTick } from "./axis-tick"
import { TOOLTIP_CONTENT_STYLE, TOOLTIP_ITEM_STYLE, TOOLTIP_SEPARATOR } from "./tooltip-style"
import { CHART_ANIMATION_MS } from "./animation"
import { useReducedMotion } from "./use-reduced-motion"
import { useTooltipOnDemand } from "./use-tooltip-on-demand"

// Built once: Recharts re-dispatches an axis, tooltip or reference line whenever one of its props
// changes identity, so only the data and the retention day change from plan to plan.
// The right margin fits half of the last day's label, which is centred on the chart's edge.
const MARGIN = { top: 8, right: 28, bottom: 8, left: 8 }
const CHART_STYLE = { width: "100%", height: 260 }
// Beside the retention line, on the side with room: right of it in the chart's left half (left of
// it a line near day 0 would put the label on the axis), left of it in the right half.
const RETENTION_LABEL_RIGHT = {
  value: "retention",
  fill: "currentColor",
  fontSize: 11,
  position: "insideTopLeft",
} as const
const RETENTION_LABEL_LEFT = { ...RETENTION_LABEL_RIGHT, position: "insideTopRight" } as const
const bytesTick = (bytes: number) => formatBytes(bytes)
const storedLine = (value: unknown) => [formatBytes(Number(value)), "Stored"] as [string, string]
const dayLabel = (day: unknown) => `Day ${String(day)}`

/**
 * Recharts' own area (its fill and its outline, revealed left to right on entrance) in a group
 * tests can find by our test id, `storage-area`, rather than by Recharts' class names.
 */
function storageArea(props: AreaRevealShapeProps) {
  return (
    <g data-testid="storage-area">
      <AreaRevealShape {...props} />
    </g>
  )
}

/** The retention line as Recharts draws it (nothing while an end is not a finite number), with our test id. */
function retentionLine(props: SVGProps<SVGLineElement>) {
  const ends = [props.x1, props.y1, props.x2, props.y2]
  if (!ends.every((end) => typeof end === "number" && Number.isFinite(end))) return <g />
  return <line {...props} className="recharts-reference-line-line" data-testid="retention-line" />
}

/** Bytes held day by day: growth to the retention plateau, then with traffic to the horizon. */
export const StorageChart = memo(function StorageChart({
  points,
  retentionDay,
  monthTicks,
}: {
  points: StoragePointLabelled[]
  retentionDay: number | null
  /** The day axis's ticks at whole months (storageMonthTicks): the same array while the horizon is. */
  monthTicks: { day: number; label: string }[]
}) {
  const reducedMotion = useReducedMotion()
  const [tooltipWanted, wantTooltip] = useTooltipOnDemand()
  const lastDay = monthTicks.at(-1)?.day ?? 0
  // The day axis ends on the last point's day, given outright: Recharts reads a domain it does not
  // have to compute from the data as the same axis, so a new plan over the same horizon leaves the
  // day axis and its ticks alone.
  const horizonDay = points.at(-1)?.day ?? 0
  // The chart's parts, made again only when the retention day or the horizon moves (see tradeoff-chart.tsx).
  const parts = useMemo(
    () => (
      <>
        <CartesianGrid vertical={false} strokeOpacity={0.3} />
        {/* About five ticks on each axis, all drawn: none needs measuring. */}
        <XAxis
          dataKey="day"
          type="number"
          domain={[0, horizonDay]}
          allowDataOverflow
          ticks={monthTicks.map((tick) => tick.day)}
          tickFormatter={(day: number) => monthTicks.find((tick) => tick.day === day)?.label ?? `day ${day}`}
          tick={AxisTick}
          interval={0}
        />
        <YAxis tickFormatter={bytesTick} tick={AxisTick} interval={0} width={72} />
        {tooltipWanted ? (
          <Tooltip
            formatter={storedLine}
            labelFormatter={dayLabel}
            contentStyle={TOOLTIP_CONTENT_STYLE}
            itemStyle={TOOLTIP_ITEM_STYLE}
            separator={TOOLTIP_SEPARATOR}
          />
        ) : null}
        {retentionDay === null ? null : (
          <ReferenceLine
            x={retentionDay}
            stroke="var(--color-chart-chosen)"
            strokeDasharray="4 4"
            shape={retentionLine}
            label={retentionDay < lastDay / 2 ? RETENTION_LABEL_RIGHT : RETENTION_LABEL_LEFT}
          />
        )}
        <Area
          dataKey="bytes"
          type="linear"
          stroke="var(--color-chart-1)"
          fill="var(--color-chart-1)"
          fillOpacity={0.25}
          isAnimationActive={!reducedMotion}
          animationDuration={CHART_ANIMATION_MS}
          name="Stored"
          shape={storageArea}
        />
      </>
    ),
    [retentionDay, lastDay, horizonDay, monthTicks, reducedMotion, tooltipWanted]
  )
  return (
    <div {...wantTooltip}>
      <AreaChart
        responsive
        data={points}
        style={CHART_STYLE}
        margin={MARGIN}
        title="Storage held day by day"
        desc="Bytes stored from day 0 to the end of the horizon; the arrow keys step through the days. The table below holds the same figures by month."
      >
        {parts}
      </AreaChart>
    </div>
  )
})
