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

/** The FNV-1a state after each salt's bytes: the same for every trace id, so computed once. */
const saltStates = new Map<string, [number, number]>()

/** FNV-1a 64 over bytes, from a state held as [high word, low word]; updates `state`. */
function fnvBytes(state: [number, number], bytes: ArrayLike<number>): void {
  let hi = state[0]
  let lo = state[1]
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ (bytes[i] as number)) >>> 0
    // (hi·2^32 + lo) × (2^40 + 0x1b3) mod 2^64: lo × 0x1b3 carries into hi; lo × 2^40 adds lo << 8 to hi.
    const carry = ((lo * FNV_PRIME_LOW) / TWO_POW_32) | 0
    hi = (Math.imul(hi, FNV_PRIME_LOW) + carry + (lo << 8)) >>> 0
    lo = Math.imul(lo, FNV_PRIME_LOW) >>> 0
  }
  state[0] = hi
  state[1] = lo
}

function saltState(salt: string): [number, number] {
  let state = saltStates.get(salt)
  if (!state) {
    state = [FNV_OFFSET_HI, FNV_OFFSET_LO]
    fnvBytes(state, new TextEncoder().encode(salt))
    saltStates.set(salt, state)
  }
  return state
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
  const state: [number, number] = [...saltState(salt)]
  const bytes = [
    w0 >>> 24,
    (w0 >>> 16) & 0xff,
    (w0 >>> 8) & 0xff,
    w0 & 0xff,
    w1 >>> 24,
    (w1 >>> 16) & 0xff,
    (w1 >>> 8) & 0xff,
    w1 & 0xff,
    w2 >>> 24,
    (w2 >>> 16) & 0xff,
    (w2 >>> 8) & 0xff,
    w2 & 0xff,
    w3 >>> 24,
    (w3 >>> 16) & 0xff,
    (w3 >>> 8) & 0xff,
    w3 & 0xff,
  ]
  fnvBytes(state, bytes)
  return state
}

/**
 * {@link tailTraceIdHash} of `count` ids held as four words each, into two word arrays: one pass,
 * no allocation per id.
 *
 * @example
 * tailTraceIdHashes(new Uint32Array(4), 1).hi[0] //=> 0xe19536ee
 */
export function tailTraceIdHashes(
  ids: Uint32Array,
  count: number,
  salt: string = DEFAULT_HASH_SALT
): { hi: Uint32Array; lo: Uint32Array } {
  const [saltHi, saltLo] = saltState(salt)
  const his = new Uint32Array(count)
  const los = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    let hi = saltHi
    let lo = saltLo
    for (let w = 0; w < 4; w++) {
      const word = ids[4 * i + w] as number
      for (let shift = 24; shift >= 0; shift -= 8) {
        lo = (lo ^ ((word >>> shift) & 0xff)) >>> 0
        const carry = ((lo * FNV_PRIME_LOW) / TWO_POW_32) | 0
        hi = (Math.imul(hi, FNV_PRIME_LOW) + carry + (lo << 8)) >>> 0
        lo = Math.imul(lo, FNV_PRIME_LOW) >>> 0
      }
    }
    his[i] = hi
    los[i] = lo
  }
  return { hi: his, lo: los }
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
