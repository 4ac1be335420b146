// Import in the page: a file of 300,000 distinct health-check names (one-span traces, JSON Lines)
// chosen in Chromium; the longest main-thread task while it imports (Long Tasks API) and the time
// until the summary shows. The parse runs in a worker and the summary lists 50 names, so the main
// thread should only see progress messages (issue 25: a 2.6 s task when it joined every name).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { distinctHealthChecks } from "../../e2e/fixtures/otlp-export"

import { launchChromium } from "./browser.mjs"

/** One import of `names` distinct names in the served page: longest main-thread task and total time. */
export async function benchImportPage(base, names = 300_000) {
  const dir = mkdtempSync(join(tmpdir(), "tracebudget-bench-"))
  const path = join(dir, "probes.jsonl")
  const text = distinctHealthChecks(names, 2_000)
  writeFileSync(path, text)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(base)
    const chooser = page.getByLabel("Choose a file")
    for (let attempt = 0; attempt < 20 && !(await chooser.isVisible()); attempt++) {
      await page.getByText("Calibrate from your traces", { exact: true }).click()
      await page.waitForTimeout(250)
    }
    // Focus anywhere in the page loads the validator and the model on demand (one long task of its
    // own, not the import's): let that finish before watching.
    await chooser.focus()
    await page.waitForTimeout(3000)
    await page.evaluate(() => {
      window.__longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration)
      }).observe({ type: "longtask" })
    })
    const started = Date.now()
    await chooser.setInputFiles(path)
    await page.getByText(/^probes\.jsonl \(otlp-jsonl\):/).waitFor({ timeout: 180_000 })
    const seconds = (Date.now() - started) / 1000
    const longestTaskMs = await page.evaluate(() => Math.max(0, ...window.__longTasks))
    return { names, fileBytes: text.length, seconds, longestTaskMs }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
