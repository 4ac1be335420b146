import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { BACKENDS, BACKEND_IDS } from "@/lib/plan/backends"
import { allowanceBreakEven } from "@/lib/plan/break-even"
import { atRate, figuresFor } from "@/lib/plan/figures"

import { planInput, PROPERTY_TIMEOUT_MS, runs } from "../arbitraries"

// The break-even rate, for any plan the schema accepts on any SaaS backend: the plan run at that
// head rate is within the vendor's allowance, and a hair above it (10⁻⁶ of the rate) is not.

// X-Ray over OTLP has no published allowance (its span ingestion is named, not priced): no break-even.
const SAAS = BACKEND_IDS.filter((id) => BACKENDS[id].hosting === "saas" && id !== "aws-xray")
const usedAt = (input: Parameters<typeof figuresFor>[0], backend: (typeof SAAS)[number], ratio: number) =>
  figuresFor(atRate(input, ratio), backend).cost.allowance!

describe("the break-even rate", () => {
  it(
    "is within the allowance, and just above it is not (unless even 100 % is within)",
    { timeout: PROPERTY_TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(planInput, fc.constantFrom(...SAAS), (input, backend) => {
          const breakEven = allowanceBreakEven(input, backend)!
          const at = usedAt(input, backend, breakEven.ratio)
          expect(at.used).toBeLessThanOrEqual(at.free)
          if (breakEven.ratio < 1) {
            const above = usedAt(input, backend, Math.min(1, breakEven.ratio * (1 + 1e-6)))
            expect(above.used).toBeGreaterThan(above.free)
          }
          // A free rate is one where the backend's own bill (what "free only" holds to $0) is $0.
          if (breakEven.freeRatio !== null) {
            const { storageUsd, backendComputeUsd, vendorUsd } = figuresFor(atRate(input, breakEven.freeRatio), backend)
              .cost.breakdown
            expect(storageUsd + backendComputeUsd + vendorUsd).toBe(0)
          }
        }),
        { numRuns: runs(200) }
      )
    }
  )
})
