import { describe, expect, it } from "vitest"

import { buildCollectorConfigs } from "@/lib/configs/collector"
import { buildPlan } from "@/lib/plan/build-plan"
import { figuresFor } from "@/lib/plan/figures"
import { parsePlanQuery } from "@/lib/plan/parse"
import { probeDrop, probeRequestsPerDay, probeRps, tracedProbeRps, type ProbeDrop } from "@/lib/plan/probes"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"
import { computeVolume } from "@/lib/plan/volume"

const seedProbes = { replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10 }
const toJaeger = "http://jaeger-collector.monitoring.svc.cluster.local:4317"

describe("probes", () => {
  it("sends every probe to every replica once per interval", () => {
    expect(probeRps(seedProbes)).toBe(0.9)
    expect(probeRequestsPerDay(seedProbes)).toBe(77_760)
  })

  // What drops excluded probes is what the generated configs set up:
  // - Python: OTEL_PYTHON_FASTAPI_EXCLUDED_URLS in the generated env; excluded requests create no
  //   span (opentelemetry-python-contrib util/opentelemetry-util-http get_excluded_urls).
  // - Java (opentelemetry-java-instrumentation #1060), Node (ignoreIncomingRequestHook, code only),
  //   Go (otelhttp.WithFilter, code only), .NET (the instrumentation's Filter, code only): no
  //   variable, so the generated Collector config's filter processor drops them, if the apps send
  //   to a Collector (opentelemetry-collector-contrib processor/filterprocessor README at ba96fac1:
  //   "If any condition is met, the telemetry is dropped").
  it.each<[string, Partial<PlanInput>, ProbeDrop, number]>([
    ["Python skips them in the SDK", { language: "python" }, "sdk", 0],
    ["Java: the Collector drops them, after the SDK traced them", { language: "java" }, "collector", 0.9],
    ["Node: the Collector drops them", { language: "node" }, "collector", 0.9],
    ["Go: the Collector drops them", { language: "go" }, "collector", 0.9],
    [".NET: the Collector drops them", { language: "dotnet" }, "collector", 0.9],
    ["Java sending straight to Jaeger: nothing drops them", { language: "java", otlpEndpoint: toJaeger }, null, 0.9],
    [
      "Python sending straight to Jaeger: the SDK still skips them",
      { language: "python", otlpEndpoint: toJaeger },
      "sdk",
      0,
    ],
    [
      "tail sampling puts the Collector in the path",
      { language: "go", otlpEndpoint: toJaeger, tailSampling: true },
      "collector",
      0.9,
    ],
    ["not excluded: traced everywhere", { language: "python", excludeHealthChecks: false }, null, 0.9],
  ])("%s", (_, changes, drop, tracedRps) => {
    const input = { ...DEFAULT_INPUT, ...seedProbes, ...changes }
    expect(probeDrop(input)).toBe(drop)
    expect(tracedProbeRps(input)).toBe(tracedRps)
  })

  it("samples traced probes like any root request, one span each", () => {
    const volume = computeVolume({
      rps: 100,
      peakRps: 100,
      sampler: "always_on",
      ratio: 1,
      spansPerTrace: 10,
      spanBytes: 500,
      tracedProbeRps: 1,
    })
    expect(volume.probeTracesPerDay).toBe(86_400)
    expect(volume.tracesPerDay).toBe(8_726_400)
    expect(volume.spansPerDay).toBe(86_486_400)
  })

  it("shares X-Ray's one-per-second reservoir between users and probes", () => {
    const volume = computeVolume({
      rps: 1,
      peakRps: 1,
      sampler: "xray",
      ratio: 0,
      spansPerTrace: 10,
      spanBytes: 500,
      tracedProbeRps: 1,
    })
    // 2 req/s: 1 reservoir + 5 % of 1 = 1.05 traces/s, half of them probes
    expect(volume.tracesPerDay).toBeCloseTo(90_720, 6)
    expect(volume.probeTracesPerDay).toBeCloseTo(45_360, 6)
  })

  it("keeps none of the probes a Collector drops, though they took their share of the reservoir", () => {
    const volume = computeVolume({
      rps: 1,
      peakRps: 1,
      sampler: "xray",
      ratio: 0,
      spansPerTrace: 10,
      spanBytes: 500,
      tracedProbeRps: 1,
      probesDroppedAtCollector: true,
    })
    // The users' half of the 1.05 traces/s above, and nothing of the probes'.
    expect(volume.tracesPerDay).toBeCloseTo(45_360, 6)
    expect(volume.probeTracesPerDay).toBe(0)
    expect(volume.spansPerDay).toBeCloseTo(453_600, 6)
    expect(volume.peakTracesPerSecond).toBeCloseTo(0.525, 12)
  })
})

// Issue 21's check: language=java&rps=1&replicas=10&sampler=parentbased_always_on&daprIngress=false.
// 10 replicas × 3 probes ÷ 10 s = 3 probes/s beside 1 request/s: until now the probes were credited
// as never traced (86,400 traces/day) though nothing generated dropped them for Java.
describe("issue 21's Java check", () => {
  const query = "language=java&rps=1&replicas=10&sampler=parentbased_always_on&daprIngress=false"
  const parsed = parsePlanQuery(new URLSearchParams(query), { unknownKeys: "reject" })
  if (!parsed.success) throw new Error(parsed.error)
  const input = parsed.data
  const appToCollectorGb = (changes: Partial<PlanInput>) =>
    figuresFor({ ...input, ...changes }).cost.items.flatMap((item) =>
      item.what === "network" && item.hop === "app-to-collector" ? [item.wireGbPerMonth] : []
    )[0]

  it("keeps 4× the traces when the apps send past the Collector (nothing drops the probes)", () => {
    const plan = buildPlan({ ...input, otlpEndpoint: toJaeger })
    // (1 + 3) traces/s × 86,400 s
    expect(plan.volume.tracesPerDay).toBe(345_600)
    expect(plan.volume.probeTracesPerDay).toBe(259_200)
    // 1 × 30 spans + 3 × 1 span, a second
    expect(plan.volume.spansPerDay).toBe(2_851_200)
    expect(plan.probes.droppedBy).toBeNull()
    expect(plan.warnings.map((warning) => warning.id)).toContain("health-checks-traced")
  })

  it("keeps 1× when the generated Collector filter drops them, and still carries them to the Collector", () => {
    const plan = buildPlan(input)
    expect(plan.probes.droppedBy).toBe("collector")
    expect(plan.volume.tracesPerDay).toBe(86_400)
    expect(plan.volume.probeTracesPerDay).toBe(0)
    expect(plan.warnings.map((warning) => warning.id)).not.toContain("health-checks-traced")
    // Sent: (30 + 3) spans/s × 500 B × 86,400 s = 1.4256 GB/day, × 30.4 days; without probes 1.296 GB/day.
    expect(appToCollectorGb({})).toBeCloseTo(43.33824, 9)
    expect(appToCollectorGb({ probesPerReplica: 0 })).toBeCloseTo(39.3984, 9)
    // …and the probes cost what that hop charges for them: 3.93984 GB × 2/3 crossing × $0.02/GB.
    expect(plan.probes.monthlyUsd).toBeCloseTo(0.0525312, 9)
    expect(plan.assumptions.some((a) => a.startsWith("The Java SDK has no excluded-URL variable"))).toBe(true)
  })

  it("writes the filter processor that drops them, before any sampler", () => {
    const [config] = buildCollectorConfigs(input)
    expect(config?.processors["filter/health-checks"]).toEqual({
      error_mode: "ignore",
      traces: {
        span: [
          'kind == SPAN_KIND_SERVER and (IsMatch(attributes["url.path"], "health|metrics|readiness") or IsMatch(attributes["http.target"], "health|metrics|readiness"))',
        ],
      },
    })
    expect(config?.service.pipelines.traces.processors).toEqual(["memory_limiter", "filter/health-checks", "batch"])
  })
})
