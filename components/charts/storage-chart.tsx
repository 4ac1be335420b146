"use client"

import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts"

import type { StoragePointLabelled } from "@/lib/charts"
import { formatBytes } from "@/lib/format"

import { useReducedMotion } from "./use-reduced-motion"

/** Bytes held day by day: growth to the retention plateau, then with traffic to the horizon. */
export function StorageChart(props: { points: StoragePointLabelled[]; retentionDay: number }) {
  const reducedMotion = useReducedMotion()
  return (
    <AreaChart responsive data={props.points} style={{ width: "100%", height: 260 }} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid vertical={false} strokeOpacity={0.3} />
      <XAxis
        dataKey="day"
        type="number"
        domain={[0, "dataMax"]}
        tickFormatter={(day: number) => `day ${day}`}
        tick={{ fill: "currentColor", fontSize: 11 }}
      />
      <YAxis tickFormatter={(bytes: number) => formatBytes(bytes)} tick={{ fill: "currentColor", fontSize: 11 }} width={72} />
      <Tooltip
        formatter={(value) => [formatBytes(Number(value)), "Stored"]}
        labelFormatter={(day) => `Day ${String(day)}`}
        contentStyle={{ color: "#0f172a" }}
      />
      <ReferenceLine
        x={props.retentionDay}
        stroke="var(--color-chart-chosen)"
        strokeDasharray="4 4"
        label={{ value: "retention", fill: "currentColor", fontSize: 11, position: "insideTopRight" }}
      />
      <Area
        dataKey="bytes"
        type="linear"
        stroke="var(--color-chart-1)"
        fill="var(--color-chart-1)"
        fillOpacity={0.25}
        isAnimationActive={!reducedMotion}
        name="Stored"
      />
    </AreaChart>
  )
}
