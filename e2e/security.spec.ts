import { expect, test } from "@playwright/test"

import { watchForProblems } from "./fixtures/problems"
import { drawEveryChart } from "./fixtures/sections"

const COMMON_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values])
  )
}

test.describe("security headers and the content security policy", () => {
  test("the page hydrates and draws every chart with no CSP violation or console error", async ({ page }) => {
    const problems = await watchForProblems(page)
    // Growing traffic: storage changes over time, so its chart is drawn with the others.
    await page.goto("/?growthPercentPerMonth=5")
    await drawEveryChart(page)
    // Typing only changes the numbers if React hydrated, i.e. the nonce let its scripts run.
    await page.getByLabel("Requests per second (req/s)", { exact: true }).fill("10000")
    await expect(page.getByTestId("stat-traces-value")).toHaveText("86.4M")
    await page.getByText("Storage over time as a table").click()
    await expect(page.getByTestId("storage-table")).toBeVisible()
    expect(problems).toEqual([])
  })

  test("a missing page is served under the same policy, without violations", async ({ page }) => {
    const problems = await watchForProblems(page)
    const response = await page.goto("/no-such-page")
    expect(response?.status()).toBe(404)
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible()
    expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'")
    expect(problems.filter((problem) => !problem.includes("404 (Not Found)"))).toEqual([])
  })

  test("the page's CSP has a fresh nonce per response, no eval and no inline styles, and forbids framing", async ({
    request,
  }) => {
    const first = await request.get("/")
    const second = await request.get("/")
    const csp = first.headers()["content-security-policy"] ?? ""
    const policy = directives(csp)
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1]
    expect(nonce).toBeDefined()
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`)
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"])
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`])
    expect(policy.get("frame-ancestors")).toEqual(["'none'"])
    expect(policy.get("object-src")).toEqual(["'none'"])
    expect(csp).not.toContain("unsafe-eval")
    expect(csp).not.toContain("unsafe-inline")
    // Next puts the nonce on every script it renders.
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
    expect(first.headers()).toMatchObject(COMMON_HEADERS)
    expect(first.headers()["permissions-policy"]).toContain("camera=()")
  })

  test("the API answers with the same headers and a policy that loads nothing", async ({ request }) => {
    for (const response of [
      await request.get("/api/plan"),
      await request.get("/api/plan?rps=-1"),
      await request.post("/api/plan", { data: "{" }),
    ]) {
      expect(response.headers()).toMatchObject({
        ...COMMON_HEADERS,
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      })
      expect(response.headers()["permissions-policy"]).toContain("camera=()")
    }
  })

  test("the API's other answers carry them too: 405, 413, and a JSON 404 for a path it does not have", async ({
    request,
  }) => {
    const answers = [
      [await request.put("/api/plan"), 405],
      [
        await request.post("/api/plan", { data: "x".repeat(70_000), headers: { "content-type": "application/json" } }),
        413,
      ],
      [await request.get("/api/plans?rps=1"), 404],
    ] as const
    for (const [response, status] of answers) {
      expect(response.status()).toBe(status)
      expect(response.headers()).toMatchObject({
        ...COMMON_HEADERS,
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      })
      expect(response.headers()["permissions-policy"]).toContain("camera=()")
    }
    expect(await answers[2][0].json()).toMatchObject({
      error: "There is no API at /api/plans. The API is GET or POST /api/plan, and GET /api/health.",
    })
  })

  test("a page refuses methods other than GET and HEAD with 405, and the refusal carries the headers too", async ({
    request,
  }) => {
    for (const method of ["POST", "PUT", "DELETE", "PROPFIND"]) {
      const response = await request.fetch("/?rps=10", { method })
      expect(response.status(), method).toBe(405)
      expect(response.headers()).toMatchObject({
        ...COMMON_HEADERS,
        allow: "GET, HEAD",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      })
    }
    expect((await request.head("/")).status()).toBe(200)
  })

  test("a path with a trailing slash is redirected without it, and the redirect carries the headers too", async ({
    request,
  }) => {
    for (const [path, location] of [
      ["/x/?rps=10", "/x?rps=10"],
      ["/api/plan/?rps=10", "/api/plan?rps=10"],
    ] as const) {
      const response = await request.get(path, { maxRedirects: 0 })
      expect(response.status()).toBe(308)
      expect(response.headers()).toMatchObject({
        ...COMMON_HEADERS,
        location,
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      })
      expect(response.headers()["permissions-policy"]).toContain("camera=()")
    }
    expect((await request.get("/api/plan/?rps=10000")).status()).toBe(200)
  })

  test("static assets carry the same headers", async ({ request }) => {
    const html = await (await request.get("/")).text()
    const assets = [/\/_next\/static\/[^"]+\.js/.exec(html)?.[0], /\/_next\/static\/[^"]+\.css/.exec(html)?.[0]]
    for (const asset of assets) {
      expect(asset).toBeDefined()
      const response = await request.get(asset ?? "")
      expect(response.status()).toBe(200)
      expect(response.headers()).toMatchObject({
        ...COMMON_HEADERS,
        "content-security-policy": "default-src 'none'; script-src 'self'; frame-ancestors 'none'",
      })
    }
  })
})
