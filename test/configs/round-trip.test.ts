import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseAllDocuments } from "yaml"

import {
  buildBadgerRetention,
  buildCassandraRetention,
  buildCollectorConfigs,
  buildCollectorManifests,
  buildCollectorOperatorResources,
  buildComposeFile,
  buildDaprConfiguration,
  buildDeclarativeConfig,
  buildDeployment,
  buildEsIndexCleanerCronJob,
  buildInstrumentation,
  buildJaegerStrategies,
  buildTempoRetention,
  collectorTiers,
  composeOtelEnv,
  declarativeRefusal,
  generateConfigs,
  OPERATOR_SAMPLING_SERVICE,
  instrumentationRefusal,
  renderClickHouseTtl,
  renderComposeFile,
  renderDaprConfiguration,
  renderDeployment,
  type CollectorOptions,
} from "@/lib/configs"
import { DEFAULT_INPUT, planInputSchema, type PlanInput } from "@/lib/plan/schema"

import { collectorOptions, hostileString, planInput, PROPERTY_TIMEOUT_MS, runs } from "../arbitraries"
import { daprConfigurationSchema, instrumentationSchema, validateOpenTelemetryCollector } from "./crd-schemas"
import { isCustomResource, isKubernetesObject, validateKubernetesObject } from "./kubernetes-schemas"

/** The part of a Collector config the debug check reads. */
interface CollectorConfigShape {
  exporters: Record<string, unknown>
  service: { pipelines: { traces: { exporters: string[] } } }
}

/** Every document of a YAML text, read as YAML 1.2 and as YAML 1.1 (kubectl's go-yaml v2); both must agree. */
function readYaml(text: string): unknown[] {
  const read = (version: "1.1" | "1.2") =>
    parseAllDocuments(text, { version }).map((doc) => {
      expect(doc.errors).toEqual([])
      expect(doc.warnings).toEqual([])
      return doc.toJS() as unknown
    })
  const documents = read("1.2")
  expect(read("1.1")).toStrictEqual(documents)
  return documents
}

function retentionDocuments(input: PlanInput): unknown[] | string | undefined {
  switch (input.backend) {
    case "tempo":
      return buildTempoRetention(input)
    case "jaeger-elasticsearch":
      return [buildEsIndexCleanerCronJob(input)]
    case "jaeger-cassandra":
      return [buildCassandraRetention(input)]
    case "jaeger-badger":
      return [buildBadgerRetention(input)]
    case "clickhouse":
      return renderClickHouseTtl(input)
    default:
      return undefined
  }
}

/**
 * Reads back every YAML and JSON config generated for a plan and checks it is exactly the intended
 * object (so no input added, lost or retyped a key), and that the custom resources pass their CRD schemas.
 */
function expectEveryConfigReadsBack(input: PlanInput, options?: CollectorOptions): void {
  const configs = generateConfigs(input, { collector: options })
  const content = (id: keyof typeof configs) => {
    const result = configs[id]
    return result.available ? result.snippet.content : undefined
  }

  const deployment = readYaml(renderDeployment(input))
  expect(deployment).toStrictEqual([buildDeployment(input)])
  expect(content("k8s")).toBe(renderDeployment(input))
  for (const entry of buildDeployment(input).spec.template.spec.containers[0].env) {
    if ("value" in entry) expect(typeof entry.value).toBe("string")
    else expect(entry.valueFrom.secretKeyRef).toStrictEqual({ name: input.otlpAuthSecret, key: "otlp-headers" })
  }

  expect(readYaml(renderComposeFile(input, options))).toStrictEqual([buildComposeFile(input, options)])
  expect(content("compose")).toBe(renderComposeFile(input, options))
  const environment = buildComposeFile(input, options).services[input.serviceName]?.environment ?? {}
  // Compose turns $$ back into $: what the container sees is exactly the SDK environment.
  // A secret is interpolated from the .env file, which holds the SDK environment's value.
  const dotenv = Object.fromEntries(composeOtelEnv(input, options).map(({ name, value }) => [name, value]))
  expect(
    Object.entries(environment).map(([name, value]) => ({
      name,
      value: value === `\${${name}:?set ${name} in .env}` ? dotenv[name] : value.replace(/\$\$/g, "$"),
    }))
  ).toStrictEqual(composeOtelEnv(input, options).map(({ name, value }) => ({ name, value })))
  const composeCollector = Object.keys(buildComposeFile(input, options).services).find(
    (name) => name !== input.serviceName
  )
  if (composeCollector) expect(new URL(composeOtelEnv(input, options)[1]?.value ?? "").hostname).toBe(composeCollector)

  const dapr = readYaml(renderDaprConfiguration(input))
  expect(dapr).toStrictEqual([buildDaprConfiguration(input)])
  daprConfigurationSchema.parse(dapr[0])
  if (input.daprEnabled) expect(content("dapr")).toBe(renderDaprConfiguration(input))
  else expect(configs.dapr.available).toBe(false)

  const instrumentation = content("instrumentation")
  if (instrumentationRefusal(input) === undefined) {
    const documents = readYaml(instrumentation ?? "")
    expect(documents).toStrictEqual([buildInstrumentation(input)])
    instrumentationSchema.parse(documents[0])
  } else {
    expect(configs.instrumentation.available).toBe(false)
  }

  if (declarativeRefusal(input) === undefined) {
    expect(readYaml(content("declarative") ?? "")).toStrictEqual([buildDeclarativeConfig(input)])
  } else {
    expect(configs.declarative.available).toBe(false)
  }

  const collectorConfigs = buildCollectorConfigs(input, options)
  expect(readYaml(content("collector") ?? "")).toStrictEqual(collectorConfigs)
  const pipelineConfigs: unknown[] = [...collectorConfigs]

  if (configs.collectorKubernetes.available) {
    const manifests = readYaml(content("collectorKubernetes") ?? "")
    expect(manifests).toStrictEqual(buildCollectorManifests(input, options))
    const tiers = collectorTiers(input, options)
    const configMaps = manifests.filter((doc) => (doc as { kind: string }).kind === "ConfigMap") as {
      metadata: { name: string }
      data: Record<string, string>
    }[]
    // Each tier's ConfigMap holds exactly that tier's Collector config.
    for (const tier of tiers) {
      const map = configMaps.find(({ metadata }) => metadata.name === tier.name)
      expect(readYaml(map?.data["config.yaml"] ?? "")).toStrictEqual([tier.config])
      pipelineConfigs.push(tier.config)
    }
  } else {
    // Both outputs describe the same Collector: neither exists without it.
    expect(configs.collectorOperator.available).toBe(false)
  }

  if (configs.collectorOperator.available) {
    const resources = readYaml(content("collectorOperator") ?? "")
    expect(resources).toStrictEqual(buildCollectorOperatorResources(input, options))
    for (const resource of resources) {
      const { kind, spec } = resource as { kind: string; spec?: { config?: unknown } }
      if (kind !== "OpenTelemetryCollector") continue
      expect(validateOpenTelemetryCollector(resource)).toEqual([])
      pipelineConfigs.push(spec?.config)
    }
    expect(collectorTiers(input, options, OPERATOR_SAMPLING_SERVICE).map(({ config }) => config)).toEqual(
      resources
        .flatMap((resource) => {
          const { kind, spec } = resource as { kind: string; spec?: { config?: unknown } }
          return kind === "OpenTelemetryCollector" ? [spec?.config] : []
        })
        .reverse()
    )
  }

  // No production pipeline exports to debug: not the Collector config, nor any tier inside the manifests.
  for (const config of pipelineConfigs) {
    const { exporters, service } = config as CollectorConfigShape
    expect(Object.keys(exporters)).not.toContain("debug")
    expect(service.pipelines.traces.exporters).not.toContain("debug")
  }

  // Every Kubernetes object in every YAML config passes its kind's schema, unknown fields included.
  for (const id of [
    "k8s",
    "instrumentation",
    "dapr",
    "retention",
    "collectorKubernetes",
    "collectorOperator",
  ] as const) {
    const result = configs[id]
    if (!result.available || result.snippet.language !== "yaml") continue
    const text = result.snippet.content
    for (const document of readYaml(text)) {
      if (!isKubernetesObject(document) || isCustomResource(document)) continue
      expect(validateKubernetesObject(document)).toEqual([])
    }
  }

  expect(JSON.parse(content("jaegerStrategies") ?? "")).toStrictEqual(buildJaegerStrategies(input))

  const retention = retentionDocuments(input)
  if (retention === undefined) expect(configs.retention.available).toBe(false)
  else if (typeof retention === "string") expect(content("retention")).toBe(retention)
  else expect(readYaml(content("retention") ?? "")).toStrictEqual(retention)
}

describe("every YAML and JSON config reads back exactly", () => {
  it.each([
    ["forward", undefined],
    ["probabilistic", { mode: "probabilistic" }],
    ["tail", { mode: "tail" }],
    [
      "tail on three replicas",
      {
        mode: "tail",
        tail: {
          keepErrors: true,
          latencyThresholdMs: 500,
          baselinePercent: 5,
          spansPerSecondLimit: 1000,
          decisionWaitSeconds: 10,
          numTraces: 100_000,
          collectorReplicas: 3,
        },
      },
    ],
  ] as const)("for the default plan (Collector: %s)", (_, options) => {
    expectEveryConfigReadsBack(DEFAULT_INPUT, options)
  })

  it(
    "for the default plan on every backend, language and sampler",
    () => {
      for (const backend of [
        "tempo",
        "clickhouse",
        "jaeger-elasticsearch",
        "jaeger-cassandra",
        "jaeger-badger",
        "datadog",
        "honeycomb",
      ] as const) {
        for (const language of ["python", "node", "java", "go", "dotnet"] as const) {
          expectEveryConfigReadsBack({ ...DEFAULT_INPUT, backend, language, sampler: "jaeger_remote" })
          expectEveryConfigReadsBack({
            ...DEFAULT_INPUT,
            backend,
            language,
            sampler: "parentbased_jaeger_remote",
            daprEnabled: false,
          })
        }
      }
    },
    // 70 plans, each with every config read back and validated: seconds, more on a loaded machine.
    PROPERTY_TIMEOUT_MS
  )

  it(
    "for property-generated plans and Collector options",
    () => {
      fc.assert(
        fc.property(planInput, collectorOptions, (input, options) => {
          expectEveryConfigReadsBack(input, options)
        }),
        { numRuns: runs(200) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it("for plans whose strings look like YAML booleans, numbers and times", () => {
    const input = planInputSchema.parse({
      serviceName: "yes",
      namespace: "0x1f",
      image: "12:30",
      excludedUrls: "on,1_0,~",
      otlpEndpoint: "http://no:4317",
    })
    expectEveryConfigReadsBack(input)
    expect(renderDeployment(input)).toContain('  name: "yes"\n  namespace: "0x1f"\n')
    expect(renderDeployment(input)).toContain('          image: "12:30"\n')
  })

  it("for a valid endpoint whose path holds ${, %, =, commas and non-ASCII text", () => {
    const input = planInputSchema.parse({ otlpEndpoint: "http://c:4317/a,b=c%25${X}é" })
    expectEveryConfigReadsBack(input)
    expect(generateConfigs(input).dotenv.available).toBe(false)
  })
})

describe("hostile strings", () => {
  const TEXT_FIELDS = [
    "serviceName",
    "namespace",
    "otlpEndpoint",
    "image",
    "excludedUrls",
    "environment",
    "language",
    "protocol",
    "sampler",
    "backend",
  ] as const
  const VALID_PREFIX: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {
    otlpEndpoint: "http://otel-collector:4317/",
    excludedUrls: "health,",
    image: "nginx:",
  }

  it.each(TEXT_FIELDS)(
    "in %s: the schema rejects them, or every config reads back with exactly the intended keys",
    (field) => {
      const value = fc.oneof(
        hostileString,
        hostileString.map((text) => (VALID_PREFIX[field] ?? "") + text)
      )
      fc.assert(
        fc.property(value, (text) => {
          const parsed = planInputSchema.safeParse({ ...DEFAULT_INPUT, [field]: text })
          if (parsed.success) expectEveryConfigReadsBack(parsed.data, { mode: "tail" })
        }),
        { numRuns: runs(100) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
