import { parseKeyPairsIntoRecord } from "@opentelemetry/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { buildCollectorConfigs, collectorSnippet } from "@/lib/configs/collector"
import { buildComposeFile } from "@/lib/configs/compose"
import { buildOtelEnv, renderDotenv, renderShell } from "@/lib/configs/env"
import { generateConfigs } from "@/lib/configs/generate"
import { buildInstrumentation } from "@/lib/configs/instrumentation"
import { buildDeployment } from "@/lib/configs/kubernetes"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/fields"
import { lintPlan } from "@/lib/plan/lint"
import { otlpHeaderEntry, saasOtlpAuth } from "@/lib/plan/otlp-auth"

import { collectorOptions, planInput, PROPERTY_TIMEOUT_MS, runs } from "../arbitraries"

const honeycomb: PlanInput = { ...DEFAULT_INPUT, otlpEndpoint: "https://api.honeycomb.io:443", daprEnabled: false }
const SECRET_REF = { secretKeyRef: { name: "otlp-auth", key: "otlp-headers" } }

describe("which endpoints are SaaS intakes that need a key", () => {
  it.each([
    // Honeycomb docs, Send Data with OpenTelemetry (US and EU hosts).
    ["https://api.honeycomb.io:443", "x-honeycomb-team"],
    ["https://api.eu1.honeycomb.io:443", "x-honeycomb-team"],
    // Grafana Cloud docs: the stack's OTLP gateway takes basic auth.
    ["https://otlp-gateway-prod-eu-west-2.grafana.net/otlp", "Authorization"],
    // New Relic docs, New Relic OTLP endpoint.
    ["https://otlp.nr-data.net:4317", "api-key"],
    ["https://otlp.eu01.nr-data.net:4318", "api-key"],
    // Datadog docs, OTLP traces intake (per site).
    ["https://otlp.datadoghq.com/v1/traces", "dd-api-key"],
    ["https://otlp.datadoghq.eu/v1/traces", "dd-api-key"],
  ])("%s takes its key in %s", (endpoint, header) => {
    expect(saasOtlpAuth(endpoint)?.header).toBe(header)
  })

  it.each([
    DEFAULT_INPUT.otlpEndpoint,
    // The Datadog Agent in the cluster holds the key itself.
    "http://datadog-agent.datadog.svc.cluster.local:4317",
    "http://tempo-distributor.tempo.svc.cluster.local:4317",
    // A look-alike host is not the vendor's.
    "https://honeycomb.io.example.com:443",
    "https://evilgrafana.net/otlp",
  ])("%s needs none", (endpoint) => {
    expect(saasOtlpAuth(endpoint)).toBeUndefined()
  })
})

describe("OTEL_EXPORTER_OTLP_HEADERS values", () => {
  it("percent-encodes the value so the real JS SDK reads it back exactly (OTel spec: W3C Baggage format)", () => {
    // base64 uses + / and = padding: Java's decoder would read a bare + as a space.
    const value = "Basic MTIz+NDU2/OmdsY19hYmM="
    const entry = otlpHeaderEntry("Authorization", value)
    expect(entry).toBe("Authorization=Basic%20MTIz%2BNDU2%2FOmdsY19hYmM%3D")
    expect(parseKeyPairsIntoRecord(entry)).toEqual({ Authorization: value })
  })

  it(
    "reads back any header value through the JS SDK's parser",
    () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 40 }), (value) => {
          // The SDK trims what it reads; a key arrives trimmed from any vendor.
          fc.pre(value.trim() === value && value.length > 0)
          expect(parseKeyPairsIntoRecord(otlpHeaderEntry("x-key", value))).toEqual({ "x-key": value })
        }),
        { numRuns: runs(100) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe("direct-to-SaaS configs that authenticate", () => {
  it("writes Honeycomb's header as a placeholder in .env and shell, after the protocol", () => {
    expect(renderDotenv(honeycomb).split("\n").slice(2, 5)).toEqual([
      "OTEL_EXPORTER_OTLP_ENDPOINT='https://api.honeycomb.io:443'",
      "OTEL_EXPORTER_OTLP_PROTOCOL='grpc'",
      "OTEL_EXPORTER_OTLP_HEADERS='x-honeycomb-team=YOUR_HONEYCOMB_INGEST_KEY'",
    ])
    expect(renderShell(honeycomb)).toContain(
      "export OTEL_EXPORTER_OTLP_HEADERS='x-honeycomb-team=YOUR_HONEYCOMB_INGEST_KEY'\n"
    )
  })

  it("writes Grafana Cloud's basic auth percent-encoded, with a command that builds the real value", () => {
    const grafana = {
      ...honeycomb,
      otlpEndpoint: "https://otlp-gateway-prod-eu-west-2.grafana.net/otlp",
      protocol: "http/protobuf" as const,
    }
    expect(buildOtelEnv(grafana).find((v) => v.name === "OTEL_EXPORTER_OTLP_HEADERS")?.value).toBe(
      "Authorization=Basic%20YOUR_BASE64_INSTANCE_ID_AND_TOKEN"
    )
    const dotenv = generateConfigs(grafana).dotenv
    const caveats = dotenv.available ? dotenv.snippet.caveats.join("\n") : ""
    expect(caveats).toContain(
      `printf 'Authorization=Basic%%20%s' "$(printf '%s:%s' "$INSTANCE_ID" "$TOKEN" | base64 | tr -d '\\n' | sed 's/+/%2B/g; s#/#%2F#g; s/=/%3D/g')"`
    )
    expect(caveats).not.toContain("OTLP/HTTP only")
    const grpc = generateConfigs({
      ...grafana,
      protocol: "grpc",
      otlpEndpoint: "https://tempo-prod-04.grafana.net:443",
    })
    expect(grpc.dotenv.available && grpc.dotenv.snippet.caveats.join("\n")).toContain(
      "Grafana Cloud's OTLP gateway (https://otlp-gateway-<zone>.grafana.net/otlp) takes OTLP/HTTP only"
    )
  })

  it("reads the header from the Secret in the Deployment and the Instrumentation, never writing the key", () => {
    const env = buildDeployment(honeycomb).spec.template.spec.containers[0].env
    expect(env[3]).toEqual({ name: "OTEL_EXPORTER_OTLP_HEADERS", valueFrom: SECRET_REF })
    expect(buildInstrumentation(honeycomb).spec.env).toEqual([
      { name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: "http/protobuf" },
      { name: "OTEL_EXPORTER_OTLP_HEADERS", valueFrom: SECRET_REF },
    ])
    const k8s = generateConfigs(honeycomb).k8s
    expect(k8s.available && k8s.snippet.caveats).toContain(
      "OTEL_EXPORTER_OTLP_HEADERS is read from key otlp-headers of Secret otlp-auth in namespace default: kubectl create secret generic otlp-auth -n default --from-literal=otlp-headers='x-honeycomb-team=YOUR_HONEYCOMB_INGEST_KEY', with a Honeycomb ingest API key in place of YOUR_HONEYCOMB_INGEST_KEY."
    )
  })

  it("interpolates the header in Compose from the .env file, which holds it", () => {
    expect(buildComposeFile(honeycomb).services["task-api"]?.environment?.OTEL_EXPORTER_OTLP_HEADERS).toBe(
      "${OTEL_EXPORTER_OTLP_HEADERS:?set OTEL_EXPORTER_OTLP_HEADERS in .env}"
    )
  })

  it("writes no header and reports an error when the API key Secret is none", () => {
    const none = { ...honeycomb, otlpAuthSecret: "none" }
    expect(buildOtelEnv(none).map((v) => v.name)).not.toContain("OTEL_EXPORTER_OTLP_HEADERS")
    expect(lintPlan(none).find((w) => w.id === "saas-credentials-missing")).toEqual({
      id: "saas-credentials-missing",
      severity: "error",
      message:
        "The apps send straight to api.honeycomb.io, Honeycomb's OTLP intake, with no API key: it refuses every export that lacks its x-honeycomb-team header, so no trace arrives.",
      fix: 'Name the Kubernetes Secret that holds the key under "API key Secret" (its otlp-headers key holds the OTEL_EXPORTER_OTLP_HEADERS value): the configs then send the header. Or send to the Collector (http://otel-collector.observability.svc.cluster.local:4317), which holds the key for the apps.',
    })
    expect(lintPlan(honeycomb).map((w) => w.id)).not.toContain("saas-credentials-missing")
    expect(lintPlan({ ...DEFAULT_INPUT, otlpAuthSecret: "none" }).map((w) => w.id)).not.toContain(
      "saas-credentials-missing"
    )
  })

  it(
    "for any plan, a SaaS endpoint's env, manifests and Compose carry the key's header, or the lint says they cannot",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          const auth = saasOtlpAuth(input.otlpEndpoint)
          const missing = lintPlan(input).some((w) => w.id === "saas-credentials-missing" && w.severity === "error")
          const headers = buildOtelEnv(input).find((v) => v.name === "OTEL_EXPORTER_OTLP_HEADERS")
          if (!auth) {
            expect(headers).toBeUndefined()
            expect(missing).toBe(false)
            return
          }
          expect(missing).toBe(input.otlpAuthSecret === "none")
          if (input.otlpAuthSecret === "none") {
            expect(headers).toBeUndefined()
            return
          }
          expect(Object.keys(parseKeyPairsIntoRecord(headers!.value))).toEqual([auth.header])
          const ref = { secretKeyRef: { name: input.otlpAuthSecret, key: "otlp-headers" } }
          const deployment = buildDeployment(input).spec.template.spec.containers[0].env
          expect(deployment).toContainEqual({ name: "OTEL_EXPORTER_OTLP_HEADERS", valueFrom: ref })
          // No manifest holds the key, or its placeholder, as a literal value.
          expect(JSON.stringify(deployment)).not.toContain(auth.placeholderValue.replace(/^Basic /, ""))
          const configs = generateConfigs(input)
          if (configs.instrumentation.available) {
            expect(buildInstrumentation(input).spec.env).toContainEqual({
              name: "OTEL_EXPORTER_OTLP_HEADERS",
              valueFrom: ref,
            })
          }
          for (const id of ["dotenv", "shell"] as const) {
            const result = configs[id]
            if (result.available) expect(result.snippet.content).toContain(`OTEL_EXPORTER_OTLP_HEADERS=`)
          }
          // Under Compose a plan with a Collector sends to the Collector's service, which carries the key.
          const compose = buildComposeFile(input)
          if (Object.keys(compose.services).length === 1) {
            expect(compose.services[input.serviceName]?.environment?.OTEL_EXPORTER_OTLP_HEADERS).toBe(
              "${OTEL_EXPORTER_OTLP_HEADERS:?set OTEL_EXPORTER_OTLP_HEADERS in .env}"
            )
          }
        }),
        { numRuns: runs(100) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe("the Collector's exporter to a SaaS backend", () => {
  const exporterOf = (input: PlanInput) => {
    const configs = buildCollectorConfigs(input)
    const last = configs.at(-1)!
    const id = last.service.pipelines.traces.exporters.find((name) => name !== "debug")!
    return { id, config: last.exporters[id] as Record<string, unknown>, last }
  }

  it("sends Grafana Cloud's OTLP gateway basic auth from the Collector's environment", () => {
    const { id, config, last } = exporterOf({ ...DEFAULT_INPUT, backend: "grafana-cloud" })
    expect(id).toBe("otlphttp/grafana-cloud")
    expect(config).toEqual({
      endpoint: "https://otlp-gateway-prod-<zone>.grafana.net/otlp",
      auth: { authenticator: "basicauth/grafana-cloud" },
    })
    expect(last.extensions).toEqual({
      "basicauth/grafana-cloud": {
        client_auth: { username: "${env:GRAFANA_CLOUD_INSTANCE_ID}", password: "${env:GRAFANA_CLOUD_API_TOKEN}" },
      },
    })
    expect(last.service.extensions).toEqual(["basicauth/grafana-cloud"])
  })

  it("sends X-Ray over OTLP to CloudWatch, signed by sigv4auth for service xray", () => {
    // AWS CloudWatch docs, OTLP Endpoints: https://xray.<region>.amazonaws.com/v1/traces, HTTP only,
    // sigv4authextension required; collector-contrib sigv4authextension README (region, service).
    const { id, config, last } = exporterOf({ ...DEFAULT_INPUT, backend: "aws-xray" })
    expect(id).toBe("otlphttp/xray")
    expect(config).toEqual({
      traces_endpoint: "https://xray.us-east-1.amazonaws.com/v1/traces",
      compression: "gzip",
      auth: { authenticator: "sigv4auth" },
    })
    expect(last.extensions).toEqual({ sigv4auth: { region: "us-east-1", service: "xray" } })
    expect(JSON.stringify(buildCollectorConfigs({ ...DEFAULT_INPUT, backend: "aws-xray" }))).not.toContain("awsxray")
  })

  it("never offers the awsxray exporter behind Dapr, and names the language's X-Ray id generator without it", () => {
    const caveats = (input: PlanInput) => {
      const result = collectorSnippet(input)
      return result.available ? result.snippet.caveats.join("\n") : ""
    }
    expect(caveats({ ...DEFAULT_INPUT, backend: "aws-xray" })).toContain(
      "Keep the OTLP export: the contrib awsxray exporter drops every span whose trace id is not an X-Ray id, and the Dapr sidecar starts W3C (random) trace ids, so nothing would arrive."
    )
    expect(caveats({ ...DEFAULT_INPUT, backend: "aws-xray", daprEnabled: false, language: "node" })).toContain(
      "use it only if the app's SDK sets the AWSXRayIdGenerator from @opentelemetry/id-generator-aws-xray"
    )
  })

  it("serves Jaeger strategies beside the exporter's auth extension", () => {
    const input = { ...DEFAULT_INPUT, backend: "aws-xray" as const, sampler: "parentbased_jaeger_remote" as const }
    const first = buildCollectorConfigs(input)[0]!
    expect(Object.keys(first.extensions ?? {})).toEqual(["jaegerremotesampling", "sigv4auth"])
    expect(first.service.extensions).toEqual(["jaegerremotesampling", "sigv4auth"])
  })

  it(
    "for any plan and options, the SaaS exporter carries its auth and every extension it names is defined and started",
    () => {
      fc.assert(
        fc.property(planInput, collectorOptions, (input, options) => {
          for (const config of buildCollectorConfigs(input, options)) {
            const authenticators = Object.values(config.exporters).flatMap((exporter) => {
              const auth = (exporter as { auth?: { authenticator: string } }).auth
              return auth ? [auth.authenticator] : []
            })
            for (const name of authenticators) {
              expect(config.extensions).toHaveProperty([name])
              expect(config.service.extensions).toContain(name)
            }
            expect(Object.keys(config.extensions ?? {}).sort()).toEqual([...(config.service.extensions ?? [])].sort())
          }
          const { config } = exporterOf(input)
          const headers = (config.headers ?? {}) as Record<string, string>
          switch (input.backend) {
            case "honeycomb":
              expect(headers["x-honeycomb-team"]).toBe("${env:HONEYCOMB_API_KEY}")
              break
            case "new-relic":
              expect(headers["api-key"]).toBe("${env:NEW_RELIC_LICENSE_KEY}")
              break
            case "grafana-cloud":
              expect(config.auth).toEqual({ authenticator: "basicauth/grafana-cloud" })
              break
            case "aws-xray":
              expect(config.auth).toEqual({ authenticator: "sigv4auth" })
              break
          }
        }),
        { numRuns: runs(100) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
