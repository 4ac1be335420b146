// Issue 21 items 1–3: Dapr's rate, Dapr "0" and who calls the service, each row with its source.
// Dapr sources are read at dapr/dapr d8450742ce3260d93a2346f4398a1e60d019a45b (2026-08-21):
//   DAPR_SAMPLER = pkg/diagnostics/tracing_sampler.go: ParentBased(TraceIDRatioBased(samplingRate))
//   DAPR_OFF     = pkg/api/http/server.go useTracing returns when
//                  pkg/diagnostics/utils/trace_utils.go IsTracingEnabled(rate) is false (rate == 0);
//                  pkg/diagnostics/http_tracing.go SpanContextToHTTPHeaders writes no traceparent
//                  for an empty span context, and pkg/channel/http/http_channel.go sets traceparent
//                  only when the context's span has a trace id.
//   OTEL_ENV     = OpenTelemetry SDK environment variables spec, OTEL_TRACES_SAMPLER values.
import { describe, expect, it } from "vitest"

import { GET } from "@/app/api/plan/route"
import { daprCaveats } from "@/lib/configs/dapr"
import { assumptionFacts } from "@/lib/plan/assumptions"
import { figuresFor } from "@/lib/plan/figures"
import { inputToFormValues, withFollowers } from "@/lib/plan/form-values"
import { lintPlan } from "@/lib/plan/lint"
import { lintFindings } from "@/lib/plan/lint-rules"
import { rootDecision, type Sampler, samplerHeadRate } from "@/lib/plan/samplers"
import { DEFAULT_INPUT, planInputSchema } from "@/lib/plan/schema"

const get = async (query: string) => (await GET(new Request(`http://localhost/api/plan${query}`))).json()

describe("Dapr's rate follows the sampler's own head rate (item 1)", () => {
  // [sampler, ratio, Dapr's default]: 1 and 0 for the fixed samplers (OTEL_ENV), the ratio for
  // ratio samplers and the rate assumed for Jaeger remote, X-Ray's fixed 5 % (AWS X-Ray default rule).
  const rows: [Sampler, number, number][] = [
    ["always_on", 0.1, 1],
    ["parentbased_always_on", 0.1, 1],
    ["always_off", 0.1, 0],
    ["parentbased_always_off", 0.1, 0],
    ["traceidratio", 0.25, 0.25],
    ["parentbased_traceidratio", 0.25, 0.25],
    ["jaeger_remote", 0.02, 0.02],
    ["parentbased_jaeger_remote", 0.02, 0.02],
    ["xray", 0.1, 0.05],
  ]
  it.each(rows)("%s at ratio %s: Dapr's samplingRate defaults to %s", (sampler, ratio, rate) => {
    expect(samplerHeadRate(sampler, ratio)).toBe(rate)
    expect(planInputSchema.parse({ sampler, ratio: String(ratio) }).daprSamplingRate).toBe(rate)
  })

  it("answers ?rps=10000&sampler=parentbased_always_on with 864,000,000 traces/day (issue 21's check)", async () => {
    // 10,000 req/s × 86,400 s × 1: Dapr defaults to "1", starts every trace, and the app follows.
    const plan = await get("?rps=10000&sampler=parentbased_always_on")
    expect(plan.input.daprSamplingRate).toBe(1)
    expect(plan.volume.tracesPerDay).toBe(864_000_000)
  })

  it("keeps nothing for parentbased_always_off: Dapr defaults to 0 and the app starts no trace", async () => {
    const plan = await get("?rps=10000&sampler=parentbased_always_off")
    expect(plan.input.daprSamplingRate).toBe(0)
    expect(plan.volume.tracesPerDay).toBe(0)
  })

  it("keeps a rate given explicitly, and warns which one decides and what each gives", () => {
    const input = { ...DEFAULT_INPUT, rps: 10_000, sampler: "parentbased_always_on" as const, daprSamplingRate: 0.1 }
    const finding = lintFindings(input, figuresFor(input)).find((f) => f.id === "rates-do-not-multiply")
    expect(finding).toEqual({
      id: "rates-do-not-multiply",
      severity: "warning",
      facts: {
        sampler: "parentbased_always_on",
        appRate: 1,
        daprRate: 0.1,
        // 10,000 × 86,400 × 1 and × 0.1
        appTracesPerDay: 864_000_000,
        daprTracesPerDay: 86_400_000,
        decider: "dapr",
      },
    })
    const words = lintPlan(input).find((w) => w.id === "rates-do-not-multiply")!
    expect(words.message).toContain("Dapr's samplingRate \"0.1\" decides, not the app's parentbased_always_on (100 %)")
    expect(words.message).toContain("86.4M traces/day, against 864M traces/day at the app's own rate")
    expect(words.fix).toContain('set Dapr\'s samplingRate to "1"')
  })

  it("says what the parent-based form costs when the fix for always_on would follow Dapr's 10 %", () => {
    const input = { ...DEFAULT_INPUT, sampler: "always_on" as const, daprSamplingRate: 0.1 }
    const words = lintPlan(input).find((w) => w.id === "downstream-not-parent-based")!
    expect(words.fix).toBe(
      'Use the parent-based form (parentbased_always_on). It then follows Dapr\'s samplingRate "0.1": 10 % of traces instead of its own 100 %. To keep 100 %, set Dapr\'s samplingRate to "1".'
    )
    // With Dapr at its default ("1" for always_on) the parent-based form changes nothing: no aside.
    const atDefault = planInputSchema.parse({ sampler: "always_on" })
    expect(lintPlan(atDefault).find((w) => w.id === "downstream-not-parent-based")!.fix).toBe(
      "Use the parent-based form (parentbased_always_on)."
    )
  })

  it("moves Dapr's rate in the form while it holds the sampler's head rate, and not once the user set it", () => {
    const values = inputToFormValues(DEFAULT_INPUT) // parentbased_traceidratio, ratio and Dapr "0.1"
    const alwaysOn = withFollowers(values, { sampler: "parentbased_always_on" })
    expect(alwaysOn.daprSamplingRate).toBe("1")
    expect(withFollowers(alwaysOn, { sampler: "parentbased_always_off" }).daprSamplingRate).toBe("0")
    expect(withFollowers(values, { ratio: "0.25" }).daprSamplingRate).toBe("0.25")
    const own = { ...values, daprSamplingRate: "0.5" }
    expect(withFollowers(own, { sampler: "parentbased_always_on" }).daprSamplingRate).toBe("0.5")
  })
})

describe('Dapr samplingRate "0" (item 2, DAPR_OFF)', () => {
  it("answers ?rps=10000&sampler=parentbased_traceidratio&ratio=0.1&daprSamplingRate=0 with 86,400,000 traces/day", async () => {
    // No traceparent from the sidecar: the app's 10 % starts the traces, 10,000 × 86,400 × 0.1.
    const plan = await get("?rps=10000&sampler=parentbased_traceidratio&ratio=0.1&daprSamplingRate=0")
    expect(plan.volume.tracesPerDay).toBe(86_400_000)
    expect(plan.sampler.decidedBy).toBe("app")
  })

  it("warns without telling the user to keep Dapr at 1 and let the app decide", () => {
    const input = { ...DEFAULT_INPUT, daprSamplingRate: 0 }
    const finding = lintFindings(input, figuresFor(input)).find((f) => f.id === "dapr-disables-tracing")
    // 5,000 × 86,400 × 0.1
    expect(finding).toEqual({
      id: "dapr-disables-tracing",
      severity: "warning",
      facts: { entryPoint: "sidecar", sampler: "parentbased_traceidratio", appRate: 0.1, appTracesPerDay: 43_200_000 },
    })
    const words = lintPlan(input).find((w) => w.id === "dapr-disables-tracing")!
    expect(words.message).toContain("sends no traceparent")
    expect(words.message).toContain("parentbased_traceidratio at 10 %, 43.2M traces/day")
    expect(words.fix).not.toMatch(/keep Dapr at "1"/)
    expect(words.fix).toContain('at "0.1" it starts traces as often as the app does now')
    expect(assumptionFacts(input).map((a) => a.id)).toContain("dapr-tracing-off")
    expect(daprCaveats(input)[0]).toContain("sends no traceparent")
  })
})

describe("who calls this service (item 3)", () => {
  const base = { daprEnabled: true, language: "python", sampler: "parentbased_traceidratio", ratio: 0.5 } as const
  // [entry point, Dapr's rate, who decides, at which ratio]
  const rows: [string, "sidecar" | "app" | "dapr-app", number, "dapr" | "caller" | "app", number][] = [
    // DAPR_SAMPLER: no context reaches the sidecar, so its own ratio decides and the app follows.
    ["an Ingress to the sidecar's HTTP API", "sidecar", 0.1, "dapr", 0.1],
    // The app's SDK sees the request first: its ratio decides; Dapr's ParentBased follows.
    ["an Ingress to the app's port", "app", 0.1, "app", 0.5],
    // Service invocation: the caller's sidecar sent a sampled/unsampled traceparent (DAPR_SAMPLER,
    // ParentBased); the caller is assumed to run this Configuration's rate.
    ["another Dapr app", "dapr-app", 0.1, "caller", 0.1],
    // DAPR_OFF: no sidecar span, so the app decides for a request reaching the sidecar.
    ["the sidecar with tracing off", "sidecar", 0, "app", 0.5],
    // DAPR_OFF on both sides: the calling app's own context passes through; assumed this sampler.
    ["another Dapr app with tracing off", "dapr-app", 0, "caller", 0.5],
  ]
  it.each(rows)("%s: %s at Dapr %s is decided by %s at %s", (_what, entryPoint, daprSamplingRate, by, ratio) => {
    const decision = rootDecision({ ...base, entryPoint, daprSamplingRate })
    expect(decision.decidedBy).toBe(by)
    expect(decision.ratio).toBe(ratio)
  })

  it("reads older links: daprIngress=false is entryPoint=app, true is sidecar; entryPoint wins", () => {
    expect(planInputSchema.parse({ daprIngress: "false" })).toMatchObject({ entryPoint: "app", daprIngress: false })
    expect(planInputSchema.parse({ daprIngress: "true" })).toMatchObject({ entryPoint: "sidecar", daprIngress: true })
    expect(planInputSchema.parse({ daprIngress: "true", entryPoint: "dapr-app" })).toMatchObject({
      entryPoint: "dapr-app",
      daprIngress: false,
    })
  })

  it("says the caller decides, in the assumptions, the config notes and the lint", () => {
    const input = planInputSchema.parse({ entryPoint: "dapr-app", ratio: "0.5", daprSamplingRate: "0.1" })
    expect(assumptionFacts(input)[0]).toEqual({ id: "caller-decides", daprRate: 0.1 })
    expect(daprCaveats(input)[0]).toContain("the caller's sidecar (or app) decides")
    const words = lintPlan(input).find((w) => w.id === "rates-do-not-multiply")!
    expect(words.message).toContain("another Dapr app calls this one")
    expect(words.fix).toContain("in the caller's Configuration")
  })

  it("warns when requests bypass the sidecar and Dapr's rate says something else", () => {
    const input = planInputSchema.parse({ entryPoint: "app", ratio: "0.5", daprSamplingRate: "0.1" })
    const finding = lintFindings(input, figuresFor(input)).find((f) => f.id === "dapr-rate-unused")
    // 5,000 × 86,400 × 0.5 and × 0.1
    expect(finding?.severity).toBe("warning")
    expect(finding?.facts).toMatchObject({ appTracesPerDay: 216_000_000, daprTracesPerDay: 43_200_000 })
  })
})

describe('Dapr "0" with an app that keeps nothing', () => {
  it("says nothing is traced and how Dapr's rate would start traces", () => {
    // parentbased_always_off: Dapr defaults to "0" (its head rate), so neither side starts a trace.
    const input = planInputSchema.parse({ sampler: "parentbased_always_off" })
    const words = lintPlan(input).find((w) => w.id === "dapr-disables-tracing")!
    expect(words.message).toContain("parentbased_always_off at 0 %, 0 traces/day")
    expect(words.fix).toBe(
      'Nothing is traced. To trace, give Dapr the rate you want (e.g. "0.1"): it starts traces at that rate for requests that reach it without context, and a parent-based app follows each decision.'
    )
  })
})
