import { describe, expect, it } from "vitest"

import { allowanceBreakEven, highestRatioWithin } from "@/lib/plan/break-even"
import { DEFAULT_INPUT } from "@/lib/plan/fields"

// A small service: 10 req/s, 10 spans of 500 B per trace, Python (its SDK skips the probes), no
// tail sampling. At 100 % a month (30.4 days) holds:
//   traces 10 × 86,400 × 30.4          = 26,265,600
//   spans  26,265,600 × 10             = 262,656,000  (Honeycomb events, Cloud Trace spans)
//   bytes  262,656,000 × 500 B         = 131.328 GB   (Grafana Cloud, Datadog ingest)
const SMALL = { ...DEFAULT_INPUT, rps: 10, peakRps: 10, spansPerTrace: 10, spanBytes: 500, language: "python" as const }

describe("highestRatioWithin", () => {
  it("solves use proportional to the rate in one step", () => {
    // 20 M free of 425.6 M at 100 %: 20 / 425.6.
    expect(highestRatioWithin((ratio) => ratio * 425.6e6, 20e6)).toBeCloseTo(0.046992481203, 12)
  })

  it("is 1 when even the full rate fits, and 0 when nothing does", () => {
    expect(highestRatioWithin((ratio) => ratio * 10e6, 20e6)).toBe(1)
    expect(highestRatioWithin((ratio) => 5 + ratio, 1)).toBe(0)
  })

  it("bisects a use that is not proportional (a capped baseline plus a linear part)", () => {
    // 100 per unit up to 0.2 (20), then 10 per unit: 25 is reached at 0.2 + 5 / 10 = 0.7.
    const capped = (ratio: number) => (ratio < 0.2 ? ratio * 100 : 20 + (ratio - 0.2) * 10)
    expect(highestRatioWithin(capped, 25)).toBeCloseTo(0.7, 8)
  })
})

describe("allowanceBreakEven", () => {
  it("Honeycomb: 20 M free events of 262.656 M at 100 %, and the Free plan costs $0", () => {
    // Honeycomb pricing FAQ (2024–26): Free plan 20 M events a month; 20e6 / 262.656e6 = 0.076145224.
    const breakEven = allowanceBreakEven({ ...SMALL, backend: "honeycomb" }, "honeycomb")
    expect(breakEven?.usedAtFullRate).toBe(262_656_000)
    expect(breakEven?.ratio).toBeCloseTo(0.0761452241715, 12)
    expect(breakEven?.freeRatio).toBe(breakEven?.ratio)
  })

  it("Google Cloud Trace: 2.5 M free spans a month; X-Ray over OTLP has no published allowance", () => {
    // X-Ray over OTLP (Transaction Search) bills spans at CloudWatch prices the bill names as
    // unpriced: no allowance, so no break-even rate to show.
    expect(allowanceBreakEven(SMALL, "aws-xray")).toBeNull()
    // Google Cloud Observability pricing: first 2.5 M spans free; 2.5e6 / 262,656,000 = 0.0095181530.
    expect(allowanceBreakEven(SMALL, "google-cloud-trace")?.ratio).toBeCloseTo(0.00951815302144, 13)
  })

  it("New Relic bills 1.5× the OTLP bytes against 100 free GB", () => {
    // 131.328 GB × 1.5 = 196.992 GB billed at 100 %; 100 / 196.992 = 0.5076348.
    const breakEven = allowanceBreakEven(SMALL, "new-relic")
    expect(breakEven?.ratio).toBeCloseTo(0.50763482781, 10)
    expect(breakEven?.freeRatio).toBe(breakEven?.ratio)
  })

  it("Grafana Cloud's 50 free GB: within the allowance below 38 %, but never free (the $19 platform fee)", () => {
    // 50 / 131.328 = 0.3807261.
    const breakEven = allowanceBreakEven(SMALL, "grafana-cloud")
    expect(breakEven?.ratio).toBeCloseTo(0.38072612086, 10)
    expect(breakEven?.freeRatio).toBeNull()
  })

  it("Datadog: 10 hosts include 1,500 GB, more than 131.328 GB at 100 %, but the hosts are never free", () => {
    // Datadog APM pricing: 150 GB ingested per APM host a month.
    expect(allowanceBreakEven(SMALL, "datadog")).toEqual({ ratio: 1, usedAtFullRate: 131.328, freeRatio: null })
  })

  it("is null for a self-hosted backend", () => {
    expect(allowanceBreakEven(SMALL, "tempo")).toBeNull()
  })
})
