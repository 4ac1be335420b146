import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { context, diag, propagation, trace } from "@opentelemetry/api"
import { parseConfigFile } from "@opentelemetry/configuration"
import { startNodeSdk } from "@opentelemetry/sdk-node"
import type { Sampler } from "@opentelemetry/sdk-trace"
import fc from "fast-check"
import { afterAll, afterEach, describe, expect, it } from "vitest"

import {
  buildDeclarativeConfig,
  declarativeSnippet,
  escapeEnvSubstitution,
  renderDeclarativeConfig,
} from "@/lib/configs/declarative"
import { declarativeRefusal } from "@/lib/configs/declarative-model"
import { generateConfigs } from "@/lib/configs/generate"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/fields"
import type { Sampler as PlanSampler } from "@/lib/plan/samplers"

import { planInput, PROPERTY_TIMEOUT_MS, runs } from "../arbitraries"

const dir = mkdtempSync(join(tmpdir(), "tracebudget-declarative-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const savedEnv = { ...process.env }
afterEach(() => {
  process.env = { ...savedEnv }
})

let files = 0
/** Writes a plan's file where an SDK would read it and returns the path. */
function writeConfig(input: PlanInput): string {
  const path = join(dir, `otel-config-${files++}.yaml`)
  writeFileSync(path, renderDeclarativeConfig(input))
  return path
}

/** The file's model as an SDK holds it once `${…}` and `$$` are substituted (file_format removed by the parser). */
function expectedModel(input: PlanInput, headers: string | undefined): unknown {
  const model: Partial<ReturnType<typeof buildDeclarativeConfig>> &
    Pick<ReturnType<typeof buildDeclarativeConfig>, "tracer_provider"> = JSON.parse(
    JSON.stringify(buildDeclarativeConfig(input)).replace(/\$\$/g, "$")
  )
  delete model.file_format
  const exporter = model.tracer_provider.processors[0].batch.exporter
  const otlp = "otlp_grpc" in exporter ? exporter.otlp_grpc : exporter.otlp_http
  if (otlp.headers_list !== undefined) otlp.headers_list = headers ?? ""
  return model
}

describe("the declarative configuration file", () => {
  it("writes the plan's resource, propagators, exporter and sampler under file_format 1.0", () => {
    expect(renderDeclarativeConfig(DEFAULT_INPUT)).toMatchInlineSnapshot(`
      "file_format: "1.0"
      resource:
        attributes:
          - name: service.name
            value: "task-api"
          - name: deployment.environment.name
            value: "production"
          - name: service.namespace
            value: "default"
      propagator:
        composite:
          - tracecontext: {}
          - baggage: {}
      tracer_provider:
        processors:
          - batch:
              exporter:
                otlp_grpc:
                  endpoint: http://otel-collector.observability.svc.cluster.local:4317
        sampler:
          parent_based:
            root:
              trace_id_ratio_based:
                ratio: 0.1
      "
    `)
  })

  it("gives an OTLP/HTTP exporter the full traces URL and a SaaS intake's header list from the environment", () => {
    const honeycomb = {
      ...DEFAULT_INPUT,
      protocol: "http/protobuf" as const,
      otlpEndpoint: "https://api.honeycomb.io:443",
    }
    expect(buildDeclarativeConfig(honeycomb).tracer_provider.processors[0].batch.exporter).toEqual({
      otlp_http: {
        endpoint: "https://api.honeycomb.io:443/v1/traces",
        headers_list: "${OTEL_EXPORTER_OTLP_HEADERS}",
      },
    })
  })

  it("doubles $ so an endpoint path is not read as a variable", () => {
    expect(escapeEnvSubstitution("http://c:4318/a${B}$")).toBe("http://c:4318/a$${B}$$")
  })

  it.each([
    ["jaeger_remote", "python", "jaeger_remote/development"],
    ["parentbased_jaeger_remote", "java", "jaeger_remote/development"],
    ["xray", "node", "no X-Ray sampler"],
    ["parentbased_traceidratio", "dotnet", "The .NET SDK does not read declarative configuration yet"],
  ] as const)("is refused for %s in %s, naming why (%s)", (sampler, language, words) => {
    const result = generateConfigs({ ...DEFAULT_INPUT, sampler, language }).declarative
    expect(result.available).toBe(false)
    expect(!result.available && result.reason).toContain(words)
  })

  it("says which SDK reads it and that OTEL_CONFIG_FILE points at it", () => {
    const node = declarativeSnippet({ ...DEFAULT_INPUT, language: "node" })
    expect(node.available && node.snippet.caveats[0]).toBe(
      "Node.js reads it through startNodeSdk() from @opentelemetry/sdk-node (0.301 and later, marked experimental); the NodeSDK class and OTEL_* autoconfiguration do not."
    )
    expect(node.available && node.snippet.applyNote).toBe(
      "Mount the file (e.g. at /etc/otel/otel-config.yaml) and set OTEL_CONFIG_FILE=/etc/otel/otel-config.yaml in the app's environment."
    )
  })
})

describe("the real @opentelemetry/configuration 0.301.2 parser (parseConfigFile)", () => {
  it(
    "accepts the file of every generated plan, reading back exactly the intended model",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          if (declarativeRefusal(input) !== undefined) return
          const headers = "x-honeycomb-team=KEY"
          process.env.OTEL_EXPORTER_OTLP_HEADERS = headers
          expect(parseConfigFile(writeConfig(input))).toStrictEqual(expectedModel(input, headers))
        }),
        { numRuns: runs(100) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

/** What the JS SDK's ParentBased sampler says about itself, around a root sampler's description. */
const parentBased = (root: string) =>
  `ParentBased{root=${root}, remoteParentSampled=AlwaysOnSampler, remoteParentNotSampled=AlwaysOffSampler, localParentSampled=AlwaysOnSampler, localParentNotSampled=AlwaysOffSampler}`

describe("the real JS SDK (@opentelemetry/sdk-node 0.301.2) started from the file by OTEL_CONFIG_FILE", () => {
  /** Starts sdk-node as an app would (startNodeSdk with OTEL_CONFIG_FILE set) and reads back the sampler its tracers use. */
  async function samplerStartedFrom(input: PlanInput): Promise<string> {
    for (const key of Object.keys(process.env)) if (key.startsWith("OTEL_")) delete process.env[key]
    process.env.OTEL_CONFIG_FILE = writeConfig(input)
    const sdk = startNodeSdk()
    try {
      const provider = trace.getTracerProvider() as unknown as { getDelegate(): { getTracer(name: string): unknown } }
      const tracer = provider.getDelegate().getTracer("read-back") as { _sampler?: Sampler }
      return String(tracer._sampler)
    } finally {
      await sdk.shutdown()
      // Leave no global behind for the next start (it would refuse to register over it).
      trace.disable()
      context.disable()
      propagation.disable()
      diag.disable()
    }
  }

  it.each([
    ["always_on", 0.1, "AlwaysOnSampler"],
    ["always_off", 0.1, "AlwaysOffSampler"],
    ["traceidratio", 0.25, "TraceIdRatioBased{0.25}"],
    ["parentbased_always_on", 0.1, parentBased("AlwaysOnSampler")],
    ["parentbased_always_off", 0.1, parentBased("AlwaysOffSampler")],
    ["parentbased_traceidratio", 0.1, parentBased("TraceIdRatioBased{0.1}")],
    ["parentbased_traceidratio", 1e-7, parentBased("TraceIdRatioBased{1e-7}")],
  ] as const)("builds %s at ratio %d as %s", async (sampler: PlanSampler, ratio, expected) => {
    expect(await samplerStartedFrom({ ...DEFAULT_INPUT, language: "node", sampler, ratio })).toBe(expected)
  })
})
