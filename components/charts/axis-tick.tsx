import type { BaseTickContentProps } from "recharts"

/**
 * One axis label as a plain SVG `<text>`, placed where Recharts' own `<Text>` would put a
 * one-line label. Recharts' `<Text>` measures every word in the DOM to wrap it whenever the axis
 * has a width, on every redraw; these labels are short and never wrap. Tests find a label by its
 * axis: `x-axis-tick` or `y-axis-tick`.
 *
 * @example
 * <YAxis tick={AxisTick} tickFormatter={formatBytes} /> // <text data-testid="y-axis-tick" …>1 GB</text>
 */
export function AxisTick(props: BaseTickContentProps & { orientation?: string }) {
  const { x, y, angle, textAnchor, verticalAnchor, payload, index, tickFormatter, className, orientation } = props
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
      // Recharts hands a y axis "left" or "right", an x axis "top" or "bottom".
      data-testid={orientation === "left" || orientation === "right" ? "y-axis-tick" : "x-axis-tick"}
    >
      {label}
    </text>
  )
}
