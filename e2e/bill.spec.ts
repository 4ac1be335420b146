import { expect, test, type Locator, type Page } from "@playwright/test"

import { openSection } from "./fixtures/sections"

/**
 * A dollar figure as the page writes it ("$15.34", "$3,063", "$1.2M/mo") in dollars. Figures from
 * $100 up are shown to the dollar, so a sum of them is exact to within half a dollar each.
 */
function dollars(text: string): number {
  const match = /\$([\d,.]+)([KMB]?)/.exec(text)
  if (!match) throw new Error(`no dollar figure in "${text}"`)
  const scale = { "": 1, K: 1e3, M: 1e6, B: 1e9 }[match[2] as "" | "K" | "M" | "B"]
  return Number(match[1]!.replaceAll(",", "")) * scale
}

/** The headline's total and its parts, as shown. */
async function headlineBill(page: Page): Promise<{ total: number; parts: Record<string, number> }> {
  const total = dollars(await page.getByTestId("stat-cost-value").innerText())
  const parts: Record<string, number> = {}
  for (const item of await page.getByRole("list", { name: "The total by part" }).getByRole("listitem").all())
    parts[(await item.getAttribute("data-part"))!] = dollars(await item.innerText())
  return { total, parts }
}

/** Checks that the parts shown add up to the total shown, to the rounding of each figure. */
function expectPartsAddUp({ total, parts }: { total: number; parts: Record<string, number> }): void {
  const sum = Object.values(parts).reduce((a, b) => a + b, 0)
  expect(Object.keys(parts).length).toBeGreaterThan(0)
  expect(Math.abs(sum - total)).toBeLessThanOrEqual(0.5 * (Object.keys(parts).length + 1))
}

/** A backend's row and its "what it buys" disclosure, opened. */
async function openRow(page: Page, name: RegExp): Promise<Locator> {
  const row = page.getByTestId("backend-table").getByRole("row", { name })
  await row.scrollIntoViewIfNeeded()
  await row.getByText("what it buys").click()
  return row
}

test.describe("the whole bill", () => {
  test("the results open with the total and its parts, which add up to it", async ({ page }) => {
    await page.goto("/")
    const bill = await headlineBill(page)
    expectPartsAddUp(bill)
    // The default plan on Tempo 3.x (test/plan/build-plan.test.ts has the arithmetic): S3 $15.34 and
    // Kafka's log disk $144.84; its components $695.44; 2 Collector cores × $36.01; traffic between
    // 3 zones $1,116.29. Figures from $100 up are shown to the dollar.
    expect(bill.total).toBe(2044)
    expect(bill.parts).toEqual({
      storageUsd: 160,
      backendComputeUsd: 695,
      collectorComputeUsd: 72.02,
      networkUsd: 1116,
    })
    // The cost breakdown says the same total and a subtotal per part.
    const lines = page.getByTestId("cost-lines")
    await lines.scrollIntoViewIfNeeded()
    await expect(lines.locator('[data-part="storageUsd"] h3')).toHaveText(/Storage\s*\$160/)
    expect(dollars(await lines.getByText("Total", { exact: true }).locator("xpath=..").innerText())).toBe(bill.total)
  })

  test("what the total leaves out is one click from the total", async ({ page }) => {
    await page.goto("/")
    const unpriced = page.getByTestId("stat-cost-unpriced")
    await expect(unpriced.locator("summary")).toHaveText(/^\d+ items? not priced$/)
    await expect(unpriced.getByText(/object-store requests/)).toBeHidden()
    await unpriced.locator("summary").focus()
    await page.keyboard.press("Enter")
    await expect(unpriced.getByText(/Not priced: object-store requests \(PUT, GET, LIST\)/)).toBeVisible()
    // The cost breakdown lists them too, after the lines and the notes.
    await expect(page.getByTestId("cost-unpriced")).toContainText("Not priced: object-store requests")
  })

  test("one zone takes the network part to $0 and lowers the total by it", async ({ page }) => {
    await page.goto("/")
    const before = await headlineBill(page)
    await openSection(page, "Prices", page.getByLabel("Availability zones (zones)"))
    await page.getByLabel("Availability zones (zones)").fill("1")
    await expect(page).toHaveURL(/[?&]zones=1(&|$)/)
    // Tempo is self-hosted: every hop stays in the one zone, so no part of the bill is traffic.
    await expect(page.getByRole("list", { name: "The total by part" }).locator('[data-part="networkUsd"]')).toHaveCount(
      0
    )
    const after = await headlineBill(page)
    expectPartsAddUp(after)
    // Figures from $100 up are shown to the dollar: the drop matches to within the two roundings.
    expect(Math.abs(after.total - (before.total - before.parts.networkUsd!))).toBeLessThanOrEqual(1)
    expect(after.total).toBeLessThan(before.total)
    const network = page.getByTestId("cost-lines").locator('[data-part="networkUsd"]')
    await network.scrollIntoViewIfNeeded()
    await expect(network.locator("h3")).toHaveText(/Network\s*\$0\.00/)
    await expect(network).toContainText("Apps to the Collector: 0 GB crossing zones")
  })

  test("each backend row is the whole bill: a SaaS row says the retention and the allowance it buys, a self-hosted one what it runs", async ({
    page,
  }) => {
    await page.goto("/")
    const datadog = await openRow(page, /Datadog APM/)
    await expect(datadog.getByRole("cell", { name: "15 days, indexed spans only (Datadog's)" })).toBeVisible()
    const details = page.getByTestId("backend-details-datadog")
    await expect(details).toContainText("Keeps traces: 15 days, indexed spans only (Datadog's)")
    // 648 GB/day × 30.4 days = 19.7K GB ingested a month, against 10 hosts × 150 GB included: at
    // 100 % 197K GB, so 1,500 / 196,992 = 0.761 % of requests stay within it.
    await expect(details).toContainText("Uses: 19.7K of 1.5K included GB ingested a month; ≤ 0.761 % stays within it")
    await expect(details).toContainText(/Total: Collector \$72\.02 \+ network \$[\d,]+ \+ vendor \$[\d,]+/)
    await page.getByTestId("backend-details-datadog").locator("summary").click()

    await openRow(page, /Jaeger \+ Cassandra/)
    const cassandra = page.getByTestId("backend-details-jaeger-cassandra")
    await expect(cassandra).toContainText("Keeps traces: 7 days")
    await expect(cassandra).toContainText(/Runs: \d[\d,]* [a-z -]+ × [\d.]+ vCPU \+ [\d.]+ GB/)
    await expect(cassandra).toContainText(/Total: storage \$[\d,.]+ \+ backend compute \$[\d,.]+ \+ Collector \$72\.02/)
  })

  test("the prices fold away under Prices, and each backend's own terms show with it", async ({ page }) => {
    await page.goto("/")
    await expect(page.getByTestId("section-prices")).not.toHaveAttribute("open")
    await expect(page.getByLabel("Tempo version")).toHaveValue("3.x")
    await expect(page.getByLabel("Datadog terms")).toHaveCount(0)
    await page.getByLabel("Backend", { exact: true }).selectOption("datadog")
    await expect(page.getByLabel("Datadog terms")).toHaveValue("annual")
    await expect(page.getByLabel("Tempo version")).toHaveCount(0)
    await page.getByLabel("Backend", { exact: true }).selectOption("new-relic")
    await expect(page.getByLabel("New Relic full platform users (users)")).toHaveValue("1")
    // A link that sets a price opens the section.
    await page.goto("/?egressUsdPerGb=0.05")
    await expect(page.getByTestId("section-prices")).toHaveAttribute("open", "")
    await expect(page.getByLabel("Internet egress price (USD/GB)")).toHaveValue("0.05")
  })
})
