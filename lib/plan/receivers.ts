import { BACKEND_IDS, type BackendId } from "./backends"
import type { PlanInput } from "./fields"

/** Namespace of the Collector Services the configs name. */
export const COLLECTOR_NAMESPACE = "observability"

/**
 * The OTLP address the Collector config exports to for each backend that receives OTLP (the
 * others are written by a contrib exporter). Placeholders the snippet's caveats say to replace.
 */
export const BACKEND_OTLP_RECEIVERS: Partial<Record<BackendId, string>> = {
  tempo: "tempo-distributor.tempo.svc.cluster.local:4317",
  "jaeger-elasticsearch": "jaeger-collector.monitoring.svc.cluster.local:4317",
  "jaeger-cassandra": "jaeger-collector.monitoring.svc.cluster.local:4317",
  "jaeger-badger": "jaeger-collector.monitoring.svc.cluster.local:4317",
  datadog: "datadog-agent.datadog.svc.cluster.local:4317",
  "grafana-cloud": "tempo-<region>.grafana.net:443",
  honeycomb: "api.honeycomb.io:443",
  "new-relic": "otlp.nr-data.net:4317",
}

/**
 * The Collector's in-cluster OTLP address for the apps, on the protocol's port.
 *
 * @example
 * collectorEndpoint("grpc")          //=> "http://otel-collector.observability.svc.cluster.local:4317"
 * collectorEndpoint("http/protobuf") //=> "http://otel-collector.observability.svc.cluster.local:4318"
 */
export function collectorEndpoint(protocol: PlanInput["protocol"]): string {
  return `http://otel-collector.${COLLECTOR_NAMESPACE}.svc.cluster.local:${protocol === "grpc" ? 4317 : 4318}`
}

/** The host of an endpoint written with or without a scheme; undefined when it has none. */
function hostOf(endpoint: string): string | undefined {
  try {
    return new URL(endpoint.includes("://") ? endpoint : `http://${endpoint}`).hostname || undefined
  } catch {
    return undefined
  }
}

let receiversByHost: Map<string, BackendId[]> | undefined
/** The backends behind each host in {@link BACKEND_OTLP_RECEIVERS}, parsed on first use rather than while the page's code loads. */
function receiverHostMap(): Map<string, BackendId[]> {
  if (receiversByHost) return receiversByHost
  receiversByHost = new Map()
  for (const id of BACKEND_IDS) {
    const host = hostOf(BACKEND_OTLP_RECEIVERS[id] ?? "")
    if (host !== undefined) receiversByHost.set(host, [...(receiversByHost.get(host) ?? []), id])
  }
  return receiversByHost
}

/** Domains of the SaaS OTLP intakes: Grafana Cloud's hosts are per region (tempo-prod-04-….grafana.net). */
const SAAS_DOMAINS: [string, BackendId][] = [
  ["grafana.net", "grafana-cloud"],
  ["honeycomb.io", "honeycomb"],
  ["nr-data.net", "new-relic"],
  // Datadog's OTLP intake per site (otlp.datadoghq.com, otlp.datadoghq.eu, …).
  ["datadoghq.com", "datadog"],
  ["datadoghq.eu", "datadog"],
  ["ddog-gov.com", "datadog"],
]

const JAEGER_BACKENDS: BackendId[] = ["jaeger-elasticsearch", "jaeger-cassandra", "jaeger-badger"]

/**
 * The backends whose own OTLP receiver an endpoint looks like: a host the Collector config exports
 * to, or one named for Jaeger or Tempo. Empty for anything else, such as a Collector.
 *
 * @example
 * backendsReceivingAt("http://jaeger-collector.monitoring.svc.cluster.local:4317") //=> ["jaeger-elasticsearch", "jaeger-cassandra", "jaeger-badger"]
 * backendsReceivingAt("http://my-tempo.tracing:4317")                             //=> ["tempo"]
 * backendsReceivingAt("http://otel-collector.observability.svc.cluster.local:4317") //=> []
 */
export function backendsReceivingAt(otlpEndpoint: string): BackendId[] {
  const host = hostOf(otlpEndpoint)
  if (host === undefined) return []
  const known = receiverHostMap().get(host)
  if (known) return known
  const saas = SAAS_DOMAINS.find(([domain]) => host === domain || host.endsWith(`.${domain}`))
  if (saas) return [saas[1]]
  const name = host.split(".")[0]!
  if (name.includes("jaeger")) return JAEGER_BACKENDS
  if (name.includes("tempo")) return ["tempo"]
  return []
}

/**
 * Whether an OTLP endpoint looks like a Jaeger collector (any of Jaeger's storages).
 *
 * @example
 * looksLikeJaeger("http://jaeger-collector.monitoring.svc.cluster.local:4317") //=> true
 * looksLikeJaeger("http://otel-collector.observability.svc.cluster.local:4317") //=> false
 */
export function looksLikeJaeger(otlpEndpoint: string): boolean {
  return backendsReceivingAt(otlpEndpoint).some((id) => JAEGER_BACKENDS.includes(id))
}

/**
 * Whether an OTLP endpoint looks like a trace backend's own receiver rather than a Collector.
 * Apps that send there bypass the Collector, and with it tail sampling.
 *
 * @example
 * isBackendReceiver("http://jaeger-collector.monitoring.svc.cluster.local:4317") //=> true
 * isBackendReceiver("http://otel-collector.observability.svc.cluster.local:4317") //=> false
 */
export function isBackendReceiver(otlpEndpoint: string): boolean {
  return backendsReceivingAt(otlpEndpoint).length > 0
}

/** Hosts that stay inside the user's own network: Kubernetes Service names, loopback, private ranges. */
function isOwnNetworkHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true
  // A name without a dot is resolved inside the cluster or the Compose network.
  if (!host.includes(".") && !host.includes(":")) return true
  if (/\.(svc|svc\.cluster\.local|cluster\.local|local|internal)$/.test(host)) return true
  const ip = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host)
  if (ip) {
    const [a, b] = [Number(ip[1]), Number(ip[2])]
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
  }
  return host === "[::1]"
}

/**
 * The host a plan exports traces to when it is neither inside the user's own network (a Service
 * name, loopback, a private address) nor a trace vendor's known intake; undefined otherwise. A
 * shared link can set the endpoint, and whoever copies its configs sends their traces (user ids,
 * request data) there, so the page and the exports ask whether it is theirs.
 *
 * @example
 * foreignExportHost(DEFAULT_INPUT)                                                  //=> undefined
 * foreignExportHost({ ...DEFAULT_INPUT, otlpEndpoint: "https://api.honeycomb.io:443" }) //=> undefined
 * foreignExportHost({ ...DEFAULT_INPUT, otlpEndpoint: "https://x.example:4317" })   //=> "x.example"
 */
export function foreignExportHost(input: Pick<PlanInput, "otlpEndpoint">): string | undefined {
  const host = hostOf(input.otlpEndpoint)
  if (host === undefined || isOwnNetworkHost(host)) return undefined
  if (receiverHostMap().has(host)) return undefined
  if (SAAS_DOMAINS.some(([domain]) => host === domain || host.endsWith(`.${domain}`))) return undefined
  return host
}
