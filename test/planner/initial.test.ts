import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { DEFAULT_INPUT } from "@/lib/plan/fields"
import { inputToFormValues } from "@/lib/plan/form-values"
import { configAvailabilityFor, configFor } from "@/lib/configs/plan-configs"
import { initialPlannerState } from "@/lib/planner/initial"
import { shownErrors } from "@/lib/planner/state"

const RPS_MESSAGE = "Requests per second must be a number, e.g. 5000 (5,000, 5k and 1.2M work too)."
const PEAK_MESSAGE = "Peak requests per second must be a number, e.g. 8000 (5,000, 5k and 1.2M work too)."

describe("initialPlannerState", () => {
  it("opens a good link as its plan, with nothing to fix and nothing waiting", () => {
    const start = initialPlannerState({ rps: "8000", peakRps: "9000", retentionDays: "30", utm_source: "slack" })
    expect(start.state.values.rps).toBe("8000")
    expect(start.state.values.retentionDays).toBe("30")
    expect(start.state.values.spanBytes).toBe("500")
    expect(start.state.input).toEqual({ ...DEFAULT_INPUT, rps: 8000, peakRps: 9000, retentionDays: 30 })
    expect(start.state.plan).toEqual(buildPlan({ ...DEFAULT_INPUT, rps: 8000, peakRps: 9000, retentionDays: 30 }))
    expect(start.state.errors).toEqual({})
    expect(start.state.pending).toBe(false)
    expect(start.state.loadFailed).toBe(false)
    // A tracking parameter that looks like no field is ignored quietly.
    expect(start.ignoredKeysNotice).toBeUndefined()
  })

  it("opens no link as the defaults", () => {
    const start = initialPlannerState({})
    expect(start.state.input).toEqual(DEFAULT_INPUT)
    expect(start.state.values).toEqual(inputToFormValues(DEFAULT_INPUT))
    expect(start.state.errors).toEqual({})
  })

  it("writes the first config tab's snippet and the configs the plan can have", () => {
    const start = initialPlannerState({ backend: "honeycomb" })
    const plan = buildPlan({ ...DEFAULT_INPUT, backend: "honeycomb" })
    expect(start.configs.first).toEqual(configFor(plan, "dotenv"))
    expect(start.configs.first.available).toBe(true)
    expect(start.configs.available).toEqual(configAvailabilityFor(plan))
    expect(start.configs.available.retention).toBe(false)
    expect(start.configs.available.dapr).toBe(true)
  })

  it("salvages a broken link: good fields kept, bad ones planned at their defaults and shown as typed", () => {
    const start = initialPlannerState({ rps: "abc", retentionDays: "30" })
    expect(start.state.values.rps).toBe("abc")
    expect(start.state.values.retentionDays).toBe("30")
    expect(start.state.input.rps).toBe(5000)
    expect(start.state.input.retentionDays).toBe(30)
    expect(start.state.plan.input.retentionDays).toBe(30)
    // The peak, left out, follows requests/s: it shows the same typo, whose message is shown once.
    expect(start.state.values.peakRps).toBe("abc")
    expect(start.state.errors).toEqual({ rps: RPS_MESSAGE, peakRps: PEAK_MESSAGE })
    expect(shownErrors(start.state)).toEqual({ rps: RPS_MESSAGE })
  })

  it("reports a field given twice and plans the defaults", () => {
    const start = initialPlannerState({ rps: ["10", "20"], retentionDays: "30" })
    expect(start.state.errors).toEqual({ rps: '"rps" appears 2 times in the URL; give it once.' })
    expect(start.state.input).toEqual(DEFAULT_INPUT)
    expect(start.state.values.rps).toBe("5000")
  })

  it("names a misspelled key with the field it likely meant and the value the plan uses", () => {
    const start = initialPlannerState({ retention: "30", rps: "8000" })
    expect(start.ignoredKeysNotice).toBe(
      "The link's retention= is not a field and was ignored: did you mean retentionDays? The plan below uses retentionDays=7."
    )
    expect(start.state.input.retentionDays).toBe(7)
    expect(start.state.input.rps).toBe(8000)
    expect(start.state.errors).toEqual({})
  })

  it("names every misspelled key, in link order, with the text the form shows", () => {
    expect(initialPlannerState({ spanbyte: "1", rps: "abc", sampel: "x" }).ignoredKeysNotice).toBe(
      "The link's spanbyte= is not a field and was ignored: did you mean spanBytes? The plan below uses spanBytes=500. " +
        "The link's sampel= is not a field and was ignored: did you mean sampler? The plan below uses sampler=parentbased_traceidratio."
    )
  })

  it("turns a NUL character into U+FFFD, as the HTML parser would, and keeps it invalid with its message", () => {
    const start = initialPlannerState({ sampler: "\u0000", serviceName: "a\u0000b" })
    expect(start.state.values.sampler).toBe("\uFFFD")
    expect(start.state.values.serviceName).toBe("a\uFFFDb")
    expect(start.state.errors.sampler).toBe(
      'Unknown sampler "\uFFFD". Use one of: always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, parentbased_jaeger_remote, jaeger_remote, xray.'
    )
    expect(start.state.input.sampler).toBe("parentbased_traceidratio")
    expect(JSON.stringify(start.state)).not.toContain("\\u0000")
  })

  it("asks whether a foreign endpoint the link set is the user's, and only then", () => {
    expect(initialPlannerState({ otlpEndpoint: "https://x.example:4317" }).foreignEndpointNotice).toBe(
      "This link exports your traces to https://x.example:4317. Is that endpoint yours? Traces carry user ids and request data: check it before you copy a config."
    )
    expect(initialPlannerState({}).foreignEndpointNotice).toBeUndefined()
    expect(initialPlannerState({ otlpEndpoint: "http://otel-collector:4317" }).foreignEndpointNotice).toBeUndefined()
    expect(initialPlannerState({ otlpEndpoint: "https://api.honeycomb.io:443" }).foreignEndpointNotice).toBeUndefined()
  })
})
