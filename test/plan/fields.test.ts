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
    for (const key of ["utm_source", "fbclid", "gclid", "ref", "src", "days", "id"])
      expect(closestPlanField(key)).toBeUndefined()
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
      issues: [
        { path: "collectorUsdPerCoreMonth", message: expect.stringMatching(/^Enter Collector cost per core, e\.g\. /) },
      ],
    })
  })
})

describe("closestPlanField under hostile keys", () => {
  it("suggests nothing for a key longer than any field could be misspelt as", () => {
    expect(closestPlanField("r".repeat(41))).toBeUndefined()
    expect(closestPlanField(`retentionDays${"x".repeat(40)}`)).toBeUndefined()
  })

  it("still finds a long field within two typos", () => {
    expect(closestPlanField("minTracesPerMinutePerEndpont")).toBe("minTracesPerMinutePerEndpoint")
  })

  it("answers a 64 KB key without examining it (the bounded distance never builds its matrix)", () => {
    // Before the cap one such key took 4–5 s of the event loop; counting work, not time, keeps
    // this test honest on a loaded machine: the key is refused by length before any comparison.
    const key = "k".repeat(64_000)
    const lower = String.prototype.toLowerCase
    let lowered = 0
    String.prototype.toLowerCase = function (this: string) {
      if (this.length > 1000) lowered++
      return lower.call(this)
    }
    try {
      expect(closestPlanField(key)).toBeUndefined()
    } finally {
      String.prototype.toLowerCase = lower
    }
    expect(lowered).toBe(0)
  })
})

describe("unknown keys in bulk", () => {
  it("examines at most 20 unknown keys of a link", () => {
    const raw = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`ratoi${"_".repeat(i % 3)}${i}`, "1"]))
    raw.retention = "30"
    expect(misspelledKeys(raw).length).toBeLessThanOrEqual(20)
  })

  it("names the first 20 unknown fields of a body and counts the rest", () => {
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 1]))
    const result = parsePlanInput(body, { unknownKeys: "reject" })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.issues).toHaveLength(21)
    expect(result.issues[20]).toEqual({ path: "", message: "And 980 more unknown fields." })
  })

  it("quotes a long unknown key by its start and length", () => {
    const result = parsePlanInput({ ["k".repeat(64_000)]: 1 }, { unknownKeys: "reject" })
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.issues[0]?.message).toMatch(/^Unknown field "k{40}"… \(64,000 characters\)\. Known fields: rps, /)
  })
})
