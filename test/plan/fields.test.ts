import { describe, expect, it } from "vitest"

import { closestPlanField } from "@/lib/plan/fields"
import { misspelledKeys } from "@/lib/plan/parse"

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
