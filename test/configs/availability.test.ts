import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CONFIG_IDS, CONFIG_TITLES, configAvailability, configUnavailableReason, generateConfigs } from "@/lib/configs"
import { BACKEND_IDS } from "@/lib/plan/backends"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { collectorOptions, planInput, PROPERTY_TIMEOUT_MS } from "../arbitraries"

describe("configAvailability", () => {
  it("says the default plan can have every config", () => {
    expect(configAvailability(DEFAULT_INPUT)).toEqual({
      dotenv: true,
      shell: true,
      k8s: true,
      compose: true,
      instrumentation: true,
      dapr: true,
      collector: true,
      collectorKubernetes: true,
      collectorOperator: true,
      jaegerStrategies: true,
      retention: true,
      declarative: true,
    })
  })

  it("refuses the Collector's manifests when the apps send straight to a backend and nothing tail-samples", () => {
    const direct = { ...DEFAULT_INPUT, otlpEndpoint: "https://api.honeycomb.io:443", backend: "honeycomb" as const }
    const reason =
      "The apps send to api.honeycomb.io, a backend's own OTLP intake, so this plan runs no Collector: point the apps at one (http://otel-collector.observability.svc.cluster.local:4317) or turn on tail sampling to get its manifests."
    expect(configUnavailableReason("collectorKubernetes", direct)).toBe(reason)
    expect(configUnavailableReason("collectorOperator", direct)).toBe(reason)
    expect(configUnavailableReason("collectorKubernetes", { ...direct, tailSampling: true })).toBeUndefined()
    expect(configUnavailableReason("collectorKubernetes", direct, { mode: "tail" })).toBeUndefined()
    // Invalid Collector options are refused with the Collector's own message.
    expect(
      configUnavailableReason("collectorOperator", DEFAULT_INPUT, { mode: "probabilistic", samplingPercentage: 101 })
    ).toBe("Collector sampling percentage must be between 0 and 100.")
  })

  it("names what is missing: Dapr off, a SaaS backend's retention, a sampler the Operator rejects, an unquotable .env value", () => {
    expect(configUnavailableReason("dapr", { ...DEFAULT_INPUT, daprEnabled: false })).toBe(
      "Dapr is off in this plan: turn on the Dapr sidecar to get a tracing Configuration."
    )
    expect(configUnavailableReason("retention", { ...DEFAULT_INPUT, backend: "honeycomb" })).toMatch(
      /^Honeycomb keeps traces for as long as your vendor plan says/
    )
    expect(
      configUnavailableReason("instrumentation", { ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" })
    ).toMatch(/^The Operator's Instrumentation CRD does not list parentbased_jaeger_remote/)
    expect(
      configUnavailableReason("dotenv", {
        ...DEFAULT_INPUT,
        environment: "production",
        serviceName: "task-api",
        excludedUrls: "a'b",
      })
    ).toMatch(/^OTEL_PYTHON_FASTAPI_EXCLUDED_URLS contains a quote/)
    expect(
      configUnavailableReason("collector", DEFAULT_INPUT, { mode: "probabilistic", samplingPercentage: 150 })
    ).toBe("Collector sampling percentage must be between 0 and 100.")
  })

  it("gives retention a file for each of the 5 self-hosted backends and none for the 6 SaaS ones", () => {
    const withFile = BACKEND_IDS.filter((backend) => configAvailability({ ...DEFAULT_INPUT, backend }).retention)
    expect(withFile).toEqual(["tempo", "clickhouse", "jaeger-elasticsearch", "jaeger-cassandra", "jaeger-badger"])
  })

  it(
    "always agrees with the generators, title and reason included, for any plan and Collector options",
    () => {
      fc.assert(
        fc.property(planInput, fc.option(collectorOptions, { nil: undefined }), (input, collector) => {
          const configs = generateConfigs(input, { collector })
          for (const id of CONFIG_IDS) {
            const result = configs[id]
            expect(result.title).toBe(CONFIG_TITLES[id])
            expect(configUnavailableReason(id, input, collector)).toBe(result.available ? undefined : result.reason)
          }
        }),
        { numRuns: 150 }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe("Collector manifests past 1,000 replicas", () => {
  it("are refused with the reason, while the Collector config itself is still written", () => {
    // 1e9 req/s × 10 % × 30 spans = 3e9 spans/s at peak ÷ 10,000 per replica = 300,000 replicas.
    const input = { ...DEFAULT_INPUT, rps: 1e9, peakRps: 1e9 }
    expect(configUnavailableReason("collector", input)).toBeUndefined()
    expect(configUnavailableReason("collectorKubernetes", input)).toMatch(
      /^This plan needs more than 1,000 Collector replicas/
    )
    expect(configUnavailableReason("collectorOperator", input)).toMatch(/more than 1,000 Collector replicas/)
    expect(configUnavailableReason("collectorKubernetes", DEFAULT_INPUT)).toBeUndefined()
  })
})
