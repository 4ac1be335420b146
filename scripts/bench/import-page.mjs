// Import in the page: a file chosen in Chromium, the longest main-thread task while it imports
// (Long Tasks API) and the time until the summary shows. Two files: 300,000 distinct health-check
// names (one-span traces, JSON Lines; issue 25 found a 2.6 s task when the summary joined every
// name) and a 100 MB one-line OTLP JSON document (the dry run keeps a record per trace and reruns
// on the main thread when the plan changes). The parse runs in a worker, so the main thread should
// only see progress messages.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { distinctHealthChecks, largeJsonDocument } from "../../e2e/fixtures/otlp-export"

import { launchChromium } from "./browser.mjs"

/** The files the section imports: a name, what it holds, and its text. */
export const IMPORT_PAGE_FILES = {
  names: { file: "probes.jsonl", format: "otlp-jsonl", text: () => distinctHealthChecks(300_000, 2_000) },
  otlp100MB: { file: "export.json", format: "otlp-json", text: () => largeJsonDocument(100_000_000) },
}

/** One import of a file in the served page: longest main-thread task and total time. */
export async function benchImportPage(base, which = "names") {
  const spec = IMPORT_PAGE_FILES[which]
  const dir = mkdtempSync(join(tmpdir(), "tracebudget-bench-"))
  const path = join(dir, spec.file)
  const text = spec.text()
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
    const summary = new RegExp(`^${spec.file.replace(".", "\\.")} \\(${spec.format}\\):`)
    await page.getByText(summary).waitFor({ timeout: 300_000 })
    const seconds = (Date.now() - started) / 1000
    const longestTaskMs = await page.evaluate(() => Math.max(0, ...window.__longTasks))
    return { file: which, fileBytes: text.length, seconds, longestTaskMs }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
