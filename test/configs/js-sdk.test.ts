import { convertLegacyHttpOptions } from "@opentelemetry/otlp-exporter-base/node-http"
import { afterEach, describe, expect, it } from "vitest"

import { renderDotenv } from "@/lib/configs"
import type { Sampler as PlanSampler } from "@/lib/plan/samplers"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { sdkSampler } from "../otel-sdk-env"
import { readDotenvLikeCompose } from "./readers"

const savedEnv = { ...process.env }
afterEach(() => {
  process.env = { ...savedEnv }
})

/** What the JS SDK's ParentBased sampler says about itself, around a root sampler's description. */
const parentBased = (root: string) =>
  `ParentBased{root=${root}, remoteParentSampled=AlwaysOnSampler, remoteParentNotSampled=AlwaysOffSampler, localParentSampled=AlwaysOnSampler, localParentNotSampled=AlwaysOffSampler}`

/** Loads a Node.js plan's emitted .env into process.env, as Compose's env_file would, and lets the SDK build its sampler. */
function samplerFromEmittedEnv(sampler: PlanSampler, ratio: number): string {
  const env = readDotenvLikeCompose(renderDotenv({ ...DEFAULT_INPUT, language: "node", sampler, ratio }))
  for (const key of Object.keys(process.env)) if (key.startsWith("OTEL_")) delete process.env[key]
  Object.assign(process.env, env)
  return sdkSampler().toString()
}

describe("the real JS SDK (@opentelemetry/sdk-node 0.301.2) reading the emitted .env", () => {
  it.each([
    ["always_on", 0.1, "AlwaysOnSampler"],
    ["always_off", 0.1, "AlwaysOffSampler"],
    ["parentbased_always_on", 0.1, parentBased("AlwaysOnSampler")],
    ["parentbased_always_off", 0.1, parentBased("AlwaysOffSampler")],
    ["traceidratio", 0, "TraceIdRatioBased{0}"],
    ["traceidratio", 1e-7, "TraceIdRatioBased{1e-7}"],
    ["traceidratio", 0.001, "TraceIdRatioBased{0.001}"],
    ["traceidratio", 0.1, "TraceIdRatioBased{0.1}"],
    ["traceidratio", 0.25, "TraceIdRatioBased{0.25}"],
    ["traceidratio", 1, "TraceIdRatioBased{1}"],
    ["parentbased_traceidratio", 0, parentBased("TraceIdRatioBased{0}")],
    ["parentbased_traceidratio", 1e-7, parentBased("TraceIdRatioBased{1e-7}")],
    ["parentbased_traceidratio", 0.001, parentBased("TraceIdRatioBased{0.001}")],
    ["parentbased_traceidratio", 0.1, parentBased("TraceIdRatioBased{0.1}")],
    ["parentbased_traceidratio", 0.5, parentBased("TraceIdRatioBased{0.5}")],
    ["parentbased_traceidratio", 1, parentBased("TraceIdRatioBased{1}")],
  ] as const)("builds %s at ratio %d as %s", (sampler, ratio, expected) => {
    expect(samplerFromEmittedEnv(sampler, ratio)).toBe(expected)
  })

  it.each(["jaeger_remote", "parentbased_jaeger_remote", "xray"] as const)(
    "falls back to ParentBased(AlwaysOn), i.e. 100 %% of roots, for %s (hence the caveat)",
    (sampler) => {
      expect(samplerFromEmittedEnv(sampler, 0.1)).toBe(parentBased("AlwaysOnSampler"))
    }
  )

  it("would read a mistyped sampler the same way, which is why the names are emitted lowercase and untrimmed", () => {
    process.env.OTEL_TRACES_SAMPLER = "ParentBased_TraceIdRatio"
    process.env.OTEL_TRACES_SAMPLER_ARG = "0.1"
    expect(sdkSampler().toString()).toBe(parentBased("AlwaysOnSampler"))
  })
})

describe("the real JS OTLP/HTTP exporter (@opentelemetry/otlp-exporter-base) reading the emitted .env", () => {
  /** The URL the trace exporter posts to, from a Node.js plan's emitted .env. */
  function tracesUrlFromEmittedEnv(otlpEndpoint: string): string | undefined {
    const env = readDotenvLikeCompose(
      renderDotenv({ ...DEFAULT_INPUT, language: "node", protocol: "http/protobuf", otlpEndpoint })
    )
    for (const key of Object.keys(process.env)) if (key.startsWith("OTEL_")) delete process.env[key]
    Object.assign(process.env, env)
    return convertLegacyHttpOptions({}, "TRACES", "v1/traces", {}).url
  }

  it.each([
    ["http://otel-collector:4318", "http://otel-collector:4318/v1/traces"],
    ["http://otel-collector:4318/otlp", "http://otel-collector:4318/otlp/v1/traces"],
    // a full traces URL: once, not /v1/traces/v1/traces
    ["http://otel-collector:4318/v1/traces", "http://otel-collector:4318/v1/traces"],
    ["https://otlp.example.com/otlp/v1/traces", "https://otlp.example.com/otlp/v1/traces"],
  ])("posts traces for endpoint %s to %s", (endpoint, url) => {
    expect(tracesUrlFromEmittedEnv(endpoint)).toBe(url)
  })
})
