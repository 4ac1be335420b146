import fc from "fast-check"
import { describe, expect, it } from "vitest"

import {
  formatBytes,
  formatCount,
  formatDecimal,
  formatDuration,
  formatInteger,
  formatPercent,
  formatRoughCount,
  formatUsd,
  plural,
  countOf,
  formatQuantity,
} from "@/lib/format"

const intl = (value: number, minimumFractionDigits: number, maximumFractionDigits: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits, maximumFractionDigits }).format(value)

describe("formatDecimal", () => {
  it("groups thousands and keeps the fraction digits asked for", () => {
    expect(formatDecimal(1234.56, 0, 1)).toBe("1,234.6")
    expect(formatDecimal(15.3, 2, 2)).toBe("15.30")
    expect(formatDecimal(123_456_789.987, 2, 2)).toBe("123,456,789.99")
    expect(formatDecimal(999.95, 0, 1)).toBe("1,000")
    expect(formatDecimal(1e21, 0, 0)).toBe("1,000,000,000,000,000,000,000")
    expect(formatDecimal(1.5e-7, 0, 3)).toBe("0")
  })

  it("rounds half away from zero on the decimal a person would write, as Intl does", () => {
    expect(formatDecimal(1.005, 0, 2)).toBe("1.01")
    expect(formatDecimal(0.125, 0, 2)).toBe("0.13")
    expect(formatDecimal(2.5, 0, 0)).toBe("3")
    expect(formatDecimal(-2.5, 0, 0)).toBe("-3")
    expect(formatDecimal(-0.001, 0, 1)).toBe("-0")
  })

  it("prints exactly what Intl.NumberFormat en-US prints, for any number and digit settings", () => {
    const digits = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
    const values = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      // Decimals as people type them, and ties on every digit.
      fc
        .integer({ min: -1e9, max: 1e9 })
        .chain((n) => fc.constantFrom(n / 10, n / 100, n / 1000, n / 1e5, n + 0.5, n / 100 + 0.005))
    )
    fc.assert(
      fc.property(values, digits, (value, [minimum, maximum]) => {
        expect(formatDecimal(value, minimum, maximum)).toBe(intl(value, minimum, maximum))
      }),
      { numRuns: 5000 }
    )
  })
})

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
    [8.64e24, "8.64 × 10²⁴"],
    [8.64e18, "8.64 × 10¹⁸"],
    [1e15, "1 × 10¹⁵"],
    [-2.5e16, "-2.5 × 10¹⁶"],
    [0.5, "0.5"],
    [0, "0"],
    [0.00000123, "0.00000123"],
    [1e-9, "1 × 10⁻⁹"],
    [-2.5e-7, "-2.5 × 10⁻⁷"],
  ])("writes %d as %s", (value, text) => {
    expect(formatCount(value)).toBe(text)
  })
})

describe("formatRoughCount", () => {
  it.each([
    [2, "2"],
    [2.345, "2.3"],
    [0.05, "0.05"],
    [999, "1K"],
    [1_234, "1.2K"],
    [1.5e-7, "1.5 × 10⁻⁷"],
    [1.2e11, "120B"],
  ])("writes %d as %s", (value, text) => {
    expect(formatRoughCount(value)).toBe(text)
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
    [1.46e54, "1.46 × 10³⁰ YB"],
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

describe("plural", () => {
  it("keeps the singular for exactly one and adds an s for any other count, fractions and zero included", () => {
    expect(plural(1, "core")).toBe("core")
    expect(plural(34, "core")).toBe("cores")
    expect(plural(0, "replica")).toBe("replicas")
    expect(plural(0.3, "trace")).toBe("traces")
  })
})

describe("countOf", () => {
  it("writes a count with its noun in agreement, rounded by default or exact when asked", () => {
    expect(countOf(1500, "Collector core")).toBe("1.5K Collector cores")
    expect(countOf(3750, "replica", formatInteger)).toBe("3,750 replicas")
    expect(countOf(1, "trace")).toBe("1 trace")
    expect(countOf(0.3, "trace")).toBe("0.3 traces")
  })
})

describe("formatQuantity", () => {
  it("groups thousands and keeps the decimals a person typed", () => {
    expect(formatQuantity(5000, "req/s")).toBe("5,000 req/s")
    expect(formatQuantity(2_000_000_000_000, "bytes")).toBe("2,000,000,000,000 bytes")
    expect(formatQuantity(0.01, "")).toBe("0.01")
    expect(formatQuantity(-2.5, "%")).toBe("-2.5 %")
  })

  it("puts a unit that counts things in the singular for exactly 1, and leaves units of measure alone", () => {
    expect(formatQuantity(1, "traces/min")).toBe("1 trace/min")
    expect(formatQuantity(1, "spans/s")).toBe("1 span/s")
    expect(formatQuantity(1, "days")).toBe("1 day")
    expect(formatQuantity(1, "s")).toBe("1 s")
    expect(formatQuantity(1, "ms")).toBe("1 ms")
    expect(formatQuantity(1, "req/s")).toBe("1 req/s")
    expect(formatQuantity(2, "days")).toBe("2 days")
  })

  it("writes a dash for a number that is not finite", () => {
    expect(formatQuantity(Number.NaN, "days")).toBe("—")
  })
})

describe("formatPercent and formatInteger", () => {
  it("writes probabilities as percentages without needless digits", () => {
    expect(formatPercent(0.1)).toBe("10 %")
    expect(formatPercent(0.99997)).toBe("> 99.9 %")
    expect(formatPercent(0.9994)).toBe("99.9 %")
    expect(formatPercent(1)).toBe("100 %")
    expect(formatPercent(0.0001)).toBe("0.01 %")
    expect(formatPercent(1e-9)).toBe("1 × 10⁻⁷ %")
    expect(formatPercent(1)).toBe("100 %")
  })

  it("writes exact counts with separators", () => {
    expect(formatInteger(864_000_000)).toBe("864,000,000")
  })
})

describe("formatDuration", () => {
  it.each([
    [0.25, "0.25 ms"],
    [250, "250 ms"],
    [999.4, "999 ms"],
    [999.6, "1 s"],
    [1000, "1 s"],
    [2500, "2.5 s"],
    [59_900, "59.9 s"],
    [59_960, "1 min"],
    [90_000, "1.5 min"],
    [3_600_000, "60 min"],
  ])("writes %s ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe("edge cases", () => {
  it("never writes a number the way JavaScript does past its limits (1e-7, 1e+21)", () => {
    const formatters = [
      formatCount,
      formatRoughCount,
      formatBytes,
      formatUsd,
      formatPercent,
      formatInteger,
      formatDuration,
    ]
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        for (const format of formatters) expect(format(value)).not.toMatch(/\de[+-]?\d/)
      })
    )
  })

  it("never shows NaN or Infinity", () => {
    for (const format of [
      formatCount,
      formatRoughCount,
      formatBytes,
      formatUsd,
      formatPercent,
      formatInteger,
      formatDuration,
    ]) {
      expect(format(Number.NaN)).toBe("—")
      expect(format(Number.POSITIVE_INFINITY)).toBe("—")
    }
  })
})
