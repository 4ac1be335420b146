import { readFile } from "node:fs/promises"

import { expect, test, type Page } from "@playwright/test"

// Short links, Markdown for a design doc, numbers as people type them, Undo and Reset.

/** The default plan as links wrote it before short links: every field, in form order. */
const OLD_FULL_LINK =
  "/?rps=8000&peakRps=8000&retentionDays=7&sampler=parentbased_traceidratio&ratio=0.1&spansPerTrace=30&spanBytes=500&backend=tempo&apmHosts=10&tempoVersion=3.x&datadogCommitment=annual&newRelicFullUsers=1&computeUsdPerVcpuMonth=29.53&computeUsdPerGbMonth=3.24&collectorUsdPerCoreMonth=0&zones=3&interZoneUsdPerGb=0.02&egressUsdPerGb=0.09&serviceName=task-api&namespace=default&environment=production&language=python&otlpEndpoint=http://otel-collector.observability.svc.cluster.local:4317&protocol=grpc&daprEnabled=true&daprIngress=true&entryPoint=sidecar&daprSamplingRate=0.1&replicas=3&image=registry.example.com/task-api:1.0.0&containerPort=8000&excludeHealthChecks=true&excludedUrls=health,metrics,readiness&probesPerReplica=3&probeIntervalSeconds=10&growthPercentPerMonth=0&horizonMonths=12&errorRate=0.01&slowRate=0.05&slowThresholdMs=1000&tailSampling=false&tailKeepErrors=true&tailKeepSlow=true&tailBaselinePercent=10&tailSpansPerSecond=0&tailDecisionWaitSeconds=30&keepAllErrors=true&minTracesPerMinutePerEndpoint=1&storageCapBytes=0"

const rpsField = (page: Page) => page.getByLabel("Requests per second (req/s)", { exact: true })

async function copiedLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Copy link" }).click()
  await expect(page.getByTestId("copy-link")).toHaveText("Copied ✓")
  return page.evaluate(() => navigator.clipboard.readText())
}

test.describe("short links, the design-doc Markdown, human numbers, Undo and Reset", () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
  })

  test("the default plan's link is the bare page; a change adds only that field, and the link opens it", async ({
    page,
  }) => {
    await page.goto("/")
    expect(new URL(await copiedLink(page)).search).toBe("")

    await rpsField(page).fill("8000")
    // 8,000 req/s × 86,400 s × 10 % = 69.1M traces/day.
    await expect(page.getByTestId("stat-traces-value")).toHaveText("69.1M")
    await expect(page).toHaveURL(/\/\?rps=8000$/)
    const link = await copiedLink(page)
    expect(new URL(link).search).toBe("?rps=8000")

    await page.goto(link)
    await expect(rpsField(page)).toHaveValue("8000")
    await expect(page.getByLabel("Peak requests per second (req/s)")).toHaveValue("8000")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("69.1M")
  })

  test("an old link with every field opens the same plan, and its copied link is short", async ({ page }) => {
    await page.goto(OLD_FULL_LINK)
    await expect(rpsField(page)).toHaveValue("8000")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("69.1M")
    expect(new URL(await copiedLink(page)).search).toBe("?rps=8000")
  })

  test("reads 5k as 5,000 req/s and 10% as a 0.1 ratio, says so, and the link stores the plain numbers", async ({
    page,
  }) => {
    await page.goto("/?rps=8000")
    await rpsField(page).fill("5k")
    await expect(page.getByTestId("read-as-rps")).toHaveText("Read as 5,000 req/s.")
    await expect(page.getByTestId("read-as-rps")).toHaveAttribute("aria-live", "polite")
    await expect(rpsField(page)).not.toHaveAttribute("aria-invalid", "true")
    // Back at the default 5,000 req/s: the bare page.
    await expect(page).toHaveURL(/\/$/)
    await rpsField(page).fill("12k")
    await expect(page).toHaveURL(/\/\?rps=12000$/)

    const ratio = page.getByLabel("Sampling ratio (0–1)")
    await ratio.fill("1%")
    await expect(page.getByTestId("read-as-ratio")).toHaveText("Read as 0.01 (1 %).")
    // 12,000 req/s × 86,400 s × 1 % = 10.4M traces/day.
    await expect(page.getByTestId("stat-traces-value")).toHaveText("10.4M")
    await expect(page).toHaveURL(/\/\?rps=12000&ratio=0\.01$/)

    // A comma that does not group thousands is not guessed.
    await rpsField(page).fill("1,5")
    await expect(page.locator("#field-rps-error")).toHaveText(
      'Requests per second "1,5" is ambiguous: use a point for decimals (1.5); a comma only groups thousands, as in 1,500.'
    )
  })

  test("downloads Markdown for a design doc: the decision first, fenced YAML, the non-default inputs and the short link", async ({
    page,
  }) => {
    await page.goto("/?rps=8000")
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download Markdown" }).click(),
    ])
    const text = await readFile((await download.path())!, "utf8")
    const headings = text.split("\n").filter((line) => line.startsWith("## "))
    expect(headings[0]).toBe("## Decision")
    expect(text).toMatch(/## Decision\n\n\*\*.+: \$[\d,]+\/mo, keeps .+\*\*\n/)
    expect(text).toMatch(/\n- Runner-up: .+\/mo/)
    expect(text).toMatch(/\n```yaml\n[\s\S]+?\n```\n/)
    expect(text).toMatch(/\n```dotenv\n/)
    expect(text).toContain("| Requests per second (`rps`) | 8000 |")
    expect(text).not.toContain("| Retention (`retentionDays`)")
    expect(text).toMatch(/This plan: http:\/\/127\.0\.0\.1:\d+\/\?rps=8000\n$/)
  })

  test("Use this setting can be undone with Undo, and with Back", async ({ page }) => {
    // Five plans and two history steps on a machine shared with other builds.
    test.setTimeout(60_000)
    await page.goto("/?ratio=0.5&daprSamplingRate=0.5&keepAllErrors=false&budgetUsdPerMonth=3000")
    const ratio = page.getByLabel("Sampling ratio (0–1)")
    await expect(ratio).toHaveValue("0.5")
    await page.getByRole("button", { name: "Use this setting" }).click()
    await expect(ratio).toHaveValue("0.1")
    await expect(page).toHaveURL(/\/\?keepAllErrors=false&budgetUsdPerMonth=3000$/)
    const undo = page.getByRole("button", { name: "Undo" })
    // The clicked button went away: the focus moves to Undo, not to the top of the page.
    await expect(undo).toBeFocused()
    await undo.click()
    await expect(ratio).toHaveValue("0.5")
    await expect(page.getByLabel("Dapr sampling rate (0–1)")).toHaveValue("0.5")
    // Dapr's rate follows the ratio again, so the link leaves it out.
    await expect(page).toHaveURL(/\/\?ratio=0\.5&keepAllErrors=false&budgetUsdPerMonth=3000$/)
    await expect(undo).toHaveCount(0)
    // Undo went away in turn: the focus goes back to the button it undid, not to the top.
    await expect(page.getByRole("button", { name: "Use this setting" })).toBeFocused()

    await page.getByRole("button", { name: "Use this setting" }).click()
    await expect(ratio).toHaveValue("0.1")
    await page.goBack()
    await expect(ratio).toHaveValue("0.5")
    await expect(page).toHaveURL(/ratio=0\.5/)
    await page.goForward()
    await expect(ratio).toHaveValue("0.1")
  })

  test("Reset to defaults goes back to the bare page's plan", async ({ page }) => {
    await page.goto("/?rps=8000&retentionDays=30&backend=datadog")
    await page.getByRole("button", { name: "Reset to defaults" }).click()
    await expect(rpsField(page)).toHaveValue("5000")
    await expect(page.getByLabel("Retention (days)")).toHaveValue("7")
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole("button", { name: "Reset to defaults" })).toBeDisabled()
    // 5,000 req/s × 86,400 s × 10 %, the default plan.
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")
    await page.goBack()
    await expect(rpsField(page)).toHaveValue("8000")
  })
})
