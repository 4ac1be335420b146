import { describe, expect, it } from "vitest"

import {
  inputToFormValues,
  parsePlanInput,
  parsePlanQuery,
  planToSearchParams,
  salvagePlanInput,
} from "@/lib/plan/parse"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const strict = { unknownKeys: "reject" } as const
const messageFor = (raw: unknown, path: string) => {
  const result = parsePlanInput(raw, strict)
  if (result.success) throw new Error("expected the input to be rejected")
  return result.issues.find((issue) => issue.path === path)?.message
}

describe("parsePlanInput", () => {
  it("fills every missing field with the seed defaults", () => {
    expect(parsePlanInput({}, strict)).toEqual({ success: true, data: DEFAULT_INPUT })
  })

  it("reads numbers given as text, as forms and URLs send them", () => {
    const result = parsePlanInput({ rps: " 10000 ", ratio: "1e-3", retentionDays: "30" }, strict)
    expect(result).toMatchObject({ success: true, data: { rps: 10_000, ratio: 0.001, retentionDays: 30 } })
  })

  it("takes the average rate as the peak when no peak is given", () => {
    expect(parsePlanInput({ rps: 1234 }, strict)).toMatchObject({ success: true, data: { peakRps: 1234 } })
  })

  it("reads sampler and backend names in any case and with stray spaces", () => {
    const result = parsePlanInput({ sampler: " ParentBased_TraceIdRatio", backend: "ClickHouse" }, strict)
    expect(result).toMatchObject({ success: true, data: { sampler: "parentbased_traceidratio", backend: "clickhouse" } })
  })

  it("accepts every sampler the OpenTelemetry env spec lists", () => {
    for (const sampler of ["always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio", "parentbased_jaeger_remote", "jaeger_remote", "xray"]) {
      expect(parsePlanInput({ sampler }, strict).success).toBe(true)
    }
  })

  describe("messages a person understands", () => {
    it.each([
      [{ rps: "0" }, "rps", "Requests per second must be greater than 0."],
      [{ rps: "-5" }, "rps", "Requests per second must be greater than 0."],
      [{ rps: "" }, "rps", "Enter requests per second, e.g. 5000."],
      [{ rps: "5,000" }, "rps", "Requests per second must be a number, e.g. 5000 (digits only, no commas or units)."],
      [{ rps: "Infinity" }, "rps", "Requests per second must be a finite number."],
      [{ rps: 1e10 }, "rps", "Requests per second must be at most 1,000,000,000."],
      [{ rps: 5000, peakRps: 4000 }, "peakRps", "Peak requests per second (4,000) must be at least the average (5,000)."],
      [{ retentionDays: "7.5" }, "retentionDays", "Retention must be a whole number of days."],
      [{ retentionDays: "0" }, "retentionDays", "Retention must be at least 1 day."],
      [{ retentionDays: "3651" }, "retentionDays", "Retention must be at most 3,650 days (10 years)."],
      [{ ratio: "10" }, "ratio", "Sampling ratio is a fraction between 0 and 1: 10 % is 0.1."],
      [{ ratio: "-0.1" }, "ratio", "Sampling ratio must be between 0 and 1 (0.1 keeps 10 %)."],
      [{ ratio: "10%" }, "ratio", "Sampling ratio must be a number, e.g. 0.1 (digits only, no commas or units)."],
      [{ spansPerTrace: "0.5" }, "spansPerTrace", "Spans per trace must be at least 1 (the root span)."],
      [{ spanBytes: "0" }, "spanBytes", "Bytes per span must be greater than 0."],
      [{ apmHosts: "2.5" }, "apmHosts", "Datadog APM hosts must be a whole number."],
    ])("rejects %j with a message on %s", (raw, path, message) => {
      expect(messageFor(raw, path)).toBe(message)
    })

    it("lists the samplers when the name is unknown", () => {
      expect(messageFor({ sampler: "probabilistic" }, "sampler")).toBe(
        'Unknown sampler "probabilistic". Use one of: always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, parentbased_jaeger_remote, jaeger_remote, xray.'
      )
    })

    it("lists the backends when the id is unknown", () => {
      expect(messageFor({ backend: "zipkin" }, "backend")).toMatch(/^Unknown backend "zipkin"\. Use one of: tempo, clickhouse,/)
    })

    it("names an unknown field instead of ignoring a typo", () => {
      expect(messageFor({ retention: 30 }, "retention")).toBe(
        'Unknown field "retention". Known fields: rps, peakRps, retentionDays, sampler, ratio, spansPerTrace, spanBytes, backend, apmHosts.'
      )
    })

    it("explains that the plan must be an object", () => {
      expect(parsePlanInput([1, 2], strict)).toMatchObject({ success: false, error: 'The plan must be a JSON object of fields, e.g. {"rps": 5000}.' })
    })

    it("summarizes several problems in its error", () => {
      expect(parsePlanInput({ rps: "0", retentionDays: "0" }, strict)).toMatchObject({
        success: false,
        error: "Requests per second must be greater than 0. (and 1 more)",
      })
    })
  })

  it("ignores unknown fields when asked to, as the page does for tracking parameters", () => {
    expect(parsePlanInput({ utm_source: "slack", rps: "10" }, { unknownKeys: "ignore" })).toMatchObject({ success: true, data: { rps: 10 } })
  })
})

describe("parsePlanQuery", () => {
  it("reads a page URL's query", () => {
    expect(parsePlanQuery(new URLSearchParams("rps=10000&sampler=xray"), strict)).toMatchObject({
      success: true,
      data: { rps: 10_000, sampler: "xray" },
    })
  })

  it("refuses a field given twice", () => {
    expect(parsePlanQuery(new URLSearchParams("rps=10&rps=20"), strict)).toMatchObject({
      success: false,
      issues: [{ path: "rps", message: '"rps" appears 2 times in the URL; give it once.' }],
    })
  })
})

describe("planToSearchParams", () => {
  it("writes every field in form order", () => {
    expect(planToSearchParams(DEFAULT_INPUT).toString()).toBe(
      "rps=5000&peakRps=5000&retentionDays=7&sampler=parentbased_traceidratio&ratio=0.1&spansPerTrace=30&spanBytes=500&backend=tempo&apmHosts=10"
    )
  })

  it("round-trips through parsePlanQuery to the same input", () => {
    const input = { ...DEFAULT_INPUT, rps: 0.25, peakRps: 12.5, ratio: 1e-7, sampler: "xray" as const, backend: "jaeger-cassandra" as const }
    expect(parsePlanQuery(planToSearchParams(input), strict)).toEqual({ success: true, data: input })
  })
})

describe("inputToFormValues", () => {
  it("shows every field as text", () => {
    expect(inputToFormValues(DEFAULT_INPUT)).toEqual({
      rps: "5000",
      peakRps: "5000",
      retentionDays: "7",
      sampler: "parentbased_traceidratio",
      ratio: "0.1",
      spansPerTrace: "30",
      spanBytes: "500",
      backend: "tempo",
      apmHosts: "10",
    })
  })
})

describe("salvagePlanInput", () => {
  it("keeps valid fields and defaults the broken ones", () => {
    expect(salvagePlanInput({ rps: "abc", retentionDays: "30", ratio: "2" })).toEqual({ ...DEFAULT_INPUT, retentionDays: 30 })
  })

  it("drops a peak below the average rather than the average", () => {
    expect(salvagePlanInput({ rps: "100", peakRps: "50" })).toEqual({ ...DEFAULT_INPUT, rps: 100, peakRps: 100 })
  })
})
