import { describe, expect, it } from "vitest"

import { probeRequestsPerDay, probeRps, tracedProbeRps } from "@/lib/plan/probes"
import { computeVolume } from "@/lib/plan/volume"

const seedProbes = { replicas: 3, probesPerReplica: 3, probeIntervalSeconds: 10, excludeHealthChecks: true }

describe("probes", () => {
  it("sends every probe to every replica once per interval", () => {
    expect(probeRps(seedProbes)).toBe(0.9)
    expect(probeRequestsPerDay(seedProbes)).toBe(77_760)
  })

  it("never counts excluded probes as sampled traffic", () => {
    expect(tracedProbeRps(seedProbes)).toBe(0)
    expect(tracedProbeRps({ ...seedProbes, excludeHealthChecks: false })).toBe(0.9)
  })

  it("samples traced probes like any root request, one span each", () => {
    const volume = computeVolume({
      rps: 100,
      peakRps: 100,
      sampler: "always_on",
      ratio: 1,
      spansPerTrace: 10,
      spanBytes: 500,
      tracedProbeRps: 1,
    })
    expect(volume.probeTracesPerDay).toBe(86_400)
    expect(volume.tracesPerDay).toBe(8_726_400)
    expect(volume.spansPerDay).toBe(86_486_400)
  })

  it("shares X-Ray's one-per-second reservoir between users and probes", () => {
    const volume = computeVolume({
      rps: 1,
      peakRps: 1,
      sampler: "xray",
      ratio: 0,
      spansPerTrace: 10,
      spanBytes: 500,
      tracedProbeRps: 1,
    })
    // 2 req/s: 1 reservoir + 5 % of 1 = 1.05 traces/s, half of them probes
    expect(volume.tracesPerDay).toBeCloseTo(90_720, 6)
    expect(volume.probeTracesPerDay).toBeCloseTo(45_360, 6)
  })
})
