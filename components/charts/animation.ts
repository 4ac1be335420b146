/**
 * How long a chart animates a change: a calculator redraws on every keystroke, so a short move
 * reads as the change and a long one as lag (Recharts' default is 1,500 ms for bars). Reduced
 * motion turns it off altogether (use-reduced-motion.ts).
 */
export const CHART_ANIMATION_MS = 300
