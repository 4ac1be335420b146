import type { BaseTickContentProps } from "recharts"

import { wrapLabel } from "@/lib/charts"

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

/** Characters of an 11 px label that fit beside a 170 px category axis (about 6.2 px each, as valueAxisWidth counts). */
export const CATEGORY_TICK_CHARS = 25

/**
 * A category axis label (a backend's name) as a plain SVG `<text>`, wrapped by {@link wrapLabel}
 * into lines centred on its tick as Recharts' `<Text>` centres them. Recharts' own measures each
 * word in the DOM on every redraw, which cost more than the rest of a keystroke together.
 *
 * @example
 * <YAxis type="category" dataKey="label" width={170} tick={CategoryTick} />
 */
export function CategoryTick(props: BaseTickContentProps) {
  const { x, y, textAnchor, payload, className } = props
  const lines = wrapLabel(String(payload.value), CATEGORY_TICK_CHARS)
  // The block's middle on the tick: up half a line per extra line, down half the cap height.
  const firstDy = `${0.355 - (lines.length - 1) / 2}em`
  return (
    <text
      x={x}
      y={y}
      textAnchor={textAnchor}
      fill="currentColor"
      fontSize={11}
      className={className}
      data-testid="y-axis-tick"
    >
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? firstDy : "1em"}>
          {line}
        </tspan>
      ))}
    </text>
  )
}
