import { readFile } from "node:fs/promises"

import { expect, test, type Page, type Worker } from "@playwright/test"

import { otlpExport } from "./fixtures/otlp-export"
import { openSection, whenHydrated } from "./fixtures/sections"

// The dry run runs in the import's worker, which stays after the import (issue 24): the page sends
// each plan, numbered, and applies only the newest plan's answer; replacing or cancelling the import
// terminates the worker, and nothing of the earlier file shows again.

/** 100 requests of 3 spans (every 10th an error) + 5 one-span health checks: 105 traces. */
const FIRST = otlpExport({ traces: 100, healthChecks: 5 })
/** 20 requests: 20 traces. */
const SECOND = otlpExport({ traces: 20 })

const RATIO = /^Sampling ratio/

/** The page's Web Worker (Playwright's `Worker` is its handle on one). */
type DomWorker = InstanceType<typeof globalThis.Worker>

async function importFile(page: Page, name: string, content: string): Promise<void> {
  await page
    .getByTestId("import-file")
    .setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) })
}

/** The page's workers in the order they started, and those that have been terminated since. */
interface Workers {
  started: Worker[]
  closed: Set<Worker>
}

/** Opens the import section of a plan where the app's SDK decides at `ratio` (no Dapr), and watches its workers. */
async function openImport(page: Page, ratio: number): Promise<Workers> {
  const workers: Workers = { started: [], closed: new Set() }
  // The plans the page sends are counted; when a test asks, they reach the worker one at a time,
  // 50 ms apart, after the page has sent them all: the worker then answers every one, oldest first.
  await page.addInitScript(() => {
    const post = globalThis.Worker.prototype.postMessage
    let free = 0
    globalThis.Worker.prototype.postMessage = function (
      this: DomWorker,
      ...args: Parameters<DomWorker["postMessage"]>
    ) {
      const page = window as unknown as { spaceDryRuns?: boolean; dryRunsSent?: number }
      if ((args[0] as { type?: string } | null)?.type !== "dryRun") return post.apply(this, args)
      page.dryRunsSent = (page.dryRunsSent ?? 0) + 1
      if (!page.spaceDryRuns) return post.apply(this, args)
      free = Math.max(free, performance.now()) + 50
      setTimeout(() => post.apply(this, args), free - performance.now())
    } as DomWorker["postMessage"]
  })
  page.on("worker", (worker) => {
    workers.started.push(worker)
    worker.on("close", () => workers.closed.add(worker))
  })
  await page.goto(`/?daprEnabled=false&ratio=${ratio}`)
  await whenHydrated(page)
  await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
  return workers
}

/** The "All" row: in the file, kept. */
async function allRow(page: Page): Promise<[number, number]> {
  const cells = page.getByTestId("dry-run-all").getByRole("cell")
  const number = async (index: number) => Number((await cells.nth(index).innerText()).replace(/[^0-9]/g, ""))
  return [await number(0), await number(1)]
}

interface Watch {
  dryRunNow: () => string
  dryRunSeen: string[]
}

/**
 * Records, at every change of the page from now on, which file the summary names and what the dry
 * run shows ("pending", "none", or the "All" row and the sentence saying how the root is decided).
 */
async function watchDryRun(page: Page): Promise<void> {
  await page.evaluate(() => {
    const watch = window as unknown as Watch
    const text = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null
    watch.dryRunNow = () => {
      const file = (text("import-summary") ?? "").split(" ")[0]
      const all = document.querySelector('[data-testid="dry-run-all"]')
      const shown = all
        ? `${[...all.querySelectorAll("td")].map((cell) => cell.textContent).join(" ")} | ${text("dry-run-how")}`
        : text("dry-run-pending") !== null
          ? "pending"
          : "none"
      return `${file} | ${shown}`
    }
    watch.dryRunSeen = []
    new MutationObserver(() => {
      const entry = watch.dryRunNow()
      if (watch.dryRunSeen.at(-1) !== entry) watch.dryRunSeen.push(entry)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

const dryRunNow = (page: Page) => page.evaluate(() => (window as unknown as Watch).dryRunNow())
const seenDryRuns = (page: Page) => page.evaluate(() => (window as unknown as Watch).dryRunSeen)

/**
 * Sets the ratio field to each value in turn, as a burst of keystrokes faster than any answer: all
 * within one task, or `stepMs` apart (then each value's plan is sent to the worker).
 */
async function burst(page: Page, values: string[], stepMs = 0): Promise<void> {
  await page.getByLabel(RATIO).evaluate(
    async (input, { all, step }) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set
      for (const value of all) {
        setValue?.call(input, value)
        input.dispatchEvent(new Event("input", { bubbles: true }))
        if (step > 0) await new Promise((resolve) => setTimeout(resolve, step))
      }
    },
    { all: values, step: stepMs }
  )
}

test.describe("the dry run in the import's worker", () => {
  test.slow()

  test("updates after a rate change, and a burst of changes ends on the newest plan's figures", async ({ page }) => {
    const workers = await openImport(page, 1)
    await importFile(page, "export.json", FIRST)
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105\s*105/)
    // The import's worker is the one that answers, and it stays.
    expect(workers.started).toHaveLength(1)

    await page.getByLabel(RATIO).fill("0.75")
    await expect(page.getByTestId("dry-run-how")).toContainText("keeps 75 % by trace id")
    const [, keptAt75] = await allRow(page)
    await page.getByLabel(RATIO).fill("0")
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105\s*0/)

    // A burst: every plan is sent, but only the last one's answer shows; the last answer stays in view
    // meanwhile (no placeholder, no plan in between).
    await watchDryRun(page)
    const before = await dryRunNow(page)
    await burst(page, ["0.1", "0.2", "1", "0.3", "0.75"])
    await expect(page.getByTestId("dry-run-how")).toContainText("keeps 75 % by trace id")
    expect(await allRow(page)).toEqual([105, keptAt75])
    await expect(page.getByTestId("dry-run")).toHaveAttribute("aria-busy", "false")
    // Give answers to the older plans time to arrive, were any still on their way.
    await page.waitForTimeout(500)
    expect(await allRow(page)).toEqual([105, keptAt75])
    const after = await dryRunNow(page)
    expect(after).toMatch(/^export\.json \| 105 \d+ .*keeps 75 % by trace id/)
    const seen = await seenDryRuns(page)
    expect(seen.at(-1)).toBe(after)
    for (const entry of seen) expect([before, after]).toContain(entry)

    // Now every plan of a burst is sent, and the worker answers each, oldest first, while newer
    // ones are already sent: still only the newest shows.
    await page.evaluate(() => ((window as unknown as { spaceDryRuns: boolean }).spaceDryRuns = true))
    await watchDryRun(page)
    const beforeSpaced = await dryRunNow(page)
    const sent = () => page.evaluate(() => (window as unknown as { dryRunsSent: number }).dryRunsSent)
    const sentBefore = await sent()
    await burst(page, ["0.1", "1", "0.2", "0.75", "0.5"], 20)
    expect((await sent()) - sentBefore).toBe(5)
    await expect(page.getByTestId("dry-run-how")).toContainText("keeps 50 % by trace id")
    await page.waitForTimeout(500)
    const afterSpaced = await dryRunNow(page)
    expect(afterSpaced).toContain("keeps 50 % by trace id")
    for (const entry of await seenDryRuns(page)) expect([beforeSpaced, afterSpaced]).toContain(entry)
    await page.getByLabel(RATIO).fill("0.75")
    await expect(page.getByTestId("dry-run-how")).toContainText("keeps 75 % by trace id")

    // The download is the plan shown.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download dry run (JSON)" }).click(),
    ])
    const json = JSON.parse(await readFile((await download.path()) as string, "utf8")) as Record<string, unknown>
    expect(json).toMatchObject({ traces: 105, keptTraces: keptAt75, ratio: 0.75 })
    expect(workers.started).toHaveLength(1)
    expect(workers.closed.size).toBe(0)
  })

  test("after the import is replaced, no result of the earlier file appears", async ({ page }) => {
    const workers = await openImport(page, 1)
    await importFile(page, "first.json", FIRST)
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105\s*105/)
    await page.getByLabel(RATIO).fill("0.5")
    await expect(page.getByTestId("dry-run-how")).toContainText("keeps 50 % by trace id")
    await watchDryRun(page)

    // Plans sent to the first file's worker just before the second file replaces it.
    await burst(page, ["0.2", "0.9", "1"])
    await importFile(page, "second.json", SECOND)
    await expect(page.getByTestId("import-summary")).toContainText("second.json")
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*20\s*20/)
    await page.waitForTimeout(500)
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*20\s*20/)

    // Under the second file's summary, only its own traces ever showed.
    const underSecond = (await seenDryRuns(page)).filter((entry) => entry.startsWith("second.json"))
    expect(underSecond.length).toBeGreaterThan(0)
    for (const entry of underSecond) expect(entry).toMatch(/^second\.json \| (pending|20 \d+ .*)$/)
    // The first file's worker is gone; the second's answers.
    expect(workers.started).toHaveLength(2)
    await expect.poll(() => workers.closed.has(workers.started[0] as Worker)).toBe(true)
    expect(workers.closed.has(workers.started[1] as Worker)).toBe(false)

    // And it still follows the plan.
    await page.getByLabel(RATIO).fill("0")
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*20\s*0/)
  })

  test("after a replacing import is cancelled, no dry run of either file appears", async ({ page }) => {
    const workers = await openImport(page, 1)
    await importFile(page, "first.json", FIRST)
    await expect(page.getByTestId("dry-run-all")).toHaveText(/All\s*105\s*105/)

    // The second worker's code arrives late, so Cancel comes while it is still loading.
    let delayed = 0
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      if (delayed++ > 0) await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue().catch(() => undefined)
    })
    await burst(page, ["0.3", "0.6"])
    await importFile(page, "second.json", SECOND)
    await expect.poll(() => delayed).toBeGreaterThan(1)
    await page.getByRole("button", { name: "Cancel import" }).click()
    await expect(page.getByTestId("import-cancelled")).toContainText("second.json")
    await page.waitForTimeout(2500)
    await expect(page.getByTestId("import-cancelled")).toContainText("second.json")
    await expect(page.getByTestId("dry-run")).toHaveCount(0)
    await expect(page.getByTestId("dry-run-pending")).toHaveCount(0)
    await expect(page.getByTestId("import-summary")).toHaveCount(0)
    // Every worker started is terminated: the first file's when the second replaced it, the second's at Cancel.
    await expect.poll(() => workers.started.every((worker) => workers.closed.has(worker))).toBe(true)
  })
})
