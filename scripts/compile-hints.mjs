// Marks the client chunks every page runs at startup (build-manifest.json's rootMainFiles: Next's
// runtime, React DOM, the router) with V8's compile hint, `//# allFunctionsCalledOnLoad`, so Chrome
// compiles them off the main thread instead of lazily during hydration. Why only these, and what it
// measured: docs/decisions/0001-compile-hints.md.
//
// Runs after `next build` (npm run build, npm start, the e2e server and the bench all build through
// it). Idempotent; a source map beside a chunk is shifted by the one added line.
//
//   node scripts/compile-hints.mjs [distDir]     default .next
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad"

/**
 * The same source map for a file that gained `lines` lines at its top. A plain map's
 * `mappings` gains one `;` (an empty generated line) per line; an index map's sections move down.
 *
 * @example
 * shiftSourceMap({ version: 3, mappings: "AAAA" }, 1).mappings //=> ";AAAA"
 */
export function shiftSourceMap(map, lines) {
  if (Array.isArray(map.sections)) {
    return {
      ...map,
      sections: map.sections.map((section) => ({
        ...section,
        offset: { ...section.offset, line: section.offset.line + lines },
      })),
    }
  }
  return { ...map, mappings: ";".repeat(lines) + map.mappings }
}

/**
 * Adds the compile hint to the top of each startup chunk of a Next build that lacks it.
 * Returns the chunks it looked at, each with whether it changed and its size in bytes.
 *
 * @example
 * addCompileHints(".next") //=> [{ file: "static/chunks/39_j1bdzreq0m.js", bytes: 229317, changed: true }, ...]
 */
export function addCompileHints(distDir = ".next") {
  const manifestPath = join(distDir, "build-manifest.json")
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run next build first.`)
  const { rootMainFiles = [] } = JSON.parse(readFileSync(manifestPath, "utf8"))
  return rootMainFiles
    .filter((file) => file.endsWith(".js"))
    .map((file) => {
      const path = join(distDir, file)
      const code = readFileSync(path, "utf8")
      if (code.startsWith(`${COMPILE_HINT}\n`)) return { file, bytes: Buffer.byteLength(code), changed: false }
      const hinted = `${COMPILE_HINT}\n${code}`
      writeFileSync(path, hinted)
      const mapName = code.slice(-400).match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1]
      const mapPath = mapName && !mapName.startsWith("data:") ? join(dirname(path), mapName) : undefined
      if (mapPath && existsSync(mapPath)) {
        writeFileSync(mapPath, JSON.stringify(shiftSourceMap(JSON.parse(readFileSync(mapPath, "utf8")), 1)))
      }
      return { file, bytes: Buffer.byteLength(hinted), changed: true }
    })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chunks = addCompileHints(process.argv[2] ?? ".next")
  const kb = Math.round(chunks.reduce((sum, chunk) => sum + chunk.bytes, 0) / 1024)
  const changed = chunks.filter((chunk) => chunk.changed).length
  console.log(`Compile hints: ${chunks.length} startup chunks (${kb} KB), ${changed} marked now.`)
}
