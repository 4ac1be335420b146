"use client"

import { useEffect, useRef, useState, type ReactNode } from "react"

/**
 * The box of a table that can be wider than the screen. When it is, the box scrolls sideways,
 * shows a shadow at each edge that has more to see, and takes keyboard focus (named `label`) so
 * the arrow keys scroll it. A box that fits adds no Tab stop.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  const [scrolls, setScrolls] = useState(false)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth)
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    if (element.firstElementChild) observer.observe(element.firstElementChild)
    return () => observer.disconnect()
  }, [])
  return (
    <div
      ref={box}
      role={scrolls ? "region" : undefined}
      aria-label={scrolls ? label : undefined}
      tabIndex={scrolls ? 0 : undefined}
      className="scroll-shadows overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:border-slate-800"
    >
      {children}
    </div>
  )
}
