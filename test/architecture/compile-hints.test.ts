import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { afterEach, beforeEach, describe, expect, it } from "vitest"

import { addCompileHints, COMPILE_HINT, shiftSourceMap } from "../../scripts/compile-hints.mjs"

// scripts/compile-hints.mjs runs after every `next build` (npm run build): it marks the startup
// chunks build-manifest.json names with V8's compile hint. These tests run it on a small fake build.

let dist: string
const chunk = (name: string) => join(dist, "static", "chunks", name)
const read = (path: string) => readFileSync(path, "utf8")

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), "tracebudget-hints-"))
  mkdirSync(join(dist, "static", "chunks"), { recursive: true })
  writeFileSync(
    join(dist, "build-manifest.json"),
    JSON.stringify({
      rootMainFiles: ["static/chunks/main.js", "static/chunks/react-dom.js", "static/chunks/shared.css"],
    })
  )
  writeFileSync(chunk("main.js"), 'console.log("main")\n//# sourceMappingURL=main.js.map')
  writeFileSync(
    chunk("main.js.map"),
    JSON.stringify({ version: 3, sources: ["main.ts"], names: [], mappings: "AAAA;AACA" })
  )
  writeFileSync(chunk("react-dom.js"), 'console.log("react-dom")')
  writeFileSync(chunk("shared.css"), "body{margin:0}")
  writeFileSync(chunk("charts.js"), 'console.log("loaded later")')
})

afterEach(() => rmSync(dist, { recursive: true, force: true }))

describe("compile hints on the startup chunks", () => {
  it("puts the hint on the first line of every startup script and leaves its code as it was", () => {
    addCompileHints(dist)
    expect(read(chunk("main.js"))).toBe(`${COMPILE_HINT}\nconsole.log("main")\n//# sourceMappingURL=main.js.map`)
    expect(read(chunk("react-dom.js"))).toBe(`${COMPILE_HINT}\nconsole.log("react-dom")`)
  })

  it("leaves chunks that load later, and stylesheets, without the hint", () => {
    addCompileHints(dist)
    expect(read(chunk("charts.js"))).toBe('console.log("loaded later")')
    expect(read(chunk("shared.css"))).toBe("body{margin:0}")
  })

  it("adds the hint once however often it runs, and says which chunks it changed", () => {
    expect(addCompileHints(dist).map((c) => [c.file, c.changed])).toEqual([
      ["static/chunks/main.js", true],
      ["static/chunks/react-dom.js", true],
    ])
    expect(addCompileHints(dist).map((c) => c.changed)).toEqual([false, false])
    expect(read(chunk("react-dom.js"))).toBe(`${COMPILE_HINT}\nconsole.log("react-dom")`)
    expect(read(chunk("main.js.map"))).toContain('"mappings":";AAAA;AACA"')
  })

  it("moves a chunk's source map down by the added line", () => {
    addCompileHints(dist)
    expect(JSON.parse(read(chunk("main.js.map"))).mappings).toBe(";AAAA;AACA")
  })

  it("says to build first when there is no build manifest", () => {
    rmSync(join(dist, "build-manifest.json"))
    expect(() => addCompileHints(dist)).toThrow("build-manifest.json is missing: run next build first.")
  })
})

describe("shifting a source map", () => {
  it("adds an empty generated line per added line to a plain map", () => {
    expect(shiftSourceMap({ version: 3, mappings: "AAAA" }, 2).mappings).toBe(";;AAAA")
  })

  it("moves every section of an index map down", () => {
    const map = {
      version: 3,
      sections: [
        { offset: { line: 0, column: 0 }, map: { version: 3, mappings: "AAAA" } },
        { offset: { line: 7, column: 4 }, map: { version: 3, mappings: "AACA" } },
      ],
    }
    expect(shiftSourceMap(map, 1).sections?.map((section) => section.offset)).toEqual([
      { line: 1, column: 0 },
      { line: 8, column: 4 },
    ])
  })
})
