"use client"

import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts"

import { logDomain, spansDecades, type RateBar } from "@/lib/charts"
import { formatBytes, formatCount, formatUsd } from "@/lib/format"

import { useReducedMotion } from "./use-reduced-motion"

interface Metric {
  key: "tracesPerDay" | "retainedBytes" | "monthlyUsd" | "tracesPerMinute" | "errorsKeptPerHour"
  title: string
  /** Full value with its unit, for tooltips. */
  format: (value: number) => string
  /** Short axis tick. */
  tick: (value: number) => string
}

const METRICS: Metric[] = [
  { key: "tracesPerDay", title: "Traces per day", format: (value) => `${formatCount(value)} traces/day`, tick: formatCount },
  { key: "retainedBytes", title: "Storage at retention", format: formatBytes, tick: formatBytes },
  {
    key: "monthlyUsd",
    title: "Cost per month",
    format: (value) => `${formatUsd(value)}/mo`,
    tick: (value) => (value >= 1000 ? `$${formatCount(value)}` : `$${Number(value.toPrecision(2))}`),
  },
  { key: "tracesPerMinute", title: "Traces kept per minute", format: (value) => `${formatCount(value)} traces/min`, tick: formatCount },
  { key: "errorsKeptPerHour", title: "Error traces kept per hour", format: (value) => `${formatCount(value)} errors/h`, tick: formatCount },
]

export type RateMetricKey = Metric["key"]

/** One metric at every standard rate; the plan's own rate in the accent colour. */
export function RateChart({ bars, metricKey }: { bars: RateBar[]; metricKey: RateMetricKey }) {
  const metric = METRICS.find((candidate) => candidate.key === metricKey) ?? METRICS[0]!
  const reducedMotion = useReducedMotion()
  const values = bars.map((bar) => bar[metric.key])
  const log = spansDecades(values)
  // A log axis cannot show 0 (e.g. $0 inside a free tier); such bars stay in the table.
  const data = log ? bars.filter((bar) => bar[metric.key] > 0) : bars
  return (
    <figure className="grid gap-1" data-testid={`rate-chart-${metric.key}`}>
      <figcaption className="text-sm font-medium">
        {metric.title}
        {log ? <span className="font-normal text-slate-600 dark:text-slate-400"> (log scale)</span> : null}
      </figcaption>
      <BarChart responsive data={data} style={{ width: "100%", height: 220 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid vertical={false} strokeOpacity={0.3} />
        <XAxis dataKey="label" tick={{ fill: "currentColor", fontSize: 11 }} interval={0} angle={-35} textAnchor="end" height={48} />
        <YAxis
          scale={log ? "log" : "auto"}
          domain={log ? logDomain(values) : [0, "auto"]}
          allowDataOverflow={false}
          tickFormatter={(value: number) => metric.tick(value)}
          tick={{ fill: "currentColor", fontSize: 11 }}
          width={56}
        />
        <Tooltip
          formatter={(value) => [metric.format(Number(value)), metric.title]}
          labelFormatter={(label) => `Rate ${String(label)}`}
          contentStyle={{ color: "#0f172a" }}
        />
        <Bar dataKey={metric.key} isAnimationActive={!reducedMotion} name={metric.title}>
          {data.map((bar) => (
            <Cell key={bar.label} fill={bar.chosen ? "var(--color-chart-chosen)" : "var(--color-chart-1)"} data-chosen={bar.chosen || undefined} />
          ))}
        </Bar>
      </BarChart>
    </figure>
  )
}

