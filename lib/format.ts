/**
 * Readable numbers for people: 864M traces, 1.2 TB, $1,234/mo. Every formatter returns text for
 * any finite input and "—" for anything else, so the page never shows NaN or Infinity.
 */

const DASH = "—"

/**
 * The shortest decimal digits that read back as `value` (what `String(value)` prints) as a digit
 * string and the position of the decimal point in it: 1234.5 → { digits: "12345", point: 4 }.
 */
function decimalDigits(value: number): { digits: string; point: number } {
  const [mantissa = "0", exponent = "0"] = String(value).split("e")
  const [whole = "0", fraction = ""] = mantissa.split(".")
  const digits = `${whole}${fraction}`
  const leadingZeros = digits.length - digits.replace(/^0+/, "").length
  return { digits: digits.slice(leadingZeros) || "0", point: whole.length + Number(exponent) - leadingZeros }
}

/**
 * What `value.toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits })` prints,
 * written out by hand: the browser's first Intl.NumberFormat loads its locale data, ~20 ms on a
 * fast machine, on the page's critical path. Rounds half away from zero on the shortest decimal
 * form, as Intl does (1.005 → "1.01"); groups thousands with ",". A property test holds it to Intl.
 *
 * @example
 * formatDecimal(1234.56, 0, 1) //=> "1,234.6"
 * formatDecimal(15.3, 2, 2)    //=> "15.30"
 * formatDecimal(0.125, 0, 2)   //=> "0.13"
 */
export function formatDecimal(value: number, minimumFractionDigits: number, maximumFractionDigits: number): string {
  if (Number.isNaN(value)) return "NaN"
  const sign = value < 0 || Object.is(value, -0) ? "-" : ""
  if (!Number.isFinite(value)) return `${sign}∞`
  const { digits, point } = decimalDigits(Math.abs(value))
  // Every digit up to the last fraction digit kept, as a whole number of units of 10^-maximumFractionDigits.
  const kept = point + maximumFractionDigits
  let units: bigint
  if (kept < 0) units = 0n
  else if (kept >= digits.length) units = BigInt(digits) * 10n ** BigInt(kept - digits.length)
  else units = BigInt(digits.slice(0, kept) || "0") + (Number(digits[kept]) >= 5 ? 1n : 0n)
  const text = units.toString().padStart(maximumFractionDigits + 1, "0")
  const whole = text.slice(0, text.length - maximumFractionDigits)
  const fraction = text
    .slice(text.length - maximumFractionDigits)
    .replace(/0+$/, "")
    .padEnd(minimumFractionDigits, "0")
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`
}

function significant(value: number, digits = 3): string {
  // toPrecision keeps 3 significant digits; Number() drops trailing zeros ("86.40" → "86.4").
  const rounded = Number(value.toPrecision(digits))
  // String() writes numbers below a millionth as "1e-7" and from 10²¹ as "1e+21": "1 × 10⁻⁷" instead.
  const abs = Math.abs(rounded)
  return (abs > 0 && abs < 1e-6) || abs >= 1e21 ? scientific(rounded) : String(rounded)
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

/** `value` as "m × 10ⁿ" with 3 significant digits, for numbers no suffix reads well. */
function scientific(value: number): string {
  const [mantissa = "0", exponent = "0"] = value.toExponential(2).split("e")
  const power = [...String(Math.abs(Number(exponent)))].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join("")
  return `${Number(mantissa)} × 10${Number(exponent) < 0 ? "⁻" : ""}${power}`
}

const COUNT_UNITS = [
  { size: 1e12, suffix: "T" },
  { size: 1e9, suffix: "B" },
  { size: 1e6, suffix: "M" },
  { size: 1e3, suffix: "K" },
] as const

/** A count with a metric suffix and `digits` significant digits (see formatCount). */
function countText(value: number, digits: number): string {
  if (!Number.isFinite(value)) return DASH
  const abs = Math.abs(value)
  // Beyond a thousand trillion, suffixes stop helping: "8.64 × 10²⁴". (String() alone writes
  // numbers below 1e21 out in full, "8640000000000000000", and above it as "8.64e+24".)
  if (abs >= 1e15) return scientific(value)
  for (const unit of COUNT_UNITS) {
    // Round first so 999,999 prints as "1M", not "1000K".
    if (Number(abs.toPrecision(digits)) >= unit.size) return `${significant(value / unit.size, digits)}${unit.suffix}`
  }
  return significant(value, digits)
}

/**
 * A count with a metric suffix and three significant digits.
 *
 * @example
 * formatCount(864_000_000) //=> "864M"
 * formatCount(86_400_000)  //=> "86.4M"
 * formatCount(8_640)       //=> "8.64K"
 * formatCount(0.5)         //=> "0.5"
 * formatCount(8.64e18)     //=> "8.64 × 10¹⁸"
 * formatCount(8.64e24)     //=> "8.64 × 10²⁴"
 * formatCount(1e-9)        //=> "1 × 10⁻⁹"
 */
export function formatCount(value: number): string {
  return countText(value, 3)
}

/**
 * A rough count, two significant digits, for figures read as orders of magnitude (how long until
 * the first error trace).
 *
 * @example
 * formatRoughCount(2.345)   //=> "2.3"
 * formatRoughCount(1_234)   //=> "1.2K"
 * formatRoughCount(1.5e-7)  //=> "1.5 × 10⁻⁷"
 */
export function formatRoughCount(value: number): string {
  return countText(value, 2)
}

/**
 * A whole number with thousands separators, for exact figures.
 *
 * @example
 * formatInteger(864000000) //=> "864,000,000"
 */
export function formatInteger(value: number): string {
  if (!Number.isFinite(value)) return DASH
  return formatDecimal(Math.round(value), 0, 0)
}

/**
 * A noun in the number a count calls for: singular for exactly 1, else an added "s".
 *
 * @example
 * `${formatCount(1)} ${plural(1, "core")}`   //=> "1 core"
 * `${formatCount(34)} ${plural(34, "core")}` //=> "34 cores"
 */
export function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`
}

/**
 * A count and its noun, in agreement: rounded like other counts by default, or exact where the
 * figure is one to act on (replicas to run, a minimum to reach).
 *
 * @example
 * countOf(1500, "Collector core")             //=> "1.5K Collector cores"
 * countOf(3750, "replica", formatInteger)     //=> "3,750 replicas"
 * countOf(1, "trace")                         //=> "1 trace"
 */
export function countOf(count: number, noun: string, format: (value: number) => string = formatCount): string {
  return `${format(count)} ${plural(count, noun)}`
}

/**
 * A number as a person types it, with its unit: thousands grouped, up to six decimals, and a unit
 * that counts things in the singular for exactly 1 ("1 trace/min", "1 day"; "1 s" and "1 ms" stay).
 *
 * @example
 * formatQuantity(5000, "req/s")   //=> "5,000 req/s"
 * formatQuantity(1, "traces/min") //=> "1 trace/min"
 * formatQuantity(0.01, "")        //=> "0.01"
 */
export function formatQuantity(value: number, unit: string): string {
  if (!Number.isFinite(value)) return DASH
  // A plural noun of two or more letters before an "s" that ends it or precedes "/": days, spans/s.
  const noun = value === 1 ? unit.replace(/^([a-z]{2,}?)s(?=\/|$)/, "$1") : unit
  const number = formatDecimal(value, 0, 6)
  return noun === "" ? number : `${number} ${noun}`
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"] as const

/**
 * Bytes in decimal (SI) units with three significant digits: 1 GB = 10⁹ bytes.
 *
 * @example
 * formatBytes(1_200_000_000_000) //=> "1.2 TB"
 * formatBytes(648e9)            //=> "648 GB"
 * formatBytes(500)              //=> "500 B"
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return DASH
  let value = Math.abs(bytes)
  let unit = 0
  while (unit < BYTE_UNITS.length - 1 && Number(value.toPrecision(3)) >= 1000) {
    value /= 1000
    unit++
  }
  // Past a thousand yottabytes (absurd inputs the schema still allows): "1.46 × 10³⁰ YB".
  return `${bytes < 0 ? "-" : ""}${value >= 1e15 ? scientific(value) : significant(value)} ${BYTE_UNITS[unit]}`
}

/**
 * US dollars: cents below $100, whole dollars up to a million, then "$1.23M".
 *
 * @example
 * formatUsd(1234.4)     //=> "$1,234"
 * formatUsd(15.337)     //=> "$15.34"
 * formatUsd(2_340_000)  //=> "$2.34M"
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return DASH
  const abs = Math.abs(usd)
  if (abs >= 1e6) return `$${formatCount(usd)}`
  const digits = abs < 100 ? 2 : 0
  return `$${formatDecimal(usd, digits, digits)}`
}

/**
 * A duration in the unit people say it in, three significant digits: milliseconds below a second,
 * seconds below a minute, then minutes.
 *
 * @example
 * formatDuration(250)     //=> "250 ms"
 * formatDuration(1000)    //=> "1 s"   (not "1K ms")
 * formatDuration(2_500)   //=> "2.5 s"
 * formatDuration(90_000)  //=> "1.5 min"
 * formatDuration(0.25)    //=> "0.25 ms"
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return DASH
  const abs = Math.abs(ms)
  // Rounded first, so 999.6 ms reads "1 s", not "1000 ms".
  if (Number(abs.toPrecision(3)) < 1000) return `${significant(ms)} ms`
  if (Number((abs / 1000).toPrecision(3)) < 60) return `${significant(ms / 1000)} s`
  // 59.96 s rounds up to a minute: "1 min", not "0.999 min".
  return `${formatCount(Math.abs(ms) < 60_000 ? Math.sign(ms) : ms / 60_000)} min`
}

/**
 * A probability as a percentage, without needless digits.
 *
 * @example
 * formatPercent(0.1)    //=> "10 %"
 * formatPercent(0.0001) //=> "0.01 %"
 * formatPercent(0.0500198) //=> "5 %"
 * formatPercent(0.99997)   //=> "> 99.9 %"  (not "100 %": something is still missed)
 */
export function formatPercent(probability: number): string {
  if (!Number.isFinite(probability)) return DASH
  const text = significant(probability * 100)
  return probability < 1 && text === "100" ? "> 99.9 %" : `${text} %`
}
