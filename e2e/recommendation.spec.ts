import { expect, test } from "@playwright/test"

import { openSection } from "./fixtures/sections"

test.describe("recommendation, visibility and setup warnings", () => {
  test("recommends a rate within the budget with reasons, and applying it bills exactly what it quoted", async ({
    page,
  }) => {
    await page.goto("/?budgetUsdPerMonth=3000&keepAllErrors=false&ratio=0.5&daprSamplingRate=0.5")
    const recommendation = page.getByRole("region", { name: "Recommended for production" })
    await expect(recommendation.getByTestId("recommendation-setting")).toHaveText("parentbased_traceidratio at 10 %")
    // 10 %: the default plan's whole bill, $2,043.92 (test/plan/build-plan.test.ts); 25 % would be $4,740.
    await expect(page.getByTestId("recommendation-headline")).toHaveText(
      "Head sampling at 10 %: $2,044/mo, keeps 43.2M traces/day"
    )
    await expect(page.getByTestId("recommendation-total")).toHaveText("$2,044/mo")
    await expect(page.getByTestId("recommendation-reasons")).toContainText(
      "That is the highest clean rate within the $3,000/mo budget."
    )
    await expect(page.getByTestId("recommendation-runner-up")).toHaveText(
      // 100 % keeps all 180K errors/hour, 10 % keeps 18K of them.
      "Runner-up: 100 % head sampling: +$16,374/mo, keeps 10× the errors, beyond the $3,000/mo budget"
    )
    await page.getByTestId("apply-recommendation").click()
    await expect(page.getByLabel("Sampling ratio (0–1)")).toHaveValue("0.1")
    await expect(page.getByLabel("Dapr sampling rate (0–1)")).toHaveValue("0.1")
    // The price it quoted is the plan's whole bill once applied.
    await expect(page.getByTestId("stat-cost-value")).toHaveText("$2,044/mo")
    await expect(page.getByTestId("apply-recommendation")).toHaveCount(0)
    await expect(page.getByTestId("recommendation-in-use")).toHaveText("Your plan already uses this setting.")
  })

  test("recommends tail sampling to keep every error where it is the cheapest way, and applying it shows the Collector sizing", async ({
    page,
  }) => {
    // Honeycomb bills what it ingests: errors + slow + a 10 % baseline cost far less than 100 %.
    await page.goto("/?backend=honeycomb")
    await expect(page.getByTestId("recommendation-setting")).toContainText("Collector tail sampling")
    await expect(page.getByTestId("recommendation-runner-up")).toContainText("Runner-up: 100 % head sampling: +$")
    // The options compared are part of Why, folded under the decision.
    await openSection(page, "Why", page.getByRole("list", { name: "Options compared on the whole bill" }))
    await expect(page.getByRole("list", { name: "Options compared on the whole bill" }).locator("li")).toHaveCount(3)
    // Its $ figure is the whole bill: the 34 Collector cores are in it.
    await expect(page.getByTestId("recommendation")).toContainText(
      "Their compute, 34 cores at $36.01, is $1,224/mo of the bill"
    )
    await openSection(page, "Prices", page.locator("#field-collectorUsdPerCoreMonth"))
    await page.locator("#field-collectorUsdPerCoreMonth").fill("30")
    await expect(page.getByTestId("recommendation")).toContainText(
      "Their compute, 34 cores at $30.00, is $1,020/mo of the bill"
    )
    await page.locator("#field-collectorUsdPerCoreMonth").fill("0")
    const quoted = await page.getByTestId("recommendation-total").innerText()
    await page.getByTestId("apply-recommendation").click()
    await expect(page.getByLabel("Tail sampling in the Collector")).toBeChecked()
    await expect(page.getByTestId("recommendation-in-use")).toBeVisible()
    await expect(page.getByTestId("stat-cost-value")).toHaveText(quoted)
    // Why this option first, then why tail sampling; head sampling alone follows, for comparison.
    await expect(page.getByTestId("recommendation-reasons").locator("li").first()).toContainText(
      "the cheapest option that keeps every error"
    )
    await expect(page.getByTestId("recommendation-reasons").locator("li").nth(1)).toContainText(
      "Collector tail sampling with an error policy keeps all of them"
    )
    await expect(page.getByTestId("comparison-table").locator("caption")).toContainText(
      "Collector tail sampling then keeps errors, slow traces and a 10 % baseline of what each rate sends."
    )
    // Each of the 19 replicas holds 150,000 / 19 traces in flight: twice that is under the 50,000 default.
    await expect(page.getByTestId("tail-sizing")).toContainText("num_traces 50K per replica")
    // The apps already send to the Collector (the default), so nothing bypasses it.
    await expect(page.getByLabel("OTLP endpoint")).toHaveValue(
      "http://otel-collector.observability.svc.cluster.local:4317"
    )
    await expect(page.locator('[data-warning="tail-bypassed"]')).toHaveCount(0)
    await page.getByRole("tab", { name: "OpenTelemetry Collector" }).click()
    await expect(page.getByTestId("config-content")).toContainText("tail_sampling")
    await expect(page.getByTestId("config-content")).toContainText("loadbalancing")
  })

  test("with a $50 budget at the default plan, recommends no tail sampling and says the cheapest plan's total", async ({
    page,
  }) => {
    await page.goto("/?budgetUsdPerMonth=50")
    // Nothing fits: Tempo 3.x's fewest replicas alone cost $480.86, so the cheapest plan is the lowest
    // head rate, $518/mo (test/plan/recommend.test.ts has its arithmetic).
    await expect(page.getByTestId("recommendation-setting")).toHaveText("parentbased_traceidratio at 0.01 %")
    await expect(page.getByTestId("recommendation-total")).toHaveText("$518/mo")
    await expect(page.getByTestId("recommendation-warnings")).toContainText(
      "Nothing fits the $50.00/mo budget: the cheapest plan, head sampling at 0.01 %, costs $518/mo."
    )
    await expect(page.getByLabel("Tail sampling in the Collector")).not.toBeChecked()
    await page.getByTestId("apply-recommendation").click()
    await expect(page.getByLabel("Tail sampling in the Collector")).not.toBeChecked()
    await expect(page.getByTestId("stat-cost-value")).toHaveText("$518/mo")
  })

  test("a free budget stays within the backend's free tier, and an empty budget means none", async ({ page }) => {
    await page.goto("/?backend=honeycomb&rps=5&budgetUsdPerMonth=0")
    await expect(page.getByLabel("Monthly budget (USD/month)")).toHaveValue("0")
    await expect(page.getByTestId("recommendation-setting")).toHaveText("parentbased_traceidratio at 5 %")
    await expect(page.getByTestId("recommendation-reasons")).toContainText(
      "Within Honeycomb's free tier (19.7M of its 20M events a month): Honeycomb's part of the bill is $0"
    )
    await page.getByLabel("Monthly budget (USD/month)").fill("")
    await expect(page).not.toHaveURL(/budgetUsdPerMonth/)
    await expect(page.getByTestId("recommendation-reasons")).toContainText("No budget or storage cap is set")
  })

  test("shows what each rate still lets you see, with the formulas explained", async ({ page }) => {
    await page.goto("/?endpoints=GET%20/tasks:0.9~POST%20/admin/reindex:0.00001")
    const chosen = page.locator('[data-testid="visibility-table"] tr[aria-current="true"]')
    await expect(chosen).toContainText("18K of 180K")
    await expect(page.getByTestId("endpoint-table")).toContainText("POST /admin/reindex")
    await expect(page.getByTestId("visibility-formulas")).toContainText("1 − (1 − p)^100")
    // Errors kept per hour is drawn once, on the cost/visibility trade-off, against each rate's bill.
    await expect(page.getByTestId("tradeoff-points").getByRole("button", { name: /^10 % \(yours\)/ })).toContainText(
      "18K errors kept/h"
    )
  })

  test("warns about a setup that fragments traces, with the fix", async ({ page }) => {
    await page.goto("/")
    await expect(page.getByTestId("lint-warnings")).toHaveCount(0)
    // Apps that send to Jaeger while the figures price Tempo: said, and gone once the two agree.
    await page.goto("/?otlpEndpoint=http://jaeger-collector.monitoring.svc.cluster.local:4317")
    await expect(page.locator('[data-warning="endpoint-other-backend"]')).toContainText(
      "looks like Jaeger's collector, while the figures price Grafana Tempo on S3"
    )
    await page.getByLabel("Backend", { exact: true }).selectOption("jaeger-elasticsearch")
    await expect(page.getByTestId("lint-warnings")).toHaveCount(0)
    await page.getByLabel("Sampler", { exact: true }).selectOption("traceidratio")
    await expect(page.locator('[data-warning="fragmented-traces"]')).toContainText(
      "Use parentbased_traceidratio in every service"
    )
    await page.getByLabel("Dapr sampling rate (0–1)").fill("0")
    await expect(page.locator('[data-warning="dapr-disables-tracing"]')).toBeVisible()
  })

  test("requests that bypass the Dapr sidecar are sampled at the app's rate, and the Dapr rate left over is pointed out", async ({
    page,
  }) => {
    await page.goto("/?ratio=0.5&daprSamplingRate=0.1")
    // Through the sidecar, Dapr's 10 % starts the traces: 5,000 req/s × 86,400 s × 10 %
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")
    await expect(page.locator('[data-warning="rates-do-not-multiply"]')).toBeVisible()
    await expect(page.getByTestId("ratio-not-in-force")).toContainText("sampled at Dapr's rate below")
    await page.getByLabel("Who calls this service").selectOption("app")
    await expect(page.getByTestId("ratio-not-in-force")).toHaveCount(0)
    // Straight to the app: its 50 % decides
    await expect(page.getByTestId("stat-traces-value")).toHaveText("216M")
    await expect(page.locator('[data-warning="dapr-rate-unused"]')).toContainText(
      "the app's parentbased_traceidratio (50 %) starts the traces"
    )
    await expect(page.getByTestId("assumptions")).toContainText(
      "Requests reach the app's port without passing its Dapr sidecar"
    )
    await expect(page).toHaveURL(/entryPoint=app/)
    await page.reload()
    await expect(page.getByLabel("Who calls this service")).toHaveValue("app")
  })
})
