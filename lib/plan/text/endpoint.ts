/**
 * The question a plan asks when it exports traces to a host outside the user's network that is no
 * known vendor: on the page when a link set it, and in the Markdown export.
 *
 * @example
 * foreignEndpointQuestion("https://x.example:4317", "link")
 * //=> "This link exports your traces to https://x.example:4317. Is that endpoint yours? Traces carry user ids and request data: check it before you copy a config."
 */
export function foreignEndpointQuestion(otlpEndpoint: string, from: "link" | "plan"): string {
  return `This ${from} exports your traces to ${otlpEndpoint}. Is that endpoint yours? Traces carry user ids and request data: check it before you ${from === "link" ? "copy" : "apply"} a config.`
}
