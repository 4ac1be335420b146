import { expect, test } from "@playwright/test"

import { openSection, whenHydrated } from "./fixtures/sections"

// Issue 22, "The decision, first": the page opens on the total and the recommendation, keeps them in
// view while the form is edited, and says the results are stale only while they are.

test.describe("the decision, first", () => {
  test("on a desktop the first screen shows the total $/month, and no notice while nothing is stale", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto("/")
    const total = page.getByTestId("stat-cost-value")
    // The default plan on Tempo 3.x: $2,043.92 (e2e/bill.spec.ts and test/plan/build-plan.test.ts).
    await expect(total).toHaveText("$2,044/mo")
    await expect(total).toBeInViewport({ ratio: 1 })
    // What it buys follows it: traces kept, errors kept (1 % of 5,000 req/s × 3,600 s × 10 %), storage.
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")
    await expect(page.getByTestId("stat-errors-value")).toHaveText("18K")
    await expect(page.getByTestId("stat-errors")).toContainText("of 180,000 errors/hour (10 %)")
    await expect(page.getByTestId("stat-storage-value")).toBeInViewport()
    // The requests are the input: said as the traces' detail, not as the first figure.
    await expect(page.getByTestId("stat-traces")).toContainText("of 432M requests/day")
    await expect(page.getByText("Results are up to date.")).toHaveCount(0)
    await expect(page.getByTestId("stale-notice")).toBeEmpty()
  })

  test("on a phone the first screen shows the total $/month", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto("/")
    const summary = page.getByTestId("phone-summary")
    const total = summary.getByText("$2,044/mo", { exact: true })
    await expect(total).toBeInViewport({ ratio: 1 })
    // The recommended option's bill comes first, so a narrow screen cuts its long name, not its cost.
    await expect(summary.getByTestId("phone-summary-recommended")).toContainText(
      "Recommended: $7,162/mo Collector tail sampling"
    )
    await expect(summary.getByText("$7,162/mo", { exact: true })).toBeInViewport({ ratio: 1 })
    await expect(page.getByText("Results are up to date.")).toHaveCount(0)
  })

  test("the desktop summary keeps the total and the recommended option in view while a field low in the form is edited", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto("/")
    await whenHydrated(page)
    const summary = page.getByTestId("results-summary")
    const zones = page.getByLabel("Availability zones (zones)")
    await openSection(page, "Prices", zones)
    await zones.scrollIntoViewIfNeeded()
    // The field is far down the form: the page has scrolled past the results' first screen.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(800)
    await expect(summary.getByTestId("stat-cost-value")).toBeInViewport({ ratio: 1 })
    await expect(summary.getByTestId("summary-recommended")).toBeInViewport({ ratio: 1 })
    await expect(summary.getByTestId("summary-recommended")).toContainText(
      "Recommended: Collector tail sampling (errors, slow traces and a 10 % baseline), $"
    )
    // One zone: no traffic crosses zones, so the network part (1,116 of the 2,044) leaves the total.
    await zones.fill("1")
    await expect(summary.getByTestId("stat-cost-value")).toHaveText("$928/mo")
    await expect(zones).toBeFocused()
    await expect(summary.getByTestId("stat-cost-value")).toBeInViewport({ ratio: 1 })
    await expect(summary.getByTestId("summary-recommended")).toBeInViewport({ ratio: 1 })
  })

  test("the stale notice shows only while the results are stale, and moves nothing when it comes", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto("/")
    await whenHydrated(page)
    // Where the first figure after the summary sits on the page (typing scrolls the field into view).
    const traces = page.getByTestId("stat-traces-value")
    const pageTop = () => traces.evaluate((el) => el.getBoundingClientRect().top + window.scrollY)
    const before = await pageTop()
    const rps = page.getByLabel("Requests per second (req/s)", { exact: true })
    await rps.fill("abc")
    const notice = page.getByTestId("stale-notice")
    await expect(notice).toHaveText("Some fields need fixing; the results below are for the last valid plan.")
    await expect(notice).toBeVisible()
    // It hangs over the results rather than pushing them down (CLS 0).
    expect(await pageTop()).toBe(before)
    await rps.fill("5000")
    await expect(notice).toBeEmpty()
    await expect(page.getByText("Results are up to date.")).toHaveCount(0)
  })

  test("the recommendation's headline names an option and a total, the runner-up its difference, and Why is folded until opened", async ({
    page,
  }) => {
    await page.goto("/")
    const recommendation = page.getByTestId("recommendation")
    await expect(recommendation.getByTestId("recommendation-headline")).toHaveText(
      /^(Head sampling at [\d.]+ %|100 % head sampling|Collector tail sampling \([^)]+\)): \$[\d,.]+\/mo, keeps /
    )
    // Every error kept (the default goal): tail sampling at $7,162/mo; 100 % head sampling costs
    // $18,418/mo and keeps 432M traces/day against 66.3M (test/plan/text-recommendation.test.ts).
    await expect(recommendation.getByTestId("recommendation-headline")).toHaveText(
      "Collector tail sampling (errors, slow traces and a 10 % baseline): $7,162/mo, keeps every error and slow trace (66.3M traces/day)"
    )
    await expect(recommendation.getByTestId("recommendation-runner-up")).toHaveText(
      "Runner-up: 100 % head sampling: +$11,256/mo, keeps 6.5× the traces"
    )
    await expect(recommendation.getByRole("button", { name: "Use this setting" })).toBeVisible()
    const why = recommendation.getByTestId("recommendation-why")
    await expect(why).not.toHaveAttribute("open")
    await expect(recommendation.getByRole("list", { name: "Why" })).toBeHidden()
    await why.getByText("Why", { exact: true }).click()
    await expect(why).toHaveAttribute("open", "")
    await expect(recommendation.getByRole("list", { name: "Why" })).toBeVisible()
    await expect(recommendation.getByRole("list", { name: "Options compared on the whole bill" })).toBeVisible()
  })

  test("goals and limits open the form, unfolded", async ({ page }) => {
    await page.goto("/")
    const form = page.getByRole("form", { name: "Plan" })
    const goals = page.getByTestId("section-goals")
    await expect(goals).toHaveAttribute("open", "")
    // The form's first section, its first field the budget; the traffic comes after.
    await expect(form.locator("> details, > fieldset").first()).toHaveAttribute("data-testid", "section-goals")
    const budget = await page.getByLabel("Monthly budget (USD/month)").boundingBox()
    const rps = await page.getByLabel("Requests per second (req/s)", { exact: true }).boundingBox()
    expect(budget!.y).toBeLessThan(rps!.y)
    for (const label of [/^Storage cap/, /^Every error must be kept/, /^Minimum traces per minute per endpoint/])
      await expect(goals.getByLabel(label).first()).toBeVisible()
  })

  test("the Collector is sized in one place, and the form, the recommendation and the bill link to it", async ({
    page,
  }) => {
    await page.goto("/?tailSampling=true")
    const sizing = page.getByTestId("collector-sizing")
    await expect(page.getByRole("heading", { name: "Collector sizing" })).toHaveCount(1)
    await expect(sizing.getByTestId("tail-sizing")).toContainText("num_traces")
    await expect(page.getByText(/num_traces [\d.,]+K? per replica/)).toHaveCount(1)
    for (const place of ["tail-summary", "recommendation", "cost-lines"]) {
      const link = page.getByTestId(place).getByRole("link", { name: /Collector (sizing|tier)/ })
      await expect(link.first()).toHaveAttribute("href", "#collector-sizing")
    }
    // Once hydrated, the link scrolls again after the sections it passes have rendered.
    await whenHydrated(page)
    await page.getByTestId("tail-summary").getByRole("link", { name: "Collector sizing" }).click()
    await expect(page.getByRole("heading", { name: "Collector sizing" })).toBeInViewport()
  })
})
