import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { formatDecimal } from "@/lib/format"
import { humanNumberMessage, readAsText, readHumanNumber } from "@/lib/plan/human-number"
import { parsePlanInput } from "@/lib/plan/parse"

// Expected values are the arithmetic of the text itself: k is 10³, M is 10⁶, % is 10⁻² of a share.
describe("readHumanNumber", () => {
  it.each([
    ["5k", "number", 5000],
    ["5K", "number", 5000],
    ["5 k", "number", 5000],
    ["1.2M", "number", 1_200_000],
    ["1.2m", "number", 1_200_000],
    ["5,000", "number", 5000],
    ["1,200,000.5", "number", 1_200_000.5],
    // Through decimal text: 1.1 × 1000 in floating point is 1100.0000000000002.
    ["1.1k", "number", 1100],
    ["10%", "fraction", 0.1],
    ["0.5 %", "fraction", 0.005],
    ["100%", "fraction", 1],
    ["10%", "percent", 10],
    ["-10%", "percent", -10],
    ["1.5k", "integer", 1500],
  ] as const)("reads %j in a %s field as %d", (text, kind, value) => {
    expect(readHumanNumber(text, kind)).toEqual({ ok: true, value, plain: false })
  })

  it("reads plain decimals as before, and says there was nothing to interpret", () => {
    expect(readHumanNumber("5000", "number")).toEqual({ ok: true, value: 5000, plain: true })
    expect(readHumanNumber(" 0.1 ", "fraction")).toEqual({ ok: true, value: 0.1, plain: true })
    expect(readHumanNumber("1e3", "number")).toEqual({ ok: true, value: 1000, plain: true })
  })

  it("refuses a comma that does not group thousands instead of guessing", () => {
    expect(readHumanNumber("1,5", "number")).toEqual({ ok: false, problem: "ambiguous-comma" })
    expect(readHumanNumber("12,34", "fraction")).toEqual({ ok: false, problem: "ambiguous-comma" })
    expect(readHumanNumber("1,2345", "number")).toEqual({ ok: false, problem: "ambiguous-comma" })
    expect(readHumanNumber("1,5k", "number")).toEqual({ ok: false, problem: "ambiguous-comma" })
  })

  it("refuses a percentage where no share is asked, and one past 100 % where a share is", () => {
    expect(readHumanNumber("10%", "number")).toEqual({ ok: false, problem: "percent-not-allowed" })
    expect(readHumanNumber("10%", "integer")).toEqual({ ok: false, problem: "percent-not-allowed" })
    expect(readHumanNumber("150%", "fraction")).toEqual({ ok: false, problem: "percent-out-of-range" })
    expect(readHumanNumber("-1%", "fraction")).toEqual({ ok: false, problem: "percent-out-of-range" })
  })

  it("reads nothing else as a number", () => {
    for (const text of ["", "abc", "0x10", "Infinity", "5kk", "1e3k", "k", "%", "5 000", "$5"])
      expect(readHumanNumber(text, "number")).toEqual({ ok: false, problem: "not-a-number" })
  })
})

describe("humanNumberMessage", () => {
  it("says why the text cannot be read, and what to type instead", () => {
    expect(humanNumberMessage("1,5", "number", "Requests per second", "5000")).toBe(
      'Requests per second "1,5" is ambiguous: use a point for decimals (1.5); a comma only groups thousands, as in 1,500.'
    )
    expect(humanNumberMessage("10%", "integer", "Retention", "7")).toBe(
      "Retention takes a number, not a percentage: e.g. 7."
    )
    expect(humanNumberMessage("abc", "fraction", "Sampling ratio", "0.1")).toBe(
      "Sampling ratio must be a number between 0 and 1 or a percentage, e.g. 0.1 or 10 %."
    )
  })
})

describe("readAsText", () => {
  it("says how interpreted text was read, with the field's unit", () => {
    expect(readAsText("5k", "number", "req/s")).toBe("Read as 5,000 req/s.")
    expect(readAsText("1.2M", "number", "req/s")).toBe("Read as 1,200,000 req/s.")
    expect(readAsText("10%", "fraction", "0–1")).toBe("Read as 0.1 (10 %).")
    expect(readAsText("10%", "percent", "%")).toBe("Read as 10 %.")
  })

  it("says nothing for plain digits or text it cannot read", () => {
    expect(readAsText("5000", "number", "req/s")).toBeUndefined()
    expect(readAsText("1,5", "number", "req/s")).toBeUndefined()
  })
})

describe("readHumanNumber properties", () => {
  const whole = fc.integer({ min: 0, max: 10 ** 12 })

  it("reads a whole number grouped with commas as the number", () => {
    fc.assert(
      fc.property(whole, (n) => {
        expect(readHumanNumber(formatDecimal(n, 0, 0), "number")).toMatchObject({ ok: true, value: n })
      })
    )
  })

  it("reads a k or M suffix as exactly a thousand or a million times the decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 0, max: 3 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places)
        expect(readHumanNumber(`${text}k`, "number")).toMatchObject({ ok: true, value: Number(`${text}e3`) })
        expect(readHumanNumber(`${text}M`, "number")).toMatchObject({ ok: true, value: Number(`${text}e6`) })
      })
    )
  })

  it("reads n % as the share n/100 exactly as the decimal would be typed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        const percent = (hundredths / 100).toFixed(2)
        const share = Number(`${percent}e-2`)
        expect(readHumanNumber(`${percent}%`, "fraction")).toEqual({ ok: true, value: share, plain: false })
        expect(share).toBeGreaterThanOrEqual(0)
        expect(share).toBeLessThanOrEqual(1)
      })
    )
  })

  it("never throws and never returns a number that is not finite for text that is not an exponent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom("number", "integer", "fraction", "percent"), (t, k) => {
        const read = readHumanNumber(t, k)
        if (read.ok && !/e/i.test(t)) expect(Number.isFinite(read.value)).toBe(true)
      })
    )
  })
})

describe("the schema reads human numbers everywhere a number is asked", () => {
  const strict = { unknownKeys: "reject" } as const

  it("plans 5k req/s as 5,000 and 10% as a 0.1 ratio, 10 % growth as 10", () => {
    const result = parsePlanInput({ rps: "5k", ratio: "10%", growthPercentPerMonth: "10%" }, strict)
    expect(result.success && result.data.rps).toBe(5000)
    expect(result.success && result.data.peakRps).toBe(5000)
    expect(result.success && result.data.ratio).toBe(0.1)
    expect(result.success && result.data.growthPercentPerMonth).toBe(10)
  })

  it("reads an optional number typed with a suffix", () => {
    const result = parsePlanInput({ budgetUsdPerMonth: "1.5k" }, strict)
    expect(result.success && result.data.budgetUsdPerMonth).toBe(1500)
  })
})
