"use client"

import dynamic from "next/dynamic"

// Charts load after first paint: the numbers and tables render on the server, and Recharts
// stays off the critical path. Each placeholder keeps the chart's height, so nothing shifts.
// The height is a class, not a style attribute: the page's CSP allows no inline styles.
function placeholder(heightClass: string) {
  function ChartPlaceholder() {
    return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-100 motion-reduce:animate-none dark:bg-slate-900 ${heightClass}`} />
  }
  return ChartPlaceholder
}

export const LazyRateChart = dynamic(() => import("./rate-charts").then((m) => m.RateChart), {
  ssr: false,
  loading: placeholder("h-[248px]"),
})

export const LazyStorageChart = dynamic(() => import("./storage-chart").then((m) => m.StorageChart), {
  ssr: false,
  loading: placeholder("h-[260px]"),
})

export const LazyBackendChart = dynamic(() => import("./backend-chart").then((m) => m.BackendChart), {
  ssr: false,
  loading: placeholder("h-[330px]"),
})
