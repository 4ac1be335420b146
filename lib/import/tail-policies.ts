// The Collector's tail_sampling policies the generated config uses, as the processor evaluates them,
// read in open-telemetry/opentelemetry-collector-contrib processor/tailsamplingprocessor:
// - internal/sampling/probabilistic.go @463d7730f8e1117416fa30d6d2c467a091e6811a: FNV-1a 64 of the
//   salt ("default-hash-seed") then the 16 id bytes, sampled when ≤ calculateThreshold(percent / 100);
// - internal/sampling/status_code.go @fa395875ad164304d377391fd496436f62517105: any span with the status;
// - internal/sampling/latency.go @0a3557b52c3cb73a780e5262b9c8b93b7498c93a: the latest span end minus
//   the earliest span start, whole milliseconds (Go's Duration.Milliseconds truncates), ≥ threshold_ms;
// - internal/sampling/rate_limiting.go @026e1822c7f48423d5e93a106632f9c1bed1602e: a token bucket
//   (golang.org/x/time/rate) refilled at spans_per_second, holding 2 × that, AllowN(trace's span count);
// - internal/sampling/and.go @8dfdf20f0fa3571fe4302ba0cf7db7719329d4b9: sub-policies in order, the first
//   NotSampled stops it (so the rate limit spends tokens only on traces the baseline sampled);
// - processor.go @8108fabf87a2f4e9288565c19859c06fdc82d596 makeDecision: every policy is evaluated;
//   Dropped wins, then InvertNotSampled, then any Sampled keeps the trace.

/**
 * The tail_sampling probabilistic policy's default `hash_salt`.
 *
 * @example
 * DEFAULT_HASH_SALT //=> "default-hash-seed"
 */
export const DEFAULT_HASH_SALT = "default-hash-seed"

const FNV_OFFSET_HI = 0xcbf29ce4
const FNV_OFFSET_LO = 0x84222325
// The 64-bit FNV prime is 2^40 + 0x1b3.
const FNV_PRIME_LOW = 0x1b3
const TWO_POW_32 = 2 ** 32

/** One FNV-1a step on a 64-bit state held as two words; returns the state in `state`. */
function fnvByte(state: [number, number], byte: number): void {
  const lo = (state[1] ^ byte) >>> 0
  const hi = state[0]
  // (hi·2^32 + lo) × (2^40 + 0x1b3) mod 2^64: lo × 0x1b3 carries into hi; lo × 2^40 adds lo << 8 to hi.
  const loProduct = lo * FNV_PRIME_LOW
  const carry = Math.floor(loProduct / TWO_POW_32)
  state[1] = loProduct >>> 0
  state[0] = (hi * FNV_PRIME_LOW + carry + ((lo << 8) >>> 0)) >>> 0
}

/**
 * The probabilistic policy's hash of a trace id: FNV-1a 64 over the salt's bytes, then the id's 16
 * bytes; as [high word, low word].
 *
 * @example
 * tailTraceIdHash(0, 0, 0, 0) //=> [0xe19536ee, 0xd1bbac3d]
 */
export function tailTraceIdHash(
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  salt: string = DEFAULT_HASH_SALT
): [number, number] {
  const state: [number, number] = [FNV_OFFSET_HI, FNV_OFFSET_LO]
  for (const byte of new TextEncoder().encode(salt)) fnvByte(state, byte)
  for (const word of [w0, w1, w2, w3]) {
    fnvByte(state, word >>> 24)
    fnvByte(state, (word >>> 16) & 0xff)
    fnvByte(state, (word >>> 8) & 0xff)
    fnvByte(state, word & 0xff)
  }
  return state
}

/** A finite double as an exact fraction: mantissa × 2^exponent. */
function exactParts(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value)
  const high = view.getUint32(0)
  const biased = (high >>> 20) & 0x7ff
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4))
  return biased === 0
    ? { mantissa: fraction, exponent: -1074 }
    : { mantissa: fraction | (1n << 52n), exponent: biased - 1075 }
}

/**
 * The probabilistic policy's threshold for a sampling percentage, as `calculateThreshold` computes
 * it: MaxUint64 × (percent / 100) in a big.Float of 64 bits of precision (rounded to nearest even),
 * then truncated to a uint64.
 *
 * @example
 * tailProbabilisticThreshold(100) //=> 18446744073709551615n
 * tailProbabilisticThreshold(50)  //=> 9223372036854775807n  (2^63 − 0.5 fits in 64 bits; truncated)
 */
export function tailProbabilisticThreshold(samplingPercentage: number): bigint {
  const ratio = samplingPercentage / 100
  if (!(ratio > 0)) return 0n
  const { mantissa, exponent } = exactParts(ratio)
  const product = mantissa * (2n ** 64n - 1n)
  if (exponent >= 0) {
    const whole = product << BigInt(exponent)
    return whole >= 2n ** 64n ? 2n ** 64n - 1n : whole
  }
  // product / 2^shift rounded to 64 significant bits, then its integer part.
  const shift = BigInt(-exponent)
  const bits = product.toString(2).length - Number(shift)
  const keepFractionBits = BigInt(Math.max(0, 64 - bits))
  const drop = shift - keepFractionBits
  let rounded: bigint
  if (drop <= 0n) rounded = product << -drop
  else {
    const quotient = product >> drop
    const remainder = product - (quotient << drop)
    const half = 1n << (drop - 1n)
    rounded = remainder > half || (remainder === half && (quotient & 1n) === 1n) ? quotient + 1n : quotient
  }
  const result = rounded >> keepFractionBits
  return result >= 2n ** 64n ? 2n ** 64n - 1n : result
}

/**
 * golang.org/x/time/rate's Limiter as the rate_limiting policy uses it: full at the start, refilled
 * at `perSecond` tokens a second up to `burst`; `allow(n, atSeconds)` takes n tokens or none.
 *
 * @example
 * const bucket = new TokenBucket(100, 200)
 * bucket.allow(150, 0) //=> true
 * bucket.allow(100, 0) //=> false (50 left)
 * bucket.allow(100, 0.5) //=> true (50 + 50 refilled)
 */
export class TokenBucket {
  private tokens: number
  private last = 0

  constructor(
    private readonly perSecond: number,
    private readonly burst: number
  ) {
    this.tokens = burst
  }

  allow(count: number, atSeconds: number): boolean {
    const elapsed = Math.max(0, atSeconds - this.last)
    this.last = Math.max(this.last, atSeconds)
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond)
    if (count > this.tokens) return false
    this.tokens -= count
    return true
  }
}

/**
 * Whether the latency policy samples a trace of this span (latest end − earliest start, in ms):
 * Go's Duration.Milliseconds() truncates, and the policy compares with `>=`.
 *
 * @example
 * latencyPolicySamples(999.9, 1000) //=> false
 * latencyPolicySamples(1000, 1000)  //=> true
 */
export function latencyPolicySamples(traceDurationMs: number, thresholdMs: number): boolean {
  return Math.trunc(traceDurationMs) >= thresholdMs
}
