import { describe, expect, it } from "vitest"

import { collectorEndpoint, isBackendReceiver } from "@/lib/configs/receivers"

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
