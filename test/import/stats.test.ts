import { describe, expect, it } from "vitest"

import { byCountThenText, percentile, roundTo, sanitizeEndpointName, shareFloor4 } from "@/lib/import/stats"

describe("percentile (nearest rank)", () => {
  it.each([
    [50, 2],
    [90, 4],
    [99, 4],
    [100, 4],
    [0, 1],
  ])("takes p%i of 1, 2, 3, 4 as %i", (p, value) => {
    expect(percentile([1, 2, 3, 4], p)).toBe(value)
  })

  it("returns 0 for no values", () => {
    expect(percentile([], 50)).toBe(0)
  })
})

describe("rounding", () => {
  it("rounds spans per trace to 0.1 and rates to 4 decimals", () => {
    expect(roundTo(16 / 7, 1)).toBe(2.3)
    expect(roundTo(1 / 7, 4)).toBe(0.1429)
  })

  it("rounds shares down with integer arithmetic, so 29 % stays 0.29", () => {
    expect(shareFloor4(29, 100)).toBe(0.29)
    expect(shareFloor4(1, 3)).toBe(0.3333)
    expect(shareFloor4(1, 0)).toBe(0)
  })

  it("keeps three thirds at or under 1", () => {
    expect(3 * shareFloor4(1, 3)).toBeLessThanOrEqual(1)
  })
})

describe("sanitizeEndpointName", () => {
  it("turns ~ and control characters into single spaces", () => {
    expect(sanitizeEndpointName("GET /a~b\t\n/c\u0000")).toBe("GET /a b /c")
  })

  it("cuts to 120 characters without splitting an emoji", () => {
    expect(sanitizeEndpointName("x".repeat(200))).toBe("x".repeat(120))
    expect(sanitizeEndpointName(`${"x".repeat(119)}🚀`)).toBe("x".repeat(119))
  })

  it("names an empty operation (unnamed)", () => {
    expect(sanitizeEndpointName(" \u0001 ")).toBe("(unnamed)")
  })
})

describe("byCountThenText", () => {
  it("sorts by count descending, then by text in code-unit order", () => {
    const rows = [
      { count: 1, name: "b" },
      { count: 2, name: "z" },
      { count: 1, name: "B" },
    ]
    rows.sort((a, b) => byCountThenText(a.count, b.count, [a.name], [b.name]))
    expect(rows.map((row) => row.name)).toEqual(["z", "B", "b"])
  })
})
