// Interaction: type a new rps 50 times; time from the input event to every headline number,
// the comparison table and all seven charts showing the new plan (no snippet depends on rps) (the next frame after the last
// of them commits). Charts redraw from a deferred value, so they are what the p95 waits for.
import { chromium } from "@playwright/test"

const TARGETS = [
  "stat-requests-value",
  "stat-traces-value",
  "stat-bytes-value",
  "stat-cost-value",
  "comparison-table",
  "rate-chart-tracesPerDay",
  "rate-chart-retainedBytes",
  "rate-chart-monthlyUsd",
  "storage-chart",
  "backend-chart",
  "visibility-charts",
]

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

export async function benchInteraction(base, changes = 50) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // The app honours reduced motion: charts jump to the new data instead of animating for ~1 s.
    await page.emulateMedia({ reducedMotion: "reduce" })
    await page.goto(base)
    // Charts mount once they come near the viewport (and stay): scroll each into view once.
    for (const id of ["rate-charts", "visibility-charts", "storage-chart", "backend-chart"]) await page.getByTestId(id).scrollIntoViewIfNeeded()
    for (const id of TARGETS) await page.getByTestId(id).first().waitFor()
    await page.getByTestId("backend-chart").locator("svg.recharts-surface").waitFor()
    const times = []
    let missed = 0
    for (let i = 0; i < changes; i++) {
      const result = await page.evaluate(measureOnce, { value: 6000 + i * 250, targets: TARGETS })
      if (result.missed.length > 0) missed++
      times.push(result.ms)
      await page.waitForTimeout(100)
    }
    times.sort((a, b) => a - b)
    return { changes, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: times.at(-1), missed }
  } finally {
    await browser.close()
  }
}
