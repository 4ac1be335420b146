import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"

import { chartSurface } from "./fixtures/charts"

// A small service on Honeycomb: 10 req/s of 10 spans. At 100 % a month (30.4 days) is
// 10 × 86,400 × 30.4 × 10 = 262.656 M events; Honeycomb's Free plan is 20 M events a month
// (Honeycomb pricing FAQ), so 20 / 262.656 = 7.61 % of requests stay free.
const SMALL_HONEYCOMB = "backend=honeycomb&rps=10&spansPerTrace=10"

/**
 * Scrolls to the storage chart until it is drawn and in view: sections above lay out as they come
 * near (content-visibility), which can move the chart away after it was scrolled to.
 */
async function drawStorageChart(page: Page): Promise<void> {
  const chart = page.getByTestId("storage-chart")
  await expect(async () => {
    await chart.scrollIntoViewIfNeeded()
    await expect(chartSurface(chart)).toBeVisible({ timeout: 1000 })
  }).toPass()
}

test.describe("SaaS allowance and growth", () => {
  // Charts draw once they come near the viewport, after their code loads: slow on a loaded machine.
  test.describe.configure({ timeout: 90_000 })

  test("with Honeycomb chosen, the page shows the allowance's use and the break-even rate", async ({ page }) => {
    await page.goto(`/?${SMALL_HONEYCOMB}`)
    // The default 10 % keeps 26.3 M events a month.
    const allowance = page.getByTestId("saas-allowance")
    await allowance.scrollIntoViewIfNeeded()
    await expect(allowance).toContainText(
      "Honeycomb at this rate: 26.3M of 20M free events a month; ≤ 7.61 % stays free."
    )
    await expect(allowance).toContainText('A "free only" budget (0) allows head sampling up to 7.61 % on Honeycomb.')
    // The table's row says it too, and a self-hosted row has no allowance.
    await expect(page.getByTestId("backend-allowance-honeycomb")).toHaveText(
      "26.3M of 20M free events a month; ≤ 7.61 % stays free"
    )
    await expect(page.getByTestId("backend-allowance-tempo")).toHaveText("none (self-hosted)")
  })

  test("with a free-only budget, the page says what rate fits it", async ({ page }) => {
    await page.goto(`/?${SMALL_HONEYCOMB}&budgetUsdPerMonth=0`)
    const allowance = page.getByTestId("saas-allowance")
    await allowance.scrollIntoViewIfNeeded()
    await expect(allowance).toContainText(
      "Your budget is free only: it allows head sampling up to 7.61 % on Honeycomb."
    )
  })

  test("with growth and a budget, the month the budget and the free allowance are crossed shows", async ({ page }) => {
    // 5 % keeps 13.13 M events a month; at 10 % growth a month that passes 20 M after 4.41 months
    // (1.1^x = 20 / 13.13), so in month 5 (days 122–152), when Honeycomb's $130 Pro plan starts.
    await page.goto(
      `/?${SMALL_HONEYCOMB}&ratio=0.05&daprSamplingRate=0.05&growthPercentPerMonth=10&budgetUsdPerMonth=100`
    )
    const crossings = page.getByTestId("growth-crossings")
    await crossings.scrollIntoViewIfNeeded()
    await expect(crossings).toContainText(/Budget crossed in month 5: \$1\d\d\/mo against the \$100\/mo budget\./)
    await expect(crossings).toContainText("Honeycomb's 20M free events a month run out in month 5")
    const table = page.getByTestId("growth-table")
    await expect(table.locator("tbody tr")).toHaveCount(12)
    await expect(table.getByRole("rowheader", { name: /month 5/ })).toContainText("budget crossed")
    await expect(table.getByRole("rowheader", { name: /month 5/ })).toContainText("allowance used up")
    await expect(table.getByRole("rowheader", { name: /month 4/ })).not.toContainText("crossed")
    // Storage changes with the traffic: the chart is drawn.
    await drawStorageChart(page)
  })

  test("with no growth and a short retention storage is one line, not a chart; a long retention draws it", async ({
    page,
  }) => {
    await page.goto("/")
    const summary = page.getByTestId("growth-summary")
    await summary.scrollIntoViewIfNeeded()
    // 648 GB a day × 0.14 × 1.05 × 7 days = 666.792 GB on Tempo.
    await expect(summary).toHaveText(
      "Storage on Grafana Tempo on S3 is flat at 667 GB: it fills in the first 7 days, then old traces are deleted as fast as new ones arrive for the rest of the 12-month horizon."
    )
    await expect(page.getByTestId("storage-chart")).toHaveCount(0)
    await expect(page.getByTestId("growth-table")).toHaveCount(0)
    await expect(page.getByTestId("growth-flat")).toContainText("over the whole 12-month horizon")

    // 90 days fill over a quarter of the 364-day horizon: worth drawing.
    await page.goto("/?retentionDays=90")
    await drawStorageChart(page)
  })

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the growth and backend sections have no axe violations in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      await page.goto(
        `/?${SMALL_HONEYCOMB}&ratio=0.05&daprSamplingRate=0.05&growthPercentPerMonth=10&budgetUsdPerMonth=100`
      )
      await drawStorageChart(page)
      await page.getByTestId("saas-allowance").scrollIntoViewIfNeeded()
      const results = await new AxeBuilder({ page })
        .include("section[aria-labelledby='storage-heading']")
        .include("section[aria-labelledby='growth-heading']")
        .include("section[aria-labelledby='backends-heading']")
        .analyze()
      expect(results.violations.map((violation) => violation.id)).toEqual([])
    })
  }
})
