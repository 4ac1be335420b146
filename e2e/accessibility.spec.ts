import AxeBuilder from "@axe-core/playwright"
import { expect, test, type Page } from "@playwright/test"

import { chartSurface } from "./fixtures/charts"
import { otlpExport } from "./fixtures/otlp-export"
import { openSection, whenHydrated } from "./fixtures/sections"

/** The body's background in each theme, read back to be sure the theme asked for is the one scanned. */
const BODY_BACKGROUND = { light: "rgb(255, 255, 255)", dark: "lab(1.76974 1.32743 -9.28855)" } as const

type ColorScheme = keyof typeof BODY_BACKGROUND

/** Switches the page to a theme (prefers-color-scheme) and checks that its styles follow. */
async function switchTheme(page: Page, colorScheme: ColorScheme): Promise<void> {
  await page.emulateMedia({ colorScheme })
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BODY_BACKGROUND[colorScheme])
}

/**
 * Runs axe with the rules of the default-page test in dashboard.spec.ts (axe's defaults) and
 * returns the violations as "where: rule: first targets". `include` narrows the scan to the part
 * of the page that a state changes. Legacy mode runs the same rules with axe.run in the page
 * rather than finishing each run in a new blank page, which halves the time of a scan here; the
 * page has no frames, which is all that mode gives up.
 */
async function violations(page: Page, where: string, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode()
  const results = await (include ? builder.include(include) : builder).analyze()
  return results.violations.map(
    (violation) =>
      `${where}: ${violation.id}: ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 3)
        .join(", ")}`
  )
}

/** The violations in the light and then the dark theme, each prefixed with its theme. */
async function violationsInBothThemes(page: Page, include?: string): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ["light", "dark"] as const) {
    await switchTheme(page, colorScheme)
    found.push(...(await violations(page, colorScheme, include)))
  }
  return found
}

/**
 * Brings every section the browser skips until it is near (content-visibility: auto) into view
 * once, as the default-page axe test does with the charts: never laid out, a sideways-scrolling
 * table's box measures 0 px high, which axe reads as a scroll box without a Tab stop.
 */
async function drawEverySection(page: Page): Promise<void> {
  for (const section of await page.locator(".render-when-near").all()) await section.scrollIntoViewIfNeeded()
  // The last chart draws once near the viewport; sections laid out above it can move it away again.
  const backends = page.getByTestId("backend-chart")
  await expect(async () => {
    await backends.scrollIntoViewIfNeeded()
    await expect(chartSurface(backends)).toBeVisible({ timeout: 1000 })
  }).toPass()
}

/** The config tabs in order: id, title, and the file name its panel shows for the default plan. */
const CONFIG_TABS = [
  ["dotenv", "Environment file", "otel.env"],
  ["shell", "Shell exports", "otel-env.sh"],
  ["k8s", "Kubernetes Deployment", "deployment.yaml"],
  ["compose", "Docker Compose service", "docker-compose.yaml"],
  ["instrumentation", "OpenTelemetry Operator Instrumentation", "instrumentation.yaml"],
  ["dapr", "Dapr Configuration", "dapr-config.yaml"],
  ["collector", "OpenTelemetry Collector", "otel-collector-config.yaml"],
  ["collectorKubernetes", "Collector on Kubernetes", "otel-collector-k8s.yaml"],
  ["collectorOperator", "Collector via the Operator", "otel-collector-operator.yaml"],
  ["jaegerStrategies", "Jaeger sampling strategies", "sampling-strategies.json"],
  ["retention", "Retention", "tempo-retention.yaml"],
  ["declarative", "OpenTelemetry declarative configuration", "otel-config.yaml"],
] as const

/** The storage chart's area fill: the path in our `storage-area` group that is filled (its outline is not). */
const AREA_FILL = '[data-testid="storage-area"] path:not([fill="none"])'

/** What the storage chart's area drew, frame by frame, around one change of the retention field. */
interface AreaFrames {
  /** The area's path before the change. */
  before: string
  /** Each different path seen after the change, in order, until it held still for 30 frames. */
  after: string[]
}

/**
 * Types `retentionDays` into the form and records the storage chart's area path in every
 * animation frame until it has not moved for 30 frames (or 4 s have passed). The change and the
 * first frame are in one task, so no frame of the transition is missed.
 */
async function areaFramesAfterRetention(page: Page, retentionDays: string): Promise<AreaFrames> {
  return page.evaluate(
    ({ value, fill }) =>
      new Promise<AreaFrames>((resolve) => {
        const path = () => document.querySelector(`[data-testid="storage-chart"] ${fill}`)?.getAttribute("d") ?? ""
        const before = path()
        const input = document.querySelector<HTMLInputElement>("#field-retentionDays")!
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value)
        input.dispatchEvent(new Event("input", { bubbles: true }))
        const after: string[] = []
        const start = performance.now()
        let still = 0
        const frame = () => {
          const d = path()
          if (d !== (after.at(-1) ?? before)) {
            after.push(d)
            still = 0
          } else if (after.length > 0) {
            still++
          }
          if (still >= 30 || performance.now() - start > 4000) resolve({ before, after })
          else requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }),
    { value: retentionDays, fill: AREA_FILL }
  )
}

/** Opens the page with the storage chart drawn, in view, and its first animation (if any) finished. */
async function openWithStorageChart(page: Page): Promise<void> {
  // Growing traffic: storage changes over time whatever the retention, so the chart stays drawn.
  await page.goto("/?growthPercentPerMonth=5")
  await whenHydrated(page)
  const chart = page.getByTestId("storage-chart")
  const area = chart.locator(AREA_FILL)
  // Sections above are laid out as they come near, which can move the chart away after it was
  // scrolled to (and off screen it does not redraw): scroll again until it is drawn, in view,
  // and has held still for 300 ms.
  await expect(async () => {
    await chart.scrollIntoViewIfNeeded()
    await expect(area).toHaveAttribute("d", /^M/, { timeout: 1000 })
    const first = await area.getAttribute("d")
    await page.waitForTimeout(300)
    expect(await area.getAttribute("d")).toBe(first)
    await expect(chart).toBeInViewport({ timeout: 100 })
  }).toPass()
}

test.describe("accessibility", () => {
  test("a link that exports to a foreign host says so first, as an alert, axe clean in both themes", async ({
    page,
  }) => {
    await page.goto(`/?otlpEndpoint=${encodeURIComponent("https://x.example:4317")}`)
    const alert = page.getByRole("alert").filter({ hasText: "exports your traces to" })
    await expect(alert).toHaveText(
      "This link exports your traces to https://x.example:4317. Is that endpoint yours? Traces carry user ids and request data: check it before you copy a config."
    )
    // Above the form: read before anything can be copied.
    const alertTop = (await alert.boundingBox())!.y
    expect(alertTop).toBeLessThan((await page.getByRole("form", { name: "Plan" }).boundingBox())!.y)
    expect(await violationsInBothThemes(page, "[data-testid='foreign-endpoint']")).toEqual([])
    await page.goto("/")
    await expect(page.getByTestId("foreign-endpoint")).toHaveCount(0)
  })

  for (const [device, width, height] of [
    ["a phone", 375, 800],
    ["a desktop", 1280, 800],
  ] as const) {
    test(`on ${device}, axe finds no violations in either theme on a shared link with a broken value and tail sampling on, with every folded section open and a typed value showing its message`, async ({
      page,
    }) => {
      // Two scans of the whole page with every section drawn: about 12 s here, alone.
      test.setTimeout(60_000)
      await page.setViewportSize({ width, height })
      // The link's rps cannot be read: the field keeps it with its message, and the plan uses the default.
      // Growing traffic, so storage changes over time and its chart and table are there to check.
      await page.goto("/?rps=abc&tailSampling=true&growthPercentPerMonth=5")
      const rps = page.getByLabel("Requests per second (req/s)", { exact: true })
      await expect(rps).toHaveValue("abc")
      await expect(rps).toHaveAttribute("aria-invalid", "true")
      await expect(page.locator("#field-rps-error")).toHaveText(
        "Requests per second must be a number, e.g. 5000 (5,000, 5k and 1.2M work too)."
      )
      await expect(page.getByTestId("stale-notice")).toHaveText(
        "Some fields need fixing; until they are, the results below use the default for Requests per second."
      )
      // Tail sampling is on: its fields, its sizing and its effect on the results show.
      await expect(page.getByLabel("Tail sampling in the Collector")).toBeChecked()
      await expect(page.getByTestId("tail-summary")).toBeVisible()
      await expect(page.getByTestId("comparison-table").locator("caption")).toContainText(
        "Collector tail sampling then keeps errors"
      )

      await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
      await openSection(page, "Goals and limits", page.getByLabel("Monthly budget (USD/month)"))
      await openSection(page, "Health checks", page.getByLabel("Exclude health checks"))
      await openSection(page, "Service and deployment", page.getByLabel("Namespace"))
      await openSection(page, "Estimate bytes per span from its attributes", page.getByTestId("span-estimate"))
      await openSection(page, "Storage over time as a table", page.getByTestId("storage-table"))
      await openSection(page, "Prices", page.getByLabel("Availability zones (zones)"))
      // What the total leaves out, and what each backend's row buys: disclosures of their own.
      await page.getByTestId("stat-cost-unpriced").locator("summary").click()
      for (const summary of await page.getByTestId("backend-table").locator("details summary").all()) {
        await summary.scrollIntoViewIfNeeded()
        await summary.click()
      }
      await openSection(page, "Why", page.getByRole("list", { name: "Options compared on the whole bill" }))
      await expect(page.locator("details")).toHaveCount(20)
      await expect(page.locator("details:not([open])")).toHaveCount(0)

      // A value typed wrong shows its message beside its field too.
      const namespace = page.getByLabel("Namespace")
      await namespace.fill("Team A")
      await expect(namespace).toHaveAttribute("aria-invalid", "true")
      await expect(page.locator("#field-namespace-error")).toContainText("must be a Kubernetes name")
      await expect(page.getByTestId("stale-notice")).toHaveText(
        "Some fields need fixing; until they are, the results below are for the plan the page opened with, using the default for Requests per second."
      )

      await drawEverySection(page)
      expect(await violationsInBothThemes(page)).toEqual([])
    })
  }

  test("axe finds no violations in either theme on the 404 page, at phone and desktop widths", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    const response = await page.goto("/no-such-page")
    expect(response?.status()).toBe(404)
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found")
    await expect(page.getByRole("link", { name: "Open the planner" })).toHaveAttribute("href", "/")
    const found = (await violationsInBothThemes(page)).map((violation) => `375 px: ${violation}`)
    await page.setViewportSize({ width: 1280, height: 800 })
    found.push(...(await violationsInBothThemes(page)).map((violation) => `1280 px: ${violation}`))
    expect(found).toEqual([])
  })

  test("axe finds no violations in either theme with each of the 11 config tabs selected, nor on a snippet the plan cannot have", async ({
    page,
  }) => {
    // Twenty scans of a page that now carries the whole bill (backend rows, options): about 27 s here
    // alone (17 s before issue 20), and past 60 s with other work on the machine.
    test.setTimeout(120_000)
    await page.goto("/")
    const configs = "section[aria-labelledby='configs-heading']"
    await page.locator(configs).scrollIntoViewIfNeeded()
    await expect(page.getByRole("tablist", { name: "Config snippets" }).getByRole("tab")).toHaveText(
      CONFIG_TABS.map(([, title]) => title)
    )
    const found: string[] = []
    for (const colorScheme of ["light", "dark"] as const) {
      await switchTheme(page, colorScheme)
      for (const [id, title, filename] of CONFIG_TABS) {
        await page.getByRole("tab", { name: title, exact: true }).click()
        await expect(page.getByTestId(`config-panel-${id}`).locator("code").first()).toHaveText(filename)
        await expect(page.getByTestId("config-content")).toBeVisible()
        found.push(...(await violations(page, `${colorScheme}, ${id}`, configs)))
      }
    }
    // Without a Dapr sidecar the Dapr tab is struck through and its panel says why.
    await page.getByLabel("Dapr sidecar", { exact: true }).uncheck()
    const dapr = page.getByRole("tab", { name: "Dapr Configuration", exact: true })
    await expect(dapr).toHaveClass(/line-through/)
    await dapr.click()
    await expect(page.getByTestId("config-unavailable")).toContainText("Not available for this plan: ")
    found.push(...(await violationsInBothThemes(page, configs)).map((violation) => `dapr not available, ${violation}`))
    expect(found).toEqual([])
  })

  test("axe finds no violations in either theme on a trace import's result and on its error", async ({ page }) => {
    // The result now holds the dry run's tables too: axe takes longer over it on a busy machine.
    test.setTimeout(60_000)
    await page.goto("/")
    await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
    const section = "[data-testid='section-import']"
    // 20 requests and 2 health checks: few enough that the result also says its rates are rough.
    await page.getByTestId("import-file").setInputFiles({
      name: "export.json",
      mimeType: "application/json",
      buffer: Buffer.from(otlpExport({ traces: 20, healthChecks: 2 })),
    })
    await expect(page.getByTestId("import-summary")).toContainText(
      "export.json (otlp-json): 22 complete traces, 62 spans"
    )
    await expect(page.getByTestId("import-small-sample")).toContainText("Only 22 traces: the rates below are rough.")
    await expect(page.getByTestId("import-apply")).toBeVisible()
    await expect(page.getByTestId("dry-run-all")).toBeVisible()
    const found = (await violationsInBothThemes(page, section)).map((violation) => `result: ${violation}`)

    await page
      .getByTestId("import-file")
      .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"nope": 1}') })
    await expect(page.getByTestId("import-error")).toHaveText(
      'broken.json: not a trace export: expected a Jaeger {"data": […]} or OTLP {"resourceSpans": […]} object, found "nope"'
    )
    await expect(page.getByTestId("import-summary")).toHaveCount(0)
    found.push(...(await violationsInBothThemes(page, section)).map((violation) => `error: ${violation}`))
    expect(found).toEqual([])
  })

  test("the trace import's file chooser shows a focus ring when reached from the keyboard, though its input is visually hidden", async ({
    page,
  }) => {
    await page.goto("/")
    await openSection(page, "Calibrate from your traces", page.getByTestId("privacy-note"))
    const input = page.getByTestId("import-file")
    const label = page.locator("label", { has: input })
    const outline = () => label.evaluate((element) => getComputedStyle(element).outlineStyle)
    expect(await outline()).toBe("none")
    // Tab from the element just before it, as a keyboard user arrives.
    await input.evaluate((element) => {
      const focusable = [
        ...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex]"),
      ]
      focusable[focusable.indexOf(element as HTMLElement) - 1]?.focus()
    })
    await page.keyboard.press("Tab")
    await expect(input).toBeFocused()
    expect(await outline()).toBe("solid")
  })

  test("the config tabs follow the WAI-ARIA tabs pattern: arrow keys, Home and End move focus and selection, wrapping at the ends, and only the selected tab is a Tab stop", async ({
    page,
  }) => {
    await page.goto("/")
    await whenHydrated(page)
    const tabs = page.getByRole("tablist", { name: "Config snippets" }).getByRole("tab")
    const panel = page.getByRole("tabpanel")

    /** The tab at `index` is focused and selected, the only one with tabindex 0, and the panel shows its snippet. */
    const expectSelected = async (index: number) => {
      const [id, title, filename] = CONFIG_TABS[index]!
      await expect(tabs.nth(index)).toBeFocused()
      await expect(tabs.nth(index)).toHaveAccessibleName(title)
      await expect
        .poll(() => tabs.evaluateAll((all) => all.map((tab) => tab.getAttribute("aria-selected"))))
        .toEqual(CONFIG_TABS.map((_, i) => String(i === index)))
      expect(await tabs.evaluateAll((all) => all.map((tab) => tab.getAttribute("tabindex")))).toEqual(
        CONFIG_TABS.map((_, i) => (i === index ? "0" : "-1"))
      )
      await expect(panel).toHaveCount(1)
      await expect(panel).toHaveAttribute("aria-labelledby", `config-tab-${id}`)
      await expect(panel).toHaveAccessibleName(title)
      await expect(panel.locator("code").first()).toHaveText(filename)
    }

    // The keyboard way there: the skip link to the config, then Tab lands on the selected tab.
    await page.keyboard.press("Tab")
    await page.keyboard.press("Tab")
    await expect(page.getByRole("link", { name: "Skip to config" })).toBeFocused()
    await page.keyboard.press("Enter")
    await page.keyboard.press("Tab")
    await expectSelected(0)

    for (const [key, index] of [
      ["ArrowRight", 1],
      ["ArrowRight", 2],
      ["ArrowLeft", 1],
      ["End", 11],
      ["ArrowRight", 0], // wraps from the last tab to the first
      ["ArrowLeft", 11], // and from the first to the last
      ["ArrowLeft", 10],
      ["Home", 0],
    ] as const) {
      await page.keyboard.press(key)
      await expectSelected(index)
    }

    // The other tabs are not Tab stops: Tab goes from the selected tab into its panel, Shift+Tab back.
    await page.keyboard.press("End")
    await expectSelected(11)
    await page.keyboard.press("Tab")
    await expect(panel.getByTestId("copy-config")).toBeFocused()
    await page.keyboard.press("Shift+Tab")
    await expectSelected(11)
  })

  test("a config copy button works from the keyboard with Enter and with Space, and announces that it copied", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    await page.goto("/")
    await whenHydrated(page)
    await page.evaluate(() => navigator.clipboard.writeText("nothing copied yet"))
    const panel = page.getByRole("tabpanel")
    const copy = panel.getByTestId("copy-config")
    // The button's text sits in a polite live region, so the change is read out.
    const announcement = copy.locator('[aria-live="polite"]')

    await page.getByRole("tab", { name: "Environment file", exact: true }).focus()
    await page.keyboard.press("Tab")
    await expect(copy).toBeFocused()
    await expect(announcement).toHaveText("Copy")
    await page.keyboard.press("Enter")
    await expect(announcement).toHaveText("Copied ✓")
    await expect(copy).toHaveAccessibleName("Copied ✓")
    const dotenv = await panel.getByTestId("config-content").textContent()
    expect(dotenv).toMatch(/^# OpenTelemetry SDK settings for task-api \(TraceBudget\)\nOTEL_SERVICE_NAME=/)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dotenv)

    // The next tab's button, with Space.
    await page.keyboard.press("Shift+Tab")
    await page.keyboard.press("ArrowRight")
    await expect(page.getByRole("tab", { name: "Shell exports", exact: true })).toBeFocused()
    await page.keyboard.press("Tab")
    await expect(copy).toBeFocused()
    await expect(announcement).toHaveText("Copy")
    await page.keyboard.press("Space")
    await expect(announcement).toHaveText("Copied ✓")
    const shell = await panel.getByTestId("config-content").textContent()
    expect(shell).toMatch(/^# OpenTelemetry SDK settings for task-api \(TraceBudget\)\nexport OTEL_SERVICE_NAME=/)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shell)
  })

  test("with prefers-reduced-motion: reduce, the storage chart jumps straight to a changed plan's shape", async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: "reduce" })
    await openWithStorageChart(page)
    const frames = await areaFramesAfterRetention(page, "90")
    // One new shape, no frame in between.
    expect(frames.after).toHaveLength(1)
    expect(frames.after[0]).not.toBe(frames.before)
    await expect(page.getByTestId("growth-summary")).toContainText("grows for 90 days to")
  })

  test("without a reduced-motion preference the storage chart animates a changed plan, and stops once reduce is asked for on the open page", async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: "no-preference" })
    await openWithStorageChart(page)
    const animated = await areaFramesAfterRetention(page, "90")
    // Passes through shapes between the old and the new one.
    expect(animated.after.length).toBeGreaterThan(5)

    await page.emulateMedia({ reducedMotion: "reduce" })
    const reduced = await areaFramesAfterRetention(page, "30")
    expect(reduced.after).toHaveLength(1)
    expect(reduced.after[0]).not.toBe(reduced.before)
  })
})
