import { describe, expect, it } from "vitest"

import { LANGUAGES } from "@/lib/plan/choices"
import {
  effectiveProbability,
  loadsFromEnv,
  rootDecision,
  SAMPLERS,
  sampledTracesPerSecond,
  samplerRun,
} from "@/lib/plan/samplers"

describe("sampledTracesPerSecond", () => {
  it.each([
    ["always_on", 5000],
    ["always_off", 0],
    ["traceidratio", 500],
    ["parentbased_always_on", 5000],
    ["parentbased_always_off", 0],
    ["parentbased_traceidratio", 500],
    ["parentbased_jaeger_remote", 500],
    ["jaeger_remote", 500],
    ["xray", 250.95],
  ] as const)("keeps the right share of 5,000 rps with %s at ratio 0.1", (sampler, expected) => {
    expect(sampledTracesPerSecond(sampler, 0.1, 5000)).toBeCloseTo(expected, 9)
  })

  it("covers every sampler the OpenTelemetry env spec lists", () => {
    expect(SAMPLERS).toEqual([
      "always_on",
      "always_off",
      "traceidratio",
      "parentbased_always_on",
      "parentbased_always_off",
      "parentbased_traceidratio",
      "parentbased_jaeger_remote",
      "jaeger_remote",
      "xray",
    ])
  })

  it("samples every request with xray while traffic stays within the 1 request/s reservoir", () => {
    expect(sampledTracesPerSecond("xray", 0.1, 0.5)).toBe(0.5)
    expect(sampledTracesPerSecond("xray", 0.1, 1)).toBe(1)
  })

  it("samples the reservoir plus 5 % of the rest with xray", () => {
    expect(sampledTracesPerSecond("xray", 0.1, 101)).toBe(6)
  })

  it("ignores the ratio for samplers that take none", () => {
    expect(sampledTracesPerSecond("always_on", 0.001, 100)).toBe(100)
    expect(sampledTracesPerSecond("parentbased_always_off", 1, 100)).toBe(0)
  })
})

describe("effectiveProbability", () => {
  it("is the ratio for ratio samplers, exactly, at any rate", () => {
    expect(effectiveProbability("parentbased_traceidratio", 0.25, 5000)).toBe(0.25)
    // rps × ratio ÷ rps gives 0.09999999999999999 at 0.7 req/s, and 0 at 5 × 10⁻³²⁴.
    expect(effectiveProbability("parentbased_traceidratio", 0.1, 0.7)).toBe(0.1)
    expect(effectiveProbability("traceidratio", 0.000123, 5e-324)).toBe(0.000123)
    expect(effectiveProbability("parentbased_always_on", 0.5, 5e-324)).toBe(1)
  })

  it("keeps every X-Ray trace while the 1 request/s reservoir holds them all", () => {
    expect(effectiveProbability("xray", 0, 0.7)).toBe(1)
    expect(effectiveProbability("xray", 0, 1)).toBe(1)
  })

  it("falls towards 5 % as X-Ray traffic grows", () => {
    expect(effectiveProbability("xray", 0, 101)).toBe(6 / 101)
    expect(effectiveProbability("xray", 0, 100_001)).toBeCloseTo(0.0500095, 7)
  })

  it("is 0 for always_off", () => {
    expect(effectiveProbability("always_off", 0.5, 5000)).toBe(0)
  })
})

describe("rootDecision", () => {
  // A Python app whose requests enter through its Dapr sidecar at 10 %; each test changes what it is about.
  const behindDapr = { daprEnabled: true, entryPoint: "sidecar", daprSamplingRate: 0.1, language: "python" } as const
  const noDapr = { ...behindDapr, daprEnabled: false }

  it("lets the Dapr sidecar decide for a parent-based app behind it", () => {
    expect(rootDecision({ sampler: "parentbased_traceidratio", ratio: 0.5, ...behindDapr })).toEqual({
      decidedBy: "dapr",
      sampler: "parentbased_traceidratio",
      ratio: 0.1,
    })
  })

  it("leaves the decision to the app when requests reach it without passing its sidecar", () => {
    expect(rootDecision({ sampler: "parentbased_traceidratio", ratio: 0.5, ...behindDapr, entryPoint: "app" })).toEqual(
      {
        decidedBy: "app",
        sampler: "parentbased_traceidratio",
        ratio: 0.5,
      }
    )
  })

  it("leaves the decision to an app that ignores its parent", () => {
    expect(rootDecision({ sampler: "traceidratio", ratio: 0.5, ...behindDapr })).toEqual({
      decidedBy: "app",
      sampler: "traceidratio",
      ratio: 0.5,
    })
  })

  it("leaves the decision to the app without Dapr", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.5, ...noDapr, language: "java" })).toEqual({
      decidedBy: "app",
      sampler: "xray",
      ratio: 0.5,
    })
  })

  it("runs the SDK's fallback when it cannot read the sampler: JS, Python and Go keep every trace", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.1, ...noDapr, language: "node" })).toEqual({
      decidedBy: "app",
      sampler: "parentbased_always_on",
      ratio: 0.1,
      unsupported: "xray",
    })
    expect(rootDecision({ sampler: "parentbased_jaeger_remote", ratio: 0.1, ...noDapr, language: "go" }).sampler).toBe(
      "parentbased_always_on"
    )
  })

  it("lets Dapr decide for an SDK whose fallback is parent-based", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.5, ...behindDapr })).toEqual({
      decidedBy: "dapr",
      sampler: "parentbased_traceidratio",
      ratio: 0.1,
      unsupported: "xray",
    })
  })

  it("keeps the sampler set where the SDK refuses the name: Java autoconfigure throws, the app only runs with a provider", () => {
    expect(rootDecision({ sampler: "xray", ratio: 0.1, ...noDapr, language: "java" }).sampler).toBe("xray")
  })
})

describe("samplerRun: what each SDK does with a name it cannot read", () => {
  // Each row: language, name set, what the SDK runs, whether it loads the name, and where its env reader says so.
  it.each([
    // diag.error('OTEL_TRACES_SAMPLER value "…" invalid, defaulting to "parentbased_always_on"').
    [
      "node",
      "jaeger_remote",
      "parentbased_always_on",
      false,
      "opentelemetry-js v2.10.0 76fa6b50 sdk-trace-base/src/config.ts",
    ],
    [
      "node",
      "xray",
      "parentbased_always_on",
      false,
      "opentelemetry-js v2.10.0 76fa6b50 sdk-node/src/create-from-env.ts",
    ],
    // _get_from_env_or_default: "Couldn't recognize sampler", then parentbased_always_on.
    [
      "python",
      "parentbased_jaeger_remote",
      "parentbased_always_on",
      false,
      "opentelemetry-python v1.44.0 53a5a40c sdk/trace/sampling.py",
    ],
    [
      "python",
      "xray",
      "parentbased_always_on",
      false,
      "opentelemetry-python v1.44.0 53a5a40c sdk/_configuration/__init__.py",
    ],
    // samplerFromEnv → errUnsupportedSampler → otel.Handle; ensureValidTracerProviderConfig → ParentBased(AlwaysSample).
    [
      "go",
      "jaeger_remote",
      "parentbased_always_on",
      false,
      "opentelemetry-go v1.45.0 93a693ed sdk/trace/sampler_env.go, provider.go",
    ],
    ["go", "xray", "parentbased_always_on", false, "opentelemetry-go v1.45.0 93a693ed sdk/trace/sampler_env.go"],
    // GetSampler default: TracesSamplerConfigInvalid (event 54), `sampler ?? new ParentBasedSampler(AlwaysOnSampler.Instance)`.
    [
      "dotnet",
      "jaeger_remote",
      "parentbased_always_on",
      false,
      "opentelemetry-dotnet core-1.18.0 9db92a4e TracerProviderSdk.cs",
    ],
    [
      "dotnet",
      "parentbased_jaeger_remote",
      "parentbased_always_on",
      false,
      "opentelemetry-dotnet core-1.18.0 TracerProviderSdk.cs",
    ],
    ["dotnet", "xray", "parentbased_always_on", false, "opentelemetry-dotnet core-1.18.0 TracerProviderSdk.cs"],
    // The agent bundles opentelemetry-sdk-extension-jaeger-remote-sampler, whose provider is named jaeger_remote.
    [
      "java",
      "jaeger_remote",
      "jaeger_remote",
      true,
      "opentelemetry-java-instrumentation v2.31.0 18da99be javaagent-tooling/build.gradle.kts",
    ],
    [
      "java",
      "parentbased_jaeger_remote",
      "parentbased_jaeger_remote",
      true,
      "opentelemetry-java v1.65.0 7bc11edc TracerProviderConfiguration.java",
    ],
    // configureSampler throws ConfigurationException: no fallback; the figures assume a distribution that registers xray.
    ["java", "xray", "xray", false, "opentelemetry-java v1.65.0 7bc11edc TracerProviderConfiguration.java"],
  ] as const)("%s with %s runs %s (loads it: %s; %s)", (...row) => {
    const [language, sampler, runs, loads] = row
    expect(samplerRun(language, sampler)).toBe(runs)
    expect(loadsFromEnv(language, sampler)).toBe(loads)
  })

  it("reads the six spec names in every SDK", () => {
    for (const language of LANGUAGES) {
      for (const sampler of SAMPLERS.slice(0, 6)) expect(samplerRun(language, sampler)).toBe(sampler)
    }
  })

  it("runs 100 % for .NET with a Jaeger remote name, not the rate assumed (issue 21: probability 1)", () => {
    const noDapr = { daprEnabled: false, entryPoint: "sidecar", daprSamplingRate: 0.1 } as const
    const decision = rootDecision({ sampler: "jaeger_remote", ratio: 0.1, ...noDapr, language: "dotnet" })
    expect(effectiveProbability(decision.sampler, decision.ratio, 10_000)).toBe(1)
  })
})
