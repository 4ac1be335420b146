// The tooltip box every chart shares, built once (Recharts re-registers a tooltip whose props
// change identity). Dark text on Recharts' white box, whatever the bar's colour: the series
// colours are too light for text (about 3.7:1 on white). Long lines wrap instead of running past
// a phone's edge.
export const TOOLTIP_CONTENT_STYLE = { color: "#0f172a", whiteSpace: "normal", maxWidth: "15rem" } as const
export const TOOLTIP_ITEM_STYLE = { color: "#0f172a" } as const
export const TOOLTIP_SEPARATOR = ": "
