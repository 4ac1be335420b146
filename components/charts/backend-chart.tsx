"use client"

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts"

import { logDomain, spansDecades, type BackendBar } from "@/lib/charts"
import { formatCount, formatUsd } from "@/lib/format"

import { useReducedMotion } from "./use-reduced-motion"

/** Every backend's monthly cost at the plan's rate, cheapest first, log scale when needed. */
export function BackendChart({ bars }: { bars: BackendBar[] }) {
  const reducedMotion = useReducedMotion()
  const log = spansDecades(bars.map((bar) => bar.monthlyUsd))
  const data = log ? bars.filter((bar) => bar.monthlyUsd > 0) : bars
  return (
    <BarChart
      responsive
      layout="vertical"
      data={data}
      style={{ width: "100%", height: Math.max(240, data.length * 30) }}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid horizontal={false} strokeOpacity={0.3} />
      <XAxis
        type="number"
        scale={log ? "log" : "auto"}
        domain={log ? logDomain(data.map((bar) => bar.monthlyUsd)) : [0, "auto"]}
        tickFormatter={(usd: number) => `$${formatCount(usd)}`}
        tick={{ fill: "currentColor", fontSize: 11 }}
      />
      <YAxis type="category" dataKey="label" width={170} tick={{ fill: "currentColor", fontSize: 11 }} interval={0} />
      <Tooltip
        formatter={(value, _name, item) => [`${formatUsd(Number(value))}/mo (price as of ${(item.payload as BackendBar).asOf})`, "Cost"]}
        contentStyle={{ color: "#0f172a" }}
      />
      <Bar dataKey="monthlyUsd" isAnimationActive={!reducedMotion} name="Cost per month">
        {data.map((bar) => (
          <Cell
            key={bar.id}
            fill={bar.chosen ? "var(--color-chart-chosen)" : bar.hosting === "saas" ? "var(--color-chart-2)" : "var(--color-chart-1)"}
          />
        ))}
      </Bar>
    </BarChart>
  )
}
