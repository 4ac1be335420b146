// The setup lint in words: one message and one fix per finding, from its facts alone.
import { countOf, formatBytes, formatCount, formatDecimal, formatInteger, formatPercent, formatUsd } from "@/lib/format"

import { BACKENDS } from "../backends"
import { OTLP_AUTH } from "../otlp-auth"
import type { LintFactsById, LintFinding, LintId, LintSeverity, Upstream } from "../lint-rules"
import { LANGUAGES, type Language } from "../choices"
import { DAPR_RATIO_HASH, hashesLikeDapr, RATIO_HASH, type RatioHash } from "../ratio-hash"
import { ENV_SAMPLER_SUPPORT } from "../samplers"

/** One inconsistency in the setup, and how to fix it. */
export interface LintWarning {
  id: LintId
  severity: LintSeverity
  message: string
  fix: string
}

type Words = { message: string; fix: string }

const upstreamWhat = (upstream: Upstream) =>
  upstream.kind === "dapr"
    ? "behind a Dapr sidecar"
    : upstream.kind === "caller"
      ? "called through Dapr service invocation"
      : `on a ${upstream.services}-service path`
/** A rate as Dapr's Configuration writes it: "0.1". */
const daprText = (rate: number) => `"${formatDecimal(rate, 0, 6)}"`
const tracesADay = (traces: number) => `${formatCount(traces)} traces/day`
const andDapr = (viaDapr: boolean) => (viaDapr ? " and Dapr" : "")
/** A receiver's host:port as an endpoint the form takes: https on 443, http otherwise. */
const withScheme = (hostPort: string) => `${hostPort.endsWith(":443") ? "https" : "http"}://${hostPort}`
const perSecond = (bytes: number) => `${formatBytes(bytes)}/s`

const SDK_NAMES: Record<Language, string> = {
  python: "Python's SDK",
  go: "Go's SDK",
  java: "Java's SDK",
  node: "The JS SDK",
  dotnet: "The .NET SDK",
}
/** What each TraceIdRatioBased compares with the rate (lib/plan/ratio-hash.ts cites the sources). */
const RATIO_HASH_WORDS: Record<RatioHash, string> = {
  "low-64-bits": "the trace id's low 64 bits",
  "low-64-bits-signed-abs": "the absolute value of the trace id's low 64 bits read as a signed number",
  "xor-32-bit-words": "the XOR of the trace id's four 32-bit words",
  "high-64-bits": "the trace id's high 64 bits",
}

/** Whether the deciding runtimes agree, said for this service's language. */
function ratioHashWords(upstream: Upstream, language: Language): string {
  const reads = `${SDK_NAMES[language]} compares ${RATIO_HASH_WORDS[RATIO_HASH[language]]} with the rate`
  if (upstream.kind === "dapr") {
    return hashesLikeDapr(language)
      ? `${reads}, as Dapr's Go sampler does: at the same rate both keep the same traces, but whenever the two rates differ the traces one keeps and the other drops break into fragments.`
      : `${reads}; Dapr's Go sampler compares ${RATIO_HASH_WORDS[DAPR_RATIO_HASH]}: at any rate below 100 % they keep different traces, which break into fragments.`
  }
  const alike = LANGUAGES.filter((other) => RATIO_HASH[other] === RATIO_HASH[language]).map((l) => LANGUAGE_NAMES[l])
  return `${reads}: services in ${alike.join(" or ")} at the same rate keep the same traces, services in other languages keep different ones, and traces break into fragments.`
}
/** Where each language's HTTP server instrumentation takes a filter, in code only (none reads one from the environment). */
const IN_CODE_FILTER: Record<Exclude<Language, "python">, string> = {
  node: "@opentelemetry/instrumentation-http's ignoreIncomingRequestHook",
  java: "a sampler extension such as the contrib RuleBasedRoutingSampler",
  go: "otelhttp.WithFilter",
  dotnet: "the ASP.NET Core instrumentation's Filter option",
}
const LANGUAGE_NAMES: Record<Language, string> = {
  python: "Python",
  go: "Go",
  java: "Java",
  node: "JS",
  dotnet: ".NET",
}

/** Each rule's words, from its facts. */
const WORDS: { [K in LintId]: (facts: LintFactsById[K]) => Words } = {
  "fragmented-traces": ({ upstream, language }) => ({
    message: `Plain traceidratio ${upstreamWhat(upstream)} ignores the upstream decision and decides again from the trace id. ${ratioHashWords(upstream, language)}`,
    fix: "Use parentbased_traceidratio in every service so downstream services follow the root's decision.",
  }),
  "downstream-not-parent-based": ({ sampler, upstream, parentBasedForm, daprRate, appRate }) => ({
    message: `${sampler} ${upstreamWhat(upstream)} ignores the upstream decision: the service records spans of traces the root dropped.`,
    fix: `Use the parent-based form (${parentBasedForm}).${
      daprRate === null
        ? ""
        : ` It then follows Dapr's samplingRate ${daprText(daprRate)}: ${formatPercent(daprRate)} of traces instead of its own ${formatPercent(appRate)}. To keep ${formatPercent(appRate)}, set Dapr's samplingRate to ${daprText(appRate)}${upstream.kind === "caller" ? " in the caller's Configuration" : ""}.`
    }`,
  }),
  "dapr-disables-tracing": ({ entryPoint, sampler, appRate, appTracesPerDay }) => ({
    message: `Dapr samplingRate "0" turns the sidecar's tracing off: it records no spans and sends no traceparent, so ${
      entryPoint === "dapr-app"
        ? "the calling app's context passes through and its side decides"
        : "the app sees root requests and decides itself"
    }: ${sampler} at ${formatPercent(appRate)}, ${tracesADay(appTracesPerDay)}, without the sidecar's spans.`,
    fix:
      appRate > 0
        ? `To trace through the sidecar as well, give Dapr the rate you want: at ${daprText(appRate)} it starts traces as often as the app does now and the parent-based app follows each decision. "1" makes Dapr start a trace for every request that reaches it without context.`
        : 'Nothing is traced. To trace, give Dapr the rate you want (e.g. "0.1"): it starts traces at that rate for requests that reach it without context, and a parent-based app follows each decision.',
  }),
  "dapr-rate-unused": ({ sampler, appRate, daprRate, appTracesPerDay, daprTracesPerDay }) => ({
    message: `Requests reach the app's port without passing its Dapr sidecar, so the app's ${sampler} (${formatPercent(appRate)}) starts the traces and Dapr follows each decision through traceparent; Dapr's ${formatPercent(daprRate)} applies only to calls that reach the sidecar with no trace context. The figures use the app's ${formatPercent(appRate)}: ${tracesADay(appTracesPerDay)} (Dapr's rate would give ${tracesADay(daprTracesPerDay)}).`,
    fix: `Set Dapr's samplingRate to ${daprText(appRate)}, the app's rate, so nobody reads ${daprText(daprRate)} as the rate in force; or, if requests do reach the sidecar first, say so under "Who calls this service": Dapr's ${formatPercent(daprRate)} then decides.`,
  }),
  "rates-do-not-multiply": ({ sampler, appRate, daprRate, appTracesPerDay, daprTracesPerDay, decider }) => ({
    message: `Dapr's samplingRate ${daprText(daprRate)} decides, not the app's ${sampler} (${formatPercent(appRate)}): ${
      decider === "dapr"
        ? "requests reach the sidecar without trace context, so Dapr's ParentBased sampler starts the traces"
        : "another Dapr app calls this one and its side decided already (assumed here to run this Dapr Configuration)"
    }, and the parent-based app follows through traceparent; its own rate applies only to traces it starts itself. The rates do not multiply. The figures use ${formatPercent(daprRate)}: ${tracesADay(daprTracesPerDay)}, against ${tracesADay(appTracesPerDay)} at the app's own rate.`,
    fix: `To sample as the app's sampler says, set Dapr's samplingRate to ${daprText(appRate)}${decider === "caller" ? " in the caller's Configuration" : ""}; to keep ${formatPercent(daprRate)}, set the app to parentbased_traceidratio at ${formatDecimal(daprRate, 0, 6)} so both name the rate in force.`,
  }),
  "sampler-unsupported": ({ sampler, language, fallback, daprRatio }) => ({
    message: `OTEL_TRACES_SAMPLER=${sampler} with ${language}: ${ENV_SAMPLER_SUPPORT[language].otherwise}.${
      daprRatio !== null
        ? ` Behind Dapr that fallback follows the sidecar's decision, so the figures use Dapr's ${formatPercent(daprRatio)}.`
        : ""
    }`,
    fix: `Use parentbased_traceidratio with the rate you expect, or configure that sampler in code: ${fallback ? `the figures use what the SDK runs, ${fallback}` : "the figures assume it samples as set"}.`,
  }),
  "tail-bypassed": ({ endpoint, viaDapr, collectorEndpoint }) => ({
    message: `Tail sampling is on, but the apps${andDapr(viaDapr)} send to ${endpoint}, which looks like a backend's own intake rather than a Collector: their spans would skip the Collector, and nothing would be tail-sampled.`,
    fix: `Set the OTLP endpoint to the Collector's Service, e.g. ${collectorEndpoint}; the Collector exports to the backend.`,
  }),
  "endpoint-other-backend": ({ endpoint, viaDapr, receivers, backend, backendReceiver, collectorEndpoint }) => {
    const priced = BACKENDS[backend].label
    const there = receivers.every((id) => id.startsWith("jaeger-"))
      ? "Jaeger's collector"
      : `${BACKENDS[receivers[0]!].label}'s intake`
    return {
      message: `The apps${andDapr(viaDapr)} send to ${endpoint}, which looks like ${there}, while the figures price ${priced}: spans are stored, and billed, where the endpoint points.`,
      fix: `Choose the backend you run in the form, or send to ${backendReceiver ? `${priced} (${withScheme(backendReceiver)}) or to ` : ""}the Collector (${collectorEndpoint}), which exports to ${priced}.`,
    }
  },
  "grpc-endpoint-path": ({ endpoint, path, host, origin, viaDapr }) => ({
    message: `OTLP over gRPC has no URL path: the SDKs${andDapr(viaDapr)} ignore ${path} in ${endpoint} and call ${host}. A receiver behind a path-based proxy never gets the spans.`,
    fix: `Drop the path (${origin}), or choose http/protobuf if the receiver is reached through a path.`,
  }),
  "tail-keeps-nothing": () => ({
    message:
      "Tail sampling keeps nothing: no error policy, no slow-trace policy and a 0 % baseline, so the Collector drops every trace.",
    fix: "Keep errors or slow traces, or set a baseline above 0 %.",
  }),
  "tail-needs-load-balancing": ({ spansPerSecondIn, replicas, loadBalancerReplicas }) => ({
    message: `Tail sampling at ${formatCount(spansPerSecondIn)} spans/s needs ${formatInteger(replicas)} Collector replicas, and every span of a trace must reach the same one; without routing by trace id, decisions are made on partial traces. The Collector config has both tiers.`,
    fix: `Deploy both: ${countOf(loadBalancerReplicas, "Collector", formatInteger)} with the loadbalancing exporter (routing_key: traceID) in front of the ${formatInteger(replicas)} tail-sampling replicas.`,
  }),
  "tail-after-head-sampling": ({ headProbability }) => ({
    message: `The tail sampler only sees the ${formatPercent(headProbability)} of traces the head sampler kept: "keep every error" keeps errors from that ${formatPercent(headProbability)} only.`,
    fix: "Sample 100 % at the head (SDK and Dapr) and let the Collector decide.",
  }),
  "tempo-ingest-limit": ({ peakBytesPerSecond, rateLimitBytesPerSecond, distributorsForLimit, sizedDistributors }) => ({
    message: `At peak ${perSecond(peakBytesPerSecond)} of spans reach Tempo, and each distributor lets a tenant write ${perSecond(rateLimitBytesPerSecond)} by default (rate_limit_bytes): at that rate it refuses the next burst with RATE_LIMITED, and those spans are lost.`,
    fix: `Run at least ${countOf(distributorsForLimit, "distributor", formatInteger)} to stay under the limit (${formatInteger(sizedDistributors)} at the sizing rule of about 10 MB/s each, Grafana Tempo docs, Size the cluster), or raise overrides: defaults: ingestion: rate_limit_bytes and burst_size_bytes above ${perSecond(peakBytesPerSecond)}.`,
  }),
  "cloud-trace-quota": ({ spansPerDay, maxSpansPerDay }) => ({
    message: `The plan sends ${formatCount(spansPerDay)} spans a day to Google Cloud Trace, above the highest span-ingestion quota (${formatCount(maxSpansPerDay)} a day): spans past the quota are refused.`,
    fix: "Sample less, or ask Google for a higher quota before sending this much (Cloud Trace quotas: 3 M to 5 B spans a day, set by the billing account's history).",
  }),
  "saas-credentials-missing": ({ host, vendor, header, collectorEndpoint }) => ({
    message: `The apps send straight to ${host}, ${OTLP_AUTH[vendor].name}'s OTLP intake, with no API key: it refuses every export that lacks its ${header} header, so no trace arrives.`,
    fix: `Name the Kubernetes Secret that holds the key under "API key Secret" (its otlp-headers key holds the OTEL_EXPORTER_OTLP_HEADERS value): the configs then send the header. Or send to the Collector (${collectorEndpoint}), which holds the key for the apps.`,
  }),
  "plan-over-limits": ({ overBudget, overStorageCap, retentionDays }) => ({
    message: [
      overBudget === null
        ? null
        : overBudget.freeOnly
          ? `The plan is not free: the backend's own part of its bill is ${formatUsd(overBudget.backendUsd)}/mo, and your budget is free only.`
          : `The plan costs ${formatUsd(overBudget.monthlyUsd)}/mo, over your ${formatUsd(overBudget.budgetUsdPerMonth)}/mo budget.`,
      overStorageCap === null
        ? null
        : `It stores ${formatBytes(overStorageCap.retainedBytes)} at ${formatInteger(retentionDays)}-day retention, over your ${formatBytes(overStorageCap.storageCapBytes)} storage cap.`,
    ]
      .filter((sentence) => sentence !== null)
      .join(" ")
      .replace(/^It stores/, "The plan stores"),
    fix: "Use the recommended setting below, or choose a lower rate under Compare rates: its chart marks the settings within your limits.",
  }),
  "health-checks-traced": ({ probeRequestsPerDay, language, excludedUrls, bypassedEndpoint, collectorEndpoint }) => ({
    message:
      bypassedEndpoint === null
        ? `Health checks and scrapes are traced: ${formatCount(probeRequestsPerDay)} requests/day of noise compete with real traffic for the sampling budget.`
        : `Health checks are excluded, but for ${LANGUAGE_NAMES[language]} only the Collector's filter processor drops them, and the apps send to ${bypassedEndpoint}, a backend's own intake: ${formatCount(probeRequestsPerDay)} requests/day are traced and stored.`,
    fix:
      language === "python"
        ? `Exclude them: OTEL_PYTHON_FASTAPI_EXCLUDED_URLS=${excludedUrls} (read at import time).`
        : `${bypassedEndpoint === null ? "Exclude them: the generated Collector config then drops them with its filter processor" : `Send the apps to the Collector (e.g. ${collectorEndpoint}), whose filter processor drops them`}; they are still traced and sent to it. To stop them in the app instead, filter them in code (${IN_CODE_FILTER[language]}).`,
  }),
}

/**
 * A lint finding in words: its message and fix.
 *
 * @example
 * lintWarningText({ id: "tail-after-head-sampling", severity: "warning", facts: { headProbability: 0.1 } }).fix
 * //=> "Sample 100 % at the head (SDK and Dapr) and let the Collector decide."
 */
export function lintWarningText(finding: LintFinding): LintWarning {
  const words = (WORDS[finding.id] as (facts: LintFinding["facts"]) => Words)(finding.facts)
  return { id: finding.id, severity: finding.severity, message: words.message, fix: words.fix }
}
