import type { BaseTickContentProps } from "recharts"

/**
 * One axis label as a plain SVG `<text>`, placed where Recharts' own `<Text>` would put a
 * one-line label. Recharts' `<Text>` measures every word in the DOM to wrap it whenever the axis
 * has a width, on every redraw; these labels are short and never wrap.
 */
export function AxisTick(props: BaseTickContentProps) {
  const { x, y, angle, textAnchor, verticalAnchor, payload, index, tickFormatter, className } = props
  const label = tickFormatter ? tickFormatter(payload.value, index) : String(payload.value)
  // Recharts' offsets for one line: the cap height below the tick ("start"), half of it beside ("middle").
  const dy = verticalAnchor === "start" ? "0.71em" : verticalAnchor === "middle" ? "0.355em" : undefined
  return (
    <text
      x={x}
      y={y}
      dy={dy}
      textAnchor={textAnchor}
      transform={angle ? `rotate(${angle}, ${x}, ${y})` : undefined}
      fill="currentColor"
      fontSize={11}
      className={className}
    >
      {label}
    </text>
  )
}
