import { existsSync, readFileSync, statSync } from "node:fs"
import { dirname, join, relative, resolve } from "node:path"

import ts from "typescript"

/** The repository root, which `@/` imports start from. */
export const ROOT = resolve(import.meta.dirname, "..", "..")

/** Static, value-level imports and re-exports of a module: `import type`, type-only names and `import()` are left out (bundlers drop them). */
export function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX)
  const specifiers: string[] = []
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      if (clause?.isTypeOnly) continue
      const bindings = clause?.namedBindings
      const onlyTypes =
        clause !== undefined &&
        clause.name === undefined &&
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.every((element) => element.isTypeOnly)
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const clause = statement.exportClause
      const onlyTypes =
        clause !== undefined && ts.isNamedExports(clause) && clause.elements.every((element) => element.isTypeOnly)
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text)
    }
  }
  return specifiers
}

/**
 * Every module a file names in an import or re-export, type-only ones included: what ties modules
 * together for a reader (and a cycle through types is still a cycle of ideas).
 *
 * @example
 * allImports(join(ROOT, "lib/plan/cost.ts")) //=> ["@/lib/format", "./backends"]
 */
export function allImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX)
  const specifiers: string[] = []
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    )
      specifiers.push(statement.moduleSpecifier.text)
  }
  return specifiers
}

/** The project file an import names, or the package for anything from node_modules. */
export function resolveImport(from: string, specifier: string): { file: string } | { packageName: string } {
  const base = specifier.startsWith("@/")
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? resolve(dirname(from), specifier)
      : undefined
  if (base === undefined)
    return {
      packageName: specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!,
    }
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return { file: candidate }
  }
  throw new Error(`Cannot resolve ${specifier} from ${relative(ROOT, from)}`)
}

/**
 * Every project module reachable from `entry` through static imports (paths from the root), and the
 * packages they import. `follow` decides whether to walk into a module (all by default).
 *
 * @example
 * importGraph("lib/import/index.ts").packages //=> []
 */
export function importGraph(
  entry: string,
  follow: (file: string) => boolean = () => true
): { modules: string[]; packages: string[] } {
  const modules = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (modules.has(file) || !follow(file)) return
    modules.add(file)
    for (const specifier of staticImports(file)) {
      const target = resolveImport(file, specifier)
      if ("packageName" in target) packages.add(target.packageName)
      else if (/\.tsx?$/.test(target.file)) visit(target.file)
    }
  }
  visit(join(ROOT, entry))
  return { modules: [...modules].map((file) => relative(ROOT, file)).sort(), packages: [...packages].sort() }
}
