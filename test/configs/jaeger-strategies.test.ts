import { describe, expect, it } from "vitest"

import {
  buildJaegerStrategies,
  endpointOperations,
  healthCheckOperations,
  jaegerStrategiesSnippet,
  renderJaegerStrategies,
} from "@/lib/configs"
import { adoptSetting } from "@/lib/plan/apply-recommendation"
import { recommend } from "@/lib/plan/recommend"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

/** A Java app the recommendation offers a per-operation rate: 10 % fits the budget, 25 % does not. */
const javaWithRareEndpoint: PlanInput = {
  ...DEFAULT_INPUT,
  language: "java",
  daprEnabled: false,
  budgetUsdPerMonth: 2500,
  keepAllErrors: false,
  endpoints: [
    { name: "GET /tasks", share: 0.99999 },
    { name: "POST /admin/reindex", share: 0.00001 },
  ],
}

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

  it("carries the recommendation's per-operation rates, read back from the file it writes", () => {
    const recommendation = recommend(javaWithRareEndpoint)
    // 5,000 rps × 0.00001 = 3 requests/minute: 1 trace/minute needs 33 %, the clean rate 50 %.
    expect(recommendation.perOperation.map(({ endpoint, ratio }) => [endpoint, ratio])).toEqual([
      ["POST /admin/reindex", 0.5],
    ])
    const adopted = {
      ...adoptSetting(javaWithRareEndpoint, recommendation),
      sampler: "parentbased_jaeger_remote" as const,
    }
    const file = JSON.parse(renderJaegerStrategies(adopted)) as ReturnType<typeof buildJaegerStrategies>
    expect(file.default_strategy.param).toBe(recommendation.ratio)
    for (const { endpoint, ratio } of recommendation.perOperation) {
      expect(file.default_strategy.operation_strategies).toContainEqual({
        operation: endpoint,
        type: "probabilistic",
        param: ratio,
      })
    }
    // The health checks excluded at 0 stay listed after it.
    expect(file.default_strategy.operation_strategies?.map((operation) => operation.operation)).toEqual([
      "POST /admin/reindex",
      "GET /health",
      "GET /metrics",
      "GET /readiness",
    ])
  })

  it.each([
    ["a Python app, whose SDK cannot load parentbased_jaeger_remote", { language: "python" }],
    ["a Node app, whose SDK cannot load parentbased_jaeger_remote", { language: "node" }],
    ["an app behind a Dapr sidecar that decides every root", { daprEnabled: true, daprIngress: true }],
    ["a plan whose tail sampler decides", { tailSampling: true }],
  ] as const)("lists no per-operation rate for %s, as the recommendation offers none", (_what, change) => {
    const input = { ...javaWithRareEndpoint, ...change }
    expect(endpointOperations(input)).toEqual([])
    expect(JSON.stringify(buildJaegerStrategies(input))).not.toContain("POST /admin/reindex")
  })

  it("says which endpoints the file samples above the plan's rate", () => {
    const result = jaegerStrategiesSnippet(javaWithRareEndpoint)
    if (!result.available) throw new Error("expected a snippet")
    expect(result.snippet.caveats).toContain(
      "POST /admin/reindex at 50 %: an endpoint below the 1 traces/minute minimum at 10 %. The figures price 10 % for every request; the recommendation gives what these rates add."
    )
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
