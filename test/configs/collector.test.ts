import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseAllDocuments } from "yaml"

import {
  buildCollectorConfigs,
  buildTailSamplingProcessor,
  healthCheckCondition,
  collectorSnippet,
  defaultTailSamplingOptions,
  HEALTH_CHECK_FILTER,
  renderCollectorConfig,
  type TailSamplingOptions,
} from "@/lib/configs"
import { BACKEND_IDS } from "@/lib/plan/backends"
import { probeDrop } from "@/lib/plan/probes"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { collectorOptions, planInput, runs } from "../arbitraries"

const RECEIVERS = { otlp: { protocols: { grpc: { endpoint: "0.0.0.0:4317" }, http: { endpoint: "0.0.0.0:4318" } } } }
const MEMORY_LIMITER = { check_interval: "1s", limit_percentage: 80, spike_limit_percentage: 25 }
const TEMPO = { endpoint: "tempo-distributor.tempo.svc.cluster.local:4317", tls: { insecure: true } }

const TAIL: TailSamplingOptions = {
  keepErrors: true,
  latencyThresholdMs: 500,
  baselinePercent: 5,
  spansPerSecondLimit: 1000,
  decisionWaitSeconds: 10,
  numTraces: 100_000,
  collectorReplicas: 3,
}

const readAll = (text: string) => parseAllDocuments(text).map((doc) => doc.toJS() as unknown)

describe("buildCollectorConfigs", () => {
  it("forwards by default: receive on 0.0.0.0, memory_limiter, batch, export to the backend only", () => {
    expect(buildCollectorConfigs(DEFAULT_INPUT)).toStrictEqual([
      {
        receivers: RECEIVERS,
        processors: { memory_limiter: MEMORY_LIMITER, batch: {} },
        exporters: { "otlp/tempo": TEMPO },
        service: {
          pipelines: {
            traces: {
              receivers: ["otlp"],
              processors: ["memory_limiter", "batch"],
              exporters: ["otlp/tempo"],
            },
          },
        },
      },
    ])
  })

  it("never uses the removed logging exporter", () => {
    for (const backend of BACKEND_IDS)
      expect(renderCollectorConfig({ ...DEFAULT_INPUT, backend })).not.toMatch(/\blogging\b/)
  })

  it("samples in hash_seed mode at the plan's ratio for collector-side head sampling", () => {
    const [config] = buildCollectorConfigs(DEFAULT_INPUT, { mode: "probabilistic" })
    expect(config?.processors).toStrictEqual({
      memory_limiter: MEMORY_LIMITER,
      probabilistic_sampler: { mode: "hash_seed", sampling_percentage: 10 },
      batch: {},
    })
    expect(config?.service.pipelines.traces.processors).toEqual(["memory_limiter", "probabilistic_sampler", "batch"])
  })

  it("writes a tiny sampling percentage as a plain decimal", () => {
    expect(renderCollectorConfig(DEFAULT_INPUT, { mode: "probabilistic", samplingPercentage: 0.00001 })).toContain(
      "    sampling_percentage: 0.00001\n"
    )
  })

  it("uses the tail_sampling processor's own defaults and keeps errors plus the plan's ratio", () => {
    expect(defaultTailSamplingOptions(DEFAULT_INPUT)).toStrictEqual({
      keepErrors: true,
      baselinePercent: 10,
      decisionWaitSeconds: 30,
      numTraces: 50_000,
      collectorReplicas: 1,
    })
    const configs = buildCollectorConfigs(DEFAULT_INPUT, { mode: "tail" })
    expect(configs).toHaveLength(1)
    expect(configs[0]?.processors.tail_sampling).toStrictEqual({
      decision_wait: "30s",
      num_traces: 50_000,
      policies: [
        { name: "keep-errors", type: "status_code", status_code: { status_codes: ["ERROR"] } },
        { name: "baseline", type: "probabilistic", probabilistic: { sampling_percentage: 10 } },
      ],
    })
    expect(configs[0]?.service.pipelines.traces.processors).toEqual(["memory_limiter", "tail_sampling", "batch"])
  })

  it("caps only the baseline with the rate limit, since policies are OR'd", () => {
    expect(buildTailSamplingProcessor(DEFAULT_INPUT, TAIL)).toStrictEqual({
      decision_wait: "10s",
      num_traces: 100_000,
      policies: [
        { name: "keep-errors", type: "status_code", status_code: { status_codes: ["ERROR"] } },
        { name: "keep-slow", type: "latency", latency: { threshold_ms: 500 } },
        {
          name: "baseline-capped",
          type: "and",
          and: {
            and_sub_policy: [
              { name: "baseline", type: "probabilistic", probabilistic: { sampling_percentage: 5 } },
              // 1,000 spans/s for the tier of 3 replicas: rate_limiting counts per replica.
              { name: "baseline-rate-limit", type: "rate_limiting", rate_limiting: { spans_per_second: 333 } },
            ],
          },
        },
      ],
    })
  })

  it("writes no baseline policy for a 0 % baseline, unless nothing else would be left to decide", () => {
    const names = (tail: TailSamplingOptions) =>
      (buildTailSamplingProcessor(DEFAULT_INPUT, tail).policies as { name: string }[]).map((policy) => policy.name)
    expect(names({ ...TAIL, baselinePercent: 0 })).toEqual(["keep-errors", "keep-slow"])
    // Nothing kept but a 0 % baseline: the processor still needs a policy, and keeps nothing, as the plan says.
    expect(names({ ...TAIL, keepErrors: false, latencyThresholdMs: undefined, baselinePercent: 0 })).toEqual([
      "baseline-capped",
    ])
  })

  it("gives each sampling replica its share of the tier's rate limit, at least 1 span/s", () => {
    const limitOf = (tail: TailSamplingOptions) => {
      const capped = (
        buildTailSamplingProcessor(DEFAULT_INPUT, tail).policies as {
          name: string
          and?: { and_sub_policy: { rate_limiting?: { spans_per_second: number } }[] }
        }[]
      ).find((policy) => policy.name === "baseline-capped")
      return capped?.and?.and_sub_policy[1]?.rate_limiting?.spans_per_second
    }
    expect(limitOf({ ...TAIL, collectorReplicas: 1 })).toBe(1000)
    expect(limitOf({ ...TAIL, collectorReplicas: 2 })).toBe(500)
    expect(limitOf({ ...TAIL, spansPerSecondLimit: 2, collectorReplicas: 5 })).toBe(1)
    const snippet = collectorSnippet(DEFAULT_INPUT, { mode: "tail", tail: { ...TAIL, collectorReplicas: 2 } })
    expect(snippet.available && snippet.snippet.caveats).toContain(
      "The 1,000 spans/s limit caps the baseline only; errors and slow traces are kept beyond it. It is for the whole tier: rate_limiting counts per replica, so each of the 2 sampling replicas gets 500 spans/s."
    )
  })

  // The filter processor drops a span when any condition is true (opentelemetry-collector-contrib
  // processor/filterprocessor/README.md at ba96fac1, "traces.span"); it runs before tail_sampling, so
  // the tail sampler holds no probe and needs no drop policy.
  it("drops health-check spans with a filter processor for languages with no excluded-URL variable", () => {
    const input = { ...DEFAULT_INPUT, language: "node" as const }
    const [config] = buildCollectorConfigs(input, { mode: "tail", tail: defaultTailSamplingOptions(input) })
    expect(config?.processors["filter/health-checks"]).toStrictEqual({
      error_mode: "ignore",
      traces: { span: [healthCheckCondition("health,metrics,readiness")] },
    })
    expect(config?.service.pipelines.traces.processors).toEqual([
      "memory_limiter",
      "filter/health-checks",
      "tail_sampling",
      "batch",
    ])
    expect(buildTailSamplingProcessor(input, defaultTailSamplingOptions(input)).policies).toHaveLength(2)
    // Python's SDK skips them itself: no filter.
    expect(buildCollectorConfigs(DEFAULT_INPUT)[0]?.processors).not.toHaveProperty("filter/health-checks")
  })

  it.each([
    [
      "health,metrics,readiness",
      'kind == SPAN_KIND_SERVER and (IsMatch(attributes["url.path"], "health|metrics|readiness") or IsMatch(attributes["http.target"], "health|metrics|readiness"))',
    ],
    // Anchors stay with their entry ("|" binds loosest); a backslash is escaped in the OTTL string.
    [
      "^/ready$,/v[0-9]\\.ping",
      'kind == SPAN_KIND_SERVER and (IsMatch(attributes["url.path"], "^/ready$|/v[0-9]\\\\.ping") or IsMatch(attributes["http.target"], "^/ready$|/v[0-9]\\\\.ping"))',
    ],
  ])("writes %s as one OTTL condition", (excludedUrls, condition) => {
    expect(healthCheckCondition(excludedUrls)).toBe(condition)
  })

  it("puts a load-balancing tier routing by traceID in front of several tail-sampling replicas", () => {
    const configs = buildCollectorConfigs({ ...DEFAULT_INPUT, redMetrics: "off" }, { mode: "tail", tail: TAIL })
    expect(configs).toHaveLength(2)
    expect(configs[0]).toStrictEqual({
      receivers: RECEIVERS,
      processors: { memory_limiter: MEMORY_LIMITER, batch: {} },
      exporters: {
        loadbalancing: {
          routing_key: "traceID",
          protocol: { otlp: { tls: { insecure: true } } },
          resolver: { k8s: { service: "otel-collector-sampling.observability", ports: [4317] } },
        },
      },
      service: {
        pipelines: {
          traces: { receivers: ["otlp"], processors: ["memory_limiter", "batch"], exporters: ["loadbalancing"] },
        },
      },
    })
    expect(configs[1]?.processors.tail_sampling).toStrictEqual(buildTailSamplingProcessor(DEFAULT_INPUT, TAIL))
  })

  it("writes the two tiers as two commented YAML documents that read back exactly", () => {
    const text = renderCollectorConfig(DEFAULT_INPUT, { mode: "tail", tail: TAIL })
    expect(text.startsWith("# Tier 1 of 2: load-balancing Collectors, the OTLP endpoint the apps send to.\n")).toBe(
      true
    )
    expect(text).toContain(
      "\n---\n# Tier 2 of 2: 3 tail-sampling Collectors behind Service otel-collector-sampling in namespace observability.\n"
    )
    expect(readAll(text)).toStrictEqual(buildCollectorConfigs(DEFAULT_INPUT, { mode: "tail", tail: TAIL }))
  })

  it("says to split the two tiers into the two files their comments name: a Collector reads only a file's first document", () => {
    const result = collectorSnippet(DEFAULT_INPUT, { mode: "tail", tail: TAIL })
    if (!result.available) throw new Error(result.reason)
    expect(result.snippet.content).toContain("Save this document as otel-collector-lb.yaml.")
    expect(result.snippet.content).toContain("Save this document as otel-collector-sampling.yaml.")
    expect(result.snippet.applyNote).toBe(
      "Two tiers, two configs: a Collector reads only the first YAML document of a file, so split this one at the --- line into otel-collector-lb.yaml and otel-collector-sampling.yaml. Run the apps' Collectors with otelcol-contrib --config otel-collector-lb.yaml and the 3 sampling replicas with otelcol-contrib --config otel-collector-sampling.yaml (on Kubernetes, the Collector on Kubernetes tab has both as ConfigMaps)."
    )
    // Each document on its own is a whole config: receivers, a pipeline, and every component it names.
    for (const config of readAll(result.snippet.content) as {
      receivers: object
      processors: object
      exporters: object
      service: { pipelines: { traces: { receivers: string[]; processors: string[]; exporters: string[] } } }
    }[]) {
      const { traces } = config.service.pipelines
      for (const name of traces.receivers) expect(Object.keys(config.receivers)).toContain(name)
      for (const name of traces.processors) expect(Object.keys(config.processors)).toContain(name)
      for (const name of traces.exporters) expect(Object.keys(config.exporters)).toContain(name)
    }
  })

  it.each([
    ["tempo", "otlp/tempo", { endpoint: "tempo-distributor.tempo.svc.cluster.local:4317", tls: { insecure: true } }],
    [
      "jaeger-badger",
      "otlp/jaeger",
      { endpoint: "jaeger-collector.monitoring.svc.cluster.local:4317", tls: { insecure: true } },
    ],
    [
      "clickhouse",
      "clickhouse",
      {
        endpoint: "tcp://clickhouse.clickhouse.svc.cluster.local:9000",
        database: "otel",
        traces_table_name: "otel_traces",
        ttl: "168h",
      },
    ],
    [
      "honeycomb",
      "otlp/honeycomb",
      { endpoint: "api.honeycomb.io:443", headers: { "x-honeycomb-team": "${env:HONEYCOMB_API_KEY}" } },
    ],
    [
      "new-relic",
      "otlp/new-relic",
      { endpoint: "otlp.nr-data.net:4317", headers: { "api-key": "${env:NEW_RELIC_LICENSE_KEY}" } },
    ],
    [
      "grafana-cloud",
      "otlphttp/grafana-cloud",
      {
        endpoint: "https://otlp-gateway-prod-<zone>.grafana.net/otlp",
        auth: { authenticator: "basicauth/grafana-cloud" },
      },
    ],
    // AWS CloudWatch docs, OTLP Endpoints: OTLP/HTTP to xray.<region>, signed by sigv4auth.
    [
      "aws-xray",
      "otlphttp/xray",
      {
        traces_endpoint: "https://xray.us-east-1.amazonaws.com/v1/traces",
        compression: "gzip",
        auth: { authenticator: "sigv4auth" },
      },
    ],
    ["google-cloud-trace", "googlecloud", { project: "my-gcp-project" }],
  ] as const)("exports to %s through %s", (backend, id, config) => {
    const [collector] = buildCollectorConfigs({ ...DEFAULT_INPUT, backend })
    expect(collector?.exporters[id]).toStrictEqual(config)
    expect(collector?.service.pipelines.traces.exporters).toEqual([id])
  })

  it("keeps debug out of production pipelines and offers it as a commented block for development", () => {
    const text = renderCollectorConfig(DEFAULT_INPUT)
    expect(readAll(text)[0]).not.toHaveProperty("exporters.debug")
    expect(
      text.endsWith(
        [
          "# For development only: log a line per batch by adding the debug exporter",
          "#   exporters:",
          "#     debug:",
          "#       verbosity: basic",
          "# and listing it in service.pipelines.traces.exporters: [otlp/tempo, debug].",
          "",
        ].join("\n")
      )
    ).toBe(true)
  })
})

describe("the Jaeger strategies served to remote samplers", () => {
  const remote = { ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" as const }

  it("turns on jaegerremotesampling, listening beyond localhost, in the tier the apps send to", () => {
    const [config] = parseAllDocuments(renderCollectorConfig(remote)).map((document) => document.toJS())
    expect(config.extensions).toEqual({
      jaegerremotesampling: {
        source: { file: "/etc/otelcol/sampling-strategies.json", reload_interval: "60s" },
        grpc: { endpoint: "0.0.0.0:14250" },
      },
    })
    expect(config.service.extensions).toEqual(["jaegerremotesampling"])
  })

  it("puts it in the load-balancing tier when tail sampling has two, and nowhere for a ratio sampler", () => {
    const tiers = buildCollectorConfigs(remote, {
      mode: "tail",
      tail: { ...defaultTailSamplingOptions(remote), collectorReplicas: 3 },
    })
    expect(tiers.map((tier) => tier.service.extensions)).toEqual([["jaegerremotesampling"], undefined])
    expect(buildCollectorConfigs(DEFAULT_INPUT)[0]?.extensions).toBeUndefined()
  })

  it("says where to mount the strategies file and that the extension needs otelcol-contrib", () => {
    const result = collectorSnippet(remote)
    expect(result.available && result.snippet.caveats).toContain(
      "The apps' parentbased_jaeger_remote sampler polls this Collector on port 14250: mount the Jaeger strategies file at /etc/otelcol/sampling-strategies.json and expose the port on its Service. The jaegerremotesampling extension is in otelcol-contrib."
    )
    expect(result.available && result.snippet.applyNote).toMatch(/^Run the contrib distribution/)
  })
})

describe("collectorSnippet", () => {
  it("tells the user to replace the placeholder address", () => {
    const result = collectorSnippet(DEFAULT_INPUT)
    if (!result.available) throw new Error("expected a snippet")
    expect(result.snippet.caveats[0]).toBe(
      "Replace tempo-distributor.tempo.svc.cluster.local:4317 with your Tempo distributor's OTLP gRPC address (port 4317)."
    )
    expect(result.snippet.applyNote).toBe(
      "Run otelcol --config otel-collector-config.yaml (or mount it as the Collector's ConfigMap)."
    )
  })

  it("sizes num_traces for the plan's peak and warns when it is too small", () => {
    const result = collectorSnippet(DEFAULT_INPUT, { mode: "tail", tail: { ...TAIL, numTraces: 1000 } })
    expect(result.available && result.snippet.caveats).toContain(
      "At peak about 167 new traces/s reach each sampling replica, so about 1,667 wait for a decision at once: num_traces should be at least 3,334 (2×). 1,000 is too few: the oldest traces are evicted before their decision (watch otelcol_processor_tail_sampling_sampling_trace_dropped_too_early)."
    )
    expect(result.available && result.snippet.caveats).toContain(
      "Policies are OR'd, not first-match: a trace is kept if any policy keeps it, unless a drop policy matches."
    )
    expect(result.available && result.snippet.applyNote).toContain("otelcol-contrib")
  })

  it("warns that hash_seed mode keeps nothing below one 1/16384 step", () => {
    const tiny = collectorSnippet(DEFAULT_INPUT, { mode: "probabilistic", samplingPercentage: 0.001 })
    expect(tiny.available && tiny.snippet.caveats[1]).toBe(
      "0.001 % is below hash_seed mode's smallest step (1/16384, about 0.0061 %): it truncates to zero hash buckets and keeps nothing. Use mode: proportional for rates this small."
    )
    const normal = collectorSnippet(DEFAULT_INPUT, { mode: "probabilistic" })
    expect(normal.available && normal.snippet.caveats[1]).toBe(
      "hash_seed mode hashes trace ids with 14 bits, so 10 % is applied in steps of 1/16384 (about 0.0061 %); all Collectors in a tier must share the hash_seed."
    )
  })

  it("is unavailable, with the reason, for options out of range", () => {
    expect(collectorSnippet(DEFAULT_INPUT, { mode: "probabilistic", samplingPercentage: 150 })).toStrictEqual({
      id: "collector",
      title: "OpenTelemetry Collector",
      available: false,
      reason: "Collector sampling percentage must be between 0 and 100.",
    })
    expect(collectorSnippet(DEFAULT_INPUT, { mode: "tail", tail: { ...TAIL, collectorReplicas: 0 } }).available).toBe(
      false
    )
  })

  it("writes the OTLP exporter by the name every Collector knows and says what v0.144.0 and later call it", () => {
    const result = collectorSnippet(DEFAULT_INPUT)
    expect(result.available && result.snippet.caveats).toContain(
      "Collector v0.144.0 (January 2026) and later name this exporter otlp_grpc and log that otlp is a deprecated alias: on those versions, rename otlp/tempo to otlp_grpc/tempo under exporters and in the pipeline. It is written as otlp so that older Collectors, which know no otlp_grpc, run it too."
    )
    const clickhouse = collectorSnippet({ ...DEFAULT_INPUT, backend: "clickhouse" })
    expect(clickhouse.available && clickhouse.snippet.caveats.some((caveat) => caveat.includes("otlp_grpc"))).toBe(
      false
    )
  })

  it("names the vendor exporters for SaaS backends that do not take OTLP directly", () => {
    const result = collectorSnippet({ ...DEFAULT_INPUT, backend: "datadog" })
    expect(result.available && result.snippet.caveats[0]).toBe(
      "Replace datadog-agent.datadog.svc.cluster.local:4317 with a Datadog Agent that has OTLP ingest enabled, or send to Datadog directly with the contrib datadog exporter (api.key)."
    )
  })
})

describe("RED metrics from every span, ahead of the sampler", () => {
  it("counts spans in the first tier, before tail_sampling, and sends them by remote write", () => {
    const configs = buildCollectorConfigs(DEFAULT_INPUT, { mode: "tail", tail: TAIL })
    const [first, sampling] = configs
    expect(first?.connectors).toStrictEqual({
      spanmetrics: {
        // spanmetrics connector README @001f9b83c244 default buckets.
        histogram: {
          explicit: {
            buckets: [
              "2ms",
              "4ms",
              "6ms",
              "8ms",
              "10ms",
              "50ms",
              "100ms",
              "200ms",
              "400ms",
              "800ms",
              "1s",
              "1400ms",
              "2s",
              "5s",
              "10s",
              "15s",
            ],
          },
        },
        dimensions: [{ name: "collector.instance" }],
        metrics_flush_interval: "60s",
        resource_metrics_key_attributes: ["service.name", "telemetry.sdk.language", "telemetry.sdk.name"],
      },
    })
    expect(first?.service.pipelines).toStrictEqual({
      traces: { receivers: ["otlp"], processors: ["memory_limiter", "batch"], exporters: ["loadbalancing"] },
      "traces/spanmetrics": {
        receivers: ["otlp"],
        processors: ["memory_limiter", "resource/collector-instance"],
        exporters: ["spanmetrics"],
      },
      "metrics/spanmetrics": {
        receivers: ["spanmetrics"],
        processors: ["memory_limiter", "batch"],
        exporters: ["prometheusremotewrite"],
      },
    })
    expect(first?.exporters.prometheusremotewrite).toStrictEqual({
      endpoint: "http://prometheus.monitoring.svc.cluster.local:9090/api/v1/write",
      target_info: { enabled: true },
    })
    // The sampling tier only sees what the first tier routes to it: it counts nothing again.
    expect(sampling?.connectors).toBeUndefined()
    expect(readAll(renderCollectorConfig(DEFAULT_INPUT, { mode: "tail", tail: TAIL }))).toStrictEqual(configs)
  })

  it("counts in the only tier when one replica samples, after the health-check filter", () => {
    const input = { ...DEFAULT_INPUT, language: "node" as const }
    const [only] = buildCollectorConfigs(input, { mode: "tail", tail: { ...TAIL, collectorReplicas: 1 } })
    expect(only?.service.pipelines["traces/spanmetrics"]?.processors).toEqual([
      "memory_limiter",
      "filter/health-checks",
      "resource/collector-instance",
    ])
    expect(only?.service.pipelines.traces.processors).toContain("tail_sampling")
  })

  it("sends them to a vendor on its own OTLP exporter, or to Prometheus's OTLP receiver", () => {
    const honeycomb = buildCollectorConfigs(
      { ...DEFAULT_INPUT, backend: "honeycomb", redMetrics: "otlp" },
      { mode: "tail", tail: { ...TAIL, collectorReplicas: 1 } }
    )[0]
    expect(honeycomb?.service.pipelines["metrics/spanmetrics"]?.exporters).toEqual(["otlp/honeycomb"])
    const tempo = buildCollectorConfigs(
      { ...DEFAULT_INPUT, redMetrics: "otlp" },
      { mode: "tail", tail: { ...TAIL, collectorReplicas: 1 } }
    )[0]
    expect(tempo?.exporters["otlphttp/metrics"]).toStrictEqual({
      endpoint: "http://prometheus.monitoring.svc.cluster.local:9090/api/v1/otlp",
    })
  })

  it("writes none when off or when the Collector does not sample, and says which SDK metrics stay complete", () => {
    const off = buildCollectorConfigs({ ...DEFAULT_INPUT, redMetrics: "off" }, { mode: "tail", tail: TAIL })
    expect(off.every((config) => config.connectors === undefined)).toBe(true)
    expect(buildCollectorConfigs(DEFAULT_INPUT)[0]?.connectors).toBeUndefined()
    const result = collectorSnippet(DEFAULT_INPUT)
    if (!result.available) throw new Error(result.reason)
    expect(result.snippet.caveats.join(" ")).toContain("http.server.request.duration")
  })
})

describe("the health-check filter", () => {
  const java = { ...DEFAULT_INPUT, language: "java" as const }

  it("is generated exactly when the plan's figures drop probes at the Collector", () => {
    fc.assert(
      fc.property(planInput, collectorOptions, (input, options) => {
        const filtered = buildCollectorConfigs(input, options).map((config) => HEALTH_CHECK_FILTER in config.processors)
        expect(filtered.every((has) => has === (probeDrop(input) === "collector"))).toBe(true)
      }),
      { numRuns: runs(200) }
    )
  })

  it("is left out when the apps send straight to a backend, which the plan counts as keeping probes", () => {
    const direct = { ...java, otlpEndpoint: "http://tempo-distributor.tempo.svc.cluster.local:4317" }
    expect(probeDrop(direct)).toBe(null)
    expect(buildCollectorConfigs(direct)[0]?.processors).not.toHaveProperty(HEALTH_CHECK_FILTER)
  })

  it("comes before any sampler in every pipeline, the load-balancing tier's included, with the plan's patterns", () => {
    const input = { ...java, excludedUrls: "^/healthz$,ready" }
    for (const options of [{ mode: "probabilistic" }, { mode: "tail" }, { mode: "tail", tail: TAIL }] as const) {
      for (const config of buildCollectorConfigs(input, options)) {
        const processors = config.service.pipelines.traces.processors
        expect(processors.slice(0, 2)).toEqual(["memory_limiter", HEALTH_CHECK_FILTER])
        expect(config.processors[HEALTH_CHECK_FILTER]).toStrictEqual({
          error_mode: "ignore",
          traces: { span: [healthCheckCondition("^/healthz$,ready")] },
        })
      }
    }
  })
})
