import { describe, expect, it } from "vitest"

import { formatBytes, formatCount, formatInteger, formatPercent, formatUsd } from "@/lib/format"

describe("formatCount", () => {
  it.each([
    [864_000_000, "864M"],
    [86_400_000, "86.4M"],
    [8_640_000, "8.64M"],
    [864_000, "864K"],
    [8_640, "8.64K"],
    [999, "999"],
    [999_999, "1M"],
    [1_296_000_000, "1.3B"],
    [8.64e14, "864T"],
    [8.64e24, "8.64e24"],
    [0.5, "0.5"],
    [0, "0"],
  ])("writes %d as %s", (value, text) => {
    expect(formatCount(value)).toBe(text)
  })
})

describe("formatBytes", () => {
  it.each([
    [500, "500 B"],
    [1_200_000_000_000, "1.2 TB"],
    [648e9, "648 GB"],
    [666_792_000_000, "667 GB"],
    [999_999, "1 MB"],
    [8.64e24, "8.64 YB"],
    [0, "0 B"],
  ])("writes %d bytes as %s", (value, text) => {
    expect(formatBytes(value)).toBe(text)
  })
})

describe("formatUsd", () => {
  it.each([
    [1234.4, "$1,234"],
    [15.336216, "$15.34"],
    [0, "$0.00"],
    [2_340_000, "$2.34M"],
  ])("writes %d as %s", (value, text) => {
    expect(formatUsd(value)).toBe(text)
  })
})

describe("formatPercent and formatInteger", () => {
  it("writes probabilities as percentages without needless digits", () => {
    expect(formatPercent(0.1)).toBe("10 %")
    expect(formatPercent(0.0001)).toBe("0.01 %")
    expect(formatPercent(1)).toBe("100 %")
  })

  it("writes exact counts with separators", () => {
    expect(formatInteger(864_000_000)).toBe("864,000,000")
  })
})

describe("edge cases", () => {
  it("never shows NaN or Infinity", () => {
    for (const format of [formatCount, formatBytes, formatUsd, formatPercent, formatInteger]) {
      expect(format(Number.NaN)).toBe("—")
      expect(format(Number.POSITIVE_INFINITY)).toBe("—")
    }
  })
})
