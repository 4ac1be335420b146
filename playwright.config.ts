import { existsSync } from "node:fs"

import { defineConfig, devices } from "@playwright/test"

const port = Number(process.env.E2E_PORT ?? 3107)
const baseURL = `http://127.0.0.1:${port}`

/**
 * Chromium to drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
 * browser (undefined lets Playwright find it) for people who installed one.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium"
  return undefined
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  webServer: {
    // Tests run against the production build, served as `npm start` serves it.
    command: `npm run build && node scripts/serve.mjs --hostname 127.0.0.1 --port ${port}`,
    url: `${baseURL}/api/plan`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
})
