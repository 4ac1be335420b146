import { describe, expect, it } from "vitest"

import {
  backendsReceivingAt,
  collectorEndpoint,
  foreignExportHost,
  isBackendReceiver,
  looksLikeJaeger,
} from "@/lib/plan/receivers"
import { DEFAULT_INPUT } from "@/lib/plan/fields"

describe("collectorEndpoint", () => {
  it("names the Collector's Service on the protocol's port", () => {
    expect(collectorEndpoint("grpc")).toBe("http://otel-collector.observability.svc.cluster.local:4317")
    expect(collectorEndpoint("http/protobuf")).toBe("http://otel-collector.observability.svc.cluster.local:4318")
  })
})

describe("isBackendReceiver", () => {
  it("recognises the hosts this Collector config exports to, with or without a scheme", () => {
    expect(isBackendReceiver("http://tempo-distributor.tempo.svc.cluster.local:4317")).toBe(true)
    expect(isBackendReceiver("https://otlp.nr-data.net:4317")).toBe(true)
    expect(isBackendReceiver("api.honeycomb.io:443")).toBe(true)
  })

  it("recognises a host named for Jaeger or Tempo", () => {
    expect(isBackendReceiver("http://jaeger:4317")).toBe(true)
    expect(isBackendReceiver("http://my-tempo.obs:4318/v1/traces")).toBe(true)
  })

  it("takes a Collector, or an endpoint it cannot read, for what it says", () => {
    expect(isBackendReceiver("http://otel-collector.observability.svc.cluster.local:4317")).toBe(false)
    expect(isBackendReceiver("http://localhost:4317")).toBe(false)
    expect(isBackendReceiver("not a url")).toBe(false)
  })
})

describe("backendsReceivingAt", () => {
  it("names the backend behind a receiver this Collector config exports to", () => {
    expect(backendsReceivingAt("http://tempo-distributor.tempo.svc.cluster.local:4317")).toEqual(["tempo"])
    expect(backendsReceivingAt("https://otlp.nr-data.net:4317")).toEqual(["new-relic"])
  })

  it("cannot tell Jaeger's storages apart: any of the three fits a Jaeger collector", () => {
    expect(backendsReceivingAt("http://jaeger-collector.monitoring.svc.cluster.local:4317")).toEqual([
      "jaeger-elasticsearch",
      "jaeger-cassandra",
      "jaeger-badger",
    ])
    expect(backendsReceivingAt("http://jaeger:4317")).toEqual([
      "jaeger-elasticsearch",
      "jaeger-cassandra",
      "jaeger-badger",
    ])
  })

  it("reads a SaaS intake by its domain, so a Grafana Cloud region is not taken for self-hosted Tempo", () => {
    expect(backendsReceivingAt("https://tempo-prod-04-prod-us-east-0.grafana.net:443")).toEqual(["grafana-cloud"])
    expect(backendsReceivingAt("https://api.eu1.honeycomb.io:443")).toEqual(["honeycomb"])
  })

  it("finds nothing behind a Collector or an endpoint it cannot read", () => {
    expect(backendsReceivingAt("http://otel-collector.observability.svc.cluster.local:4317")).toEqual([])
    expect(backendsReceivingAt("not a url")).toEqual([])
  })
})

describe("looksLikeJaeger", () => {
  it("tells a Jaeger collector from the Collector and from other backends", () => {
    expect(looksLikeJaeger("http://jaeger-collector.monitoring.svc.cluster.local:4317")).toBe(true)
    expect(looksLikeJaeger("http://otel-collector.observability.svc.cluster.local:4317")).toBe(false)
    expect(looksLikeJaeger("http://tempo-distributor.tempo.svc.cluster.local:4317")).toBe(false)
  })
})

describe("foreignExportHost", () => {
  const at = (otlpEndpoint: string) => foreignExportHost({ ...DEFAULT_INPUT, otlpEndpoint })

  it("leaves the user's own network alone: Services, bare names, loopback, private addresses", () => {
    for (const endpoint of [
      DEFAULT_INPUT.otlpEndpoint,
      "http://otel-collector:4317",
      "http://collector.tracing.svc:4317",
      "http://localhost:4318",
      "http://127.0.0.1:4317",
      "http://10.0.3.7:4317",
      "http://172.20.0.5:4317",
      "http://192.168.1.9:4317",
      "http://collector.corp.internal:4317",
    ]) {
      expect(at(endpoint), endpoint).toBeUndefined()
    }
  })

  it("leaves the vendors' known intakes alone", () => {
    for (const endpoint of [
      "https://api.honeycomb.io:443",
      "https://otlp.nr-data.net:4317",
      "https://tempo-prod-04-prod-us-east-0.grafana.net:443",
    ]) {
      expect(at(endpoint), endpoint).toBeUndefined()
    }
  })

  it("names any other host", () => {
    expect(at("https://x.example:4317")).toBe("x.example")
    expect(at("http://172.32.0.1:4317")).toBe("172.32.0.1")
    expect(at("https://api.honeycomb.io.evil.example:443")).toBe("api.honeycomb.io.evil.example")
  })
})
