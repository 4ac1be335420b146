import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { CONFIG_IDS } from "@/lib/configs"
import { applyRecommendation } from "@/lib/plan/apply-recommendation"
import { planDocument } from "@/lib/configs/plan-configs"
import { buildPlan, type Plan } from "@/lib/plan/build-plan"
import { recommend, type Recommendation } from "@/lib/plan/recommend"
import { parsePlanInput, parsePlanQuery, planToQueryString } from "@/lib/plan/parse"
import { formValuesToShortQueryString, inputToFormValues, planToShortQueryString } from "@/lib/plan/form-values"
import { fieldSpec, PLAN_FIELDS, planInputSchema, type PlanField, type PlanInput } from "@/lib/plan/schema"
import { parseEndpoints } from "@/lib/plan/endpoints"
import { parseTopology } from "@/lib/plan/topology"

import { hostileString, runs, validRawInput } from "../arbitraries"

// Property runs can take a while under FUZZ_RUNS; the default budget finishes in seconds.
const TIMEOUT_MS = 30 * 60 * 1000

const validInput: fc.Arbitrary<PlanInput> = validRawInput.map((raw) => planInputSchema.parse(raw))

/** Every number in a value, with the path that leads to it. */
function numbersIn(value: unknown, path = "plan"): [string, number][] {
  if (typeof value === "number") return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`))
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, inner]) => numbersIn(inner, `${path}.${key}`))
  return []
}

/**
 * The only figures that may be negative: the growth rate the user typed (shrinking traffic), what
 * tracing health checks would add (or, dropped at the Collector, do add), and what recommended tail sampling adds over head sampling
 * alone. Those are differences: under X-Ray, probes take a share of the shared reservoir from
 * real requests, so they can remove more spans than they add; a tail baseline below the head rate
 * can keep less than head sampling did (the recommendation then writes "−"); the runner-up's
 * difference is negative when it is cheaper than the choice. Indices are written `[]`.
 */
const SIGNED = new Set([
  "plan.input.growthPercentPerMonth",
  "plan.growth.growthPercentPerMonth",
  "plan.probes.ifTraced.spansPerDay",
  "plan.probes.ifTraced.ingestBytesPerDay",
  "plan.probes.ifTraced.monthlyUsd",
  "plan.probes.monthlyUsd",
  "plan.recommendation.tail.extraIngestBytesPerDay",
  "plan.recommendation.tail.extraMonthlyUsd",
  "plan.recommendation.options[].tail.extraIngestBytesPerDay",
  "plan.recommendation.options[].tail.extraMonthlyUsd",
  "plan.recommendation.runnerUp.differenceUsd",
])

const VOLUME_FIGURES = [
  "requestsPerDay",
  "tracesPerDay",
  "spansPerDay",
  "ingestBytesPerDay",
  "peakTracesPerSecond",
  "peakSpansPerSecond",
  "peakIngestBytesPerSecond",
] as const

/**
 * The plan rounds every figure to 12 significant digits. Two inputs a rounding error apart (ratios
 * 0.9999999999999991 and …92) can land on either side of a rounding boundary, and the higher one
 * then reads one unit lower in the 12th digit (fuzz seed 241958178): that unit is allowed.
 */
const TWELFTH_DIGIT = 1e-11
/**
 * Below ~2.2 × 10⁻³⁰⁸ doubles lose precision (subnormals): with 5 × 10⁻³²⁴ req/s and a ratio of
 * 10⁻³²³ (fuzz seed 1914289811) a figure can come out a few parts in a million low. Differences
 * under 10⁻³⁰⁰ (of a trace, span or byte per day) are zero for any purpose.
 */
const NEGLIGIBLE = 1e-300

/** `lower`, less what the plan's arithmetic may lose: the 12-digit rounding and subnormal precision. */
const atLeast = (lower: number) => lower * (1 - TWELFTH_DIGIT) - NEGLIGIBLE

/** Asserts that every volume figure of `higher` is at least that of `lower` (see {@link atLeast}). */
function expectVolumeAtLeast(
  higher: Plan,
  lower: Plan,
  figures: readonly (typeof VOLUME_FIGURES)[number][] = VOLUME_FIGURES
) {
  for (const figure of figures)
    expect(higher.volume[figure], figure).toBeGreaterThanOrEqual(atLeast(lower.volume[figure]))
}

const SPAN_FIGURES = [
  "requestsPerDay",
  "spansPerDay",
  "ingestBytesPerDay",
  "peakSpansPerSecond",
  "peakIngestBytesPerSecond",
] as const

/**
 * A tail sampler's spans/s rate limit caps spans, not traces. With traced probes (one-span traces)
 * in the mix, more requests of many spans each leave room for fewer traces under the same cap:
 * traces kept can fall as traffic rises, while spans and bytes cannot.
 */
const rateLimited = (input: PlanInput) => input.tailSampling && input.tailSpansPerSecond > 0

const sorted = (a: number, b: number): [number, number] => (a <= b ? [a, b] : [b, a])

describe("buildPlan, for any input the schema accepts", () => {
  it("every generated input passes the schema", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validRawInput, (raw) => {
        expect(planInputSchema.safeParse(raw).error?.issues ?? []).toEqual([])
      }),
      { numRuns: runs(300) }
    )
  })

  it("never throws, and every number in the plan is finite and not negative", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const bad = numbersIn(buildPlan(input)).filter(
          ([path, value]) => !Number.isFinite(value) || (value < 0 && !SIGNED.has(path.replace(/\[\d+\]/g, "[]")))
        )
        expect(bad).toEqual([])
      }),
      { numRuns: runs(400) }
    )
  })

  it("writes every config, or says in its own words why the plan cannot have it", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const { configs } = planDocument(input)
        for (const id of CONFIG_IDS) {
          const result = configs[id]
          // A validator's default message ("Invalid input: expected int…", "Too big: …") means a check the form lacks.
          if (!result.available)
            expect(result.reason, id).not.toMatch(/^(Invalid input|Too (big|small)|Expected|Invalid)/)
        }
      }),
      { numRuns: runs(150) }
    )
  })

  it("keeps at least as much when the sampling ratio rises", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        validInput,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (input, a, b) => {
          const [low, high] = sorted(a, b)
          expectVolumeAtLeast(buildPlan({ ...input, ratio: high }), buildPlan({ ...input, ratio: low }))
        }
      ),
      { numRuns: runs(100) }
    )
  })

  it("keeps at least as much when requests per second rise", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        validInput,
        fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true }),
        fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true }),
        (input, a, b) => {
          const [low, high] = sorted(a, b)
          const at = (rps: number) => buildPlan({ ...input, rps, peakRps: Math.max(rps, input.peakRps) })
          expectVolumeAtLeast(at(high), at(low), rateLimited(input) ? SPAN_FIGURES : VOLUME_FIGURES)
        }
      ),
      { numRuns: runs(100) }
    )
  })

  it("keeps at least as many spans and bytes when spans per trace rise", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(
        validInput,
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        (input, a, b) => {
          const [low, high] = sorted(a, b)
          const more = buildPlan({ ...input, topology: null, spansPerTrace: high })
          const fewer = buildPlan({ ...input, topology: null, spansPerTrace: low })
          if (rateLimited(input)) {
            // The cap is on spans: longer traces leave room for no more traces (see rateLimited).
            expectVolumeAtLeast(more, fewer, SPAN_FIGURES)
            expectVolumeAtLeast(fewer, more, ["tracesPerDay", "peakTracesPerSecond"])
          } else {
            expectVolumeAtLeast(more, fewer)
            expect(more.volume.tracesPerDay).toBe(fewer.volume.tracesPerDay)
          }
        }
      ),
      { numRuns: runs(100) }
    )
  })

  it("holds at least as many bytes when retention is longer", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validInput, fc.integer({ min: 1, max: 3650 }), fc.integer({ min: 1, max: 3650 }), (input, a, b) => {
        const [low, high] = sorted(a, b)
        const longer = buildPlan({ ...input, retentionDays: high })
        const shorter = buildPlan({ ...input, retentionDays: low })
        expect(longer.storage.retainedBytes).toBeGreaterThanOrEqual(atLeast(shorter.storage.retainedBytes))
        expect(longer.volume).toEqual(shorter.volume)
      }),
      { numRuns: runs(100) }
    )
  })
})

describe("the short link: only the fields that differ from the defaults", () => {
  it("parses back to the plan it was written from", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validInput, (input) => {
        expect(parsePlanQuery(new URLSearchParams(planToShortQueryString(input)), { unknownKeys: "reject" })).toEqual({
          success: true,
          data: input,
        })
      }),
      { numRuns: runs(400) }
    )
  })

  it(
    "parses back to the plan when written from the form's text as while it was invalid",
    { timeout: TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(validInput, (input) => {
          const query = formValuesToShortQueryString(inputToFormValues(input), { valid: false })
          expect(parsePlanQuery(new URLSearchParams(query), { unknownKeys: "reject" })).toEqual({
            success: true,
            data: input,
          })
        }),
        { numRuns: runs(200) }
      )
    }
  )
})

describe("the share link, the one generated config today", () => {
  it("parses back to the plan it was written from", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validInput, (input) => {
        expect(parsePlanQuery(new URLSearchParams(planToQueryString(input)), { unknownKeys: "reject" })).toEqual({
          success: true,
          data: input,
        })
      }),
      { numRuns: runs(400) }
    )
  })
})

const ENUM_FIELDS = new Set<PlanField>(["sampler", "entryPoint", "backend", "environment", "language", "protocol"])
const TEXT_FIELDS = new Set<PlanField>([
  "serviceName",
  "namespace",
  "otlpEndpoint",
  "image",
  "excludedUrls",
  "otlpAuthSecret",
])
const BOOLEAN_FIELDS = new Set<PlanField>([
  "daprEnabled",
  "daprIngress",
  "excludeHealthChecks",
  "tailSampling",
  "tailKeepErrors",
  "tailKeepSlow",
  "keepAllErrors",
])

/** What an accepted field holds for the text it was given: the schema only trims, lowercases enum names and reads numbers. */
function acceptedValue(field: PlanField, text: string): unknown {
  const trimmed = text.trim()
  if (field === "topology") {
    if (trimmed === "") return null
    const parsed = parseTopology(trimmed)
    return parsed.success ? parsed.data : undefined
  }
  if (field === "endpoints") {
    if (trimmed === "") return null
    const parsed = parseEndpoints(text)
    return parsed.success ? parsed.data.map((endpoint) => ({ ...endpoint, name: endpoint.name.trim() })) : undefined
  }
  if (field === "excludedUrls")
    return trimmed
      .split(",")
      .map((entry) => entry.trim())
      .join(",")
  if (ENUM_FIELDS.has(field)) return trimmed.toLowerCase()
  if (BOOLEAN_FIELDS.has(field)) return trimmed.toLowerCase() === "true"
  if (TEXT_FIELDS.has(field)) return trimmed
  // An optional number left empty is left out ("none").
  if (trimmed === "" && "optional" in fieldSpec(field)) return undefined
  return Number(trimmed)
}

/** Characters that could end a YAML scalar, start a comment or key, or break an env line. */
const UNSAFE_IN_CONFIG = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"'`]|: | #/

describe("hostile text in any field", () => {
  it(
    "is either rejected with a message on that field or accepted as the text itself, trimmed",
    { timeout: TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...PLAN_FIELDS), hostileString, (field, text) => {
          const result = parsePlanInput({ [field]: text }, { unknownKeys: "reject" })
          if (!result.success) {
            const issue = result.issues.find(
              (candidate) => candidate.path === field || candidate.path.startsWith(`${field}.`)
            )
            expect(issue?.message, `no message on ${field} for ${JSON.stringify(text)}`).toMatch(/\S/)
            return
          }
          expect(result.data[field]).toEqual(acceptedValue(field, text))
          if (typeof result.data[field] === "string") expect(result.data[field]).not.toMatch(UNSAFE_IN_CONFIG)
        }),
        { numRuns: runs(2000) }
      )
    }
  )
})

/** What "Use this setting" changes, for comparing two recommendations. */
const setting = (r: Recommendation) => ({
  sampler: r.sampler,
  ratio: r.ratio,
  daprSamplingRate: r.daprSamplingRate,
  tail: r.tail && {
    keepErrors: r.tail.keepErrors,
    keepSlow: r.tail.keepSlow,
    baselinePercent: r.tail.baselinePercent,
    decisionWaitSeconds: r.tail.decisionWaitSeconds,
  },
})

describe("recommend, for any input the schema accepts", () => {
  it("recommends the same setting again once it is adopted", { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const first = recommend(input)
        expect(setting(recommend(applyRecommendation(input, first)))).toEqual(setting(first))
      }),
      { numRuns: runs(300) }
    )
  })
})
