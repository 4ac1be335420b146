/**
 * Readable numbers for people: 864M traces, 1.2 TB, $1,234/mo. Every formatter returns text for
 * any finite input and "—" for anything else, so the page never shows NaN or Infinity.
 */

const DASH = "—"

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>()

/**
 * `value.toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits })`, with each
 * formatter built once: building an Intl.NumberFormat costs far more than using one, and a plan
 * formats hundreds of numbers.
 *
 * @example
 * formatDecimal(1234.56, 0, 1) //=> "1,234.6"
 * formatDecimal(15.3, 2, 2)    //=> "15.30"
 */
export function formatDecimal(value: number, minimumFractionDigits: number, maximumFractionDigits: number): string {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`
  let format = NUMBER_FORMATS.get(key)
  if (!format) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits, maximumFractionDigits })
    NUMBER_FORMATS.set(key, format)
  }
  return format.format(value)
}

function significant(value: number, digits = 3): string {
  // toPrecision keeps 3 significant digits; Number() drops trailing zeros ("86.40" → "86.4").
  return String(Number(value.toPrecision(digits)))
}

const COUNT_UNITS = [
  { size: 1e12, suffix: "T" },
  { size: 1e9, suffix: "B" },
  { size: 1e6, suffix: "M" },
  { size: 1e3, suffix: "K" },
] as const

/**
 * A count with a metric suffix and three significant digits.
 *
 * @example
 * formatCount(864_000_000) //=> "864M"
 * formatCount(86_400_000)  //=> "86.4M"
 * formatCount(8_640)       //=> "8.64K"
 * formatCount(0.5)         //=> "0.5"
 * formatCount(8.64e24)     //=> "8.64e24"
 */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return DASH
  const abs = Math.abs(value)
  // Beyond a thousand trillion, suffixes stop helping: "8.64e24".
  if (abs >= 1e15) return String(Number(value.toPrecision(3))).replace("e+", "e")
  for (const unit of COUNT_UNITS) {
    // Round first so 999,999 prints as "1M", not "1000K".
    if (Number(abs.toPrecision(3)) >= unit.size) return `${significant(value / unit.size)}${unit.suffix}`
  }
  return significant(value)
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
  return `${bytes < 0 ? "-" : ""}${significant(value)} ${BYTE_UNITS[unit]}`
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
 * A probability as a percentage, without needless digits.
 *
 * @example
 * formatPercent(0.1)    //=> "10 %"
 * formatPercent(0.0001) //=> "0.01 %"
 * formatPercent(0.0500198) //=> "5 %"
 */
export function formatPercent(probability: number): string {
  if (!Number.isFinite(probability)) return DASH
  return `${significant(probability * 100)} %`
}
