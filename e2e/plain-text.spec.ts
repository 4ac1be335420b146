import { expect, test, type Locator, type Page } from "@playwright/test"

import { internalReferences } from "./fixtures/internal-references"
import { whenHydrated } from "./fixtures/sections"

// Less text, no jargon (issue 22): one info control per field, no internal references, a code
// block that stands out in dark mode, config tabs in one row on a phone, a wrap toggle, and print.

/** A CSS colour (oklch, lab, rgb…) as sRGB 0–255, drawn through a canvas as the screen would show it. */
async function srgb(page: Page, color: string): Promise<[number, number, number]> {
  return page.evaluate((css) => {
    const context = document.createElement("canvas").getContext("2d")!
    context.fillStyle = css
    context.fillRect(0, 0, 1, 1)
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data
    return [r!, g!, b!] as [number, number, number]
  }, color)
}

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const luminance = (rgb: [number, number, number]) => {
    const [r, g, b] = rgb.map((channel) => {
      const c = channel / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}

async function codeBlockColors(page: Page, block: Locator) {
  const styles = await block.evaluate((element) => {
    const own = getComputedStyle(element)
    return {
      background: own.backgroundColor,
      text: own.color,
      edge: own.borderTopColor,
      edgeWidth: own.borderTopWidth,
      page: getComputedStyle(document.body).backgroundColor,
    }
  })
  return {
    edgeWidth: styles.edgeWidth,
    background: await srgb(page, styles.background),
    text: await srgb(page, styles.text),
    edge: await srgb(page, styles.edge),
    page: await srgb(page, styles.page),
  }
}

test.describe("plain text", () => {
  test("with every section, disclosure, citation and source popover open, the page names no internal notes", async ({
    page,
  }) => {
    test.setTimeout(60_000)
    await page.setViewportSize({ width: 1280, height: 900 })
    // Tail sampling on and a SaaS backend off the default: more sections and sentences to read.
    await page.goto("/?tailSampling=true")
    await whenHydrated(page)
    // Open as a click would (each fires its toggle event); clicking one by one moved the others away.
    await page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)))
    await expect(page.locator("details:not([open])")).toHaveCount(0)
    await page.getByLabel("Show full citations").check()
    for (const section of await page.locator(".render-when-near").all()) await section.scrollIntoViewIfNeeded()
    const text = await page.evaluate(() =>
      [
        document.body.innerText,
        // Popovers and names read by screen readers, whether or not they are open now.
        ...[...document.querySelectorAll("[popover]")].map((element) => element.textContent ?? ""),
        ...[...document.querySelectorAll("[aria-label], [title], [alt]")].flatMap((element) =>
          ["aria-label", "title", "alt"].map((name) => element.getAttribute(name) ?? "")
        ),
      ].join("\n")
    )
    // The page really was read: a source's name, a popover's date and a full citation are in it.
    expect(text).toContain("Grafana Tempo docs, Size the cluster")
    expect(text).toContain("Example workload — change it to yours")
    expect(text).toContain("Dapper technical report, Google, 2010, section 4.2")
    expect(internalReferences(text)).toEqual([])
  })

  test("each field has one info button that opens its source and date without moving the form, and Escape closes it", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto("/")
    await whenHydrated(page)
    // No "Default … · source, as of" line under the fields any more.
    await expect(page.locator("form")).not.toContainText("as of")
    // What follows the field must not move when its popover opens. Focus scrolls the field into view
    // and renders the sections near it (content-visibility), so measure after that has settled.
    const info = page.getByRole("button", { name: "Source for Requests per second" })
    await info.focus()
    const next = page.getByLabel("Peak requests per second", { exact: false }).first()
    let before = (await next.boundingBox())!
    await expect(async () => {
      const now = (await next.boundingBox())!
      const settled = now.y === before.y
      before = now
      expect(settled).toBe(true)
    }).toPass({ intervals: [250], timeout: 10_000 })
    await page.keyboard.press("Enter")
    const popover = page.locator("#field-rps-source")
    await expect(popover).toBeVisible()
    // The default, where it comes from, and its date (the example workload, lib/sources.ts).
    await expect(popover).toContainText("Default 5,000 req/s")
    await expect(popover).toContainText("Example workload: 5,000 requests/s kept 7 days")
    await expect(popover).toContainText("As of 2026-11-23")
    expect((await next.boundingBox())!.y).toBe(before.y)
    await page.keyboard.press("Escape")
    await expect(popover).toBeHidden()
    await expect(info).toBeFocused()

    // A cited figure links out to its document: span bytes name Grafana Tempo's docs.
    await page.getByRole("button", { name: "Source for Bytes per span" }).click()
    const spanBytes = page.locator("#field-spanBytes-source")
    await expect(spanBytes).toContainText("Default 500 bytes")
    await expect(spanBytes.getByRole("link", { name: /Grafana Tempo docs/ })).toHaveAttribute(
      "href",
      "https://grafana.com/docs/tempo/latest/operations/manage-trace-ingestion/"
    )
    await spanBytes.getByRole("link", { name: "All sources" }).click()
    await expect(page).toHaveURL(/#source-spanBytes$/)
    await expect(page.locator("#source-spanBytes")).toContainText("2026 (Tempo 3.0 docs); 2019-01-28 (Jaeger)")
  })

  test("the Sources section is a table: name, what it sets, date, link", async ({ page }) => {
    await page.goto("/")
    const table = page.getByTestId("source-table").getByRole("table")
    await expect(table.getByRole("columnheader")).toHaveText(["Source", "Sets", "As of", "Link"])
    const row = page.locator("#source-s3Price")
    await row.scrollIntoViewIfNeeded()
    // The full citation sits hidden in the row header until "Show full citations" (innerText skips it).
    await expect(row.getByRole("rowheader")).toHaveText("Amazon S3 pricing", { useInnerText: true })
    await page.getByLabel("Show full citations").check()
    await expect(row.getByRole("rowheader")).toContainText("aws.amazon.com/s3/pricing. Confidence high.", {
      useInnerText: true,
    })
    await expect(row.getByRole("cell").nth(0)).toContainText("S3 Standard: $0.023 per GB-month")
    await expect(row.getByRole("cell").nth(1)).toHaveText("2022–2026")
    await expect(row.getByRole("link", { name: "Amazon S3 pricing, on aws.amazon.com" })).toHaveAttribute(
      "href",
      "https://aws.amazon.com/s3/pricing/"
    )
  })

  test("in dark mode the code block stands out from the page, and its text is readable", async ({ page }) => {
    await page.goto("/")
    const block = page.getByTestId("config-content")
    await block.scrollIntoViewIfNeeded()
    await page.emulateMedia({ colorScheme: "dark" })
    const dark = await codeBlockColors(page, block)
    expect(dark.edgeWidth).toBe("1px")
    // WCAG 1.4.11: the block's edge against the page ≥ 3:1; 1.4.3: its text ≥ 4.5:1.
    expect(contrast(dark.edge, dark.page)).toBeGreaterThanOrEqual(3)
    expect(contrast(dark.text, dark.background)).toBeGreaterThanOrEqual(4.5)
    // Not slate-950 on slate-950 any more.
    expect(dark.background).not.toEqual(dark.page)
    await page.emulateMedia({ colorScheme: "light" })
    const light = await codeBlockColors(page, block)
    expect(contrast(light.background, light.page)).toBeGreaterThanOrEqual(3)
    expect(contrast(light.text, light.background)).toBeGreaterThanOrEqual(4.5)
  })

  test("on a phone the twelve config tabs are one row that scrolls sideways, and the wrap switch wraps long lines", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto("/")
    await whenHydrated(page)
    const tablist = page.getByRole("tablist", { name: "Config snippets" })
    await tablist.scrollIntoViewIfNeeded()
    const tabs = tablist.getByRole("tab")
    await expect(tabs).toHaveCount(12)
    const tabHeight = (await tabs.first().boundingBox())!.height
    // One row: the strip is a tab high (plus its 4 px padding each side), every tab on the same line.
    expect((await tablist.boundingBox())!.height).toBeLessThanOrEqual(tabHeight + 8 + 1)
    const tops = await tabs.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().top))
    expect(new Set(tops).size).toBe(1)
    expect(await tablist.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
    // The keyboard reaches the last tab, and the strip scrolls it into view.
    await tabs.first().click()
    await page.keyboard.press("End")
    await expect(tabs.last()).toBeFocused()
    // Mostly in view: the last tab's title ("OpenTelemetry declarative configuration") is nearly as
    // wide as a 375 px screen, so the strip's padding leaves a sliver of it out.
    await expect(tabs.last()).toBeInViewport({ ratio: 0.9 })

    await tabs.first().click()
    const block = page.getByTestId("config-content")
    const overflows = () => block.evaluate((element) => element.scrollWidth > element.clientWidth)
    expect(await overflows()).toBe(true)
    const wrap = page.getByLabel("Wrap long lines")
    await wrap.check()
    await expect(block).toHaveCSS("white-space", "pre-wrap")
    expect(await overflows()).toBe(false)
    // The choice holds on another tab.
    await tabs.nth(6).click()
    await expect(page.getByTestId("config-content")).toHaveCSS("white-space", "pre-wrap")
    await wrap.uncheck()
    await expect(page.getByTestId("config-content")).toHaveCSS("white-space", "pre")
  })

  test("printed, the page is one document: no form controls, no tabs, folded content shown, code wrapped", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto("/")
    await whenHydrated(page)
    await page.emulateMedia({ media: "print" })
    await expect(page.locator("#field-rps")).toBeHidden()
    await expect(page.locator("form")).toBeHidden()
    await expect(page.getByRole("tablist", { name: "Config snippets" })).toBeHidden()
    await expect(page.getByLabel("Wrap long lines")).toBeHidden()
    const visibleControls = await page.evaluate(
      () =>
        [...document.querySelectorAll("input, select, textarea")].filter(
          (element) => (element as HTMLElement).offsetParent !== null
        ).length
    )
    expect(visibleControls).toBe(0)
    // The results take the page width once the form column is gone.
    expect((await page.locator("#results").boundingBox())!.width).toBeGreaterThan(900)
    await expect(page.getByTestId("config-content")).toHaveCSS("white-space", "pre-wrap")
    // Folded content prints: a closed disclosure's text and the full citations show.
    const closed = page.locator("#results details:not([open])").first()
    await expect(closed.locator(":scope > :not(summary)").first()).toBeVisible()
    await expect(page.locator("#source-s3Price [data-citation]")).toBeVisible()
    await page.emulateMedia({ media: "screen" })
    await expect(page.locator("#field-rps")).toBeVisible()
  })
})
