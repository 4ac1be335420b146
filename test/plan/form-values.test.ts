import { describe, expect, it } from "vitest"

import { withoutEchoedMessages } from "@/lib/plan/form-values"

describe("withoutEchoedMessages", () => {
  it("drops the peak's message when the peak holds the same bad text as requests/s", () => {
    expect(
      withoutEchoedMessages({ rps: "abc", peakRps: "abc" }, { rps: "Requests per second must be a number.", peakRps: "Peak must be a number." })
    ).toEqual({ rps: "Requests per second must be a number." })
  })

  it("drops Dapr's rate message when it holds the same bad text as the sampling ratio", () => {
    expect(withoutEchoedMessages({ ratio: "2", daprSamplingRate: "2" }, { ratio: "At most 1.", daprSamplingRate: "At most 1." })).toEqual({
      ratio: "At most 1.",
    })
  })

  it("keeps the peak's message when its text is its own", () => {
    const messages = { rps: "Requests per second must be a number.", peakRps: "Peak must be a number." }
    expect(withoutEchoedMessages({ rps: "abc", peakRps: "xyz" }, messages)).toEqual(messages)
  })

  it("keeps the peak's message when requests/s itself is fine", () => {
    expect(withoutEchoedMessages({ rps: "100", peakRps: "100" }, { peakRps: "Peak is out of range." })).toEqual({ peakRps: "Peak is out of range." })
  })
})
