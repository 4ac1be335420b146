import { describe, expect, it } from "vitest"

import { lintPlan } from "@/lib/plan/lint"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

const noDapr: Partial<PlanInput> = { daprEnabled: false }
const twoServices: Partial<PlanInput> = {
  topology: [
    { name: "api", internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 1, dapr: false },
    { name: "db-svc", internalSpans: 1, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: false },
  ],
}

const toCollector: Partial<PlanInput> = { otlpEndpoint: "http://otel-collector.observability.svc.cluster.local:4317" }
/** Where the seed scenario's apps sent: Jaeger's collector. */
const toJaeger: Partial<PlanInput> = { otlpEndpoint: "http://jaeger-collector.monitoring.svc.cluster.local:4317" }

describe("lintPlan", () => {
  it.each<[string, Partial<PlanInput>, string[]]>([
    ["the default setup is consistent", {}, []],
    [
      "the seed's apps sending to Jaeger, priced on Jaeger, are consistent",
      { ...toJaeger, backend: "jaeger-elasticsearch" },
      [],
    ],
    ["plain traceidratio behind Dapr fragments traces", { sampler: "traceidratio" }, ["fragmented-traces"]],
    [
      "plain traceidratio on a 2-service path fragments traces",
      { ...noDapr, ...twoServices, sampler: "traceidratio" },
      ["fragmented-traces"],
    ],
    ["plain traceidratio alone in one service is fine", { ...noDapr, sampler: "traceidratio" }, []],
    [
      "always_on downstream ignores the parent",
      { sampler: "always_on" },
      ["downstream-not-parent-based", "tempo-ingest-limit"],
    ],
    ['Dapr "0" disables tracing', { daprSamplingRate: 0 }, ["dapr-disables-tracing"]],
    [
      "different Dapr and app rates do not multiply",
      { daprSamplingRate: 0.5 },
      ["rates-do-not-multiply", "tempo-ingest-limit"],
    ],
    [
      "requests that bypass the sidecar leave Dapr's different rate unused",
      { entryPoint: "app", daprSamplingRate: 0.5 },
      ["dapr-rate-unused"],
    ],
    [
      "plain traceidratio in one service whose sidecar requests bypass is fine",
      { entryPoint: "app", sampler: "traceidratio" },
      [],
    ],
    [
      "jaeger_remote in Node falls back to 100 %",
      { language: "node", sampler: "parentbased_jaeger_remote" },
      ["sampler-unsupported"],
    ],
    ["xray in Go is unsupported", { language: "go", sampler: "xray" }, ["sampler-unsupported"]],
    [
      "parentbased_jaeger_remote in .NET falls back (opentelemetry-dotnet core-1.18.0 TracerProviderSdk.GetSampler)",
      { language: "dotnet", sampler: "parentbased_jaeger_remote" },
      ["sampler-unsupported"],
    ],
    [
      "jaeger_remote in Java is supported (agent bundles the extension)",
      { language: "java", sampler: "parentbased_jaeger_remote" },
      [],
    ],
    [
      "tail sampling over 8K spans/s per core needs a load-balancing tier, and head sampling first loses errors",
      { tailSampling: true, ...toCollector },
      ["tail-needs-load-balancing", "tail-after-head-sampling"],
    ],
    [
      "tail sampling with no policy that keeps anything drops every trace",
      {
        tailSampling: true,
        rps: 100,
        peakRps: 100,
        ratio: 1,
        daprSamplingRate: 1,
        tailKeepErrors: false,
        tailKeepSlow: false,
        tailBaselinePercent: 0,
        ...toCollector,
      },
      ["tail-keeps-nothing"],
    ],
    [
      "tail sampling at low volume with 100 % head sampling is consistent",
      { tailSampling: true, rps: 100, peakRps: 100, ratio: 1, daprSamplingRate: 1, ...toCollector },
      [],
    ],
    [
      "tail sampling while the apps send straight to Jaeger is bypassed",
      { tailSampling: true, rps: 100, peakRps: 100, ratio: 1, daprSamplingRate: 1, ...toJaeger },
      ["tail-bypassed"],
    ],
    [
      "tail sampling while the apps send to Tempo's distributor is bypassed",
      {
        tailSampling: true,
        rps: 100,
        peakRps: 100,
        ratio: 1,
        daprSamplingRate: 1,
        otlpEndpoint: "http://tempo-distributor.tempo.svc.cluster.local:4317",
      },
      ["tail-bypassed"],
    ],
    [
      "without tail sampling, sending straight to the backend is fine",
      { otlpEndpoint: "https://api.honeycomb.io:443", backend: "honeycomb" },
      [],
    ],
    [
      "sending to Honeycomb while pricing Tempo is pointed out",
      { otlpEndpoint: "https://api.honeycomb.io:443" },
      ["endpoint-other-backend"],
    ],
    [
      "sending to a Grafana Cloud region while pricing Tempo is pointed out",
      { otlpEndpoint: "https://tempo-prod-04-prod-us-east-0.grafana.net:443", backend: "tempo" },
      ["endpoint-other-backend"],
    ],
    ["sending to the Collector suits any backend", { ...toCollector, backend: "datadog" }, []],
    [
      "Tempo at 100 % gets more than a distributor's default 15 MB/s",
      { ratio: 1, daprSamplingRate: 1 },
      ["tempo-ingest-limit"],
    ],
    [
      "a peak exactly at a Tempo 2.x distributor's 15 MB/s is at the limit already",
      { rps: 10_000, peakRps: 10_000, tempoVersion: "2.x" },
      ["tempo-ingest-limit"],
    ],
    ["Tempo 3.x admits 30 MB/s per distributor: 15 MB/s is under it", { rps: 10_000, peakRps: 10_000 }, []],
    [
      "a peak exactly at a Tempo 3.x distributor's 30 MB/s is at the limit already",
      { rps: 20_000, peakRps: 20_000 },
      ["tempo-ingest-limit"],
    ],
    [
      "the same traffic into ClickHouse has no such limit",
      { ratio: 1, daprSamplingRate: 1, backend: "clickhouse" },
      [],
    ],
    // 5,000 req/s × 86,400 × 30 spans = 12.96 B spans a day, above Cloud Trace's highest 5 B quota.
    [
      "every span to Google Cloud Trace is above its ingestion quota",
      { ratio: 1, daprSamplingRate: 1, backend: "google-cloud-trace" },
      ["cloud-trace-quota"],
    ],
    ["10 % to Google Cloud Trace stays under it", { backend: "google-cloud-trace" }, []],
    // The default plan: $2,044/mo on Tempo, 667 GB stored at 7 days (test/plan/text-headline.test.ts).
    ["a plan over its budget breaks a limit", { budgetUsdPerMonth: 2000 }, ["plan-over-limits"]],
    ["a plan over its storage cap breaks a limit", { storageCapBytes: 600e9 }, ["plan-over-limits"]],
    ["a plan within both keeps to its limits", { budgetUsdPerMonth: 2100, storageCapBytes: 700e9 }, []],
    ["a self-hosted plan is never free", { budgetUsdPerMonth: 0 }, ["plan-over-limits"]],
    ["traced health checks are noise", { excludeHealthChecks: false }, ["health-checks-traced"]],
    [
      "a path on a gRPC endpoint is ignored",
      { otlpEndpoint: "http://otel-collector.observability.svc.cluster.local:4317/v1/traces" },
      ["grpc-endpoint-path"],
    ],
    [
      "a path on an OTLP/HTTP endpoint is fine",
      {
        protocol: "http/protobuf",
        otlpEndpoint: "http://otel-collector.observability.svc.cluster.local:4318/v1/traces",
      },
      [],
    ],
  ])("%s", (_name, changes, ids) => {
    expect(lintPlan({ ...DEFAULT_INPUT, ...changes }).map((warning) => warning.id)).toEqual(ids)
  })

  it("says when the apps send to Jaeger while the figures price Tempo, and how to line them up", () => {
    expect(lintPlan({ ...DEFAULT_INPUT, ...toJaeger })).toEqual([
      {
        id: "endpoint-other-backend",
        severity: "warning",
        message:
          "The apps and Dapr send to http://jaeger-collector.monitoring.svc.cluster.local:4317, which looks like Jaeger's collector, while the figures price Grafana Tempo on S3: spans are stored, and billed, where the endpoint points.",
        fix: "Choose the backend you run in the form, or send to Grafana Tempo on S3 (http://tempo-distributor.tempo.svc.cluster.local:4317) or to the Collector (http://otel-collector.observability.svc.cluster.local:4317), which exports to Grafana Tempo on S3.",
      },
    ])
  })

  it("says the app's rate is in force when requests bypass the sidecar, and how to make Dapr's match", () => {
    expect(lintPlan({ ...DEFAULT_INPUT, entryPoint: "app", daprSamplingRate: 0.5 })).toEqual([
      {
        id: "dapr-rate-unused",
        severity: "warning",
        // 5,000 req/s × 86,400 s × 0.1 and × 0.5
        message:
          "Requests reach the app's port without passing its Dapr sidecar, so the app's parentbased_traceidratio (10 %) starts the traces and Dapr follows each decision through traceparent; Dapr's 50 % applies only to calls that reach the sidecar with no trace context. The figures use the app's 10 %: 43.2M traces/day (Dapr's rate would give 216M traces/day).",
        fix: 'Set Dapr\'s samplingRate to "0.1", the app\'s rate, so nobody reads "0.5" as the rate in force; or, if requests do reach the sidecar first, say so under "Who calls this service": Dapr\'s 50 % then decides.',
      },
    ])
  })

  it("says a gRPC endpoint's path goes unused, and what to send to instead", () => {
    expect(lintPlan({ ...DEFAULT_INPUT, otlpEndpoint: "http://collector:4317/v1/traces" })).toEqual([
      {
        id: "grpc-endpoint-path",
        severity: "warning",
        message:
          "OTLP over gRPC has no URL path: the SDKs and Dapr ignore /v1/traces in http://collector:4317/v1/traces and call collector:4317. A receiver behind a path-based proxy never gets the spans.",
        fix: "Drop the path (http://collector:4317), or choose http/protobuf if the receiver is reached through a path.",
      },
    ])
  })

  it("tells that the Collector config already has the load-balancing tier a large tail-sampling setup needs", () => {
    const warning = lintPlan({ ...DEFAULT_INPUT, tailSampling: true }).find(
      (candidate) => candidate.id === "tail-needs-load-balancing"
    )
    expect(warning).toEqual({
      id: "tail-needs-load-balancing",
      severity: "info",
      message:
        "Tail sampling at 15K spans/s needs 2 Collector replicas, and every span of a trace must reach the same one; without routing by trace id, decisions are made on partial traces. The Collector config has both tiers.",
      fix: "Deploy both: 2 Collectors with the loadbalancing exporter (routing_key: traceID) in front of the 2 tail-sampling replicas.",
    })
  })

  it("says how many Tempo distributors the peak needs, or which limit to raise", () => {
    const warning = lintPlan({ ...DEFAULT_INPUT, ratio: 1, daprSamplingRate: 1 }).find(
      (candidate) => candidate.id === "tempo-ingest-limit"
    )
    // 5,000 req/s × 30 spans × 500 B = 75 MB/s.
    expect(warning).toEqual({
      id: "tempo-ingest-limit",
      severity: "warning",
      message:
        "At peak 75 MB/s of spans reach Tempo, and each distributor lets a tenant write 30 MB/s by default (rate_limit_bytes): at that rate it refuses the next burst with RATE_LIMITED, and those spans are lost.",
      fix: "Run at least 3 distributors to stay under the limit (8 at the sizing rule of about 10 MB/s each, Grafana Tempo docs, Size the cluster), or raise overrides: defaults: ingestion: rate_limit_bytes and burst_size_bytes above 75 MB/s.",
    })
  })

  it("says that behind Dapr an SDK's fallback follows the sidecar, so the figures keep Dapr's rate", () => {
    const warning = lintPlan({ ...DEFAULT_INPUT, language: "node", sampler: "parentbased_jaeger_remote" }).find(
      (candidate) => candidate.id === "sampler-unsupported"
    )
    expect(warning?.message).toBe(
      "OTEL_TRACES_SAMPLER=parentbased_jaeger_remote with node: the JS SDK logs an error and falls back to parentbased_always_on: 100 % of traces. Behind Dapr that fallback follows the sidecar's decision, so the figures use Dapr's 10 %."
    )
  })

  it("tells a .NET user the SDK ignores a Jaeger remote name and runs 100 %", () => {
    // opentelemetry-dotnet core-1.18.0 (9db92a4e) TracerProviderSdk.GetSampler: event 54, then ParentBased(AlwaysOn).
    const warning = lintPlan({
      ...DEFAULT_INPUT,
      language: "dotnet",
      sampler: "jaeger_remote",
      daprEnabled: false,
    }).find((candidate) => candidate.id === "sampler-unsupported")
    expect(warning?.message).toBe(
      "OTEL_TRACES_SAMPLER=jaeger_remote with dotnet: the .NET SDK reads only the six standard names: it logs that the value is invalid and will be ignored, and keeps its default, ParentBased(AlwaysOn): 100 %."
    )
    expect(warning?.fix).toBe(
      "Use parentbased_traceidratio with the rate you expect, or configure that sampler in code: the figures use what the SDK runs, parentbased_always_on."
    )
  })

  it("offers only the Collector for a backend with no OTLP intake of its own", () => {
    const [warning] = lintPlan({ ...DEFAULT_INPUT, ...toJaeger, backend: "clickhouse", daprEnabled: false })
    expect(warning?.message).toBe(
      "The apps send to http://jaeger-collector.monitoring.svc.cluster.local:4317, which looks like Jaeger's collector, while the figures price ClickHouse on gp3: spans are stored, and billed, where the endpoint points."
    )
    expect(warning?.fix).toBe(
      "Choose the backend you run in the form, or send to the Collector (http://otel-collector.observability.svc.cluster.local:4317), which exports to ClickHouse on gp3."
    )
  })

  it("says which limit the plan as set breaks, with its figures, and what to do", () => {
    const both = lintPlan({ ...DEFAULT_INPUT, budgetUsdPerMonth: 1000, storageCapBytes: 100e9 }).find(
      (candidate) => candidate.id === "plan-over-limits"
    )
    expect(both?.severity).toBe("error")
    expect(both?.message).toBe(
      "The plan costs $2,044/mo, over your $1,000/mo budget. It stores 667 GB at 7-day retention, over your 100 GB storage cap."
    )
    expect(both?.fix).toBe(
      "Use the recommended setting below, or choose a lower rate under Compare rates: its chart marks the settings within your limits."
    )
    const cap = lintPlan({ ...DEFAULT_INPUT, storageCapBytes: 100e9 }).find(
      (candidate) => candidate.id === "plan-over-limits"
    )
    expect(cap?.message).toBe("The plan stores 667 GB at 7-day retention, over your 100 GB storage cap.")
  })

  it("gives each warning a fix", () => {
    const [warning] = lintPlan({ ...DEFAULT_INPUT, sampler: "traceidratio" })
    expect(warning).toEqual({
      id: "fragmented-traces",
      severity: "error",
      message:
        "Plain traceidratio behind a Dapr sidecar ignores the upstream decision and decides again from the trace id. Python's SDK compares the trace id's low 64 bits with the rate, as Dapr's Go sampler does: at the same rate both keep the same traces, but whenever the two rates differ the traces one keeps and the other drops break into fragments.",
      fix: "Use parentbased_traceidratio in every service so downstream services follow the root's decision.",
    })
  })

  it("tells which endpoint tail sampling is bypassed through, and where to send instead", () => {
    const [warning] = lintPlan({
      ...DEFAULT_INPUT,
      ...toJaeger,
      tailSampling: true,
      rps: 100,
      peakRps: 100,
      ratio: 1,
      daprSamplingRate: 1,
    })
    expect(warning).toEqual({
      id: "tail-bypassed",
      severity: "error",
      message:
        "Tail sampling is on, but the apps and Dapr send to http://jaeger-collector.monitoring.svc.cluster.local:4317, which looks like a backend's own intake rather than a Collector: their spans would skip the Collector, and nothing would be tail-sampled.",
      fix: "Set the OTLP endpoint to the Collector's Service, e.g. http://otel-collector.observability.svc.cluster.local:4317; the Collector exports to the backend.",
    })
  })

  it("tells a Java user what xray needs, and that the figures assume the sampler works", () => {
    const [warning] = lintPlan({ ...DEFAULT_INPUT, language: "java", sampler: "xray" })
    // opentelemetry-java v1.65.0 TracerProviderConfiguration.configureSampler; -java-instrumentation v2.31.0 AgentStarterImpl.
    expect(warning?.message).toBe(
      "OTEL_TRACES_SAMPLER=xray with java: Java autoconfigure throws ConfigurationException on a name no provider registers, so the Java agent fails to start and the service runs untraced. xray needs the AWS X-Ray sampler provider on the classpath, as in the AWS distribution of the Java agent; the figures assume that distribution."
    )
    expect(warning?.fix).toBe(
      "Use parentbased_traceidratio with the rate you expect, or configure that sampler in code: the figures assume it samples as set."
    )
  })

  // Only Python's SDK reads an excluded-URL variable; for the others the generated Collector
  // config's filter processor drops probes, which it can only do when the apps send to it.
  it.each<[string, Partial<PlanInput>, string, string]>([
    [
      "Java, not excluded",
      { language: "java", excludeHealthChecks: false },
      "Health checks and scrapes are traced: 77.8K requests/day of noise compete with real traffic for the sampling budget.",
      "Exclude them: the generated Collector config then drops them with its filter processor; they are still traced and sent to it. To stop them in the app instead, filter them in code (a sampler extension such as the contrib RuleBasedRoutingSampler).",
    ],
    [
      "Go, excluded but sending straight to Jaeger",
      { language: "go", ...toJaeger, ...noDapr },
      "Health checks are excluded, but for Go only the Collector's filter processor drops them, and the apps send to http://jaeger-collector.monitoring.svc.cluster.local:4317, a backend's own intake: 77.8K requests/day are traced and stored.",
      "Send the apps to the Collector (e.g. http://otel-collector.observability.svc.cluster.local:4317), whose filter processor drops them; they are still traced and sent to it. To stop them in the app instead, filter them in code (otelhttp.WithFilter).",
    ],
  ])("says what drops health checks: %s", (_, changes, message, fix) => {
    const warning = lintPlan({ ...DEFAULT_INPUT, ...changes }).find(({ id }) => id === "health-checks-traced")
    expect(warning).toEqual({ id: "health-checks-traced", severity: "warning", message, fix })
  })

  it("names the Python variable that excludes health checks", () => {
    const [warning] = lintPlan({ ...DEFAULT_INPUT, excludeHealthChecks: false })
    expect(warning?.fix).toBe(
      "Exclude them: OTEL_PYTHON_FASTAPI_EXCLUDED_URLS=health,metrics,readiness (read at import time)."
    )
  })
})
