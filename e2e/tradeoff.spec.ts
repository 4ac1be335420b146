import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"

import { DRAW_TIMEOUT_MS, whenTradeoffDrawn } from "./fixtures/charts"
import { whenHydrated } from "./fixtures/sections"

// "Compare rates": one cost/visibility chart, every rate a button (chart, list, table), a slider.
// The default plan: 5,000 req/s at 10 %, 1 % errors; Dapr's sidecar decides at the same rate.

const ratioField = (page: Page) => page.getByLabel("Sampling ratio (0–1)")
const daprField = (page: Page) => page.getByLabel("Dapr sampling rate (0–1)")
const points = (page: Page) => page.getByTestId("tradeoff-points")
// The first change loads the validator and the model on demand; on a loaded machine that can take
// longer than an assertion's 5 s, and the results and the address bar wait for it.
const MODEL_TIMEOUT = { timeout: 20_000 }

test.describe("the cost/visibility trade-off", () => {
  test("is a figure named for the trade-off, its points readable as buttons", async ({ page }) => {
    await page.goto("/")
    const figure = page.getByRole("figure", { name: /Cost\/visibility trade-off/ })
    await expect(figure).toHaveCount(1)
    await figure.scrollIntoViewIfNeeded()
    // Eight rates and Collector tail sampling (the recommended option, which keeps every error).
    await expect(points(page).getByRole("button")).toHaveCount(9)
    await expect(points(page).getByRole("button", { name: /^10 % \(yours\)/ })).toContainText(
      "$2,044/mo · 18K errors kept/h"
    )
    await expect(points(page).getByRole("button", { name: /^tail sampling.*recommended/ })).toBeVisible()
    const drawing = await whenTradeoffDrawn(page)
    await expect(drawing.getByTestId("tradeoff-point")).toHaveCount(9)
    await expect(drawing.locator('[data-testid="tradeoff-point"][data-yours]')).toHaveAttribute("data-key", "rate-0.1")
    await expect(drawing.locator('[data-testid="tradeoff-point"][data-recommended]')).toHaveAttribute(
      "data-key",
      "option-tail"
    )
    // No budget: no budget line.
    await expect(drawing.getByTestId("tradeoff-budget-line")).toHaveCount(0)
  })

  test("clicking the 1 % point sets the head rate to 1 %, and Dapr's with it", async ({ page }) => {
    await page.goto("/")
    await whenHydrated(page)
    const drawing = await whenTradeoffDrawn(page)
    await drawing.locator('[data-testid="tradeoff-point"][data-key="rate-0.01"]').click()
    await expect(ratioField(page)).toHaveValue("0.01")
    await expect(page).toHaveURL(/[?&]ratio=0\.01(&|$)/, MODEL_TIMEOUT)
    // The sidecar starts the traces: its rate moves too, or the head rate would stay at 10 %. It
    // follows the ratio, so the short link leaves it out.
    await expect(daprField(page)).toHaveValue("0.01")
    expect(new URL(page.url()).searchParams.has("daprSamplingRate")).toBe(false)
    await expect(page.getByTestId("stat-traces-value")).toHaveText("4.32M", MODEL_TIMEOUT)
    await expect(drawing.locator('[data-testid="tradeoff-point"][data-yours]')).toHaveAttribute("data-key", "rate-0.01")
  })

  test("pressing Enter on the 1 % setting under the chart sets the head rate to 1 %", async ({ page }) => {
    await page.goto("/")
    await whenHydrated(page)
    const button = points(page).getByRole("button", { name: /^1 % / })
    await button.focus()
    await page.keyboard.press("Enter")
    await expect(ratioField(page)).toHaveValue("0.01")
    await expect(daprField(page)).toHaveValue("0.01")
    await expect(page).toHaveURL(/[?&]ratio=0\.01(&|$)/, MODEL_TIMEOUT)
    await expect(points(page).getByRole("button", { name: /^1 % \(yours\)/ })).toHaveAttribute(
      "aria-current",
      "true",
      MODEL_TIMEOUT
    )
  })

  test("draws the budget as a line when a budget is set, and says so", async ({ page }) => {
    await page.goto("/?budgetUsdPerMonth=2500")
    const drawing = await whenTradeoffDrawn(page)
    await expect(drawing.getByTestId("tradeoff-budget-line")).toHaveCount(1, { timeout: DRAW_TIMEOUT_MS })
    await expect(drawing.getByText("budget $2,500/mo")).toHaveCount(1)
    await expect(page.getByTestId("tradeoff-chart")).toContainText("the dashed line is your $2,500/mo budget")
    // 25 % costs $4,740/mo: over the budget, and said so on its button.
    await expect(points(page).getByRole("button", { name: /^25 % \(over budget\)/ })).toBeVisible()
  })

  test("draws the storage cap where head rates reach it", async ({ page }) => {
    await page.goto("/?storageCapBytes=100000000000")
    const drawing = await whenTradeoffDrawn(page)
    await expect(drawing.getByTestId("tradeoff-cap-line")).toHaveCount(1, { timeout: DRAW_TIMEOUT_MS })
    await expect(page.getByTestId("tradeoff-chart")).toContainText(
      "the dotted line is where head rates reach your 100 GB storage cap"
    )
  })

  test("the slider steps the head rate through the table's rates", async ({ page }) => {
    await page.goto("/")
    await whenHydrated(page)
    const slider = page.getByRole("slider", { name: "Head sampling rate" })
    await expect(slider).toHaveAttribute("aria-valuetext", "10 %")
    await slider.focus()
    // Left is lower: 10 % → 5 %.
    await page.keyboard.press("ArrowLeft")
    await expect(ratioField(page)).toHaveValue("0.05")
    await expect(page).toHaveURL(/[?&]ratio=0\.05(&|$)/, MODEL_TIMEOUT)
    await expect(slider).toHaveAttribute("aria-valuetext", "5 %", MODEL_TIMEOUT)
    await expect(page.getByTestId("rate-slider-value")).toHaveText("5 % · $1,262/mo")
    await slider.fill("7")
    await expect(ratioField(page)).toHaveValue("1")
  })

  test("the table's rate buttons work from the keyboard", async ({ page }) => {
    await page.goto("/")
    await whenHydrated(page)
    const table = page.getByTestId("comparison-table")
    const use = table.getByRole("button", { name: "Use 1 %" })
    await use.focus()
    await page.keyboard.press("Enter")
    await expect(ratioField(page)).toHaveValue("0.01")
    await expect(table.locator('tr[aria-current="true"] th')).toContainText("1 %(yours)", MODEL_TIMEOUT)
    // Space works as well, and the rate just left is a button again.
    await table.getByRole("button", { name: "Use 10 %" }).focus()
    await page.keyboard.press(" ")
    await expect(ratioField(page)).toHaveValue("0.1")
    await expect(table.getByRole("button")).toHaveCount(7)
  })

  test("the visibility section has its table and no charts of its own", async ({ page }) => {
    await page.goto("/")
    const section = page.getByRole("region", { name: "What each rate still shows" })
    await expect(section.getByTestId("visibility-table")).toHaveCount(1)
    await expect(section.locator("svg")).toHaveCount(0)
  })

  for (const width of [1280, 375]) {
    test(`has no axe violations in "Compare rates" at ${width} px, with a budget and a cap drawn`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 })
      await page.goto("/?budgetUsdPerMonth=2500&storageCapBytes=100000000000")
      await whenTradeoffDrawn(page)
      const results = await new AxeBuilder({ page }).include('[aria-labelledby="comparison-heading"]').analyze()
      expect(results.violations.map((violation) => violation.id)).toEqual([])
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      )
      expect(overflow).toBe(0)
    })
  }
})
