import { BACKEND_OTLP_RECEIVERS, backendsReceivingAt, collectorEndpoint, isBackendReceiver } from "./receivers"
import { countOf, formatBytes, formatCount, formatInteger, formatPercent } from "@/lib/format"

import { BACKENDS } from "./backends"
import { endpointPath } from "./endpoint-url"
import { figuresFor } from "./figures"
import { probeRequestsPerDay } from "./probes"
import { daprDecides, ENV_SAMPLER_SUPPORT, SAMPLER_INFO } from "./samplers"
import type { PlanInput } from "./fields"
import { tailSizingFor } from "./tail"
import { tempoFigures } from "./tempo"

/** One inconsistency in the setup, and how to fix it. */
export interface LintWarning {
  id:
    | "fragmented-traces"
    | "downstream-not-parent-based"
    | "dapr-disables-tracing"
    | "rates-do-not-multiply"
    | "dapr-rate-unused"
    | "sampler-unsupported"
    | "tail-keeps-nothing"
    | "tail-needs-load-balancing"
    | "tail-after-head-sampling"
    | "tail-bypassed"
    | "endpoint-other-backend"
    | "grpc-endpoint-path"
    | "health-checks-traced"
    | "tempo-ingest-limit"
  severity: "error" | "warning" | "info"
  message: string
  fix: string
}

/** A receiver's host:port as an endpoint the form takes: https on 443, http otherwise. */
function withScheme(hostPort: string): string {
  return `${hostPort.endsWith(":443") ? "https" : "http"}://${hostPort}`
}

/**
 * Inconsistencies across the sampler, Dapr, the request path and the Collector, each with a fix.
 *
 * @example
 * lintPlan({ ...DEFAULT_INPUT, sampler: "traceidratio" }).map((w) => w.id) //=> ["fragmented-traces"]
 */
export function lintPlan(input: PlanInput): LintWarning[] {
  const warnings: LintWarning[] = []
  const sampler = SAMPLER_INFO[input.sampler]
  const services = input.topology?.length ?? 1
  // A sidecar the requests enter through decides before the app; one they bypass follows the app.
  const hasUpstream = daprDecides(input) || services > 1
  const upstreamWhat = daprDecides(input) ? "behind a Dapr sidecar" : `on a ${services}-service path`

  if (input.sampler === "traceidratio" && hasUpstream) {
    warnings.push({
      id: "fragmented-traces",
      severity: "error",
      message: `Plain traceidratio ${upstreamWhat} ignores the upstream decision, and each SDK (and Dapr's Go SDK) hashes trace ids differently: traces break into fragments.`,
      fix: "Use parentbased_traceidratio in every service so downstream services follow the root's decision.",
    })
  } else if (!sampler.parentBased && input.sampler !== "always_off" && hasUpstream) {
    warnings.push({
      id: "downstream-not-parent-based",
      severity: "warning",
      message: `${input.sampler} ${upstreamWhat} ignores the upstream decision: the service records spans of traces the root dropped.`,
      fix: `Use the parent-based form (${input.sampler === "always_on" ? "parentbased_always_on" : "parentbased_jaeger_remote"}).`,
    })
  }

  if (input.daprEnabled && input.daprSamplingRate === 0) {
    warnings.push({
      id: "dapr-disables-tracing",
      severity: "error",
      message:
        'Dapr samplingRate "0" turns tracing off in the sidecar: it starts no traces, exports nothing, and requests entering through it are never traced.',
      fix: 'Set samplingRate to the rate you want, e.g. "0.1"; to sample only in the app, keep Dapr at "1" and let the app decide.',
    })
  }

  const ratesDiffer =
    input.daprEnabled &&
    sampler.parentBased &&
    sampler.basis === "ratio" &&
    input.daprSamplingRate !== input.ratio &&
    input.daprSamplingRate > 0
  if (ratesDiffer && !daprDecides(input)) {
    warnings.push({
      id: "dapr-rate-unused",
      severity: "info",
      message: `Requests reach the app without passing its Dapr sidecar, so the app's ${formatPercent(input.ratio)} starts the traces and Dapr follows each decision through traceparent. Dapr's ${formatPercent(input.daprSamplingRate)} applies only to calls that reach the sidecar with no trace context. The figures use the app's ${formatPercent(input.ratio)}.`,
      fix: "Set Dapr's samplingRate to the app's rate, so nobody reads it as the rate in force; or, if requests do enter through Dapr, tick \"Requests enter through Dapr\".",
    })
  }
  if (ratesDiffer && daprDecides(input)) {
    warnings.push({
      id: "rates-do-not-multiply",
      severity: "info",
      message: `Dapr (${formatPercent(input.daprSamplingRate)}) and the app (${formatPercent(input.ratio)}) do not multiply: Dapr is ParentBased and decides for requests entering through it; the parent-based app follows via traceparent. Its own ${formatPercent(input.ratio)} applies only to traces the app starts itself. The figures use Dapr's ${formatPercent(input.daprSamplingRate)}.`,
      fix: "Set both to the rate you mean, so nobody reads them as a product.",
    })
  }

  const support = ENV_SAMPLER_SUPPORT[input.language]
  if (!support.supported.includes(input.sampler)) {
    warnings.push({
      id: "sampler-unsupported",
      severity: "error",
      message: `OTEL_TRACES_SAMPLER=${input.sampler} with ${input.language}: ${support.otherwise}.${
        support.fallback && daprDecides(input)
          ? ` Behind Dapr that fallback follows the sidecar's decision, so the figures use Dapr's ${formatPercent(input.daprSamplingRate)}.`
          : ""
      }`,
      fix: `Use parentbased_traceidratio with the rate you expect, or configure that sampler in code: ${support.fallback ? `the figures use what the SDK runs, ${support.fallback}` : "the figures assume it samples as set"}.`,
    })
  }

  if (input.tailSampling && isBackendReceiver(input.otlpEndpoint)) {
    warnings.push({
      id: "tail-bypassed",
      severity: "error",
      message: `Tail sampling is on, but the apps${input.daprEnabled ? " and Dapr" : ""} send to ${input.otlpEndpoint}, which looks like a backend's own intake rather than a Collector: their spans would skip the Collector, and nothing would be tail-sampled.`,
      fix: `Set the OTLP endpoint to the Collector's Service, e.g. ${collectorEndpoint(input.protocol)}; the Collector exports to the backend.`,
    })
  }

  const receivers = backendsReceivingAt(input.otlpEndpoint)
  if (!input.tailSampling && receivers.length > 0 && !receivers.includes(input.backend)) {
    const priced = BACKENDS[input.backend].label
    const there = receivers.every((id) => id.startsWith("jaeger-"))
      ? "Jaeger's collector"
      : `${BACKENDS[receivers[0]!].label}'s intake`
    const own = BACKEND_OTLP_RECEIVERS[input.backend]
    warnings.push({
      id: "endpoint-other-backend",
      severity: "warning",
      message: `The apps${input.daprEnabled ? " and Dapr" : ""} send to ${input.otlpEndpoint}, which looks like ${there}, while the figures price ${priced}: spans are stored, and billed, where the endpoint points.`,
      fix: `Choose the backend you run in the form, or send to ${own ? `${priced} (${withScheme(own)}) or to ` : ""}the Collector (${collectorEndpoint(input.protocol)}), which exports to ${priced}.`,
    })
  }

  const path = endpointPath(input.otlpEndpoint)
  if (input.protocol === "grpc" && path) {
    const url = new URL(input.otlpEndpoint)
    warnings.push({
      id: "grpc-endpoint-path",
      severity: "warning",
      message: `OTLP over gRPC has no URL path: the SDKs${input.daprEnabled ? " and Dapr" : ""} ignore ${path} in ${input.otlpEndpoint} and call ${url.host}. A receiver behind a path-based proxy never gets the spans.`,
      fix: `Drop the path (${url.origin}), or choose http/protobuf if the receiver is reached through a path.`,
    })
  }

  if (input.tailSampling && !input.tailKeepErrors && !input.tailKeepSlow && input.tailBaselinePercent === 0) {
    warnings.push({
      id: "tail-keeps-nothing",
      severity: "warning",
      message:
        "Tail sampling keeps nothing: no error policy, no slow-trace policy and a 0 % baseline, so the Collector drops every trace.",
      fix: "Keep errors or slow traces, or set a baseline above 0 %.",
    })
  }

  if (input.tailSampling) {
    const { headProbability } = figuresFor(input)
    const sizing = tailSizingFor(input, headProbability)
    if (sizing.needsLoadBalancing) {
      warnings.push({
        id: "tail-needs-load-balancing",
        severity: "info",
        message: `Tail sampling at ${formatCount(sizing.spansPerSecondIn)} spans/s needs ${formatInteger(sizing.replicas)} Collector replicas, and every span of a trace must reach the same one; without routing by trace id, decisions are made on partial traces. The Collector config has both tiers.`,
        fix: `Deploy both: ${countOf(sizing.loadBalancerReplicas, "Collector", formatInteger)} with the loadbalancing exporter (routing_key: traceID) in front of the ${formatInteger(sizing.replicas)} tail-sampling replicas.`,
      })
    }
    if (headProbability < 1) {
      warnings.push({
        id: "tail-after-head-sampling",
        severity: "warning",
        message: `The tail sampler only sees the ${formatPercent(headProbability)} of traces the head sampler kept: "keep every error" keeps errors from that ${formatPercent(headProbability)} only.`,
        fix: "Sample 100 % at the head (SDK and Dapr) and let the Collector decide.",
      })
    }
  }

  if (input.backend === "tempo") {
    const tempo = tempoFigures(figuresFor(input).volume.peakIngestBytesPerSecond)
    const peakBytesPerSecond = tempo.peakIngestBytesPerSecond
    if (peakBytesPerSecond >= tempo.rateLimitBytesPerSecond) {
      const megabytes = (bytes: number) => `${formatBytes(bytes)}/s`
      warnings.push({
        id: "tempo-ingest-limit",
        severity: "warning",
        message: `At peak ${megabytes(peakBytesPerSecond)} of spans reach Tempo, and each distributor lets a tenant write ${megabytes(tempo.rateLimitBytesPerSecond)} by default (rate_limit_bytes): at that rate it refuses the next burst with RATE_LIMITED, and those spans are lost.`,
        fix: `Run at least ${countOf(tempo.distributorsForLimit, "distributor", formatInteger)} to stay under the limit (${formatInteger(tempo.sizing.distributors)} at the sizing rule of about 10 MB/s each, cost anchors §2), or raise overrides: defaults: ingestion: rate_limit_bytes and burst_size_bytes above ${megabytes(peakBytesPerSecond)}.`,
      })
    }
  }

  if (!input.excludeHealthChecks && input.probesPerReplica > 0) {
    warnings.push({
      id: "health-checks-traced",
      severity: "warning",
      message: `Health checks and scrapes are traced: ${formatCount(probeRequestsPerDay(input))} requests/day of noise compete with real traffic for the sampling budget.`,
      fix:
        input.language === "python"
          ? `Exclude them: OTEL_PYTHON_FASTAPI_EXCLUDED_URLS=${input.excludedUrls} (read at import time).`
          : "Drop them in code (Node: ignoreIncomingRequestHook) or in the Collector (a drop policy on http.route).",
    })
  }

  return warnings
}
