import { describe, expect, it } from "vitest"

import { CONFIG_IDS, generateConfigs, renderCollectorConfig, type ConfigResult } from "@/lib/configs"
import { BACKEND_IDS } from "@/lib/plan/backends"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const snippetOf = (result: ConfigResult) => {
  if (!result.available) throw new Error(`${result.id}: ${result.reason}`)
  return result.snippet
}

describe("generateConfigs", () => {
  it("returns one result per config id, in tab order", () => {
    const configs = generateConfigs(DEFAULT_INPUT)
    expect(Object.keys(configs)).toEqual([...CONFIG_IDS])
    expect(CONFIG_IDS).toEqual([
      "dotenv",
      "shell",
      "k8s",
      "compose",
      "instrumentation",
      "dapr",
      "collector",
      "collectorKubernetes",
      "collectorOperator",
      "jaegerStrategies",
      "retention",
      "declarative",
    ])
    for (const id of CONFIG_IDS) expect(configs[id].id).toBe(id)
  })

  it("gives the default plan every config, with its title, file name and language", () => {
    const rows = Object.values(generateConfigs(DEFAULT_INPUT)).map((result) => {
      const snippet = snippetOf(result)
      expect(snippet.id).toBe(result.id)
      expect(snippet.title).toBe(result.title)
      return [result.id, result.title, snippet.filename, snippet.language]
    })
    expect(rows).toEqual([
      ["dotenv", "Environment file", "otel.env", "dotenv"],
      ["shell", "Shell exports", "otel-env.sh", "shell"],
      ["k8s", "Kubernetes Deployment", "deployment.yaml", "yaml"],
      ["compose", "Docker Compose service", "docker-compose.yaml", "yaml"],
      ["instrumentation", "OpenTelemetry Operator Instrumentation", "instrumentation.yaml", "yaml"],
      ["dapr", "Dapr Configuration", "dapr-config.yaml", "yaml"],
      ["collector", "OpenTelemetry Collector", "otel-collector-config.yaml", "yaml"],
      ["collectorKubernetes", "Collector on Kubernetes", "otel-collector-k8s.yaml", "yaml"],
      ["collectorOperator", "Collector via the Operator", "otel-collector-operator.yaml", "yaml"],
      ["jaegerStrategies", "Jaeger sampling strategies", "sampling-strategies.json", "json"],
      ["retention", "Retention", "tempo-retention.yaml", "yaml"],
      ["declarative", "OpenTelemetry declarative configuration", "otel-config.yaml", "yaml"],
    ])
  })

  it("gives every snippet a one-line apply note and text caveats", () => {
    for (const result of Object.values(generateConfigs(DEFAULT_INPUT))) {
      const snippet = snippetOf(result)
      expect(snippet.applyNote).not.toContain("\n")
      expect(snippet.applyNote.length).toBeGreaterThan(0)
      expect(snippet.content.endsWith("\n")).toBe(true)
      for (const caveat of snippet.caveats) expect(typeof caveat).toBe("string")
    }
  })

  it.each([
    ["tempo", "tempo-retention.yaml"],
    ["clickhouse", "clickhouse-ttl.sql"],
    ["jaeger-elasticsearch", "jaeger-es-index-cleaner.yaml"],
    ["jaeger-cassandra", "jaeger-cassandra-ttl.yaml"],
    ["jaeger-badger", "jaeger-badger-ttl.yaml"],
  ] as const)("names the %s retention file %s", (backend, filename) => {
    expect(snippetOf(generateConfigs({ ...DEFAULT_INPUT, backend }).retention).filename).toBe(filename)
  })

  it("marks exactly the configs a plan cannot have as unavailable", () => {
    const unavailable = (input: typeof DEFAULT_INPUT) =>
      Object.values(generateConfigs(input))
        .filter((result) => !result.available)
        .map((result) => result.id)
    expect(unavailable(DEFAULT_INPUT)).toEqual([])
    expect(unavailable({ ...DEFAULT_INPUT, daprEnabled: false })).toEqual(["dapr"])
    // Neither the Instrumentation CRD nor the declarative schema has a stable parentbased_jaeger_remote.
    expect(unavailable({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" })).toEqual([
      "instrumentation",
      "declarative",
    ])
    expect(unavailable({ ...DEFAULT_INPUT, backend: "honeycomb" })).toEqual(["retention"])
    expect(unavailable({ ...DEFAULT_INPUT, excludedUrls: "x${1}" })).toEqual(["dotenv"])
  })

  it("passes the Collector options through", () => {
    const options = { collector: { mode: "probabilistic" as const, samplingPercentage: 5 } }
    expect(snippetOf(generateConfigs(DEFAULT_INPUT, options).collector).content).toBe(
      renderCollectorConfig(DEFAULT_INPUT, options.collector)
    )
    expect(snippetOf(generateConfigs(DEFAULT_INPUT, options).collector).content).toContain("sampling_percentage: 5\n")
  })

  it("is deterministic and does not mutate its input", () => {
    const input = { ...DEFAULT_INPUT }
    for (const backend of BACKEND_IDS) {
      expect(generateConfigs({ ...input, backend })).toStrictEqual(generateConfigs({ ...input, backend }))
    }
    expect(input).toStrictEqual(DEFAULT_INPUT)
  })
})
