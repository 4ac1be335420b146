import { describe, expect, it } from "vitest"

import { closestPlanField, labelInSentence } from "@/lib/plan/fields"
import { misspelledKeys, parsePlanInput } from "@/lib/plan/parse"

describe("closestPlanField", () => {
  it("finds the field a key starts, or is the start of, ignoring case", () => {
    expect(closestPlanField("retention")).toBe("retentionDays")
    expect(closestPlanField("budget")).toBe("budgetUsdPerMonth")
    expect(closestPlanField("RPS")).toBe("rps")
  })

  it("finds a field within two typos, one for a short key", () => {
    expect(closestPlanField("ratoi")).toBe("ratio")
    expect(closestPlanField("rsp")).toBe("rps")
    expect(closestPlanField("backnd")).toBe("backend")
  })

  it("leaves tracking parameters and other short words alone", () => {
    for (const key of ["utm_source", "fbclid", "gclid", "ref", "src", "days", "id"]) expect(closestPlanField(key)).toBeUndefined()
  })
})

describe("misspelledKeys", () => {
  it("names the keys that look like a field, not the fields or the tracking parameters", () => {
    expect(misspelledKeys({ retention: "30", rps: "5000", utm_source: "slack", ratoi: "0.1" })).toEqual([
      { key: "retention", field: "retentionDays" },
      { key: "ratoi", field: "ratio" },
    ])
  })
})

describe("labelInSentence", () => {
  it("lower-cases a label's first word inside a sentence, but not a name or an acronym", () => {
    expect(labelInSentence("ratio")).toBe("sampling ratio")
    expect(labelInSentence("rps")).toBe("requests per second")
    expect(labelInSentence("daprSamplingRate")).toBe("Dapr sampling rate")
    expect(labelInSentence("apmHosts")).toBe("Datadog APM hosts")
    expect(labelInSentence("collectorUsdPerCoreMonth")).toBe("Collector cost per core")
    expect(labelInSentence("otlpEndpoint")).toBe("OTLP endpoint")
  })

  it("reads that way in the messages of empty fields", () => {
    expect(parsePlanInput({ daprSamplingRate: "" }, { unknownKeys: "reject" })).toMatchObject({
      success: false,
      issues: [{ path: "daprSamplingRate", message: "Enter Dapr sampling rate, e.g. 0.1." }],
    })
    expect(parsePlanInput({ collectorUsdPerCoreMonth: "" }, { unknownKeys: "reject" })).toMatchObject({
      success: false,
      issues: [{ path: "collectorUsdPerCoreMonth", message: expect.stringMatching(/^Enter Collector cost per core, e\.g\. /) }],
    })
  })
})
