// Lighthouse, mobile preset (its default), on the production build: score, LCP, TBT, CLS.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const root = join(import.meta.dirname, "..", "..")
const cli = join(root, "node_modules", "lighthouse", "cli", "index.js")

/** One Lighthouse run; a run that fails to record its trace (it happens on a loaded machine) is tried again, up to 3 times. */
export function runLighthouse(url, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return runLighthouseOnce(url)
    } catch (error) {
      if (attempt >= attempts) throw error
      console.error(`Lighthouse run failed (attempt ${attempt} of ${attempts}); trying again.`)
    }
  }
}

function runLighthouseOnce(url) {
  const dir = mkdtempSync(join(tmpdir(), "tracebudget-lh-"))
  try {
    const output = join(dir, "report.json")
    execFileSync(
      process.execPath,
      [
        cli,
        url,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${output}`,
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ],
      {
        env: {
          ...process.env,
          CHROME_PATH: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        },
        stdio: ["ignore", "ignore", "inherit"],
      }
    )
    const report = JSON.parse(readFileSync(output, "utf8"))
    return {
      performance: report.categories.performance.score,
      lcpMs: report.audits["largest-contentful-paint"].numericValue,
      tbtMs: report.audits["total-blocking-time"].numericValue,
      cls: report.audits["cumulative-layout-shift"].numericValue,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
