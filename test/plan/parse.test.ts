import { describe, expect, it } from "vitest"

import {
  inputToFormValues,
  parsePlanInput,
  parsePlanQuery,
  planToQueryString,
  salvagePlanInput,
} from "@/lib/plan/parse"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const strict = { unknownKeys: "reject" } as const
const messageFor = (raw: unknown, path: string) => {
  const result = parsePlanInput(raw, strict)
  if (result.success) throw new Error("expected the input to be rejected")
  return result.issues.find((issue) => issue.path === path)?.message
}

describe("parsePlanInput", () => {
  it("fills every missing field with the seed defaults", () => {
    expect(parsePlanInput({}, strict)).toEqual({ success: true, data: DEFAULT_INPUT })
  })

  it("reads numbers given as text, as forms and URLs send them", () => {
    const result = parsePlanInput({ rps: " 10000 ", ratio: "1e-3", retentionDays: "30" }, strict)
    expect(result).toMatchObject({ success: true, data: { rps: 10_000, ratio: 0.001, retentionDays: 30 } })
  })

  it("takes the sampling ratio as Dapr's rate when none is given", () => {
    expect(parsePlanInput({ ratio: "0.05" }, strict)).toMatchObject({ success: true, data: { daprSamplingRate: 0.05 } })
  })

  it("reads booleans as true or false in any case", () => {
    expect(parsePlanInput({ daprEnabled: "FALSE", excludeHealthChecks: false }, strict)).toMatchObject({
      success: true,
      data: { daprEnabled: false, excludeHealthChecks: false },
    })
  })

  it("accepts endpoints on non-OTLP ports such as an ingress on 443", () => {
    expect(
      parsePlanInput({ otlpEndpoint: "https://otlp.example.com", protocol: "http/protobuf" }, strict).success
    ).toBe(true)
  })

  it("tidies spaces around excluded URL patterns", () => {
    expect(parsePlanInput({ excludedUrls: " health , metrics " }, strict)).toMatchObject({
      success: true,
      data: { excludedUrls: "health,metrics" },
    })
  })

  it("derives spans per trace from a request path, given as text or as a list", () => {
    expect(parsePlanInput({ topology: "gateway.i1.o4~orders.i2.d2.c1", spansPerTrace: "99" }, strict)).toMatchObject({
      success: true,
      data: {
        spansPerTrace: 12,
        topology: [
          { name: "gateway", outgoingCalls: 4 },
          { name: "orders", dbCalls: 2 },
        ],
      },
    })
    expect(
      parsePlanInput({ topology: [{ name: "task-api", internalSpans: 2, dbCalls: 1, dapr: true }] }, strict)
    ).toMatchObject({
      success: true,
      data: { spansPerTrace: 6 },
    })
  })

  it("holds a trace's spans in one service's internal spans, up to the spans per trace limit", () => {
    expect(parsePlanInput({ topology: "batch.i4998.d1" }, strict)).toMatchObject({
      success: true,
      data: { spansPerTrace: 5000 },
    })
    expect(parsePlanInput({ topology: "batch.i99999" }, strict)).toMatchObject({
      success: true,
      data: { spansPerTrace: 100_000 },
    })
  })

  it("treats an empty request path as typed spans per trace", () => {
    expect(parsePlanInput({ topology: "", spansPerTrace: "12" }, strict)).toMatchObject({
      success: true,
      data: { topology: null, spansPerTrace: 12 },
    })
  })

  it("takes the average rate as the peak when no peak is given", () => {
    expect(parsePlanInput({ rps: 1234 }, strict)).toMatchObject({ success: true, data: { peakRps: 1234 } })
  })

  it("reads sampler and backend names in any case and with stray spaces", () => {
    const result = parsePlanInput({ sampler: " ParentBased_TraceIdRatio", backend: "ClickHouse" }, strict)
    expect(result).toMatchObject({
      success: true,
      data: { sampler: "parentbased_traceidratio", backend: "clickhouse" },
    })
  })

  it("accepts every sampler the OpenTelemetry env spec lists", () => {
    for (const sampler of [
      "always_on",
      "always_off",
      "traceidratio",
      "parentbased_always_on",
      "parentbased_always_off",
      "parentbased_traceidratio",
      "parentbased_jaeger_remote",
      "jaeger_remote",
      "xray",
    ]) {
      expect(parsePlanInput({ sampler }, strict).success).toBe(true)
    }
  })

  describe("messages a person understands", () => {
    it.each([
      [{ rps: "0" }, "rps", "Requests per second must be greater than 0."],
      [{ rps: "-5" }, "rps", "Requests per second must be greater than 0."],
      [{ rps: "" }, "rps", "Enter requests per second, e.g. 5000."],
      // A comma that does not group thousands is refused, not guessed (decimal comma or typo).
      [
        { rps: "1,5" },
        "rps",
        'Requests per second "1,5" is ambiguous: use a point for decimals (1.5); a comma only groups thousands, as in 1,500.',
      ],
      [{ rps: "5000x" }, "rps", "Requests per second must be a number, e.g. 5000 (5,000, 5k and 1.2M work too)."],
      [{ rps: "Infinity" }, "rps", "Requests per second must be a number, e.g. 5000 (5,000, 5k and 1.2M work too)."],
      [{ rps: "0x10" }, "rps", "Requests per second must be a number, e.g. 5000 (5,000, 5k and 1.2M work too)."],
      [{ rps: "10%" }, "rps", "Requests per second takes a number, not a percentage: e.g. 5000."],
      [{ rps: 1e10 }, "rps", "Requests per second must be at most 1,000,000,000."],
      [
        { rps: 5000, peakRps: 4000 },
        "peakRps",
        "Peak requests per second (4,000) must be at least the average (5,000).",
      ],
      [{ retentionDays: "7.5" }, "retentionDays", "Retention must be a whole number of days."],
      [{ retentionDays: "0" }, "retentionDays", "Retention must be at least 1 day."],
      [{ retentionDays: "3651" }, "retentionDays", "Retention must be at most 3,650 days (10 years)."],
      [{ ratio: "10" }, "ratio", "Sampling ratio is a fraction between 0 and 1: for 10 %, type 0.1."],
      [{ ratio: "1.5" }, "ratio", "Sampling ratio is a fraction between 0 and 1: for 1.5 %, type 0.015."],
      [{ ratio: "33.3" }, "ratio", "Sampling ratio is a fraction between 0 and 1: for 33.3 %, type 0.333."],
      [{ ratio: "250" }, "ratio", "Sampling ratio must be between 0 and 1 (0.1 keeps 10 %)."],
      [{ ratio: "-0.1" }, "ratio", "Sampling ratio must be between 0 and 1 (0.1 keeps 10 %)."],
      [{ ratio: "150%" }, "ratio", 'Sampling ratio is a share between 0 % and 100 % (0 to 1): "150%" is outside it.'],
      [{ ratio: "ten" }, "ratio", "Sampling ratio must be a number between 0 and 1 or a percentage, e.g. 0.1 or 10 %."],
      [{ spansPerTrace: "0.5" }, "spansPerTrace", "Spans per trace must be at least 1 (the root span)."],
      [{ spanBytes: "0" }, "spanBytes", "Bytes per span must be greater than 0."],
      [{ apmHosts: "2.5" }, "apmHosts", "Datadog APM hosts must be a whole number."],
      // The Collector's latency policy and decision wait take whole units: a fraction would leave no Collector config.
      [{ slowThresholdMs: "1500.5" }, "slowThresholdMs", "Slow threshold must be a whole number of ms."],
      [
        { tailDecisionWaitSeconds: "1.5" },
        "tailDecisionWaitSeconds",
        "Decision wait must be a whole number of seconds.",
      ],
      [
        { serviceName: "Task_API" },
        "serviceName",
        'Service name must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. task-api).',
      ],
      [
        { serviceName: "a".repeat(64) },
        "serviceName",
        "Service name must be at most 63 characters (a Kubernetes name).",
      ],
      [{ namespace: "" }, "namespace", "Enter a namespace, e.g. tasks."],
      [
        { namespace: "tasks\nkind: Secret" },
        "namespace",
        'Namespace must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. tasks).',
      ],
      [
        { otlpEndpoint: "otel-collector:4317" },
        "otlpEndpoint",
        "OTLP endpoint must start with http:// or https://, e.g. http://otel-collector:4317; the scheme decides TLS.",
      ],
      [
        { otlpEndpoint: "collector" },
        "otlpEndpoint",
        "OTLP endpoint must be a URL with a scheme, e.g. http://otel-collector:4317.",
      ],
      [
        { otlpEndpoint: "http://otel collector:4317" },
        "otlpEndpoint",
        "OTLP endpoint must be a URL without spaces, quotes, backslashes or control characters.",
      ],
      [
        { otlpEndpoint: "http://otel:4317\u0000" },
        "otlpEndpoint",
        "OTLP endpoint must be a URL without spaces, quotes, backslashes or control characters.",
      ],
      [
        { otlpEndpoint: "http://user:pw@otel:4317" },
        "otlpEndpoint",
        "OTLP endpoint must not carry a user name or password; use headers for credentials.",
      ],
      [
        { otlpEndpoint: "http://otel:4318", protocol: "grpc" },
        "otlpEndpoint",
        "Port 4318 is OTLP over http/protobuf; with grpc use port 4317, or switch the protocol to http/protobuf.",
      ],
      [{ protocol: "http" }, "protocol", 'Unknown OTLP protocol "http". Use one of: grpc, http/protobuf.'],
      [{ language: "rust" }, "language", 'Unknown language "rust". Use one of: python, node, java, go, dotnet.'],
      [{ daprEnabled: "yes" }, "daprEnabled", "Dapr sidecar must be true or false."],
      [
        { daprSamplingRate: "2" },
        "daprSamplingRate",
        "Dapr sampling rate is a fraction between 0 and 1: for 2 %, type 0.02.",
      ],
      [
        { daprSamplingRate: "150" },
        "daprSamplingRate",
        'Dapr sampling rate must be between 0 and 1 ("1" traces every request Dapr starts).',
      ],
      [{ errorRate: "5" }, "errorRate", "Error rate is a fraction between 0 and 1: for 5 %, type 0.05."],
      [{ slowRate: "250" }, "slowRate", "Slow requests is a fraction between 0 and 1 (0.05 = 5 %)."],
      [{ replicas: "0" }, "replicas", "Replicas must be at least 1."],
      [
        { image: "Task API" },
        "image",
        "Container image must be an image reference such as ghcr.io/acme/task-api:1.4.2 (lowercase repository, optional :tag or @sha256:digest).",
      ],
      [{ containerPort: "70000" }, "containerPort", "Container port must be between 1 and 65,535."],
      [
        { topology: "gateway.x3" },
        "topology",
        'Request path: Service "gateway": "x3" is not i<n>, d<n>, c<n>, o<n> or dapr.',
      ],
      [
        { topology: "Gateway.i1" },
        "topology.0.name",
        'Service "Gateway" on the request path: its name must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. orders).',
      ],
      [
        { topology: "gateway.i1~Orders.d2" },
        "topology.1.name",
        'Service "Orders" on the request path: its name must be a Kubernetes name: lowercase letters, digits and "-", starting and ending with a letter or digit (e.g. orders).',
      ],
      [
        { topology: "gateway.i5.i6" },
        "topology",
        'Request path: Service "gateway" has internal spans twice ("i5" and "i6"); give it once.',
      ],
      [
        { topology: "gateway.dapr.d1.dapr" },
        "topology",
        'Request path: Service "gateway" has dapr twice ("dapr" and "dapr"); give it once.',
      ],
      [
        { topology: [{ name: "a", dbCalls: -1 }] },
        "topology.0.dbCalls",
        'Service "a" on the request path: database calls must be 0 or more.',
      ],
      [
        { topology: [{ name: "a" }, { dbCalls: 1.5 }] },
        "topology.1.dbCalls",
        "Service 2 on the request path: database calls must be a whole number.",
      ],
      [
        { topology: [{ name: "a", db: 1 }] },
        "topology.0",
        'Service "a" on the request path: unknown part "db"; a service has name, internalSpans, dbCalls, cacheCalls, outgoingCalls, dapr.',
      ],
      [
        { topology: ["a.d1"] },
        "topology.0",
        'Service 1 on the request path: it must be an object such as {"name": "orders", "dbCalls": 2}.',
      ],
      [{ topology: [] }, "topology", "Request path needs at least one service."],
      [
        { topology: "batch.i100001" },
        "topology.0.internalSpans",
        'Service "batch" on the request path: internal spans must be at most 100,000.',
      ],
      [
        { topology: "a.d1001" },
        "topology.0.dbCalls",
        'Service "a" on the request path: database calls must be at most 1,000.',
      ],
      [
        { topology: "a.i99999.d1~b.i5" },
        "topology",
        "Request path adds up to 100,007 spans per trace; at most 100,000.",
      ],
      [
        { probeIntervalSeconds: "0" },
        "probeIntervalSeconds",
        "Probe interval must be at least 1 second (Kubernetes periodSeconds minimum).",
      ],
      [
        { growthPercentPerMonth: "-60" },
        "growthPercentPerMonth",
        "Traffic growth must be between -50 % and 200 % per month.",
      ],
      [{ horizonMonths: "61" }, "horizonMonths", "Planning horizon must be between 1 and 60 months."],
      [
        { excludedUrls: "health,,metrics" },
        "excludedUrls",
        "Excluded URLs must be a comma-separated list without empty entries, e.g. health,metrics,readiness.",
      ],
      [
        { excludedUrls: "health,me trics" },
        "excludedUrls",
        'Excluded URL pattern "me trics" may only use letters, digits and / . _ ~ * ? + ^ $ ( ) [ ] { } | \\ -.',
      ],
    ])("rejects %j with a message on %s", (raw, path, message) => {
      expect(messageFor(raw, path)).toBe(message)
    })

    it("lists the samplers when the name is unknown", () => {
      expect(messageFor({ sampler: "probabilistic" }, "sampler")).toBe(
        'Unknown sampler "probabilistic". Use one of: always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, parentbased_jaeger_remote, jaeger_remote, xray.'
      )
    })

    it("lists the backends when the id is unknown", () => {
      expect(messageFor({ backend: "zipkin" }, "backend")).toMatch(
        /^Unknown backend "zipkin"\. Use one of: tempo, clickhouse,/
      )
    })

    it("names an unknown field instead of ignoring a typo", () => {
      expect(messageFor({ retention: 30 }, "retention")).toMatch(
        /^Unknown field "retention" \(did you mean retentionDays\?\)\. Known fields: rps, peakRps, retentionDays, sampler, ratio, .*, topology, errorRate, .*, storageCapBytes, otlpAuthSecret\.$/
      )
    })

    it("explains that the plan must be an object", () => {
      expect(parsePlanInput([1, 2], strict)).toMatchObject({
        success: false,
        error: 'The plan must be a JSON object of fields, e.g. {"rps": 5000}.',
      })
    })

    it("summarizes several problems in its error", () => {
      expect(parsePlanInput({ rps: "0", retentionDays: "0" }, strict)).toMatchObject({
        success: false,
        error: "Requests per second must be greater than 0. (and 1 more)",
      })
    })
  })

  it("ignores unknown fields when asked to, as the page does for tracking parameters", () => {
    expect(parsePlanInput({ utm_source: "slack", rps: "10" }, { unknownKeys: "ignore" })).toMatchObject({
      success: true,
      data: { rps: 10 },
    })
  })
})

describe("parsePlanQuery", () => {
  it("reads a page URL's query", () => {
    expect(parsePlanQuery(new URLSearchParams("rps=10000&sampler=xray"), strict)).toMatchObject({
      success: true,
      data: { rps: 10_000, sampler: "xray" },
    })
  })

  it("refuses a field given twice", () => {
    expect(parsePlanQuery(new URLSearchParams("rps=10&rps=20"), strict)).toMatchObject({
      success: false,
      issues: [{ path: "rps", message: '"rps" appears 2 times in the URL; give it once.' }],
    })
  })

  it("names __proto__ as an unknown field, as it does constructor, rather than dropping it unseen", () => {
    for (const key of ["__proto__", "constructor"]) {
      const result = parsePlanQuery(new URLSearchParams(`${key}=1`), strict)
      expect(result.success).toBe(false)
      if (!result.success) expect(result.issues[0]?.message).toMatch(new RegExp(`^Unknown field "${key}"`))
    }
  })
})

describe("planToQueryString", () => {
  it("writes every field in form order, keeping URLs readable", () => {
    expect(planToQueryString(DEFAULT_INPUT)).toBe(
      "rps=5000&peakRps=5000&retentionDays=7&sampler=parentbased_traceidratio&ratio=0.1&spansPerTrace=30&spanBytes=500&backend=tempo&apmHosts=10" +
        "&tempoVersion=3.x&datadogCommitment=annual&newRelicFullUsers=1&computeUsdPerVcpuMonth=29.53&computeUsdPerGbMonth=3.24&collectorUsdPerCoreMonth=0&zones=3&interZoneUsdPerGb=0.02&egressUsdPerGb=0.09" +
        "&serviceName=task-api&namespace=default&environment=production&language=python" +
        "&otlpEndpoint=http://otel-collector.observability.svc.cluster.local:4317&protocol=grpc&daprEnabled=true&daprIngress=true&entryPoint=sidecar&daprSamplingRate=0.1" +
        "&replicas=3&image=registry.example.com/task-api:1.0.0&containerPort=8000&excludeHealthChecks=true&excludedUrls=health,metrics,readiness" +
        "&probesPerReplica=3&probeIntervalSeconds=10&growthPercentPerMonth=0&horizonMonths=12" +
        "&errorRate=0.01&slowRate=0.05&slowThresholdMs=1000&tailSampling=false&redMetrics=prometheusremotewrite&tailKeepErrors=true&tailKeepSlow=true" +
        "&tailBaselinePercent=10&tailSpansPerSecond=0&tailDecisionWaitSeconds=30&keepAllErrors=true&minTracesPerMinutePerEndpoint=1" +
        // No budget ("none") is no parameter.
        "&storageCapBytes=0&otlpAuthSecret=otlp-auth"
    )
  })

  it("writes a request path in its compact form", () => {
    expect(
      planToQueryString({
        ...DEFAULT_INPUT,
        topology: [{ name: "task-api", internalSpans: 2, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: true }],
        spansPerTrace: 6,
      })
    ).toMatch(/&topology=task-api\.i2\.d1\.dapr&errorRate=/)
  })

  it("round-trips through parsePlanQuery to the same input", () => {
    const input = {
      ...DEFAULT_INPUT,
      rps: 0.25,
      peakRps: 12.5,
      ratio: 1e-7,
      sampler: "xray" as const,
      backend: "jaeger-cassandra" as const,
      otlpEndpoint: "https://otel.example.com:443/base/",
      protocol: "http/protobuf" as const,
      daprEnabled: false,
      excludedUrls: "client/.*/info,^/healthz$",
      topology: [
        { name: "gateway", internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 2, dapr: true },
        { name: "orders", internalSpans: 0, dbCalls: 3, cacheCalls: 1, outgoingCalls: 0, dapr: false },
      ],
      spansPerTrace: 12,
      endpoints: [
        { name: "GET /tasks/{id}", share: 0.6 },
        { name: "grpc:/tasks.v1.Tasks/Create", share: 0.25 },
      ],
    }
    expect(parsePlanQuery(new URLSearchParams(planToQueryString(input)), strict)).toEqual({
      success: true,
      data: input,
    })
  })
})

describe("inputToFormValues", () => {
  it("shows every field as text", () => {
    expect(inputToFormValues(DEFAULT_INPUT)).toEqual({
      rps: "5000",
      peakRps: "5000",
      retentionDays: "7",
      sampler: "parentbased_traceidratio",
      ratio: "0.1",
      spansPerTrace: "30",
      spanBytes: "500",
      backend: "tempo",
      apmHosts: "10",
      tempoVersion: "3.x",
      datadogCommitment: "annual",
      newRelicFullUsers: "1",
      computeUsdPerVcpuMonth: "29.53",
      computeUsdPerGbMonth: "3.24",
      collectorUsdPerCoreMonth: "0",
      zones: "3",
      interZoneUsdPerGb: "0.02",
      egressUsdPerGb: "0.09",
      serviceName: "task-api",
      namespace: "default",
      environment: "production",
      language: "python",
      otlpEndpoint: "http://otel-collector.observability.svc.cluster.local:4317",
      protocol: "grpc",
      daprEnabled: "true",
      daprIngress: "true",
      entryPoint: "sidecar",
      daprSamplingRate: "0.1",
      replicas: "3",
      image: "registry.example.com/task-api:1.0.0",
      containerPort: "8000",
      excludeHealthChecks: "true",
      excludedUrls: "health,metrics,readiness",
      probesPerReplica: "3",
      probeIntervalSeconds: "10",
      growthPercentPerMonth: "0",
      horizonMonths: "12",
      topology: "",
      errorRate: "0.01",
      slowRate: "0.05",
      slowThresholdMs: "1000",
      endpoints: "",
      tailSampling: "false",
      redMetrics: "prometheusremotewrite",
      tailKeepErrors: "true",
      tailKeepSlow: "true",
      tailBaselinePercent: "10",
      tailSpansPerSecond: "0",
      tailDecisionWaitSeconds: "30",
      keepAllErrors: "true",
      minTracesPerMinutePerEndpoint: "1",
      // No budget: an empty box.
      budgetUsdPerMonth: "",
      storageCapBytes: "0",
      otlpAuthSecret: "otlp-auth",
    })
  })
})

describe("salvagePlanInput", () => {
  it("keeps valid fields and defaults the broken ones", () => {
    expect(salvagePlanInput({ rps: "abc", retentionDays: "30", ratio: "2" })).toEqual({
      ...DEFAULT_INPUT,
      retentionDays: 30,
    })
  })

  it("drops a peak below the average rather than the average", () => {
    expect(salvagePlanInput({ rps: "100", peakRps: "50" })).toEqual({ ...DEFAULT_INPUT, rps: 100, peakRps: 100 })
  })
})

describe("invisible and text-direction characters", () => {
  const strict = { unknownKeys: "reject" } as const

  it("refuses them in the OTLP endpoint, naming the character (a link could show one host and export to another)", () => {
    for (const [text, code] of [
      ["http://otel\u202Ecollector:4317", "U+202E"],
      ["http://otel-collector\u200B.example:4317", "U+200B"],
      ["http://otel-collector:4317/\u2066x", "U+2066"],
    ] as const) {
      expect(parsePlanInput({ otlpEndpoint: text }, strict)).toMatchObject({
        success: false,
        issues: [
          {
            path: "otlpEndpoint",
            message: `OTLP endpoint must not contain invisible or text-direction characters (it has ${code}): they can make an address read as another.`,
          },
        ],
      })
    }
  })

  it("refuses them in endpoint names, and keeps other Unicode", () => {
    expect(parsePlanInput({ endpoints: "GET /t\u202Eset:0.5" }, strict)).toMatchObject({
      success: false,
      issues: [
        {
          path: "endpoints.0.name",
          message:
            'Endpoint names cannot contain invisible or text-direction characters ("GET /t\u202Eset" has U+202E).',
        },
      ],
    })
    expect(parsePlanInput({ endpoints: "GET /café:0.5~POST /日本:0.2" }, strict).success).toBe(true)
  })
})

describe("enum messages quote what was sent, bounded", () => {
  it("names a list or an object by what it is, and long text by its start", () => {
    const strict = { unknownKeys: "reject" } as const
    const message = (sampler: unknown) => {
      const result = parsePlanInput({ sampler }, strict)
      return result.success ? "" : result.error
    }
    expect(message([["a"]])).toMatch(/^Unknown sampler a list\. Use one of: /)
    expect(message({ a: 1 })).toMatch(/^Unknown sampler an object\. Use one of: /)
    expect(message("x".repeat(5000))).toMatch(new RegExp(`^Unknown sampler "${"x".repeat(60)}"…\\. Use one of: `))
  })
})
