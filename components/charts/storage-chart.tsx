"use client"

import { memo, useMemo } from "react"
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts"

import type { StoragePointLabelled } from "@/lib/charts"
import { formatBytes } from "@/lib/format"

import { AxisTick } from "./axis-tick"
import { TOOLTIP_CONTENT_STYLE, TOOLTIP_ITEM_STYLE, TOOLTIP_SEPARATOR } from "./tooltip-style"
import { useReducedMotion } from "./use-reduced-motion"
import { useTooltipOnDemand } from "./use-tooltip-on-demand"

// Built once: Recharts re-dispatches an axis, tooltip or reference line whenever one of its props
// changes identity, so only the data and the retention day change from plan to plan.
// The right margin fits half of the last day's label, which is centred on the chart's edge.
const MARGIN = { top: 8, right: 28, bottom: 8, left: 8 }
const CHART_STYLE = { width: "100%", height: 260 }
const X_DOMAIN: [number, string] = [0, "dataMax"]
const RETENTION_LABEL = { value: "retention", fill: "currentColor", fontSize: 11, position: "insideTopRight" } as const
const dayTick = (day: number) => `day ${day}`
const bytesTick = (bytes: number) => formatBytes(bytes)
const storedLine = (value: unknown) => [formatBytes(Number(value)), "Stored"] as [string, string]
const dayLabel = (day: unknown) => `Day ${String(day)}`

/** Bytes held day by day: growth to the retention plateau, then with traffic to the horizon. */
export const StorageChart = memo(function StorageChart({ points, retentionDay }: { points: StoragePointLabelled[]; retentionDay: number | null }) {
  const reducedMotion = useReducedMotion()
  const [tooltipWanted, wantTooltip] = useTooltipOnDemand()
  // The chart's parts, made again only when the retention day moves (see rate-charts.tsx).
  const parts = useMemo(
    () => (
      <>
        <CartesianGrid vertical={false} strokeOpacity={0.3} />
        {/* Five ticks on each axis, all drawn: none needs measuring. */}
        <XAxis dataKey="day" type="number" domain={X_DOMAIN} tickFormatter={dayTick} tick={AxisTick} interval={0} />
        <YAxis tickFormatter={bytesTick} tick={AxisTick} interval={0} width={72} />
        {tooltipWanted ? <Tooltip formatter={storedLine} labelFormatter={dayLabel} contentStyle={TOOLTIP_CONTENT_STYLE} itemStyle={TOOLTIP_ITEM_STYLE} separator={TOOLTIP_SEPARATOR} /> : null}
        {retentionDay === null ? null : (
          <ReferenceLine x={retentionDay} stroke="var(--color-chart-chosen)" strokeDasharray="4 4" label={RETENTION_LABEL} />
        )}
        <Area
          dataKey="bytes"
          type="linear"
          stroke="var(--color-chart-1)"
          fill="var(--color-chart-1)"
          fillOpacity={0.25}
          isAnimationActive={!reducedMotion}
          name="Stored"
        />
      </>
    ),
    [retentionDay, reducedMotion, tooltipWanted]
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
