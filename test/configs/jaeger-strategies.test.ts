import { describe, expect, it } from "vitest"

import {
  buildJaegerStrategies,
  healthCheckOperations,
  jaegerStrategiesSnippet,
  renderJaegerStrategies,
} from "@/lib/configs"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

describe("buildJaegerStrategies", () => {
  it("keeps the plan's ratio by default and for the plan's service, and health checks at 0", () => {
    expect(buildJaegerStrategies(DEFAULT_INPUT)).toStrictEqual({
      default_strategy: {
        type: "probabilistic",
        param: 0.1,
        operation_strategies: [
          { operation: "GET /health", type: "probabilistic", param: 0 },
          { operation: "GET /metrics", type: "probabilistic", param: 0 },
          { operation: "GET /readiness", type: "probabilistic", param: 0 },
        ],
      },
      service_strategies: [{ service: "task-api", type: "probabilistic", param: 0.1 }],
    })
  })

  it("lists no operations when health checks are traced", () => {
    expect(buildJaegerStrategies({ ...DEFAULT_INPUT, excludeHealthChecks: false }).default_strategy).toStrictEqual({
      type: "probabilistic",
      param: 0.1,
    })
  })

  it("emits no rate-limiting strategy, whose param Jaeger truncates to an integer", () => {
    expect(renderJaegerStrategies(DEFAULT_INPUT)).not.toContain("ratelimiting")
  })

  it("is JSON that reads back exactly", () => {
    expect(JSON.parse(renderJaegerStrategies(DEFAULT_INPUT))).toStrictEqual(buildJaegerStrategies(DEFAULT_INPUT))
  })

  it("writes rates as plain decimals, as every other config does (JSON.stringify wrote 1e-7 and 5e-324)", () => {
    for (const ratio of [1e-7, 5e-324]) {
      const input = { ...DEFAULT_INPUT, ratio }
      const text = renderJaegerStrategies(input)
      expect(text).not.toMatch(/\de-?\d/)
      expect(JSON.parse(text)).toStrictEqual(buildJaegerStrategies(input))
    }
    expect(renderJaegerStrategies({ ...DEFAULT_INPUT, ratio: 1e-7 })).toContain('"param": 0.0000001,')
  })

  it("keeps text that looks like a number as text", () => {
    const input = { ...DEFAULT_INPUT, serviceName: "1e-7" }
    expect(JSON.parse(renderJaegerStrategies(input)).service_strategies[0].service).toBe("1e-7")
  })

  it.each([
    ["health", ["GET /health"], []],
    ["^/health$,/livez,/livez", ["GET /health", "GET /livez"], []],
    ["/api/v1/ping", ["GET /api/v1/ping"], []],
    ["/metrics.*,health", ["GET /health"], ["/metrics.*"]],
    ["^/v[0-9]+/health$", [], ["^/v[0-9]+/health$"]],
  ])("derives operations from %s", (excludedUrls, operations, skipped) => {
    expect(healthCheckOperations({ ...DEFAULT_INPUT, excludedUrls })).toStrictEqual({ operations, skipped })
  })

  it("says the file only matters to Jaeger remote samplers and which patterns it could not list", () => {
    const result = jaegerStrategiesSnippet({ ...DEFAULT_INPUT, excludedUrls: "health,/v[0-9]/ping" })
    if (!result.available) throw new Error("expected a snippet")
    expect(result.snippet.filename).toBe("sampling-strategies.json")
    expect(result.snippet.language).toBe("json")
    expect(result.snippet.caveats).toContain(
      "Only SDKs whose sampler is jaeger_remote or parentbased_jaeger_remote fetch these strategies: with parentbased_traceidratio this file has no effect."
    )
    expect(result.snippet.caveats).toContain("/v[0-9]/ping is a regex, not a path: list those operations by hand.")
  })
})
