import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"
import { parsePlanInput } from "@/lib/plan/parse"
import { initialPlannerState } from "@/lib/planner/initial"
import {
  openedConfigs,
  plannerReducer,
  planQuery,
  shouldWriteQuery,
  shownErrors,
  staleNotice,
  type PlannerModel,
  type PlannerState,
} from "@/lib/planner/state"

// The real validator and model, as the browser loads them on demand; `undefined` is "not loaded yet".
const model: PlannerModel = { parsePlanInput, buildPlan }

const DEFAULT_QUERY =
  "rps=5000&peakRps=5000&retentionDays=7&sampler=parentbased_traceidratio&ratio=0.1&spansPerTrace=30&spanBytes=500&backend=tempo&apmHosts=10&tempoVersion=3.x&datadogCommitment=annual&newRelicFullUsers=1&computeUsdPerVcpuMonth=29.53&computeUsdPerGbMonth=3.24&collectorUsdPerCoreMonth=0&zones=3&interZoneUsdPerGb=0.02&egressUsdPerGb=0.09&serviceName=task-api&namespace=default&environment=production&language=python&otlpEndpoint=http://otel-collector.observability.svc.cluster.local:4317&protocol=grpc&daprEnabled=true&daprIngress=true&entryPoint=sidecar&daprSamplingRate=0.1&replicas=3&image=registry.example.com/task-api:1.0.0&containerPort=8000&excludeHealthChecks=true&excludedUrls=health,metrics,readiness&probesPerReplica=3&probeIntervalSeconds=10&growthPercentPerMonth=0&horizonMonths=12&errorRate=0.01&slowRate=0.05&slowThresholdMs=1000&tailSampling=false&tailKeepErrors=true&tailKeepSlow=true&tailBaselinePercent=10&tailSpansPerSecond=0&tailDecisionWaitSeconds=30&keepAllErrors=true&minTracesPerMinutePerEndpoint=1&storageCapBytes=0&otlpAuthSecret=otlp-auth"

const RPS_MESSAGE = "Requests per second must be a number, e.g. 5000 (digits only, no commas or units)."
const PEAK_MESSAGE = "Peak requests per second must be a number, e.g. 8000 (digits only, no commas or units)."
const OFFLINE =
  "The page could not load the code that recalculates (are you offline?): the results below are for the last plan it calculated. Your typing is kept; the next change tries again."
const LAST_VALID = "Some fields need fixing; the results below are for the last valid plan."

const opened = () => initialPlannerState({}).state
const change = (state: PlannerState, changes: Partial<PlannerState["values"]>, loaded = true) =>
  plannerReducer(state, { type: "change", changes, model: loaded ? model : undefined })

describe("plannerReducer: a change once the validator has loaded", () => {
  it("validates and plans valid text, moving the peak along with requests/s", () => {
    const initial = opened()
    const next = change(initial, { rps: "8000" })
    expect(next.values.rps).toBe("8000")
    expect(next.values.peakRps).toBe("8000")
    expect(next.input.rps).toBe(8000)
    expect(next.input.peakRps).toBe(8000)
    expect(next.plan.input.rps).toBe(8000)
    expect(next.errors).toEqual({})
    expect(next.pending).toBe(false)
    expect(next.loadFailed).toBe(false)
  })

  it("leaves a peak typed separately where it is", () => {
    const next = change(change(opened(), { peakRps: "9000" }), { rps: "8000" })
    expect(next.input.rps).toBe(8000)
    expect(next.input.peakRps).toBe(9000)
  })

  it("keeps invalid text with its message, and the results on the last valid input and plan", () => {
    const initial = opened()
    const next = change(initial, { rps: "5,000" })
    expect(next.values.rps).toBe("5,000")
    expect(next.values.peakRps).toBe("5,000")
    expect(next.errors).toEqual({ rps: RPS_MESSAGE, peakRps: PEAK_MESSAGE })
    expect(next.input).toBe(initial.input)
    expect(next.plan).toBe(initial.plan)
    expect(next.pending).toBe(false)
  })

  it("returns to a fresh plan and no messages when the text is fixed", () => {
    const next = change(change(opened(), { retentionDays: "0" }), { retentionDays: "30" })
    expect(next.errors).toEqual({})
    expect(next.input.retentionDays).toBe(30)
    expect(next.plan.input.retentionDays).toBe(30)
  })
})

describe("plannerReducer: a change before the validator has loaded", () => {
  it("shows the typed text at once and waits, the results unchanged", () => {
    const initial = opened()
    const next = change(initial, { rps: "8000" }, false)
    expect(next.pending).toBe(true)
    expect(next.values.rps).toBe("8000")
    expect(next.values.peakRps).toBe("8000")
    expect(next.input).toBe(initial.input)
    expect(next.plan).toBe(initial.plan)
    expect(next.errors).toEqual({})
  })

  it("validates the latest text when the validator arrives", () => {
    const waiting = change(change(opened(), { rps: "8000" }, false), { retentionDays: "30" }, false)
    const next = plannerReducer(waiting, { type: "validatorLoaded", model })
    expect(next.pending).toBe(false)
    expect(next.input.rps).toBe(8000)
    expect(next.input.retentionDays).toBe(30)
    expect(next.plan.input.retentionDays).toBe(30)
  })

  it("shows the message when the text that waited is invalid", () => {
    const waiting = change(opened(), { retentionDays: "0" }, false)
    const next = plannerReducer(waiting, { type: "validatorLoaded", model })
    expect(next.pending).toBe(false)
    expect(next.errors).toEqual({ retentionDays: "Retention must be at least 1 day." })
    expect(next.input).toBe(waiting.input)
  })

  it("ignores a validator that arrives when nothing waits for it", () => {
    const state = change(opened(), { rps: "8000" })
    expect(plannerReducer(state, { type: "validatorLoaded", model })).toBe(state)
  })

  it("keeps the text pending and the results on the last plan when the load fails", () => {
    const initial = opened()
    const waiting = change(initial, { rps: "8000" }, false)
    const failed = plannerReducer(waiting, { type: "validatorFailed" })
    expect(failed.loadFailed).toBe(true)
    expect(failed.pending).toBe(true)
    expect(failed.values.rps).toBe("8000")
    expect(failed.plan).toBe(initial.plan)
  })

  it("tries again with the next change, and clears the failure once it loads", () => {
    const failed = plannerReducer(change(opened(), { rps: "8000" }, false), { type: "validatorFailed" })
    const stillOffline = change(failed, { retentionDays: "30" }, false)
    expect(stillOffline.loadFailed).toBe(true)
    expect(stillOffline.pending).toBe(true)
    const next = plannerReducer(stillOffline, { type: "validatorLoaded", model })
    expect(next.loadFailed).toBe(false)
    expect(next.pending).toBe(false)
    expect(next.input.rps).toBe(8000)
    expect(next.input.retentionDays).toBe(30)
  })
})

describe("planQuery", () => {
  it("writes every field of a valid input, in form order", () => {
    expect(planQuery(opened())).toBe(DEFAULT_QUERY)
    expect(planQuery(change(opened(), { rps: "8000" }))).toBe(
      DEFAULT_QUERY.replace("rps=5000&peakRps=5000", "rps=8000&peakRps=8000")
    )
  })

  it("writes the text as typed while a field is invalid, blank fields too", () => {
    const query = planQuery(change(opened(), { rps: "5,000 x" }))
    expect(query.startsWith("rps=5,000%20x&peakRps=5,000%20x&retentionDays=7&")).toBe(true)
    expect(query).toContain("&topology=&")
    expect(query).toContain("&endpoints=&")
  })

  it("writes the text as typed while it waits for the validator", () => {
    const query = planQuery(change(opened(), { rps: "8000" }, false))
    expect(query.startsWith("rps=8000&peakRps=8000&")).toBe(true)
    expect(query).toContain("&topology=&")
  })

  it("writes the valid input's query (no blank fields) once the text is valid again", () => {
    const fixed = change(change(opened(), { rps: "x" }), { rps: "5000" })
    expect(planQuery(fixed)).toBe(DEFAULT_QUERY)
  })
})

describe("shouldWriteQuery", () => {
  it("leaves the address bar alone until the first change, and while a change waits", () => {
    const initial = opened()
    expect(shouldWriteQuery(initial, initial)).toBe(false)
    expect(shouldWriteQuery(change(initial, { rps: "8000" }, false), initial)).toBe(false)
    expect(shouldWriteQuery(change(initial, { rps: "8000" }), initial)).toBe(true)
    expect(shouldWriteQuery(change(initial, { rps: "x" }), initial)).toBe(true)
  })
})

describe("shownErrors", () => {
  it("shows a typo mirrored into the peak once, beside requests/s", () => {
    const state = change(opened(), { rps: "abc" })
    expect(state.errors).toEqual({ rps: RPS_MESSAGE, peakRps: PEAK_MESSAGE })
    expect(shownErrors(state)).toEqual({ rps: RPS_MESSAGE })
  })

  it("shows the peak's own message when its text is its own", () => {
    const state = change(opened(), { peakRps: "abc" })
    expect(shownErrors(state)).toEqual({ peakRps: PEAK_MESSAGE })
  })
})

describe("staleNotice", () => {
  it("says nothing while the results match the form", () => {
    const initial = opened()
    expect(staleNotice(initial, initial)).toBeUndefined()
    expect(staleNotice(change(initial, { rps: "8000" }), initial)).toBeUndefined()
    expect(staleNotice(change(initial, { rps: "8000" }, false), initial)).toBeUndefined()
  })

  it("says the results are for the last valid plan while a field typed in is invalid", () => {
    const initial = opened()
    expect(staleNotice(change(initial, { retentionDays: "0" }), initial)).toBe(LAST_VALID)
  })

  it("names the fields a broken link was planned without, as the page opened", () => {
    const initial = initialPlannerState({ rps: "abc", retentionDays: "0", spanBytes: "700" }).state
    expect(staleNotice(initial, initial)).toBe(
      "Some fields need fixing; until they are, the results below use the default for Requests per second, Retention."
    )
  })

  it("says the results are still the opened link's after an edit that leaves a field invalid", () => {
    const initial = initialPlannerState({ rps: "abc", retentionDays: "0" }).state
    const edited = change(initial, { retentionDays: "30" })
    expect(edited.input).toBe(initial.input)
    expect(staleNotice(edited, initial)).toBe(
      "Some fields need fixing; until they are, the results below are for the plan the page opened with, using the default for Requests per second."
    )
  })

  it("falls back to the last valid plan once the opened link's fields are fixed and another breaks", () => {
    const initial = initialPlannerState({ rps: "abc" }).state
    // The peak stays at the link's 5000, so the fix must not exceed it.
    const fixed = change(initial, { rps: "4000" })
    expect(staleNotice(fixed, initial)).toBeUndefined()
    expect(staleNotice(change(fixed, { rps: "abc" }), initial)).toBe(LAST_VALID)
  })

  it("says the page is offline when the validator could not load, before anything else", () => {
    const initial = initialPlannerState({ rps: "abc" }).state
    const failed = plannerReducer(change(initial, { retentionDays: "30" }, false), { type: "validatorFailed" })
    expect(staleNotice(failed, initial)).toBe(OFFLINE)
    expect(staleNotice(plannerReducer(change(opened(), {}, false), { type: "validatorFailed" }), opened())).toBe(
      OFFLINE
    )
  })
})

describe("openedConfigs", () => {
  it("hands over the server's configs while the results are for the opened plan", () => {
    const start = initialPlannerState({})
    expect(openedConfigs(start.state, start.state, start.configs)).toBe(start.configs)
    expect(openedConfigs(change(start.state, { rps: "x" }), start.state, start.configs)).toBe(start.configs)
    expect(openedConfigs(change(start.state, { rps: "5000" }, false), start.state, start.configs)).toBe(start.configs)
  })

  it("hands over nothing once the plan has changed, even to the same numbers", () => {
    const start = initialPlannerState({})
    expect(openedConfigs(change(start.state, { rps: "8000" }), start.state, start.configs)).toBeUndefined()
    expect(openedConfigs(change(start.state, { rps: "5000" }), start.state, start.configs)).toBeUndefined()
  })
})
