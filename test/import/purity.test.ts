import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import { importGraph, ROOT } from "../architecture/import-graph"

describe("lib/import stays a pure core that runs in a Web Worker", () => {
  const graph = importGraph("lib/import/index.ts")

  it("reaches only lib/ modules and no package (no Zod, OpenTelemetry, Node or React)", () => {
    expect(graph.modules.every((file) => file.startsWith("lib/"))).toBe(true)
    expect(graph.modules).toContain("lib/import/accumulator.ts")
    expect(graph.packages).toEqual([])
  })

  it("uses no DOM or Node globals", () => {
    for (const file of graph.modules) {
      const source = readFileSync(join(ROOT, file), "utf8")
      expect(source, file).not.toMatch(/\b(document|window|localStorage|process|require|Buffer|setTimeout)\b[.(]/)
    }
  })
})
