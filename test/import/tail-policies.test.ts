import { describe, expect, it } from "vitest"

import {
  latencyPolicySamples,
  tailProbabilisticThreshold,
  tailTraceIdHash,
  tailTraceIdHashes,
  TokenBucket,
} from "@/lib/import/tail-policies"
import { traceIdWords } from "@/lib/import/trace-records"

const hex = ([hi, lo]: [number, number]) => hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0")

describe("the tail_sampling probabilistic policy's hash", () => {
  // FNV-1a 64 of "default-hash-seed" then the 16 id bytes, as probabilistic.go hashTraceID does
  // (collector-contrib@463d7730), computed in CPython 3.11 with integers:
  // h = 0xcbf29ce484222325; for b in salt + id: h ^= b; h = h * 0x100000001b3 % 2**64
  it.each([
    ["00000000000000000000000000000000", "e19536eed1bbac3d"],
    ["4bf92f3577b34da6a3ce929d0e0e0001", "a621e4ba2f04c40f"],
    ["0af7651916cd43dd8448eb211c80319c", "33bf83d45f51634c"],
  ])("hashes %s to %s", (id, expected) => {
    expect(hex(tailTraceIdHash(...traceIdWords(id)))).toBe(expected)
  })
})

describe("tailProbabilisticThreshold", () => {
  // calculateThreshold(percent / 100): MaxUint64 × ratio in a 64-bit big.Float (nearest even), then
  // truncated; the same steps in CPython with fractions.Fraction.
  it.each([
    [100, 18446744073709551615n],
    [50, 9223372036854775807n],
    [25, 4611686018427387903n],
    [10, 1844674407370955263n],
    [1, 184467440737095519n],
    [0.1, 18446744073709551n],
    [33.3, 6142765776545279999n],
    [1e-12, 184467n],
    [0, 0n],
  ])("at %s %% is %s", (percent, expected) => {
    expect(tailProbabilisticThreshold(percent)).toBe(expected)
  })
})

describe("TokenBucket (golang.org/x/time/rate as rate_limiting uses it)", () => {
  it("starts full, takes all of a request or nothing, and refills at its rate", () => {
    const bucket = new TokenBucket(100, 200)
    expect(bucket.allow(150, 0)).toBe(true)
    expect(bucket.allow(100, 0)).toBe(false)
    expect(bucket.allow(50, 0)).toBe(true)
    expect(bucket.allow(50, 0.4)).toBe(false) // 40 refilled
    expect(bucket.allow(50, 0.5)).toBe(true) // 50 refilled
  })

  it("never passes a trace with more spans than the burst (2 × spans_per_second)", () => {
    expect(new TokenBucket(100, 200).allow(201, 1000)).toBe(false)
  })
})

describe("latencyPolicySamples", () => {
  it("truncates to whole milliseconds and compares with >=", () => {
    expect(latencyPolicySamples(999.99, 1000)).toBe(false)
    expect(latencyPolicySamples(1000, 1000)).toBe(true)
    expect(latencyPolicySamples(1000.7, 1001)).toBe(false)
  })
})

describe("tailTraceIdHashes", () => {
  it("hashes many ids as tailTraceIdHash does one", () => {
    const ids = Uint32Array.from([
      ...traceIdWords("00000000000000000000000000000000"),
      ...traceIdWords("4bf92f3577b34da6a3ce929d0e0e0001"),
      ...traceIdWords("0af7651916cd43dd8448eb211c80319c"),
    ])
    const { hi, lo } = tailTraceIdHashes(ids, 3)
    expect([0, 1, 2].map((i) => hex([hi[i] as number, lo[i] as number]))).toEqual([
      "e19536eed1bbac3d",
      "a621e4ba2f04c40f",
      "33bf83d45f51634c",
    ])
  })
})
