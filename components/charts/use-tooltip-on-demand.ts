import { useState } from "react"

/**
 * Whether a chart needs its tooltip yet, and the handlers that say so. A mounted Recharts tooltip
 * recomputes its payload on every redraw (about a tenth of a bar chart's redraw here), so a chart
 * mounts it when the pointer first enters or the chart first takes focus, before any hover or
 * arrow key can ask for it, and keeps it from then on.
 *
 * @example
 * const [tooltipWanted, wantTooltip] = useTooltipOnDemand()
 * return <div {...wantTooltip}><BarChart>{tooltipWanted ? <Tooltip /> : null}</BarChart></div>
 */
export function useTooltipOnDemand(): [boolean, { onPointerEnter?: () => void; onFocus?: () => void }] {
  const [wanted, setWanted] = useState(false)
  if (wanted) return [true, {}]
  const want = () => setWanted(true)
  return [false, { onPointerEnter: want, onFocus: want }]
}
