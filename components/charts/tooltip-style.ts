// The tooltip box every chart shares, built once (Recharts re-registers a tooltip whose props
// change identity). Dark text on Recharts' white box, whatever the bar's colour: the series
// colours are too light for text (about 3.7:1 on white). Long lines wrap instead of running past
// a phone's edge: at most 45 % of the window, because Recharts keeps a tooltip that fits on
// neither side of the pointer at the plot's left edge, and on a phone the backend chart's plot
// (right of its 170 px of labels) is about half the window wide.
export const TOOLTIP_CONTENT_STYLE = { color: "#0f172a", whiteSpace: "normal", maxWidth: "min(15rem, 45vw)" } as const
export const TOOLTIP_ITEM_STYLE = { color: "#0f172a" } as const
export const TOOLTIP_SEPARATOR = ": "
