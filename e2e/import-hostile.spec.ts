import { writeFile } from "node:fs/promises"

import { expect, test, type Page, type Request } from "@playwright/test"

import { formatCount } from "../lib/format"
import { distinctHealthChecks, otlpExport } from "./fixtures/otlp-export"

// Hostile imports (issue 25): a minified one-line OTLP document and an export with tens of
// thousands of distinct operation names must give a result without freezing the page, and
// UTF-16 or binary files a plain message. Elements are found by role and label.

const SECTION = "Calibrate from your traces"

/** Opens the import section (clicking its title again if hydration swallowed the first click). */
async function openImport(page: Page): Promise<void> {
  await page.goto("/")
  const chooser = page.getByLabel("Choose a file")
  await expect(async () => {
    if (!(await chooser.isVisible())) await page.getByText(SECTION, { exact: true }).click()
    await expect(chooser).toBeVisible({ timeout: 1000 })
  }).toPass()
}

/** Records main-thread tasks over 50 ms from now on (Chromium's Long Tasks API). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const durations: number[] = []
    ;(window as unknown as { longTasks: number[] }).longTasks = durations
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration)
    }).observe({ type: "longtask" })
  })
}

const longestTaskMs = (page: Page) =>
  page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks))

/** Only same-origin GETs for the app's own code may happen; nothing carries the file. */
function expectNothingSent(requests: Request[], page: Page, sample: string): void {
  for (const request of requests) {
    expect(request.method()).toBe("GET")
    expect(request.postData()).toBeNull()
    expect(new URL(request.url()).origin).toBe(new URL(page.url()).origin)
    expect(request.url()).not.toContain(sample)
  }
}

/** A minified one-line OTLP document of about `targetBytes`: the fixture's first resource repeated with fresh trace ids. */
function oneLineDocument(targetBytes: number): { text: string; spans: number } {
  const unit = JSON.stringify(
    (JSON.parse(otlpExport({ traces: 200 })) as { resourceSpans: unknown[] }).resourceSpans[0]
  )
  const spansPerUnit = unit.match(/"spanId"/g)?.length ?? 0
  const copies: string[] = []
  for (let n = 0; copies.length * unit.length < targetBytes; n++) {
    copies.push(unit.replace(/"traceId":"([0-9a-f]{8})/g, `"traceId":"${n.toString(16).padStart(8, "0")}`))
  }
  return { text: `{"resourceSpans":[${copies.join(",")}]}`, spans: copies.length * spansPerUnit }
}

test.describe("hostile trace files", () => {
  test("streams a minified one-line OTLP document and keeps the page responsive, sending nothing", async ({ page }) => {
    test.setTimeout(120_000)
    await openImport(page)
    const requests: Request[] = []
    page.on("request", (request) => requests.push(request))
    const { text, spans } = oneLineDocument(30_000_000)
    expect(text.includes("\n")).toBe(false)
    const path = test.info().outputPath("minified.json")
    await writeFile(path, text)
    await watchLongTasks(page)

    await page.getByLabel("Choose a file").setInputFiles(path)
    const summary = page.getByText(/^minified\.json \(otlp-json\):/)
    await expect(summary).toBeVisible({ timeout: 90_000 })
    await expect(summary).toContainText(`${formatCount(spans)} spans`)
    await expect(page.getByRole("button", { name: "Use these numbers" })).toBeVisible()
    // The parse runs in the worker: no main-thread task comes near the seconds a whole-file parse took.
    expect(await longestTaskMs(page)).toBeLessThan(500)
    expectNothingSent(requests, page, text.slice(30, 70))
  })

  test("lists at most 50 of 60,000 distinct health-check names, without a long main-thread task", async ({ page }) => {
    test.setTimeout(120_000)
    await openImport(page)
    const requests: Request[] = []
    page.on("request", (request) => requests.push(request))
    // From disk: a 12 MB buffer handed to setInputFiles crosses the page's main thread itself.
    const path = test.info().outputPath("probes.jsonl")
    await writeFile(path, distinctHealthChecks(60_000, 2_000))
    await watchLongTasks(page)

    await page.getByLabel("Choose a file").setInputFiles(path)
    const count = formatCount(60_000)
    await expect(page.getByText(`probes.jsonl (otlp-jsonl): ${count} complete traces, ${count} spans`)).toBeVisible({
      timeout: 90_000,
    })
    const healthChecks = page.getByText(/^Health checks spotted:/)
    await expect(healthChecks).toHaveText(
      /^Health checks spotted: GET \/health\/0, GET \/health\/1, GET \/health\/10, /
    )
    await expect(healthChecks).toHaveText(new RegExp(` and ${formatCount(60_000 - 50).replace(".", "\\.")} more$`))
    const listed = ((await healthChecks.textContent()) ?? "").replace(/^Health checks spotted: | and .* more$/g, "")
    expect(listed.split(", ")).toHaveLength(50)
    expect(await longestTaskMs(page)).toBeLessThan(500)
    expectNothingSent(requests, page, "GET /health/123")
  })

  test("names UTF-16 and binary files instead of quoting mojibake", async ({ page }) => {
    await openImport(page)
    const chooser = page.getByLabel("Choose a file")
    const json = otlpExport({ traces: 2 })
    await chooser.setInputFiles({
      name: "utf16.json",
      mimeType: "application/json",
      buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]),
    })
    await expect(page.getByRole("alert").filter({ hasText: "utf16.json" })).toHaveText(
      "utf16.json: the file is UTF-16: save it as UTF-8"
    )

    await chooser.setInputFiles({
      name: "export.json.gz",
      mimeType: "application/gzip",
      buffer: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0xae, 0x05, 0x00]),
    })
    await expect(page.getByRole("alert").filter({ hasText: "export.json.gz" })).toHaveText(
      "export.json.gz: this is a binary file, not a JSON trace export"
    )
  })
})
