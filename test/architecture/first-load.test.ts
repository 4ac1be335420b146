import { readFileSync } from "node:fs"

import { describe, expect, it } from "vitest"

import { importGraph, ROOT } from "./import-graph"

// What the browser evaluates with the page is the static import graph below the client components
// the page renders. Zod (the validator) and the config writers load on demand (components/planner/
// on-demand.ts); these tests keep a stray static import from pulling them back into the first load.

const isClientModule = (file: string) => /^\s*["']use client["']/.test(readFileSync(file, "utf8"))

/** The client components a server entry renders: the first "use client" modules below it. */
function clientBoundaries(entry: string): string[] {
  const boundaries = new Set<string>()
  importGraph(entry, (file) => {
    if (!isClientModule(file)) return true
    boundaries.add(file)
    return false
  })
  return [...boundaries]
}

/** Project modules and packages the page ships: everything statically below its client boundaries. */
function firstLoad(entry: string): Set<string> {
  const shipped = new Set<string>()
  for (const boundary of clientBoundaries(entry)) {
    const graph = importGraph(boundary.slice(ROOT.length + 1))
    for (const item of [...graph.modules, ...graph.packages]) shipped.add(item)
  }
  return shipped
}

describe("the page's first load", () => {
  const shipped = firstLoad("app/page.tsx")

  it("ships the planner's client components and the data and formatters they draw with", () => {
    expect(shipped).toContain("components/planner/planner.tsx")
    expect(shipped).toContain("lib/plan/fields.ts")
    expect(shipped).toContain("lib/format.ts")
  })

  it("leaves out Zod, the validator, the model and the config writers, which load on the first change", () => {
    expect(shipped).not.toContain("lib/plan/build-plan.ts")
    expect(shipped).not.toContain("zod")
    expect(shipped).not.toContain("yaml")
    expect(shipped).not.toContain("lib/plan/schema.ts")
    expect(shipped).not.toContain("lib/plan/parse.ts")
    expect(shipped).not.toContain("lib/configs/generate.ts")
  })

  it("words the page with the small text modules, not the model's wording of reasons and bills", () => {
    // The plan arrives worded; the page only words its headline and the setting's line.
    expect(shipped).toContain("lib/plan/text/headline.ts")
    expect(shipped).toContain("lib/plan/text/setting.ts")
    expect(shipped).not.toContain("lib/plan/text/recommendation.ts")
    expect(shipped).not.toContain("lib/plan/text/cost.ts")
    expect(shipped).not.toContain("lib/plan/cost-facts.ts")
    expect(shipped).not.toContain("lib/plan/recommend-facts.ts")
  })

  it("ships the planner's reducer, not the server's first-state function that validates and plans", () => {
    expect(shipped).toContain("lib/planner/state.ts")
    expect(shipped).not.toContain("lib/planner/initial.ts")
    expect(importGraph("lib/planner/initial.ts").modules).toContain("lib/plan/parse.ts")
  })

  it("finds Zod and the writers below the on-demand module, so the check above could see them", () => {
    const onDemand = importGraph("components/planner/on-demand.ts")
    expect(onDemand.packages).toContain("zod")
    expect(onDemand.packages).toContain("yaml")
    expect(onDemand.modules).toContain("lib/plan/schema.ts")
    // The page reaches it only through import(), which loads on demand and the walk does not follow.
    expect(shipped).not.toContain("components/planner/on-demand.ts")
  })
})
