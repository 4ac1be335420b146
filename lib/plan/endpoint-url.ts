// Where an OTLP endpoint URL points: host, port and path. Model knowledge (the lint reads the path
// of a gRPC endpoint) that the config writers also use, so it lives here, below both.

/**
 * The port an http(s) URL connects to: its explicit port, else 443 for https and 80 for http.
 *
 * @example
 * endpointPort("https://api.honeycomb.io") //=> 443
 * endpointPort("http://collector:4317")    //=> 4317
 */
export function endpointPort(endpoint: string): number {
  const url = new URL(endpoint)
  return Number(url.port || (url.protocol === "https:" ? 443 : 80))
}

/**
 * An OTLP endpoint as `host:port`, with no scheme and no path: the form Dapr's `otel.endpointAddress`
 * and the Go exporters' `WithEndpoint` take. The port is always written, defaulting by scheme.
 *
 * @example
 * endpointHostPort("http://otel-collector.observability.svc.cluster.local:4317")
 * //=> "otel-collector.observability.svc.cluster.local:4317"
 * endpointHostPort("https://api.honeycomb.io/") //=> "api.honeycomb.io:443"
 */
export function endpointHostPort(endpoint: string): string {
  return `${new URL(endpoint).hostname}:${endpointPort(endpoint)}`
}

/**
 * The path of an endpoint URL other than "/", which host:port consumers drop; "" when there is none.
 *
 * @example
 * endpointPath("https://otlp.example.com:4318/otlp") //=> "/otlp"
 * endpointPath("http://collector:4317")              //=> ""
 */
export function endpointPath(endpoint: string): string {
  const path = new URL(endpoint).pathname
  return path === "/" ? "" : path
}
