import { describe, expect, it } from "vitest"

import { DELETE, GET, OPTIONS, PATCH, POST, PUT } from "@/app/api/plan/route"
import { planDocument } from "@/lib/configs/plan-configs"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const get = (query: string) => GET(new Request(`http://localhost/api/plan${query}`))
const post = (body: string, contentType = "application/json") =>
  POST(new Request("http://localhost/api/plan", { method: "POST", body, headers: { "content-type": contentType } }))
const stackFrame = /\bat .*\.(ts|js|mjs):\d+/

describe("GET /api/plan", () => {
  it("returns the default plan when no fields are given", async () => {
    const response = await get("")
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(planDocument(DEFAULT_INPUT))
  })

  it("answers the classic table's 1 % row from query parameters", async () => {
    const plan = await (await get("?rps=10000&ratio=0.01")).json()
    expect(plan.input).toEqual({ ...DEFAULT_INPUT, rps: 10_000, peakRps: 10_000, ratio: 0.01, daprSamplingRate: 0.01 })
    expect(plan.volume.requestsPerDay).toBe(864_000_000)
    expect(plan.volume.tracesPerDay).toBe(8_640_000)
    expect(plan.volume.spansPerDay).toBe(259_200_000)
    expect(plan.volume.ingestBytesPerDay).toBe(129_600_000_000)
    expect(plan.volume.peakSpansPerSecond).toBe(3_000)
  })

  it("carries every figure the API documents", async () => {
    const plan = await (await get("?retentionDays=3")).json()
    expect(plan.storage.retainedBytes).toBe(285_768_000_000)
    expect(plan.storage.series.at(-1)).toEqual({ day: 10, bytes: 285_768_000_000 })
    // The whole bill: 285.768 GB × $0.023 = $6.572664 of S3 at 3 days, the rest as at 7 (build-plan.test.ts).
    expect(plan.cost.monthlyUsd).toBe(2035.1599508)
    expect(plan.cost.breakdown).toEqual({
      storageUsd: 151.411950804,
      backendComputeUsd: 695.44,
      collectorComputeUsd: 72.02,
      networkUsd: 1116.288,
      vendorUsd: 0,
    })
    expect(plan.comparison[0]).toEqual({
      ratio: 1,
      chosen: false,
      sampler: "parentbased_traceidratio",
      tracesPerDay: 432_000_000,
      spansPerDay: 12_960_000_000,
      ingestBytesPerDay: 6_480_000_000_000,
      retainedBytes: 2_857_680_000_000,
      monthlyUsd: 18330.589508,
      // 100 %: ten times the seed's storage and traffic; Tempo 3.x sized for 75 MB/s; 15 Collector cores.
      breakdown: {
        storageUsd: 1514.11950804,
        backendComputeUsd: 5113.44,
        collectorComputeUsd: 540.15,
        networkUsd: 11162.88,
        vendorUsd: 0,
      },
    })
    expect(plan.sources.length).toBeGreaterThan(0)
    expect(plan.collector).toMatchObject({ cores: 2, usdPerCore: 36.01, monthlyUsd: 72.02 })
    expect(plan.recommendation.options.map((option: { id: string }) => option.id)).toEqual(["head", "head-100", "tail"])
    // 5,000 req/s × 10 % × 30 spans × 500 B = 7.5 MB/s at peak, under Tempo 3.x's 30 MB/s limit
    expect(plan.tempo).toMatchObject({
      peakIngestBytesPerSecond: 7_500_000,
      rateLimitBytesPerSecond: 30_000_000,
      distributorsForLimit: 1,
      sizing: { version: "3.x", distributors: 1 },
    })
    const honeycomb = plan.backends.find((backend: { id: string }) => backend.id === "honeycomb")
    expect(honeycomb).toMatchObject({
      retentionDays: 60,
      sizing: null,
      allowance: { unit: "events", free: 20_000_000, kind: "free", text: "39.4B events a month; 20M free" },
    })
    expect(plan.backends[0].sizing.components[0]).toMatchObject({ id: "distributor", replicas: 1, vcpu: 2 })
  })

  it("prices the Collector tier at the cost per core asked for", async () => {
    const plan = await (await get("?collectorUsdPerCoreMonth=30")).json()
    expect(plan.collector).toMatchObject({ cores: 2, usdPerCore: 30, perCoreOverride: true, monthlyUsd: 60 })
    // The seed's $2,043.9235028 with 2 cores at $30 instead of $36.01.
    expect(plan.cost.monthlyUsd).toBeCloseTo(2031.9035028, 6)
  })

  // Issue 21: the .NET SDK reads only the six standard names and runs ParentBased(AlwaysOn) otherwise
  // (opentelemetry-dotnet core-1.18.0, 9db92a4e, src/OpenTelemetry/Trace/TracerProviderSdk.cs GetSampler).
  it("answers a .NET app set to jaeger_remote with what its SDK runs: 100 %", async () => {
    const plan = await (await get("?rps=10000&language=dotnet&sampler=jaeger_remote&daprEnabled=false")).json()
    expect(plan.volume.probability).toBe(1)
    expect(plan.volume.tracesPerDay).toBe(864_000_000)
    expect(plan.warnings.map((warning: { id: string }) => warning.id)).toContain("sampler-unsupported")
  })

  it("answers a budget nothing meets with a recommendation and its warning, not a 400", async () => {
    const response = await get("?budgetUsdPerMonth=0")
    expect(response.status).toBe(200)
    const plan = await response.json()
    expect(plan.input.budgetUsdPerMonth).toBe(0)
    expect(plan.recommendation.choice).toBe("head")
    expect(plan.recommendation.options.every((option: { fitsBudget: boolean }) => !option.fitsBudget)).toBe(true)
    expect(plan.recommendation.warnings[0]).toMatch(/^Nothing is free: Grafana Tempo on S3 has no free tier/)
    // No budget given: none, and the API leaves it out of the input it echoes.
    const none = await (await get("")).json()
    expect("budgetUsdPerMonth" in none.input).toBe(false)
    // With none, the cheapest option that keeps every error: tail at $7,162.04 against 100 % head at $18,418.23
    // (derived in test/plan/recommend.test.ts).
    expect(none.recommendation).toMatchObject({ choice: "tail", runnerUp: { id: "head-100" } })
  })

  it("lets caches keep a plan for an hour", async () => {
    expect((await get("?rps=10")).headers.get("cache-control")).toBe("public, max-age=3600")
  })

  it("answers 400 with field messages for invalid values", async () => {
    const response = await get("?rps=-1&ratio=abc")
    expect(response.status).toBe(400)
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect(await response.json()).toEqual({
      error: "Requests per second must be greater than 0. (and 1 more)",
      issues: [
        { path: "rps", message: "Requests per second must be greater than 0." },
        {
          path: "ratio",
          message: "Sampling ratio must be a number between 0 and 1 or a percentage, e.g. 0.1 or 10 %.",
        },
      ],
    })
  })

  it("answers 400 for an unknown parameter rather than ignoring a typo", async () => {
    const response = await get("?retention=30")
    expect(response.status).toBe(400)
    expect((await response.json()).issues[0].path).toBe("retention")
  })
})

describe("POST /api/plan", () => {
  it("reads a JSON body of the same fields", async () => {
    const response = await post(JSON.stringify({ rps: 10_000, sampler: "always_on" }))
    expect(response.status).toBe(200)
    expect((await response.json()).volume.tracesPerDay).toBe(864_000_000)
  })

  it("is never cached, even when it succeeds", async () => {
    expect((await post("{}")).headers.get("cache-control")).toBe("no-store")
  })

  it("answers 413 for a body over 64 KB, with the same error shape", async () => {
    const response = await post(JSON.stringify({ rps: 10, serviceName: "a".repeat(70_000) }))
    expect(response.status).toBe(413)
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect(await response.json()).toEqual({
      error: "The request body is larger than 65,536 bytes; a plan needs a few KB at most.",
      issues: [{ path: "", message: "The request body is larger than 65,536 bytes; a plan needs a few KB at most." }],
    })
  })

  it("answers 413 from the declared length alone", async () => {
    const request = new Request("http://localhost/api/plan", {
      method: "POST",
      body: "{}",
      headers: { "content-length": "70000" },
    })
    expect((await POST(request)).status).toBe(413)
  })

  it("answers 400 with a message for a body nested 5,000 deep (it overflowed the stack: a 500)", async () => {
    const response = await post(`{"sampler": ${"[".repeat(5000)}${"]".repeat(5000)}}`)
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error:
        'The request body nests 5,001 levels deep; a plan nests at most 3 ({"topology": [{"name": …}]}), and bodies past 16 are refused.',
      issues: [
        {
          path: "",
          message:
            'The request body nests 5,001 levels deep; a plan nests at most 3 ({"topology": [{"name": …}]}), and bodies past 16 are refused.',
        },
      ],
    })
  })

  it("still validates a body nested as deep as the limit", async () => {
    const response = await post(`{"sampler": ${"[".repeat(15)}${"]".repeat(15)}}`)
    expect(response.status).toBe(400)
    expect((await response.json()).issues[0].path).toBe("sampler")
  })

  it("treats an empty body as all defaults", async () => {
    expect(await (await post("")).json()).toEqual(planDocument(DEFAULT_INPUT))
  })

  it("treats an empty body as all defaults whatever its declared type, or none", async () => {
    expect((await post("", "text/plain")).status).toBe(200)
    expect((await POST(new Request("http://localhost/api/plan", { method: "POST" }))).status).toBe(200)
  })

  it("reads JSON and JSON-based types, with parameters", async () => {
    for (const type of ["application/json", "Application/JSON; charset=utf-8", "application/merge-patch+json"]) {
      expect((await post('{"rps": 10000}', type)).status).toBe(200)
    }
  })

  it("answers 415 for a body that is not declared JSON, naming what it said", async () => {
    // Before, text/plain, form posts and image/png were all parsed as JSON and answered 200.
    for (const type of ["text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "image/png"]) {
      const response = await post('{"rps": 10000}', type)
      expect(response.status).toBe(415)
      expect(response.headers.get("cache-control")).toBe("no-store")
      const body = await response.json()
      expect(body.error).toBe(
        `POST /api/plan reads a JSON body: send it with Content-Type: application/json (this request has Content-Type ${type}).`
      )
      expect(body.issues).toEqual([{ path: "", message: body.error }])
    }
    const untyped = new Request("http://localhost/api/plan", { method: "POST", body: new Blob(['{"rps": 1}']) })
    const response = await POST(untyped)
    expect(response.status).toBe(415)
    expect((await response.json()).error).toMatch(/\(this request has no Content-Type\)\.$/)
  })

  it("answers 400 with a readable message for malformed JSON", async () => {
    const response = await post("{rps: 5000")
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error).toMatch(/^The request body is not valid JSON: /)
    expect(body.issues).toHaveLength(1)
  })

  it.each([["[]"], ["42"], ["null"], ['"rps"']])("answers 400 when the body %s is not an object", async (body) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    expect((await response.json()).error).toBe('The plan must be a JSON object of fields, e.g. {"rps": 5000}.')
  })

  it("answers 400 naming the key when the body gives a field twice, where JSON.parse would keep the last", async () => {
    const response = await post('{"rps": 10000, "ratio": 0.1, "rps": 10}')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: '"rps" appears 2 times in the JSON body; give it once.',
      issues: [{ path: "rps", message: '"rps" appears 2 times in the JSON body; give it once.' }],
    })
  })

  it("answers 400 for a query string, which a POST would otherwise ignore", async () => {
    const response = await POST(
      new Request("http://localhost/api/plan?rps=10000", {
        method: "POST",
        body: '{"ratio": 0.01}',
        headers: { "content-type": "application/json" },
      })
    )
    expect(response.status).toBe(400)
    expect(response.headers.get("cache-control")).toBe("no-store")
    expect((await response.json()).error).toBe(
      "POST /api/plan reads its fields from the JSON body, not the query string (?rps=10000): move them into the body, or use GET with the query."
    )
  })

  it("never leaks a stack trace for wrong types", async () => {
    const response = await post(JSON.stringify({ rps: { $gt: 1 }, sampler: 7, backend: null }))
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).not.toMatch(stackFrame)
    expect(JSON.parse(text).issues.map((issue: { path: string }) => issue.path)).toEqual(["rps", "sampler", "backend"])
  })
})

describe("other methods", () => {
  it.each([
    ["PUT", PUT],
    ["PATCH", PATCH],
    ["DELETE", DELETE],
  ])("answers %s with 405, the allowed methods and a JSON reason", async (method, handler) => {
    const response = handler(new Request("http://localhost/api/plan", { method }))
    expect(response.status).toBe(405)
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST")
    expect(response.headers.get("cache-control")).toBe("no-store")
    const text = await response.text()
    expect(text).not.toMatch(stackFrame)
    expect(JSON.parse(text).error).toBe(
      `${method} is not supported here; use GET with query parameters or POST with a JSON body.`
    )
  })

  it("answers OPTIONS with the methods that work", () => {
    const response = OPTIONS()
    expect(response.status).toBe(204)
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST")
  })
})

describe("planJson", () => {
  it("answers a repeated input with the same JSON it computed the first time", async () => {
    const { planJson } = await import("@/app/api/plan/respond")
    const input = { ...DEFAULT_INPUT, rps: 1234 }
    const first = planJson(input)
    expect(first).toBe(JSON.stringify(planDocument(input)))
    expect(planJson({ ...input })).toBe(first)
  })

  // 300 whole plans: about a second alone, many more on a loaded machine; the time is not what is tested.
  it("keeps at most 256 recent plans", { timeout: 60_000 }, async () => {
    const { planJson, RECENT_PLANS_KEPT } = await import("@/app/api/plan/respond")
    expect(RECENT_PLANS_KEPT).toBe(256)
    for (let rps = 1; rps <= 300; rps++) planJson({ ...DEFAULT_INPUT, rps })
    // The oldest was evicted and is computed again, still identical.
    expect(planJson({ ...DEFAULT_INPUT, rps: 1 })).toBe(JSON.stringify(planDocument({ ...DEFAULT_INPUT, rps: 1 })))
  })
})
