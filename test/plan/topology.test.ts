import { describe, expect, it } from "vitest"

import {
  formatTopology,
  parseTopology,
  serviceSpans,
  spansPerTraceOf,
  topologyForSpans,
  TOPOLOGY_PRESETS,
} from "@/lib/plan/topology"

const preset = (id: string) => TOPOLOGY_PRESETS.find((p) => p.id === id)?.services ?? []

describe("serviceSpans", () => {
  it("counts a server span, internal spans and one client span per call", () => {
    expect(
      serviceSpans({ name: "api", internalSpans: 2, dbCalls: 2, cacheCalls: 1, outgoingCalls: 0, dapr: false })
    ).toEqual({
      name: "api",
      server: 1,
      internal: 2,
      clients: 3,
      sidecar: 0,
      total: 6,
    })
  })

  it("adds a sidecar span for the request coming in and one per call going out", () => {
    expect(
      serviceSpans({ name: "task-api", internalSpans: 2, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: true })
    ).toMatchObject({
      sidecar: 2,
      total: 6,
    })
  })
})

describe("spansPerTraceOf", () => {
  it.each([
    ["task-api", 6],
    ["three-tier", 9],
    ["fan-out", 30],
  ])("gives the %s preset %i spans per trace", (id, spans) => {
    expect(spansPerTraceOf(preset(id))).toBe(spans)
  })
})

describe("topologyForSpans", () => {
  it("starts a path with the spans per trace already in use: one database call and internal spans for the rest", () => {
    expect(formatTopology(topologyForSpans(30, "task-api", true))).toBe("task-api.i26.d1.dapr")
    expect(formatTopology(topologyForSpans(40, "orders", false))).toBe("orders.i38.d1")
  })

  it.each([1, 2, 3, 4, 5, 30, 999, 1_004, 5_000, 100_000])(
    "keeps %i spans per trace in a one-service path",
    (spans) => {
      expect(spansPerTraceOf(topologyForSpans(spans, "a", false))).toBe(spans)
      expect(spansPerTraceOf(topologyForSpans(spans, "a", true))).toBe(Math.max(2, spans))
    }
  )

  it("puts the spans a busy service makes beyond one database call in its internal spans", () => {
    expect(formatTopology(topologyForSpans(5_000, "batch", false))).toBe("batch.i4998.d1")
    expect(formatTopology(topologyForSpans(5_000, "batch", true))).toBe("batch.i4996.d1.dapr")
  })

  it("gives a count below the smallest Dapr path that path: the server span and the sidecar's", () => {
    expect(formatTopology(topologyForSpans(1, "a", true))).toBe("a.dapr")
  })
})

describe("formatTopology and parseTopology", () => {
  it("writes the fan-out preset compactly", () => {
    expect(formatTopology(preset("fan-out"))).toBe(
      "gateway.i1.o4~orders.i2.d2.c1~inventory.i2.d2.c1~pricing.i2.d2.c1~users.i2.d2.c1"
    )
  })

  it("reads back exactly what it wrote, for every preset", () => {
    for (const { services } of TOPOLOGY_PRESETS) {
      expect(parseTopology(formatTopology(services))).toEqual({ success: true, data: services })
    }
  })

  it("names the part it cannot read", () => {
    expect(parseTopology("gateway.i1.x3")).toEqual({
      success: false,
      error: 'Service "gateway": "x3" is not i<n>, d<n>, c<n>, o<n> or dapr.',
    })
    expect(parseTopology("gateway~.i2")).toEqual({
      success: false,
      error: "Service 2 has no name (write name.i2.d1.o1.dapr).",
    })
  })

  it("refuses more than 50 services", () => {
    expect(parseTopology(Array.from({ length: 51 }, (_, i) => `s${i}`).join("~"))).toEqual({
      success: false,
      error: "A request path can have at most 50 services.",
    })
  })
})
