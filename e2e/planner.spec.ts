import { expect, test } from "@playwright/test"

import { watchForProblems } from "./fixtures/problems"

test.describe("the planner page", () => {
  test("renders the default plan on the server, before any script runs", async ({ request }) => {
    const html = await (await request.get("/")).text()
    expect(html).toContain("43.2M") // traces/day at 5,000 rps × 10 %
    expect(html).toContain("Cost per month")
    expect(html).toContain(">$15.34<") // the storage part: 666.8 GB of Tempo blocks on S3 × $0.023
    expect(html).toContain("648 GB") // raw OTLP per day
  })

  test("shows headline numbers with units and the comparison table with the chosen rate highlighted", async ({
    page,
  }) => {
    await page.goto("/")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")
    await expect(page.getByTestId("stat-bytes-value")).toHaveText("648 GB")
    await expect(page.getByTestId("stat-storage-value")).toHaveText("667 GB")
    // The whole bill: its figure follows the backend's sizing (bill.spec.ts checks that its parts add up).
    await expect(page.getByTestId("stat-cost-value")).toHaveText(/^\$[\d,.]+\/mo$/)
    const chosen = page.locator('[data-testid="comparison-table"] tr[aria-current="true"]')
    await expect(chosen).toHaveCount(1)
    await expect(chosen.locator("th")).toContainText("10 %")
    await expect(page.getByTestId("comparison-table").locator("tbody tr")).toHaveCount(8)
  })

  test("follows the form as the user types and keeps the plan in the URL", async ({ page }) => {
    await page.goto("/")
    const rps = page.getByLabel("Requests per second (req/s)", { exact: true })
    await rps.fill("10000")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("86.4M")
    await expect(page.getByTestId("stat-requests-value")).toHaveText("864M")
    // The peak follows the average while the user has not set it apart.
    await expect(page.getByLabel("Peak requests per second (req/s)")).toHaveValue("10000")
    await expect(page).toHaveURL(/[?&]rps=10000(&|$)/)

    await page.getByLabel("Sampling ratio (0–1)").fill("0.01")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("8.64M")
    await expect(page.locator('[data-testid="comparison-table"] tr[aria-current="true"] th')).toContainText("1 %")

    await page.reload()
    await expect(rps).toHaveValue("10000")
    await expect(page.getByLabel("Sampling ratio (0–1)")).toHaveValue("0.01")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("8.64M")
  })

  test("restores every field from a shared link", async ({ page }) => {
    await page.goto(
      "/?rps=2500&peakRps=9000&retentionDays=30&sampler=traceidratio&ratio=0.25&spansPerTrace=12&spanBytes=650&backend=datadog&apmHosts=4" +
        "&serviceName=orders&namespace=shop&environment=staging&language=java&otlpEndpoint=https://otel.example.com:4318&protocol=http/protobuf" +
        "&daprEnabled=true&daprSamplingRate=0.5&replicas=5&image=ghcr.io/acme/orders:2.1&containerPort=8080" +
        "&excludeHealthChecks=false&excludedUrls=healthz&probesPerReplica=2&probeIntervalSeconds=5&growthPercentPerMonth=4&horizonMonths=24"
    )
    const fields: [string, string][] = [
      ["serviceName", "orders"],
      ["namespace", "shop"],
      ["environment", "staging"],
      ["language", "java"],
      ["otlpEndpoint", "https://otel.example.com:4318"],
      ["protocol", "http/protobuf"],
      ["daprSamplingRate", "0.5"],
      ["replicas", "5"],
      ["image", "ghcr.io/acme/orders:2.1"],
      ["containerPort", "8080"],
      ["excludedUrls", "healthz"],
      ["probesPerReplica", "2"],
      ["probeIntervalSeconds", "5"],
      ["growthPercentPerMonth", "4"],
      ["horizonMonths", "24"],
    ]
    for (const [field, value] of fields) await expect(page.locator(`#field-${field}`)).toHaveValue(value)
    await expect(page.locator("#field-daprEnabled")).toBeChecked()
    await expect(page.locator("#field-excludeHealthChecks")).not.toBeChecked()
    await expect(page.getByLabel("Requests per second (req/s)", { exact: true })).toHaveValue("2500")
    await expect(page.getByLabel("Peak requests per second (req/s)")).toHaveValue("9000")
    await expect(page.getByLabel("Retention (days)")).toHaveValue("30")
    await expect(page.getByLabel("Sampler", { exact: true })).toHaveValue("traceidratio")
    await expect(page.getByLabel("Sampling ratio (0–1)")).toHaveValue("0.25")
    await expect(page.getByLabel("Spans per trace (spans)")).toHaveValue("12")
    await expect(page.getByLabel("Bytes per span (bytes)")).toHaveValue("650")
    await expect(page.getByLabel("Backend", { exact: true })).toHaveValue("datadog")
    await expect(page.getByLabel("Datadog APM hosts (hosts)")).toHaveValue("4")
    // 2,500 × 0.25 × 86,400 = 54 M traces/day
    await expect(page.getByTestId("stat-traces-value")).toHaveText("54M")
  })

  test("on a phone, a line at the bottom of the screen follows the form with the key figures and leads to the results", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 412, height: 823 })
    await page.goto("/")
    const summary = page.getByTestId("phone-summary")
    await expect(summary).toBeInViewport()
    await page.getByLabel("Requests per second (req/s)", { exact: true }).fill("10000")
    // 10,000 req/s × 86,400 s × 10 % = 86.4M traces/day
    await expect(summary).toContainText("86.4M traces/day")
    const box = (await summary.boundingBox())!
    expect(box.y + box.height).toBeCloseTo(823, 0)
    await summary.getByRole("link", { name: "All results ↓" }).click()
    await expect(page.getByTestId("stat-traces-value")).toBeInViewport()
    await expect(summary).not.toBeInViewport()
  })

  test("wide screens show the results beside the form, without the phone's summary line", async ({ page }) => {
    await page.goto("/")
    await expect(page.getByTestId("stat-traces-value")).toBeVisible()
    await expect(page.getByTestId("phone-summary")).toBeHidden()
  })

  for (const width of [390, 1280]) {
    test(`fields side by side line up at ${width} px, whatever the length of their hints`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 })
      await page.goto("/")
      // Their hints differ in length, so their cells differ in height: the inputs still share their top and height.
      const growth = await page.locator("#field-growthPercentPerMonth").boundingBox()
      const horizon = await page.locator("#field-horizonMonths").boundingBox()
      expect({ y: horizon!.y, height: horizon!.height }).toEqual({ y: growth!.y, height: growth!.height })
    })
  }

  test("a SaaS backend's storage card says how long the vendor keeps traces at its price", async ({ page }) => {
    await page.goto("/?backend=honeycomb")
    await expect(page.getByTestId("stat-storage")).toContainText(
      "raw OTLP over 7 days; Honeycomb keeps 60 days at its price"
    )
  })

  test("a shared link that sets a health-check field opens that section; the default plan keeps it folded and the goals open", async ({
    page,
  }) => {
    await page.goto("/?budgetUsdPerMonth=20&probesPerReplica=2")
    await expect(page.getByTestId("section-goals")).toHaveAttribute("open", "")
    await expect(page.getByLabel("Monthly budget (USD/month)")).toHaveValue("20")
    await expect(page.getByTestId("section-health")).toHaveAttribute("open", "")
    await expect(page.getByTestId("section-service")).not.toHaveAttribute("open")
    await page.goto("/")
    // The goals and limits drive the recommendation: they open the form, unfolded, on every plan.
    await expect(page.getByTestId("section-goals")).toHaveAttribute("open", "")
    await expect(page.getByTestId("section-health")).not.toHaveAttribute("open")
  })

  test("on Tempo, the cost breakdown names the replicas the bill prices and links their source; other backends have none", async ({
    page,
  }) => {
    await page.goto("/?peakRps=40000")
    const sizing = page.getByTestId("tempo-sizing")
    // 40,000 req/s × 10 % × 30 spans × 500 B = 60 MB/s at peak
    await expect(sizing).toContainText(
      "At 60 MB/s of raw OTLP, Tempo 3.x: 6 distributors, 12 live-stores, 6 block-builders, 40 queriers, 2 query-frontends, 1 backend-scheduler, 15 backend-workers."
    )
    await expect(sizing).toContainText(
      "Each distributor admits 30 MB/s per tenant by default (rate_limit_bytes), which these 6 distributors stay under."
    )
    await sizing.getByRole("link", { name: "Source: Grafana Tempo docs, Size the cluster (3.x)" }).click()
    await expect(page).toHaveURL(/#source-tempoSizing3$/)
    await page.goto("/?backend=clickhouse")
    await expect(page.getByTestId("stat-cost-value")).toBeVisible()
    await expect(page.getByTestId("tempo-sizing")).toHaveCount(0)
  })

  test("with tail sampling at a million req/s, counts of replicas are written out and nouns agree with them", async ({
    page,
  }) => {
    // On Honeycomb, which bills what it ingests, the recommendation keeps tail sampling and sizes it too.
    await page.goto("/?rps=1000000&ratio=1&daprSamplingRate=1&tailSampling=true&backend=honeycomb")
    // 1,000,000 req/s × 30 spans = 30M spans/s at 8K per core: 3,750 sampling replicas.
    await expect(page.getByTestId("tail-sizing")).toContainText("3,750 replicas at 8K spans/s per core")
    await expect(page.getByTestId("recommendation")).toContainText("3,750 tail-sampling replicas")
    const text = await page.locator("body").innerText()
    // "replica(s)" hedges a count the page knows; "Decision wait (s)" is a unit, seconds.
    expect(text.match(/[a-z]\(s\)|NaN|Infinity|undefined|\de\+/g)).toBeNull()
  })

  test("shows a message beside an invalid field and keeps the last good results", async ({ page }) => {
    await page.goto("/")
    const rps = page.getByLabel("Requests per second (req/s)", { exact: true })
    await rps.fill("5,000 rps")
    await expect(rps).toHaveAttribute("aria-invalid", "true")
    await expect(page.locator("#field-rps-error")).toHaveText(
      "Requests per second must be a number, e.g. 5000 (5,000, 5k and 1.2M work too)."
    )
    // The peak mirrors the typo; its message is the same one, so it is shown once, beside requests/s.
    await expect(page.getByLabel("Peak requests per second (req/s)")).toHaveValue("5,000 rps")
    await expect(page.locator("#field-peakRps-error")).toHaveCount(0)
    await expect(page.getByTestId("stale-notice")).toContainText("last valid plan")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")
    await expect(page.locator("body")).not.toContainText("NaN")

    // What was typed survives a reload, with the same message; the plan now uses the field's default, and says so.
    await page.reload()
    await expect(rps).toHaveValue("5,000 rps")
    await expect(page.locator("#field-rps-error")).toBeVisible()
    await expect(page.locator("#field-peakRps-error")).toHaveCount(0)
    await expect(page.getByTestId("stale-notice")).toHaveText(
      "Some fields need fixing; until they are, the results below use the default for Requests per second."
    )
    // Another field edited while that one is still wrong: the results stay on the plan the page opened with, and say so.
    await page.getByLabel("Retention (days)").fill("30")
    await expect(page.getByTestId("stale-notice")).toHaveText(
      "Some fields need fixing; until they are, the results below are for the plan the page opened with, using the default for Requests per second."
    )
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")

    await rps.fill("20000")
    await expect(page.locator("#field-rps-error")).toHaveCount(0)
    await expect(page.getByTestId("stat-traces-value")).toHaveText("173M")
  })

  test("keeps what was typed and says so when the recalculating code cannot load, then recovers", async ({ page }) => {
    await page.goto("/")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")
    // The page has loaded; from now on every script request fails, as it would offline.
    await page.route("**/_next/static/chunks/**", (route) => route.abort("internetdisconnected"))
    const rps = page.getByLabel("Requests per second (req/s)", { exact: true })
    await rps.fill("10000")
    await expect(page.getByTestId("stale-notice")).toContainText("could not load the code that recalculates")
    await expect(rps).toHaveValue("10000")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("43.2M")

    await page.unroute("**/_next/static/chunks/**")
    await rps.fill("20000")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("173M")
    // Up to date again: the notice says nothing (it only speaks while the results are stale).
    await expect(page.getByTestId("stale-notice")).toBeEmpty()
    await expect(page.getByText("Results are up to date.")).toHaveCount(0)
  })

  test("explains a ratio given as a percentage", async ({ page }) => {
    await page.goto("/")
    await page.getByLabel("Sampling ratio (0–1)").fill("10")
    await expect(page.locator("#field-ratio-error")).toHaveText(
      "Sampling ratio is a fraction between 0 and 1: for 10 %, type 0.1."
    )
  })

  test("names a link's key that looks like a misspelled field instead of ignoring it silently, but not tracking parameters", async ({
    page,
  }) => {
    await page.goto("/?retention=30&utm_source=slack")
    await expect(page.getByTestId("ignored-keys")).toHaveText(
      "The link's retention= is not a field and was ignored: did you mean retentionDays? The plan below uses retentionDays=7."
    )
    await page.goto("/?retentionDays=30&utm_source=slack")
    await expect(page.getByTestId("stat-storage")).toContainText("30-day retention")
    await expect(page.getByTestId("ignored-keys")).toHaveCount(0)
  })

  test("keeps a broken shared link's text, shows why, and plans with the rest", async ({ page }) => {
    await page.goto("/?rps=fast&retentionDays=30")
    await expect(page.getByLabel("Requests per second (req/s)", { exact: true })).toHaveValue("fast")
    await expect(page.locator("#field-rps-error")).toContainText("must be a number")
    await expect(page.getByTestId("stat-storage")).toContainText("30-day retention")
  })

  test("switching the sampler to X-Ray uses its reservoir rule when no Dapr sidecar decides first", async ({
    page,
  }) => {
    // Java (with the AWS X-Ray sampler provider) runs it; Python's SDK cannot and keeps every trace.
    await page.goto("/?daprEnabled=false&language=java")
    await page.getByLabel("Sampler", { exact: true }).selectOption("xray")
    // (1 + 4,999 × 5 %) × 86,400 = 21.7 M traces/day
    await expect(page.getByTestId("stat-traces-value")).toHaveText("21.7M")
    await expect(page.getByTestId("ratio-unused")).toBeVisible()
    await expect(page.locator('[data-testid="comparison-table"] tr[aria-current="true"] th')).toContainText("xray")
    await page.goto("/?daprEnabled=false&language=python&sampler=xray")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("432M")
    await expect(page.locator('[data-warning="sampler-unsupported"]')).toContainText(
      "the figures use what the SDK runs, parentbased_always_on"
    )
  })

  test("a link with a NUL character in a choice shows the field's message and hydrates without a mismatch", async ({
    page,
  }) => {
    const problems = await watchForProblems(page)
    await page.goto("/?sampler=%00&backend=%00")
    await expect(page.locator("#field-sampler-error")).toContainText("Unknown sampler")
    await page.getByLabel("Requests per second (req/s)", { exact: true }).fill("10000")
    await expect(page.getByTestId("stale-notice")).toContainText("Some fields need fixing")
    expect(problems).toEqual([])
  })

  test("every default links to its source and date", async ({ page }) => {
    await page.goto("/")
    await page.getByRole("button", { name: "Source for Bytes per span" }).click()
    const popover = page.locator("#field-spanBytes-source")
    await expect(popover).toContainText("Default 500 bytes")
    await popover.getByRole("link", { name: "All sources" }).click()
    await expect(page).toHaveURL(/#source-spanBytes$/)
    await expect(page.locator("#source-spanBytes")).toContainText("2026 (Tempo 3.0 docs)")
  })

  test("writes each default as a person reads it: grouped numbers, units in agreement, tick boxes in words", async ({
    page,
  }) => {
    await page.goto("/")
    // Each field's source popover opens with its default (closed popovers keep their text in the page).
    await expect(page.locator("#field-rps-source")).toContainText("Default 5,000 req/s")
    await expect(page.locator("#field-slowThresholdMs-source")).toContainText("Default 1,000 ms")
    await expect(page.locator("#field-minTracesPerMinutePerEndpoint-source")).toContainText("Default 1 trace/min")
    await expect(page.locator("#field-containerPort-source")).toContainText("Default port 8000")
    const defaults = (await page.locator("[id$='-source'] > p:first-child").allTextContents()).flatMap(
      (text) => text.match(/Default .*/g) ?? []
    )
    expect(defaults.length).toBeGreaterThan(30)
    for (const text of defaults) expect(text).not.toMatch(/^Default (-?\d{4}|true|false|1 [a-z]{2,}s\b)/)
  })
})
