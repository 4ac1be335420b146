import { envDetector } from "@opentelemetry/resources"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"

import { encodeResourceAttributeValue, formatDecimal, otlpHttpEndpoint, renderResourceAttributes } from "@/lib/configs"
import { endpointHostPort, endpointPath, endpointPort } from "@/lib/plan/endpoint-url"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

import { PROPERTY_TIMEOUT_MS } from "../arbitraries"

const savedEnv = { ...process.env }
afterEach(() => {
  process.env = { ...savedEnv }
})

describe("formatDecimal", () => {
  it.each([
    [0.1, "0.1"],
    [0.25, "0.25"],
    [1, "1"],
    [0, "0"],
    [-0, "0"],
    [1e-7, "0.0000001"],
    [1.5e-7, "0.00000015"],
    [0.000123, "0.000123"],
    [1e21, "1000000000000000000000"],
    [1.25e22, "12500000000000000000000"],
    [-2.5e-8, "-0.000000025"],
  ])("writes %d as %s", (value, expected) => {
    expect(formatDecimal(value)).toBe(expected)
  })

  it(
    "never uses exponent notation and always reads back as the same number",
    () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
          const text = formatDecimal(value)
          expect(text).toMatch(/^-?[0-9]+(\.[0-9]+)?$/)
          expect(Number(text)).toBe(value === 0 ? 0 : value)
        }),
        { numRuns: 500 }
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it("refuses NaN and infinities, which have no decimal form", () => {
    expect(() => formatDecimal(Number.NaN)).toThrow(RangeError)
    expect(() => formatDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe("encodeResourceAttributeValue", () => {
  it.each([
    ["production", "production"],
    ["a,b", "a%2Cb"],
    ["k=v", "k%3Dv"],
    ["100%", "100%25"],
    [" padded ", "%20padded%20"],
    ["zürich", "z%C3%BCrich"],
    ['say "hi";\\', "say%20%22hi%22%3B%5C"],
    ["line\nbreak", "line%0Abreak"],
    ["a/b:c@d", "a/b:c@d"],
  ])("encodes %j as %s", (value, expected) => {
    expect(encodeResourceAttributeValue(value)).toBe(expected)
  })

  it("leaves no separator, percent sign, space or non-ASCII character unencoded", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 100 }), (value) => {
        expect(encodeResourceAttributeValue(value)).toMatch(/^([!#$&-+\-.-:<>-[\]-~]|%[0-9A-F]{2})*$/)
      })
    )
  })

  it(
    "is decoded back to the original text by the real JS SDK's resource detector",
    () => {
      const values = fc.string({ unit: "grapheme", maxLength: 60 }).filter((v) => !v.includes("\0"))
      fc.assert(
        fc.property(values, values, (key, value) => {
          // The detector assigns into a plain object, so "__proto__" cannot come back as a key.
          fc.pre(key.trim() !== "" && key !== "__proto__" && key.length <= 255 && value.length <= 255)
          process.env.OTEL_RESOURCE_ATTRIBUTES = `${encodeResourceAttributeValue(key)}=${encodeResourceAttributeValue(value)}`
          delete process.env.OTEL_SERVICE_NAME
          expect(envDetector.detect().attributes).toEqual({ [key]: value })
        }),
        { numRuns: 300 }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})

describe("renderResourceAttributes", () => {
  it("writes the plan's environment and namespace", () => {
    expect(renderResourceAttributes(DEFAULT_INPUT)).toBe(
      "deployment.environment.name=production,service.namespace=default"
    )
  })

  it("is read by the real JS SDK as the intended attributes", () => {
    process.env.OTEL_RESOURCE_ATTRIBUTES = renderResourceAttributes({
      ...DEFAULT_INPUT,
      environment: "staging",
      namespace: "tasks",
    })
    process.env.OTEL_SERVICE_NAME = "task-api"
    expect(envDetector.detect().attributes).toEqual({
      "deployment.environment.name": "staging",
      "service.namespace": "tasks",
      "service.name": "task-api",
    })
  })
})

describe("endpoints", () => {
  it.each([
    ["http://jaeger-collector.monitoring.svc.cluster.local:4317", "jaeger-collector.monitoring.svc.cluster.local:4317"],
    ["https://api.honeycomb.io", "api.honeycomb.io:443"],
    ["http://collector", "collector:80"],
    ["https://otlp.example.com:4318/otlp/", "otlp.example.com:4318"],
    ["http://[::1]:4317", "[::1]:4317"],
  ])("writes %s as host:port %s", (endpoint, expected) => {
    expect(endpointHostPort(endpoint)).toBe(expected)
  })

  it("reports the port implied by the scheme", () => {
    expect(endpointPort("https://api.honeycomb.io")).toBe(443)
    expect(endpointPort("http://collector")).toBe(80)
  })

  it("reports a path only when there is one", () => {
    expect(endpointPath("https://otlp.example.com:4318/otlp/")).toBe("/otlp/")
    expect(endpointPath("http://collector:4318/")).toBe("")
    expect(endpointPath("http://collector:4318")).toBe("")
  })

  it.each([
    ["http://otel-collector:4317", "grpc", "http://otel-collector:4318"],
    ["http://otel-collector:4317/", "grpc", "http://otel-collector:4318/"],
    ["https://otlp.example.com:4317/base", "grpc", "https://otlp.example.com:4318/base"],
    ["https://otlp.example.com", "grpc", "https://otlp.example.com"],
    ["http://otel-collector:9000", "grpc", "http://otel-collector:9000"],
    ["http://otel-collector:4318", "http/protobuf", "http://otel-collector:4318"],
  ] as const)("moves %s (%s) to OTLP/HTTP as %s", (endpoint, protocol, expected) => {
    expect(otlpHttpEndpoint(endpoint, protocol)).toBe(expected)
  })
})
