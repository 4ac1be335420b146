import { describe, expect, it } from "vitest"

import { computeVolume } from "@/lib/plan/volume"

const tenThousandRps = {
  rps: 10_000,
  peakRps: 10_000,
  sampler: "parentbased_traceidratio" as const,
  spansPerTrace: 30,
  spanBytes: 500,
}

describe("computeVolume", () => {
  it.each([
    [1, 864_000_000],
    [0.1, 86_400_000],
    [0.01, 8_640_000],
    [0.001, 864_000],
  ])("gives the classic table: 10,000 rps at ratio %d keeps exactly %d traces per day", (ratio, tracesPerDay) => {
    expect(computeVolume({ ...tenThousandRps, ratio }).tracesPerDay).toBe(tracesPerDay)
  })

  it("counts requests per day as rps × 86,400 whatever the sampler", () => {
    expect(computeVolume({ ...tenThousandRps, sampler: "always_off", ratio: 0.1 }).requestsPerDay).toBe(864_000_000)
  })

  it("multiplies traces by spans per trace and spans by bytes per span", () => {
    const volume = computeVolume({ ...tenThousandRps, ratio: 0.1 })
    expect(volume.spansPerDay).toBe(2_592_000_000)
    expect(volume.ingestBytesPerDay).toBe(1_296_000_000_000)
  })

  it("sizes peak throughput from the peak rate, not the average", () => {
    const volume = computeVolume({ ...tenThousandRps, peakRps: 25_000, ratio: 0.1 })
    expect(volume.peakTracesPerSecond).toBe(2500)
    expect(volume.peakSpansPerSecond).toBe(75_000)
    expect(volume.peakIngestBytesPerSecond).toBe(37_500_000)
    expect(volume.tracesPerDay).toBe(86_400_000)
  })

  it("applies X-Ray's reservoir per second, so its daily traces are 1/s plus 5 % of the rest", () => {
    const volume = computeVolume({ ...tenThousandRps, sampler: "xray", ratio: 0.1 })
    expect(volume.tracesPerDay).toBeCloseTo((1 + 9_999 * 0.05) * 86_400, 6)
  })

  describe("edge cases", () => {
    it("keeps nothing with always_off", () => {
      const volume = computeVolume({ ...tenThousandRps, sampler: "always_off", ratio: 1 })
      expect(volume.tracesPerDay).toBe(0)
      expect(volume.ingestBytesPerDay).toBe(0)
      expect(volume.peakSpansPerSecond).toBe(0)
    })

    it("stays finite at the largest accepted inputs", () => {
      const volume = computeVolume({
        rps: 1e9,
        peakRps: 1e9,
        sampler: "always_on",
        ratio: 1,
        spansPerTrace: 100_000,
        spanBytes: 1_000_000,
      })
      expect(volume.ingestBytesPerDay).toBe(8.64e24)
    })
  })
})
