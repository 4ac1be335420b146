import { writeFile } from "node:fs/promises"

import { expect, test, type Request } from "@playwright/test"

import { largeJsonLines, otlpExport } from "./fixtures/otlp-export"
import { openSection, whenHydrated } from "./fixtures/sections"

test.describe("importing your own traces", () => {
  test("reads an OTLP export chosen with the file chooser, shows old → new and applies it, without sending the file anywhere", async ({
    page,
  }) => {
    await page.goto("/")
    const requests: Request[] = []
    page.on("request", (request) => requests.push(request))
    await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
    await expect(page.getByTestId("privacy-note")).toContainText("never leaves this browser")

    const content = otlpExport({ traces: 100, healthChecks: 5 })
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(content) })
    // 100 requests of 3 spans (every 10th an error, every 4th slower than 1 s) + 5 one-span health checks
    await expect(page.getByTestId("import-summary")).toContainText("105 complete traces, 305 spans")
    await expect(page.getByTestId("import-small-sample")).toHaveCount(0)
    await expect(page.getByTestId("import-summary")).toContainText("Health checks spotted: GET /health")
    const changes = page.getByTestId("import-changes")
    await expect(changes.getByRole("row", { name: /Spans per trace/ })).toHaveText(/Spans per trace\s*30\s*2\.9/)
    await expect(changes.getByRole("row", { name: /Error rate/ })).toHaveText(/Error rate\s*0\.01\s*0\.0952/)

    await page.getByTestId("import-apply").click()
    await expect(page.getByLabel("Spans per trace (spans)")).toHaveValue("2.9")
    await expect(page).toHaveURL(/spansPerTrace=2\.9(&|$)/)

    // The dry run re-runs on the page and its download is made there: neither sends anything.
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105/)
    await page.getByLabel(/^Sampling ratio/).fill("0.5")
    await expect(page.getByTestId("dry-run-how")).toContainText("50 %")
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download dry run (JSON)" }).click(),
    ])
    expect(download.suggestedFilename()).toBe("dry-run.json")

    // Only same-origin GETs for the app's own code may happen; nothing carries the file.
    for (const request of requests) {
      expect(request.method()).toBe("GET")
      expect(request.postData()).toBeNull()
      expect(new URL(request.url()).origin).toBe(new URL(page.url()).origin)
    }
    expect(requests.some((request) => request.url().includes(content.slice(20, 60)))).toBe(false)
  })

  test("reads a file dropped on the drop zone", async ({ page }) => {
    await page.goto("/")
    // A dispatched drop is not retried like a click: wait for the handler to be there.
    await whenHydrated(page)
    await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
    const content = otlpExport({ traces: 20 })
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([text], "dropped.json", { type: "application/json" }))
      return transfer
    }, content)
    await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer })
    await expect(page.getByTestId("import-summary")).toContainText("dropped.json")
    await expect(page.getByTestId("import-summary")).toContainText("20 complete traces")
    // So few traces: the rates are said to be rough, with the error rate's interval.
    await expect(page.getByTestId("import-small-sample")).toContainText(
      /^Only 20 traces: the rates below are rough\. The .* error rate means anywhere from .* \(95 % interval\)/
    )
  })

  test("says precisely what is wrong with a broken file and keeps working", async ({ page }) => {
    await page.goto("/")
    await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
    const good = otlpExport({ traces: 2 }).replace(/\n/g, "")
    await page.getByTestId("import-file").setInputFiles({
      name: "broken.jsonl",
      mimeType: "application/json",
      buffer: Buffer.from(`${good}\n${good}\n{"nope": 1}\n`),
    })
    await expect(page.getByTestId("import-error")).toContainText("line 3: not OTLP JSON: missing resourceSpans")
    await page.getByLabel("Requests per second (req/s)", { exact: true }).fill("1000")
    await expect(page.getByTestId("stat-requests-value")).toHaveText("86.4M")
  })

  test("a cancel while the worker is still loading its code stays a cancel", async ({ page }) => {
    await page.goto("/")
    await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
    await expect(page.getByTestId("import-file")).toBeVisible()
    // From now on scripts arrive late: the worker is still loading when Cancel is pressed, and
    // terminating it aborts that load, which the browser reports as the worker's error.
    let delayed = 0
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      // The worker's own script arrives; the chunks it then imports are held back.
      if (delayed++ > 0) await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue().catch(() => undefined)
    })
    await page.getByTestId("import-file").setInputFiles({
      name: "slow.json",
      mimeType: "application/json",
      buffer: Buffer.from(otlpExport({ traces: 2 })),
    })
    await expect.poll(() => delayed).toBeGreaterThan(1)
    await page.getByRole("button", { name: "Cancel import" }).click()
    await expect(page.getByTestId("import-cancelled")).toContainText("slow.json")
    await page.waitForTimeout(2500)
    await expect(page.getByTestId("import-cancelled")).toContainText("slow.json")
    await expect(page.getByTestId("import-error")).toHaveCount(0)
  })

  test("cancels a large import", async ({ page }) => {
    test.setTimeout(90_000)
    await page.goto("/")
    await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
    const path = test.info().outputPath("big.jsonl")
    // Large enough (≈120 MB, several seconds here) that the import is still running when Cancel is pressed.
    await writeFile(path, largeJsonLines(120_000_000))
    await page.getByTestId("import-file").setInputFiles(path)
    await expect(page.getByTestId("import-progress")).toBeVisible()
    await page.getByRole("button", { name: "Cancel import" }).click()
    await expect(page.getByTestId("import-cancelled")).toContainText("big.jsonl")
    await expect(page.getByTestId("import-summary")).toHaveCount(0)
  })
})
