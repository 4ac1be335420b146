import { BACKEND_IDS, type BackendId } from "@/lib/plan/backends"
import type { PlanInput } from "@/lib/plan/fields"

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

let receiverHosts: Set<string> | undefined
/** The hosts in {@link BACKEND_OTLP_RECEIVERS}, parsed on first use rather than while the page's code loads. */
function receiverHostSet(): Set<string> {
  receiverHosts ??= new Set(BACKEND_IDS.map((id) => BACKEND_OTLP_RECEIVERS[id]).flatMap((endpoint) => hostOf(endpoint ?? "") ?? []))
  return receiverHosts
}

/**
 * Whether an OTLP endpoint looks like a trace backend's own receiver rather than a Collector: a
 * host the Collector config exports to, or one named for Jaeger or Tempo. Apps that send there
 * bypass the Collector, and with it tail sampling.
 *
 * @example
 * isBackendReceiver("http://jaeger-collector.monitoring.svc.cluster.local:4317") //=> true
 * isBackendReceiver("http://otel-collector.observability.svc.cluster.local:4317") //=> false
 */
export function isBackendReceiver(otlpEndpoint: string): boolean {
  const host = hostOf(otlpEndpoint)
  if (host === undefined) return false
  return receiverHostSet().has(host) || /jaeger|tempo/.test(host.split(".")[0]!)
}
