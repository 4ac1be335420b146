// Takes a full-page screenshot of a running TraceBudget: node scripts/screenshot.mjs <url> <file> [width] [dark]
import { chromium } from "@playwright/test"

const [url = "http://127.0.0.1:3000/", file = "screenshot.png", width = "1280", scheme = "light"] =
  process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
})
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme })
await page.goto(url)
await page.screenshot({ path: file, fullPage: true })
await browser.close()
