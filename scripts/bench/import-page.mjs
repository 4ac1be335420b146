// Import in the page: a file chosen in Chromium, the longest main-thread task while it imports
// (Long Tasks API) and the time until the summary shows. Two files: 300,000 distinct health-check
// names (one-span traces, JSON Lines; issue 25 found a 2.6 s task when the summary joined every
// name) and a 100 MB one-line OTLP JSON document (the dry run keeps a record per trace and reruns
// on the main thread when the plan changes). The parse runs in a worker, so the main thread should
// only see progress messages. After the summary shows, the sampling ratio changes a few times, and
// the longest tasks from the summary until the last change's dry run shows are recorded too: the
// dry run re-runs on every plan change, and the page must stay responsive while it does.
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

/** Sampling ratios set one after another once the file is imported, each with the share the dry run then says. */
export const RATIO_CHANGES = [
  ["0.5", "50 %"],
  ["0.25", "25 %"],
  ["0.75", "75 %"],
  ["0.1", "10 %"],
]

/**
 * One import of a file in the served page: longest main-thread task while it imports, total time,
 * and, from the summary through the dry runs of a few ratio changes, the longest task apart from
 * the changes' input events (the dry run's) and the longest of those input events (the page's render).
 */
export async function benchImportPage(base, which = "names") {
  const spec = IMPORT_PAGE_FILES[which]
  const dir = mkdtempSync(join(tmpdir(), "tracebudget-bench-"))
  const path = join(dir, spec.file)
  const text = spec.text()
  writeFileSync(path, text)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // No Dapr: the app's SDK decides at the sampling ratio, so each change shows in the dry run's text.
    await page.goto(`${base}/?daprEnabled=false&ratio=1`)
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
        for (const entry of list.getEntries())
          window.__longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })
      }).observe({ type: "longtask" })
    })
    const started = Date.now()
    await chooser.setInputFiles(path)
    const summary = new RegExp(`^${spec.file.replace(".", "\\.")} \\(${spec.format}\\):`)
    await page.getByText(summary).waitFor({ timeout: 300_000 })
    const seconds = (Date.now() - started) / 1000
    const summaryAt = await page.evaluate(() => performance.now())
    // The longest task that began before the summary showed: the import's.
    const longestTaskMs = await page.evaluate(
      (until) => Math.max(0, ...window.__longTasks.filter((t) => t.start < until).map((t) => t.end - t.start)),
      summaryAt
    )
    const how = page.getByTestId("dry-run-how")
    await how.waitFor({ timeout: 120_000 })
    // Each change's input event renders the whole page (the model, the tables, the charts) in its own
    // task; the dry run's work runs in other tasks. Event Timing tells the two apart.
    await page.evaluate(() => {
      window.__inputs = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.name === "input") window.__inputs.push({ start: entry.processingStart, end: entry.processingEnd })
      }).observe({ type: "event", durationThreshold: 16 })
    })
    for (const [ratio, share] of RATIO_CHANGES) {
      await page.getByLabel(/^Sampling ratio/).fill(ratio)
      await how.filter({ hasText: `keeps ${share} by trace id` }).waitFor({ timeout: 120_000 })
    }
    // A task ends before its entry is reported: give the observers a moment.
    await page.waitForTimeout(500)
    const { inputLongestTaskMs, dryRunLongestTaskMs } = await page.evaluate((from) => {
      const tasks = window.__longTasks.filter((t) => t.end > from)
      const holdsInput = (t) => window.__inputs.some((input) => input.start < t.end && input.end > t.start)
      const longest = (list) => Math.max(0, ...list.map((t) => t.end - t.start))
      return {
        inputLongestTaskMs: longest(tasks.filter(holdsInput)),
        dryRunLongestTaskMs: longest(tasks.filter((t) => !holdsInput(t))),
      }
    }, summaryAt)
    return { file: which, fileBytes: text.length, seconds, longestTaskMs, dryRunLongestTaskMs, inputLongestTaskMs }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
