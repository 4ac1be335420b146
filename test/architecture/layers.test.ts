import { readdirSync } from "node:fs"
import { join, relative } from "node:path"

import { describe, expect, it } from "vitest"

import { allImports, resolveImport, ROOT } from "./import-graph"

// lib/ is a one-way core: lib/plan (the model) sits below lib/configs (the config writers), and no
// file inside lib/ reaches itself again through its imports, type-only ones included. ESLint's
// no-restricted-imports holds the first rule as code is written; this test holds both.

/** Every .ts module under a folder, as paths from the repository root. */
function modulesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(folder, file))
    .sort()
}

/** The project files each file imports (type-only imports included), as paths from the root. */
function importsOf(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => [
      file,
      allImports(join(ROOT, file)).flatMap((specifier) => {
        const target = resolveImport(join(ROOT, file), specifier)
        return "file" in target ? [relative(ROOT, target.file)] : []
      }),
    ])
  )
}

/**
 * The import cycles in a graph, each as the path of files that closes it (first = last).
 *
 * @example
 * cyclesIn(new Map([["a", ["b"]], ["b", ["a"]], ["c", []]])) //=> [["a", "b", "a"]]
 */
export function cyclesIn(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const path: string[] = []
  const visit = (file: string) => {
    const at = path.indexOf(file)
    if (at >= 0) {
      cycles.push([...path.slice(at), file])
      return
    }
    if (done.has(file)) return
    path.push(file)
    for (const next of graph.get(file) ?? []) visit(next)
    path.pop()
    done.add(file)
  }
  for (const file of graph.keys()) visit(file)
  return cycles
}

describe("the one-way core", () => {
  const lib = importsOf(modulesUnder("lib"))

  it("has no import cycle anywhere in lib/, type-only imports included", () => {
    expect(cyclesIn(lib)).toEqual([])
  })

  it("keeps lib/plan below lib/configs: the model never imports the config writers", () => {
    const upward = [...lib]
      .filter(([file]) => file.startsWith("lib/plan/"))
      .flatMap(([file, targets]) =>
        targets.filter((target) => target.startsWith("lib/configs/")).map((target) => `${file} → ${target}`)
      )
    expect(upward).toEqual([])
  })

  it("reads the graph it checks: lib/configs does import lib/plan, and a cycle would be seen", () => {
    expect(lib.get("lib/configs/plan-configs.ts")).toContain("lib/plan/build-plan.ts")
    expect(
      cyclesIn(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ])
      )
    ).toEqual([["a", "b", "c", "a"]])
    expect(
      cyclesIn(
        new Map([
          ["a", ["b", "c"]],
          ["b", ["c"]],
          ["c", []],
        ])
      )
    ).toEqual([])
  })
})
