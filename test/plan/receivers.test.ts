import { describe, expect, it } from "vitest"

import { backendsReceivingAt, collectorEndpoint, isBackendReceiver, looksLikeJaeger } from "@/lib/plan/receivers"

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
