import fc from "fast-check"
import { describe, expect, it } from "vitest"

import {
  backendBars,
  MAX_LOG_TICKS,
  storageCurve,
  storageMonthTicks,
  tradeoff,
  valueAxis,
  type LinearAxis,
  type ValueAxis,
} from "@/lib/charts"
import { buildPlan } from "@/lib/plan/build-plan"
import { planInputSchema, type PlanInput } from "@/lib/plan/schema"

import { runs, validRawInput } from "../arbitraries"

// What the charts draw, for any plan the schema accepts: a chart given a non-finite number or an
// impossible axis throws while rendering, and takes the page down with it (1e-310 req/s once did).
const TIMEOUT_MS = 30 * 60 * 1000
const validInput: fc.Arbitrary<PlanInput> = validRawInput.map((raw) => planInputSchema.parse(raw))

/** What is wrong with an axis over `values`, in words; empty when it can be drawn. */
function axisProblems(axis: ValueAxis | LinearAxis, values: number[]): string[] {
  if (!axis.log) return "domain" in axis ? linearAxisProblems(axis, values) : []
  const [low, high] = axis.domain
  const problems: string[] = []
  if (!(low > 0 && Number.isFinite(high) && low < high)) problems.push(`domain [${low}, ${high}]`)
  if (axis.ticks.length < 2 || axis.ticks.length > MAX_LOG_TICKS) problems.push(`${axis.ticks.length} ticks`)
  if (axis.ticks.some((tick) => !(tick >= low && tick <= high)))
    problems.push(`ticks ${axis.ticks.join(", ")} outside the domain`)
  const smallest = Math.min(...values.filter((value) => value > 0))
  // Unless the axis already starts at 10⁻³²³, the smallest power of ten a double holds.
  if (!(low < smallest) && low !== 1e-323)
    problems.push(`domain starts at ${low}, not below the smallest bar ${smallest}`)
  return problems
}

/** A linear trade-off axis holds every value from 0, its ticks finite, rising and inside it. */
function linearAxisProblems({ domain: [low, high], ticks }: LinearAxis, values: number[]): string[] {
  const problems: string[] = []
  if (!(low === 0 && Number.isFinite(high) && high > 0)) problems.push(`domain [${low}, ${high}]`)
  if (values.some((value) => value > high)) problems.push(`values above the domain's ${high}`)
  if (
    ticks.length < 2 ||
    ticks.some((tick, index) => !(tick >= low && tick <= high) || (index > 0 && tick <= ticks[index - 1]!))
  )
    problems.push(`ticks ${ticks.join(", ")}`)
  return problems
}

describe("the charts, for any input the schema accepts", () => {
  it("draw only finite, non-negative values, on an axis that can be drawn", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const plan = buildPlan(input)
        const trade = tradeoff(plan)
        const backends = backendBars(plan)
        const series: [string, number[]][] = [
          ["trade-off $/month", trade.points.map((point) => point.monthlyUsd)],
          ["trade-off seen", trade.points.map((point) => point.seen)],
          ["backend $/month", backends.map((bar) => bar.monthlyUsd)],
        ]
        // The axes the trade-off draws hold every point and every limit line.
        expect(trade.points.every((point) => point.seen > 0)).toBe(true)
        const seenValues = [
          ...trade.points.map((point) => point.seen),
          ...(trade.ceiling === null ? [] : [trade.ceiling]),
          ...(trade.storageCap?.boundarySeen == null ? [] : [trade.storageCap.boundarySeen]),
        ]
        expect(axisProblems(trade.seenAxis, seenValues), "trade-off seen axis").toEqual([])
        expect(
          axisProblems(
            trade.usdAxis,
            trade.points.map((point) => point.monthlyUsd)
          ),
          "trade-off $ axis"
        ).toEqual([])
        if (trade.usdAxis.log) {
          expect(trade.points.every((point) => point.monthlyUsd > 0)).toBe(true)
          expect(
            axisProblems(
              trade.usdAxis,
              trade.points.map((point) => point.monthlyUsd)
            )
          ).toEqual([])
        }
        for (const [name, values] of series) {
          expect(
            values.filter((value) => !Number.isFinite(value) || value < 0),
            name
          ).toEqual([])
          expect(axisProblems(valueAxis(values), values), name).toEqual([])
        }
        const storage = storageCurve(plan)
        expect(storage.points.filter((point) => !Number.isFinite(point.bytes) || point.bytes < 0)).toEqual([])
        expect(
          storageMonthTicks(input.horizonMonths).every((tick) => tick.day >= 0 && tick.day <= storage.horizonDay)
        ).toBe(true)
      }),
      { numRuns: runs(200) }
    )
  })
})
