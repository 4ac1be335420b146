import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const read = (path: string) => readFileSync(join(root, path), "utf8")

// patches/ holds fixes to packages that patch-package applies after every install (package.json's
// postinstall). A fresh install that skipped it would quietly lose them; these tests notice.
describe("patches applied after install", () => {
  it.each([
    ["node_modules/recharts/es6/context/chartDataContext.js"],
    ["node_modules/recharts/lib/context/chartDataContext.js"],
  ])("Recharts clears a chart's data on unmount only, not between two data arrays (%s)", (path) => {
    const source = read(path)
    expect(source).toContain("TraceBudget patch (patches/recharts+3.11.1.patch)")
    // The data effect no longer returns a cleanup that clears the data.
    expect(source).not.toMatch(/setChartData\)?\(chartData\)\);\s*return \(\) => \{/)
  })

  it("names the Recharts version the patch was made for", () => {
    const installed = JSON.parse(read("node_modules/recharts/package.json")) as { version: string }
    expect(JSON.parse(read("package.json")).dependencies.recharts).toBe(installed.version)
    expect(read(`patches/recharts+${installed.version}.patch`)).toContain("chartDataContext.js")
  })
})
