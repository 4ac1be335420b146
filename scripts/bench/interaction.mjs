// Interaction: type a new rps 50 times; time from the input event to every headline number, the
// comparison table and the charts showing the new plan (the next frame after the last of them
// commits; no snippet depends on rps). Charts redraw in the same commit as the numbers and are
// most of its cost, so they are what the p95 waits for. Charts off screen keep their last drawing
// until they come near the viewport, so two figures are taken:
//   onScreen   1280×900 scrolled to the trade-off chart: the numbers, the table and the charts in view
//              (charts within 300 px of the view redraw too, and their time counts);
//   allCharts  a window as tall as the page, so all three charts are in view and all redraw.
import { launchChromium } from "./browser.mjs"

const NUMBERS = ["stat-requests-value", "stat-traces-value", "stat-bytes-value", "stat-cost-value", "comparison-table"]
const CHARTS = ["tradeoff-drawing", "storage-chart", "backend-chart"]

/** Runs in the page: sets #field-rps as typing would and resolves with the milliseconds until all targets changed. */
function measureOnce({ value, targets }) {
  return new Promise((resolve) => {
    const input = document.querySelector("#field-rps")
    const pending = new Set(targets)
    const observers = []
    const timer = setTimeout(() => finish([...pending]), 5000)
    const start = performance.now()
    function finish(missed) {
      clearTimeout(timer)
      for (const observer of observers) observer.disconnect()
      requestAnimationFrame(() => resolve({ ms: performance.now() - start, missed }))
    }
    for (const id of targets) {
      const element = document.querySelector(`[data-testid="${id}"]`)
      const observer = new MutationObserver(() => {
        observer.disconnect()
        pending.delete(id)
        if (pending.size === 0) finish([])
      })
      observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true })
      observers.push(observer)
    }
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, String(value))
    input.dispatchEvent(new Event("input", { bubbles: true }))
  })
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

/** Chart targets whose box is in the viewport now, by test id. */
function chartsInView(ids) {
  return ids.filter((id) => {
    const box = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect()
    return box && box.bottom > 0 && box.top < window.innerHeight
  })
}

async function typeRps(page, targets, changes) {
  const times = []
  let missed = 0
  for (let i = 0; i < changes; i++) {
    const result = await page.evaluate(measureOnce, { value: 6000 + i * 250, targets })
    if (result.missed.length > 0) missed++
    times.push(result.ms)
    await page.waitForTimeout(100)
  }
  times.sort((a, b) => a - b)
  return { changes, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: times.at(-1), missed }
}

export async function benchInteraction(base, changes = 50) {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // The app honours reduced motion: charts jump to the new data instead of animating for ~1 s.
    await page.emulateMedia({ reducedMotion: "reduce" })
    await page.goto(base)
    for (const id of NUMBERS) await page.getByTestId(id).first().waitFor()
    await page.getByTestId("tradeoff-chart").evaluate((element) => element.scrollIntoView({ block: "center" }))
    // The trade-off's drawing (and its test id) exists once its code has loaded.
    await page.getByTestId("tradeoff-drawing").locator("svg.recharts-surface").first().waitFor()
    await page.waitForTimeout(500)
    const visibleCharts = await page.evaluate(chartsInView, CHARTS)
    for (const id of visibleCharts) await page.getByTestId(id).locator("svg.recharts-surface").first().waitFor()
    const onScreen = {
      ...(await typeRps(page, [...NUMBERS, ...visibleCharts], changes)),
      chartsInView: visibleCharts.length,
    }

    // A window as tall as the page: every chart is in view and redraws on every change.
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    await page.setViewportSize({ width: 1280, height: Math.min(height + 100, 16_000) })
    await page.evaluate(() => window.scrollTo(0, 0))
    // Only the charts the plan has: the storage chart shows only when storage changes over time.
    const present = await page.evaluate(
      (ids) => ids.filter((id) => document.querySelector(`[data-testid="${id}"]`) !== null),
      CHARTS
    )
    for (const id of present) await page.getByTestId(id).locator("svg.recharts-surface").first().waitFor()
    await page.waitForTimeout(500)
    const allCharts = {
      ...(await typeRps(page, [...NUMBERS, ...present], changes)),
      chartsInView: present.length,
    }
    return { onScreen, allCharts }
  } finally {
    await browser.close()
  }
}
