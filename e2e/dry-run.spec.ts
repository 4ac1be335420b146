import { readFile } from "node:fs/promises"

import { expect, test, type Page } from "@playwright/test"

import { otlpExport } from "./fixtures/otlp-export"
import { openSection } from "./fixtures/sections"

/** 100 requests of 3 spans (every 10th an error, every 4th slower than 1 s) + 5 one-span health checks. */
const CONTENT = otlpExport({ traces: 100, healthChecks: 5 })

async function importFixture(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(CONTENT) })
  await expect(page.getByTestId("dry-run")).toBeVisible()
}

/** The row's cells: label, in the file, kept. */
async function totals(page: Page, testId: string): Promise<[number, number]> {
  const cells = page.getByTestId(testId).getByRole("cell")
  const number = async (index: number) => Number((await cells.nth(index).innerText()).replace(/[^0-9]/g, ""))
  return [await number(0), await number(1)]
}

async function downloadedJson(page: Page): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download dry run (JSON)" }).click(),
  ])
  expect(download.suggestedFilename()).toBe("dry-run.json")
  return JSON.parse(await readFile((await download.path()) as string, "utf8")) as Record<string, unknown>
}

test.describe("dry run of the plan on an imported file", () => {
  // Each test imports a file, re-runs the plan and downloads: on a shared 2-core machine that can
  // take longer than the default 30 s.
  test.slow()
  test("re-runs at a second rate without reading the file again, and the JSON matches the page", async ({ page }) => {
    // No Dapr: the app's Python SDK decides at the sampling ratio.
    await importFixture(page, "/?daprEnabled=false&ratio=1")
    const section = page.getByRole("region", { name: /Dry run/ })
    await expect(section).toContainText("the app's Python SDK keeps 100 % by trace id")
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105\s*105/)
    await expect(page.getByTestId("dry-run-errors")).toHaveText(/Errors\s*10\s*10/)
    await expect(page.getByTestId("dry-run-slow")).toHaveText(/Slower than 1 s\s*25\s*25/)
    await expect(page.getByTestId("dry-run-empty-endpoints")).toHaveCount(0)

    await page.getByLabel(/^Sampling ratio/).fill("0")
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105\s*0/)
    await expect(page.getByTestId("dry-run-empty-endpoints")).toContainText("Keeps no trace of any endpoint")
    await expect(page.getByTestId("dry-run-endpoints").getByRole("rowheader", { name: /GET \/tasks/ })).toContainText(
      "keeps none"
    )

    // A middle rate: the ids are random, so the page and the download are compared with each other.
    await page.getByLabel(/^Sampling ratio/).fill("0.5")
    await expect(page.getByTestId("dry-run-how")).toContainText("keeps 50 % by trace id")
    const [all, kept] = await totals(page, "dry-run-all")
    const [errors, keptErrors] = await totals(page, "dry-run-errors")
    const json = await downloadedJson(page)
    expect(json).toMatchObject({
      tracesCounted: "complete",
      traces: all,
      keptTraces: kept,
      errorTraces: errors,
      keptErrorTraces: keptErrors,
      decidedBy: "app",
      sampler: "parentbased_traceidratio",
      ratio: 0.5,
    })
    expect(all).toBe(105)
    const byEndpoint = json.byEndpoint as { name: string; traces: number; keptTraces: number }[]
    expect(byEndpoint.reduce((sum, row) => sum + row.keptTraces, 0)).toBe(kept)
  })

  test("with tail sampling, the error policy keeps every error trace", async ({ page }) => {
    // Every trace reaches the Collector; it keeps errors and nothing else (0 % baseline, no slow policy).
    await importFixture(
      page,
      "/?daprEnabled=false&ratio=1&tailSampling=true&tailKeepErrors=true&tailKeepSlow=false&tailBaselinePercent=0"
    )
    await expect(page.getByTestId("dry-run-how")).toContainText("an ERROR span anywhere")
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105\s*10/)
    await expect(page.getByTestId("dry-run-errors")).toHaveText(/Errors\s*10\s*10/)
    const json = await downloadedJson(page)
    expect(json).toMatchObject({ traces: 105, keptTraces: 10, errorTraces: 10, keptErrorTraces: 10 })
    expect(json.tail).toEqual({ keepErrors: true, latencyThresholdMs: null, baselinePercent: 0, spansPerSecond: null })
    // GET /health has no error: nothing of it is kept.
    await expect(page.getByTestId("dry-run-empty-endpoints")).toContainText("GET /health")
  })
})
