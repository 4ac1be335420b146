import { readFileSync } from "node:fs"

import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { planDocument } from "@/lib/configs/plan-configs"
import { comparisonCsv, planMarkdown } from "@/lib/export"
import { buildPlan } from "@/lib/plan/build-plan"
import { fieldTableMarkdown } from "@/lib/plan/field-table"
import { FIELDS } from "@/lib/plan/fields"
import { recommendationFacts } from "@/lib/plan/recommend-facts"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"
import { headlineItems, headlineStats, headlineTitle, summaryText } from "@/lib/plan/text/headline"
import { recommendationReasons, recommendationText } from "@/lib/plan/text/recommendation"
import { SPAN_SIZE_PRESETS } from "@/lib/shape/span-size"
import { SOURCES } from "@/lib/sources"

import { internalReferences } from "../../e2e/fixtures/internal-references"
import { planInput } from "../arbitraries"

/** Every string a plan puts in front of a reader: the API document, the exports and the text layer's words. */
function userTextOf(input: PlanInput): string {
  const plan = buildPlan(input)
  return [
    JSON.stringify(planDocument(input)),
    planMarkdown(plan, "https://tracebudget.example/?rps=1"),
    comparisonCsv(plan),
    headlineTitle(plan),
    ...headlineItems(plan),
    JSON.stringify(headlineStats(plan)),
    JSON.stringify(summaryText(plan)),
    JSON.stringify(recommendationText(recommendationFacts(input))),
    ...recommendationReasons(recommendationFacts(input)),
  ].join("\n")
}

describe("no internal references in what a user reads", () => {
  it("the deny-list catches the phrases it is meant to catch", () => {
    for (const phrase of [
      "cost anchors §3",
      "P6–P8",
      "config specs §3.2",
      "config-specs",
      "Seed scenario: 5,000 rps",
      "TraceBudget measurement",
      "TraceBudget's choice",
      "(S6)",
    ])
      expect(internalReferences(phrase), phrase).not.toEqual([])
    // Ordinary words and figures stay allowed: percentiles, sizes, names of things.
    for (const phrase of ["p95 latency", "S3 Standard", "Tempo 3.0", "OTLP/gRPC on 4317", "TraceBudget picks"])
      expect(internalReferences(phrase), phrase).toEqual([])
  })

  it("every source names a public document or says plainly that the figure is ours", () => {
    for (const source of Object.values(SOURCES))
      expect(internalReferences(JSON.stringify(source)), source.id).toEqual([])
    for (const preset of SPAN_SIZE_PRESETS) expect(internalReferences(JSON.stringify(preset)), preset.id).toEqual([])
    // The figures that are ours say so in words (the example workload, an estimate).
    expect(SOURCES.seedScenario.title).toMatch(/^Example workload/)
    expect(SOURCES.badgerStorage.citation).toMatch(/^Estimate/)
  })

  it("the field registry and the API docs' field table", () => {
    expect(internalReferences(JSON.stringify(FIELDS))).toEqual([])
    expect(internalReferences(fieldTableMarkdown())).toEqual([])
    expect(internalReferences(readFileSync("docs/api.md", "utf8"))).toEqual([])
  })

  it("the default plan's API document, Markdown export and text layer", () => {
    expect(internalReferences(userTextOf(DEFAULT_INPUT))).toEqual([])
  })

  it("many generated plans' API documents, exports and text layer", () => {
    // A fixed seed: the same 60 plans on every run, across every backend, sampler and option.
    for (const input of fc.sample(planInput, { numRuns: 60, seed: 22 }))
      expect(internalReferences(userTextOf(input)), JSON.stringify(input)).toEqual([])
  })
})
