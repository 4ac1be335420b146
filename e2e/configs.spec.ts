import { readFile } from "node:fs/promises"

import { expect, test } from "@playwright/test"
import { parse } from "yaml"

test.describe("config snippets", () => {
  test("every tab's copy button puts exactly the shown text on the clipboard, and its download matches", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"])
    await page.goto("/")
    const tabs = page.getByRole("tablist", { name: "Config snippets" }).getByRole("tab")
    const count = await tabs.count()
    expect(count).toBe(12)
    let checked = 0
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click()
      const panel = page.getByRole("tabpanel")
      if (await panel.getByTestId("config-unavailable").count()) continue
      const shown = await panel.getByTestId("config-content").textContent()
      await panel.getByTestId("copy-config").click()
      await expect(panel.getByTestId("copy-config")).toHaveText("Copied ✓")
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown)

      const filename = (await panel.locator("code").first().textContent()) ?? ""
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        panel.getByRole("button", { name: `Download ${filename}` }).click(),
      ])
      expect(download.suggestedFilename()).toBe(filename)
      expect(await readFile(await download.path(), "utf8")).toBe(shown)
      checked++
    }
    // The default plan (Python + Dapr on Tempo, through a Collector) has every snippet.
    expect(checked).toBe(12)
  })

  test("snippets follow the form: the Dapr rate, the sampler argument and the namespace", async ({ page }) => {
    await page.goto("/")
    await page.getByLabel("Sampling ratio (0–1)").fill("0.25")
    await page.getByRole("tab", { name: /Dapr/ }).click()
    const dapr = parse((await page.getByTestId("config-content").textContent()) ?? "")
    expect(dapr).toMatchObject({
      apiVersion: "dapr.io/v1alpha1",
      kind: "Configuration",
      metadata: { namespace: "default" },
      spec: {
        tracing: {
          samplingRate: "0.25",
          otel: {
            endpointAddress: "otel-collector.observability.svc.cluster.local:4317",
            isSecure: false,
            protocol: "grpc",
          },
        },
      },
    })
    await page.getByRole("tab", { name: "Environment file" }).click()
    await expect(page.getByTestId("config-content")).toContainText("OTEL_TRACES_SAMPLER_ARG='0.25'")
  })

  test("says why a snippet is not available, and refuses invalid names with a message", async ({ page }) => {
    await page.goto("/?daprEnabled=false&backend=datadog")
    await page.getByRole("tab", { name: /Dapr/ }).click()
    await expect(page.getByTestId("config-unavailable")).toBeVisible()
    await page.getByText("Service and deployment", { exact: true }).click()
    await page.getByLabel("Namespace").fill("Team A")
    await expect(page.locator("#field-namespace-error")).toContainText("must be a Kubernetes name")
  })

  test("the tabs strike through the configs the plan cannot have, from the server's first answer through every change", async ({
    page,
  }) => {
    await page.goto("/?daprEnabled=false")
    const dapr = page.getByRole("tab", { name: /Dapr/ })
    const retention = page.getByRole("tab", { name: /Retention/ })
    // As the server wrote it, before any script asked for the config writers.
    await expect(dapr).toHaveClass(/line-through/)
    await expect(retention).not.toHaveClass(/line-through/)
    await page.getByLabel("Backend", { exact: true }).selectOption("honeycomb")
    await expect(retention).toHaveClass(/line-through/)
    await expect(dapr).toHaveClass(/line-through/)
    await page.getByLabel("Dapr sidecar", { exact: true }).check()
    await expect(dapr).not.toHaveClass(/line-through/)
  })

  test("the API returns the same snippets under configs", async ({ request }) => {
    const plan = await (await request.get("/api/plan?ratio=0.05")).json()
    expect(Object.keys(plan.configs)).toEqual([
      "dotenv",
      "shell",
      "k8s",
      "compose",
      "instrumentation",
      "dapr",
      "collector",
      "collectorKubernetes",
      "collectorOperator",
      "jaegerStrategies",
      "retention",
      "declarative",
    ])
    expect(plan.configs.dotenv.snippet.content).toContain("OTEL_TRACES_SAMPLER_ARG='0.05'")
  })
})
