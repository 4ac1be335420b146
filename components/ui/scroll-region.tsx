"use client"

import { useEffect, useRef, type ReactNode } from "react"

/**
 * The box of a table that can be wider than the screen. When it is, the box scrolls sideways,
 * shows a shadow at each edge that has more to see, and takes keyboard focus (named `label`) so
 * the arrow keys scroll it. A box that fits adds no Tab stop.
 *
 * The attributes are set on the element directly, not through React state: the first measurement
 * lands while the page is still hydrating, and a state update there made React finish hydrating
 * in one long task instead of in slices.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const measure = () => {
      // Inside a section the browser has not laid out yet (content-visibility: auto), reading sizes
      // would force that layout: wait until the section comes near, which resizes the box again.
      if (!element.checkVisibility({ contentVisibilityAuto: true })) return
      if (element.scrollWidth > element.clientWidth) {
        element.setAttribute("role", "region")
        element.setAttribute("aria-label", label)
        element.tabIndex = 0
      } else {
        element.removeAttribute("role")
        element.removeAttribute("aria-label")
        element.removeAttribute("tabindex")
      }
    }
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    if (element.firstElementChild) observer.observe(element.firstElementChild)
    return () => observer.disconnect()
  }, [label])
  return (
    <div
      ref={box}
      className="overflow-x-auto rounded-lg border border-slate-200 scroll-shadows focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:border-slate-800"
    >
      {children}
    </div>
  )
}
