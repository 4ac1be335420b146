import { describe, expect, it } from "vitest"

import { smallSampleNote, wilsonInterval } from "@/lib/import/apply"

describe("wilsonInterval", () => {
  it("gives the 95 % interval of a share seen in n traces", () => {
    // 1 error in 4 traces: center (0.25 + 0.4802) / 1.9604, half-width 1.96 × √(0.046875 + 0.060025) / 1.9604.
    const [low, high] = wilsonInterval(0.25, 4)
    expect(low).toBeCloseTo(0.045586, 6)
    expect(high).toBeCloseTo(0.699364, 6)
  })

  it("stays within 0 and 1 when nothing or everything failed", () => {
    expect(wilsonInterval(0, 50)).toEqual([0, expect.closeTo(0.07135, 5)])
    expect(wilsonInterval(1, 1)[1]).toBe(1)
  })
})

describe("smallSampleNote", () => {
  it("says how rough a small file's error rate is", () => {
    expect(smallSampleNote({ traces: 4, errorRatio: 0.25 })).toBe(
      "Only 4 traces: the rates below are rough. The 25 % error rate means anywhere from 4.56 % to 69.9 % for the service (95 % interval); a file of a few hundred traces gives steadier numbers."
    )
    expect(smallSampleNote({ traces: 1, errorRatio: 1 })).toMatch(/^Only 1 trace: /)
  })

  it("says nothing from 100 traces on, nor for a file with no complete trace (which has its own warning)", () => {
    expect(smallSampleNote({ traces: 99, errorRatio: 0.01 })).not.toBeNull()
    expect(smallSampleNote({ traces: 100, errorRatio: 0.01 })).toBeNull()
    expect(smallSampleNote({ traces: 0, errorRatio: 0 })).toBeNull()
  })
})
