import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"

import ts from "typescript"
import { describe, expect, it } from "vitest"

import { resolveImport, ROOT } from "./import-graph"

// The field registry (lib/plan/fields.ts) is imported by nearly every module of lib/plan, and the
// validator by the parsers: a cycle through them, even one of types only, would tie the zod-free
// first load to the validator again. So lib/plan's modules import each other without cycles.

/** Every import and re-export of a module that names another module, type-only ones included. */
function allImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  return source.statements.flatMap((statement) =>
    (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
    statement.moduleSpecifier &&
    ts.isStringLiteral(statement.moduleSpecifier)
      ? [statement.moduleSpecifier.text]
      : []
  )
}

/** Which of `files` each of them imports. */
function importEdges(files: string[]): Map<string, string[]> {
  const inside = new Set(files)
  return new Map(
    files.map((file) => [
      file,
      [
        ...new Set(
          allImports(join(ROOT, file)).flatMap((specifier) => {
            const target = resolveImport(join(ROOT, file), specifier)
            return "file" in target && inside.has(relative(ROOT, target.file)) ? [relative(ROOT, target.file)] : []
          })
        ),
      ],
    ])
  )
}

/**
 * For each module on a cycle, one path from it back to itself.
 *
 * @example
 * cycles(new Map([["a", ["b"]], ["b", ["a"]], ["c", ["a"]]])) //=> [["a", "b", "a"], ["b", "a", "b"]]
 */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = []
  for (const start of edges.keys()) {
    const seen = new Set<string>()
    const walk = (file: string, path: string[]): string[] | undefined => {
      for (const next of edges.get(file) ?? []) {
        if (next === start) return [...path, next]
        if (seen.has(next)) continue
        seen.add(next)
        const cycle = walk(next, [...path, next])
        if (cycle) return cycle
      }
      return undefined
    }
    const cycle = walk(start, [start])
    if (cycle) found.push(cycle)
  }
  return found
}

/** The registry, the validator, the form's text and the leaf modules they share. */
const REGISTRY_SIDE = [
  "lib/plan/fields.ts",
  "lib/plan/schema.ts",
  "lib/plan/parse.ts",
  "lib/plan/form-values.ts",
  "lib/plan/form-layout.ts",
  "lib/plan/field-table.ts",
  "lib/plan/limits.ts",
  "lib/plan/choices.ts",
  "lib/plan/backends.ts",
  "lib/plan/samplers.ts",
  "lib/plan/topology.ts",
  "lib/plan/endpoints.ts",
]

describe("lib/plan's imports", () => {
  const files = readdirSync(join(ROOT, "lib/plan"))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `lib/plan/${name}`)

  it("put the registry and the validator on no cycle, type-only imports included", () => {
    const through = cycles(importEdges(files)).filter((cycle) => cycle.some((file) => REGISTRY_SIDE.includes(file)))
    expect(through).toEqual([])
  })

  it("count type-only imports: the validator's import of the registry is an edge", () => {
    expect(importEdges(["lib/plan/schema.ts", "lib/plan/fields.ts"]).get("lib/plan/schema.ts")).toEqual([
      "lib/plan/fields.ts",
    ])
    // `import type { Language } from "./choices"`
    expect(importEdges(["lib/plan/samplers.ts", "lib/plan/choices.ts"]).get("lib/plan/samplers.ts")).toEqual([
      "lib/plan/choices.ts",
    ])
  })

  it("finds a cycle, and only the modules on it", () => {
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["a"]],
          ["c", ["a"]],
        ])
      )
    ).toEqual([
      ["a", "b", "a"],
      ["b", "a", "b"],
    ])
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ])
      )
    ).toEqual([])
  })
})
