import { describe, expect, it } from "vitest"

import { headSentence, tailSentence } from "@/lib/import/dry-run-text"

describe("headSentence", () => {
  it("names Dapr's sidecar and the Go SDK's algorithm when Dapr decides", () => {
    expect(
      headSentence({
        decidedBy: "dapr",
        sampler: "parentbased_traceidratio",
        ratio: 0.1,
        runtime: "dapr",
        kind: "trace-id-ratio",
      })
    ).toBe(
      "Head decision: this service's Dapr sidecar keeps 10 % by trace id, with the Go SDK's TraceIDRatioBased (the low 8 bytes, shifted right by one, against 10 % × 2^63)."
    )
  })

  it("says which sampler an SDK runs instead of one it cannot read", () => {
    expect(
      headSentence({
        decidedBy: "app",
        sampler: "parentbased_always_on",
        ratio: 0.1,
        runtime: "node",
        kind: "all",
        unsupported: "xray",
      })
    ).toBe(
      "Head decision: the app's Node.js SDK keeps every trace (parentbased_always_on): the SDK cannot read xray from OTEL_TRACES_SAMPLER and runs parentbased_always_on instead."
    )
  })
})

describe("tailSentence", () => {
  it("lists the policies the config writes, the rate limit with the replay rate", () => {
    expect(
      tailSentence({ keepErrors: true, latencyThresholdMs: 1000, baselinePercent: 10, spansPerSecond: 20000 }, 5000)
    ).toBe(
      "Then the Collector's tail_sampling keeps a trace when any policy samples it: an ERROR span anywhere, a trace lasting 1 s or more or the 10 % baseline (its own FNV-1a hash of the trace id) within 20,000 spans/s, the traces replayed in the order they started at the plan's 5,000 requests/s."
    )
  })

  it("leaves out a 0 % baseline beside other policies, and says nothing without tail sampling", () => {
    expect(
      tailSentence({ keepErrors: true, latencyThresholdMs: null, baselinePercent: 0, spansPerSecond: null }, 1)
    ).toBe("Then the Collector's tail_sampling keeps a trace when any policy samples it: an ERROR span anywhere.")
    expect(tailSentence(null, 1)).toBeNull()
  })
})
