"use client"

import dynamic from "next/dynamic"

// Charts load after first paint: the numbers and tables render on the server, and Recharts
// stays off the critical path. Each placeholder keeps the chart's height, so nothing shifts.
function placeholder(height: number) {
  function ChartPlaceholder() {
    return <div aria-hidden="true" className="animate-pulse rounded-md bg-slate-100 motion-reduce:animate-none dark:bg-slate-900" style={{ height }} />
  }
  return ChartPlaceholder
}

export const LazyRateChart = dynamic(() => import("./rate-charts").then((m) => m.RateChart), {
  ssr: false,
  loading: placeholder(248),
})

export const LazyStorageChart = dynamic(() => import("./storage-chart").then((m) => m.StorageChart), {
  ssr: false,
  loading: placeholder(260),
})

export const LazyBackendChart = dynamic(() => import("./backend-chart").then((m) => m.BackendChart), {
  ssr: false,
  loading: placeholder(330),
})
