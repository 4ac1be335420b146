import { readFileSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"

import { describe, expect, it } from "vitest"

const ROOT = resolve(__dirname, "../..")

/** Every module reachable from a lib file through relative and `@/lib` imports, and the packages they import. */
function importGraph(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (modules.has(file)) return
    modules.add(file)
    const source = readFileSync(file, "utf8")
    for (const match of source.matchAll(/from\s+"([^"]+)"/g)) {
      const specifier = match[1] as string
      if (specifier.startsWith(".")) visit(`${resolve(dirname(file), specifier)}.ts`)
      else if (specifier.startsWith("@/")) visit(`${join(ROOT, specifier.slice(2))}.ts`)
      else packages.add(specifier)
    }
  }
  visit(join(ROOT, entry))
  return { modules: [...modules].map((file) => relative(ROOT, file)).sort(), packages: [...packages].sort() }
}

describe("lib/import stays a pure core that runs in a Web Worker", () => {
  const graph = importGraph("lib/import/index.ts")

  it("reaches only lib/ modules and no package but zod (no OpenTelemetry, no Node, no React)", () => {
    expect(graph.modules.every((file) => file.startsWith("lib/"))).toBe(true)
    expect(graph.packages).toEqual(["zod"])
  })

  it("uses no DOM or Node globals", () => {
    for (const file of graph.modules) {
      const source = readFileSync(join(ROOT, file), "utf8")
      expect(source, file).not.toMatch(/\b(document|window|localStorage|process|require|Buffer|setTimeout)\b[.(]/)
    }
  })
})
