"use client"

import dynamic from "next/dynamic"
import { useEffect, useRef, useState, type ComponentProps, type ComponentType } from "react"

// Charts load after first paint and only once they scroll near the viewport: the numbers and
// tables render on the server, and Recharts (its code and its drawing) stays off the critical
// path. Each placeholder keeps the chart's height, so nothing shifts. The height is a class, not
// a style attribute: the page's CSP allows no inline styles.
function Placeholder({ heightClass }: { heightClass: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-100 motion-reduce:animate-none dark:bg-slate-900 ${heightClass}`} />
}

/** Renders `Chart` once its box comes within 300 px of the viewport; a placeholder until then. */
function whenVisible<P extends object>(Chart: ComponentType<P>, heightClass: string) {
  function VisibleChart(props: P) {
    const box = useRef<HTMLDivElement>(null)
    const [visible, setVisible] = useState(false)
    useEffect(() => {
      const element = box.current
      if (!element || visible) return
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            setVisible(true)
            observer.disconnect()
          }
        },
        { rootMargin: "300px" }
      )
      observer.observe(element)
      return () => observer.disconnect()
    }, [visible])
    return <div ref={box}>{visible ? <Chart {...props} /> : <Placeholder heightClass={heightClass} />}</div>
  }
  return VisibleChart
}

const RateChart = dynamic(() => import("./rate-charts").then((m) => m.RateChart), {
  ssr: false,
  loading: () => <Placeholder heightClass="h-[248px]" />,
})
const StorageChart = dynamic(() => import("./storage-chart").then((m) => m.StorageChart), {
  ssr: false,
  loading: () => <Placeholder heightClass="h-[260px]" />,
})
const BackendChart = dynamic(() => import("./backend-chart").then((m) => m.BackendChart), {
  ssr: false,
  loading: () => <Placeholder heightClass="h-[330px]" />,
})

export const LazyRateChart = whenVisible<ComponentProps<typeof RateChart>>(RateChart, "h-[248px]")
export const LazyStorageChart = whenVisible<ComponentProps<typeof StorageChart>>(StorageChart, "h-[260px]")
export const LazyBackendChart = whenVisible<ComponentProps<typeof BackendChart>>(BackendChart, "h-[330px]")
