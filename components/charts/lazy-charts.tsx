"use client"

import dynamic from "next/dynamic"
import { memo, useEffect, useRef, useState, type ComponentProps, type ComponentType } from "react"

import { ChartBoundary } from "./chart-boundary"

// Charts load after first paint and only once they scroll near the viewport: the numbers and
// tables render on the server, and Recharts (its code and its drawing) stays off the critical
// path. Each placeholder keeps the chart's height, so nothing shifts. The height is a class, not
// a style attribute: the page's CSP allows no inline styles.
function Placeholder({ heightClass }: { heightClass: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-md bg-slate-100 motion-reduce:animate-none dark:bg-slate-900 ${heightClass}`}
    />
  )
}

/**
 * Draws `Chart` while its box is within 300 px of the viewport. Off screen it keeps its last
 * drawing and skips redraws (each Recharts redraw costs ~2 ms here); coming back near the
 * viewport redraws it with the current data, before it is in view. A placeholder holds the height
 * until the first drawing. A chart that fails says so in its box (ChartBoundary) rather than
 * taking the page down. Memoized: same props, no work.
 */
function whenVisible<P extends object>(Chart: ComponentType<P>, heightClass: string) {
  function VisibleChart(props: P) {
    const box = useRef<HTMLDivElement>(null)
    const [near, setNear] = useState(false)
    const [drawn, setDrawn] = useState<P | null>(null)
    // Derived state: near the viewport, the drawing follows the props.
    if (near && drawn !== props) setDrawn(props)
    useEffect(() => {
      const element = box.current
      if (!element) return
      const observer = new IntersectionObserver((entries) => setNear(entries.at(-1)?.isIntersecting ?? false), {
        rootMargin: "300px",
      })
      observer.observe(element)
      return () => observer.disconnect()
    }, [])
    return (
      <div ref={box}>
        {drawn ? (
          <ChartBoundary resetKey={drawn} heightClass={heightClass}>
            <Chart {...drawn} />
          </ChartBoundary>
        ) : (
          <Placeholder heightClass={heightClass} />
        )}
      </div>
    )
  }
  return memo(VisibleChart)
}

const TradeoffChart = dynamic(() => import("./tradeoff-chart").then((m) => m.TradeoffChart), {
  ssr: false,
  loading: () => <Placeholder heightClass="h-[300px]" />,
})
const StorageChart = dynamic(() => import("./storage-chart").then((m) => m.StorageChart), {
  ssr: false,
  loading: () => <Placeholder heightClass="h-[260px]" />,
})
const BackendChart = dynamic(() => import("./backend-chart").then((m) => m.BackendChart), {
  ssr: false,
  loading: () => <Placeholder heightClass="h-[330px]" />,
})

export const LazyTradeoffChart = whenVisible<ComponentProps<typeof TradeoffChart>>(TradeoffChart, "h-[300px]")
export const LazyStorageChart = whenVisible<ComponentProps<typeof StorageChart>>(StorageChart, "h-[260px]")
export const LazyBackendChart = whenVisible<ComponentProps<typeof BackendChart>>(BackendChart, "h-[330px]")
