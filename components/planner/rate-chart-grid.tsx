import { useMemo } from "react"

import { rateBars } from "@/lib/charts"
import type { Plan } from "@/lib/plan/build-plan"

import { LazyRateChart } from "../charts/lazy-charts"
import type { RateMetricKey } from "../charts/rate-charts"

/** One lazily drawn chart per metric, side by side, each cell holding its height before it loads. */
export function RateChartGrid({
  plan,
  metrics,
  testId,
  className,
}: {
  plan: Plan
  metrics: RateMetricKey[]
  testId: string
  className: string
}) {
  // Same plan, same bars array: the memoized charts skip renders that do not change the plan.
  const bars = useMemo(() => rateBars(plan), [plan])
  return (
    <div className={`grid gap-4 ${className}`} data-testid={testId}>
      {metrics.map((metricKey) => (
        <div key={metricKey} className="min-h-[248px] min-w-0">
          <LazyRateChart bars={bars} metricKey={metricKey} />
        </div>
      ))}
    </div>
  )
}
