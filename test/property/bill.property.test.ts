import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { buildPlan } from "@/lib/plan/build-plan"

import { planInput, PROPERTY_TIMEOUT_MS, runs } from "../arbitraries"

// The whole bill, for any plan the schema accepts: every total is the sum of its parts, and no
// part falls as the sampling rate rises.

const sumOf = (breakdown: Record<string, number>) => Object.values(breakdown).reduce((sum, usd) => sum + usd, 0)

/** Equal to the cent, or to 10⁻⁹ of the amount where sums of millions of dollars round past a cent. */
const toTheCent = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.005, Math.abs(a) * 1e-9)

describe("the whole bill", () => {
  it("adds up: every total equals the sum of its breakdown and of its lines", { timeout: PROPERTY_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = buildPlan(input)
        expect(toTheCent(plan.cost.monthlyUsd, sumOf({ ...plan.cost.breakdown }))).toBe(true)
        expect(
          toTheCent(plan.cost.monthlyUsd, sumOf(Object.fromEntries(plan.cost.lines.map((l, i) => [i, l.usd]))))
        ).toBe(true)
        for (const backend of plan.backends) {
          expect(toTheCent(backend.monthlyUsd, sumOf({ ...backend.breakdown }))).toBe(true)
          expect(backend.monthlyUsd).toBeGreaterThanOrEqual(0)
        }
        const own = plan.backends.find((backend) => backend.id === input.backend)
        expect(own?.monthlyUsd).toBe(plan.cost.monthlyUsd)
      }),
      { numRuns: runs(300) }
    )
  })

  it(
    "never falls as the sampling rate rises: storage, compute and network grow or stay",
    { timeout: PROPERTY_TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          // The standard rows are the same sampler at falling rates (the chosen row may be another sampler).
          const rows = buildPlan(input).comparison.filter(
            (row) => !row.chosen || row.sampler === "parentbased_traceidratio"
          )
          for (let i = 1; i < rows.length; i++) {
            const higher = rows[i - 1]!
            const lower = rows[i]!
            expect(lower.ratio).toBeLessThanOrEqual(higher.ratio)
            // To a millionth of a dollar: at 5e-324 req/s the figures are float noise around $10⁻⁹.
            expect(lower.monthlyUsd).toBeLessThanOrEqual(higher.monthlyUsd * (1 + 1e-9) + 1e-6)
          }
        }),
        { numRuns: runs(300) }
      )
    }
  )
})
