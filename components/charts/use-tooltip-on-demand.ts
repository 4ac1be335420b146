import { useState } from "react"

const MOUNTED = { "data-tooltip": "mounted" } as const

/**
 * Whether a chart needs its tooltip yet, and the handlers that say so. A mounted Recharts tooltip
 * recomputes its payload on every redraw (about a tenth of a bar chart's redraw here), so a chart
 * mounts it when the pointer first enters or the chart first takes focus, before any hover or
 * arrow key can ask for it, and keeps it from then on. Once mounted, the element the handlers
 * are spread on says so (`data-tooltip="mounted"`), for tests that must not move the pointer sooner.
 *
 * @example
 * const [tooltipWanted, wantTooltip] = useTooltipOnDemand()
 * return <div {...wantTooltip}><BarChart>{tooltipWanted ? <Tooltip /> : null}</BarChart></div>
 */
export function useTooltipOnDemand(): [
  boolean,
  { onPointerEnter?: () => void; onFocus?: () => void; "data-tooltip"?: "mounted" },
] {
  const [wanted, setWanted] = useState(false)
  if (wanted) return [true, MOUNTED]
  const want = () => setWanted(true)
  return [false, { onPointerEnter: want, onFocus: want }]
}
