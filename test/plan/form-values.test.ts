import { describe, expect, it } from "vitest"

import {
  formValuesToQueryString,
  inputToFormValues,
  nonDefaultFields,
  planToShortQueryString,
  withFollowers,
  withoutEchoedMessages,
  withoutNulCharacters,
} from "@/lib/plan/form-values"
import { DEFAULT_INPUT } from "@/lib/plan/fields"
import { parsePlanQuery } from "@/lib/plan/parse"

describe("withoutEchoedMessages", () => {
  it("drops the peak's message when the peak holds the same bad text as requests/s", () => {
    expect(
      withoutEchoedMessages(
        { rps: "abc", peakRps: "abc" },
        { rps: "Requests per second must be a number.", peakRps: "Peak must be a number." }
      )
    ).toEqual({ rps: "Requests per second must be a number." })
  })

  it("keeps Dapr's rate message: the form never copies a bad ratio into it (it follows the sampler's head rate)", () => {
    expect(
      withoutEchoedMessages(
        { ratio: "2", daprSamplingRate: "2" },
        { ratio: "At most 1.", daprSamplingRate: "At most 1." }
      )
    ).toEqual({ ratio: "At most 1.", daprSamplingRate: "At most 1." })
  })

  it("keeps the peak's message when its text is its own", () => {
    const messages = { rps: "Requests per second must be a number.", peakRps: "Peak must be a number." }
    expect(withoutEchoedMessages({ rps: "abc", peakRps: "xyz" }, messages)).toEqual(messages)
  })

  it("keeps the peak's message when requests/s itself is fine", () => {
    expect(withoutEchoedMessages({ rps: "100", peakRps: "100" }, { peakRps: "Peak is out of range." })).toEqual({
      peakRps: "Peak is out of range.",
    })
  })
})

describe("withFollowers", () => {
  const values = inputToFormValues(DEFAULT_INPUT) // rps 5000 = peak 5000, ratio 0.1 = Dapr 0.1

  it("moves the peak with the average, and Dapr's rate with the ratio, while they mirror", () => {
    expect(withFollowers(values, { rps: "8000" })).toMatchObject({ rps: "8000", peakRps: "8000" })
    expect(withFollowers(values, { ratio: "0.01" })).toMatchObject({ ratio: "0.01", daprSamplingRate: "0.01" })
  })

  it("leaves a follower typed separately, or changed in the same edit, where it is", () => {
    expect(withFollowers({ ...values, peakRps: "9000" }, { rps: "8000" })).toMatchObject({
      rps: "8000",
      peakRps: "9000",
    })
    expect(withFollowers(values, { rps: "8000", peakRps: "12000" })).toMatchObject({ rps: "8000", peakRps: "12000" })
  })
})

describe("formValuesToQueryString", () => {
  it("keeps text as typed, and blank fields only when asked", () => {
    expect(formValuesToQueryString({ rps: "5,000", retentionDays: "", ratio: "10 %" }, { keepEmpty: true })).toBe(
      "rps=5,000&retentionDays=&ratio=10%20%25"
    )
    expect(formValuesToQueryString({ rps: "5,000", retentionDays: "" }, { keepEmpty: false })).toBe("rps=5,000")
  })
})

describe("withoutNulCharacters", () => {
  it("turns U+0000 into U+FFFD, as the browser's parser does, and leaves other text alone", () => {
    expect(withoutNulCharacters({ sampler: "\u0000", serviceName: "a\u0000b\u0000", rps: "5,000" })).toEqual({
      sampler: "\uFFFD",
      serviceName: "a\uFFFDb\uFFFD",
      rps: "5,000",
    })
  })
})

describe("planToShortQueryString and nonDefaultFields", () => {
  const parse = (query: string) => parsePlanQuery(new URLSearchParams(query), { unknownKeys: "reject" })

  it("writes nothing for the default plan", () => {
    expect(planToShortQueryString(DEFAULT_INPUT)).toBe("")
    expect(nonDefaultFields(DEFAULT_INPUT)).toEqual([])
  })

  it("leaves spans per trace out when a request path decides it, and parses back to the same plan", () => {
    const parsed = parse("topology=api.i1.o1~db-svc.i1.d1")
    expect(parsed.success).toBe(true)
    if (!parsed.success) return
    expect(parsed.data.spansPerTrace).not.toBe(DEFAULT_INPUT.spansPerTrace)
    expect(planToShortQueryString(parsed.data)).toBe("topology=api.i1.o1~db-svc.i1.d1")
    expect(nonDefaultFields(parsed.data)).toEqual(["topology"])
  })

  it("writes who calls the service, never the older daprIngress it sets", () => {
    const parsed = parse("daprIngress=false")
    expect(parsed.success && parsed.data.entryPoint).toBe("app")
    if (!parsed.success) return
    expect(planToShortQueryString(parsed.data)).toBe("entryPoint=app")
    expect(parse("entryPoint=app")).toEqual(parsed)
  })

  it("keeps Dapr's rate once it differs from the sampler's head rate", () => {
    // parentbased_always_on's head rate is 1; Dapr's 0.1 is set apart from it.
    const input = { ...DEFAULT_INPUT, sampler: "parentbased_always_on" as const, daprSamplingRate: 0.1 }
    expect(planToShortQueryString(input)).toBe("sampler=parentbased_always_on&daprSamplingRate=0.1")
    expect(planToShortQueryString({ ...input, daprSamplingRate: 1 })).toBe("sampler=parentbased_always_on")
  })
})
