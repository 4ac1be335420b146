import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import { buildPlan } from "@/lib/plan/build-plan"
import { planInputSchema, type PlanInput } from "@/lib/plan/schema"

import { PROPERTY_TIMEOUT_MS, runs, validRawInput } from "../arbitraries"

// The price the recommendation quotes is the bill of the plan its "Use this setting" gives, for
// any valid plan and any goals: no budget, a free one (0), a positive one, a storage cap or none,
// every error kept or not, a visibility minimum, endpoints.
const goals = fc.record({
  budgetUsdPerMonth: fc.oneof(
    fc.constant(undefined),
    fc.constant(0),
    fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    fc.constantFrom(20, 50, 500, 5000)
  ),
  storageCapBytes: fc.oneof(fc.constant(0), fc.double({ min: 1e6, max: 1e15, noNaN: true })),
  keepAllErrors: fc.boolean(),
  minTracesPerMinutePerEndpoint: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1e4, noNaN: true })),
  endpoints: fc.option(
    fc
      .array(fc.double({ min: 1e-6, max: 0.3, noNaN: true }), { minLength: 1, maxLength: 3 })
      .map((shares) => shares.map((share, index) => ({ name: `GET /e${index}`, share }))),
    { nil: null, freq: 3 }
  ),
})

const input: fc.Arbitrary<PlanInput> = fc.tuple(validRawInput, goals).map(([raw, goal]) =>
  planInputSchema.parse({
    ...raw,
    ...goal,
    ...(goal.budgetUsdPerMonth === undefined ? { budgetUsdPerMonth: undefined } : {}),
  })
)

const cents = (usd: number) => Math.round(usd * 100)

describe("recommend (property)", () => {
  it(
    "quotes for its choice exactly the bill of the plan applying it gives, and every option's total is its breakdown's sum",
    () => {
      fc.assert(
        fc.property(input, (plan) => {
          // What the page and the API quote (buildPlan rounds every number to 12 digits, as it does the bill).
          const { recommendation } = buildPlan(plan)
          const applied = buildPlan(applyRecommendation(plan, recommendation))
          expect(cents(recommendation.monthlyUsd)).toBe(cents(applied.cost.monthlyUsd))
          const chosen = recommendation.options.find((option) => option.id === recommendation.choice)
          expect(chosen?.monthlyUsd).toBe(recommendation.monthlyUsd)
          for (const option of recommendation.options) {
            const { storageUsd, backendComputeUsd, collectorComputeUsd, networkUsd, vendorUsd } = option.breakdown
            const sum = storageUsd + backendComputeUsd + collectorComputeUsd + networkUsd + vendorUsd
            // Both rounded to 12 digits apart: equal to that precision.
            expect(Math.abs(sum - option.monthlyUsd)).toBeLessThanOrEqual(1e-10 * Math.max(1, option.monthlyUsd))
          }
        }),
        { numRuns: runs(100) }
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
