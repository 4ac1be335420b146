// Numbers as people type them: "5k", "5,000", "1.2M", "10%". One reader for the form, the page's
// link and the API (the schema's number fields read through it), so "5k" means 5,000 everywhere
// and the link stores the plain number. No Zod: the form's "read as" line uses it on first load.
import { formatDecimal } from "@/lib/format"

import type { NumberKind } from "./fields"

/** Why a text is not a number this field takes. */
export type HumanNumberProblem =
  /** Not a number at all ("abc", "", "0x10"). */
  | "not-a-number"
  /** A comma that does not group thousands ("1,5", "12,34"): a decimal comma or a typo. */
  | "ambiguous-comma"
  /** A percentage where a count or an amount is asked. */
  | "percent-not-allowed"
  /** A percentage outside 0–100 % where a share (0–1) is asked. */
  | "percent-out-of-range"

export type HumanNumber =
  | {
      ok: true
      value: number
      /** The text was already plain decimal digits: nothing to say about how it was read. */
      plain: boolean
    }
  | { ok: false; problem: HumanNumberProblem }

/** Decimal text, optionally with an exponent: "5000", "0.1", ".5", "1e3". Not "0x10" or "Infinity", which Number() also reads. */
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i
/** Decimal text without an exponent, the only kind a suffix may follow ("1.2M", not "1e3k"). */
const SIMPLE_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/
/** Digits grouped by commas in threes: "5,000", "1,200,000.5". */
const GROUPED_THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/
/** Digits, points and commas that are not grouped thousands: "1,5", "12,34", "1,2345". */
const OTHER_COMMAS = /^[+-]?[\d.,]*,[\d.,]*$/
/** A number and its suffix, spaces allowed between: "5k", "1.2 M", "10 %". */
const WITH_SUFFIX = /^(.*?)\s*(%|k|m)$/i

/** Powers of ten of the suffixes: k thousand, M million (either case: nobody means milli-requests). */
const SUFFIX_EXPONENT: Record<string, number> = { k: 3, m: 6 }

/**
 * Reads a number as a person types it into a field of `kind`: plain decimals ("5000", "0.1",
 * "1e3"), thousands grouped with commas ("5,000"), a k or M suffix ("5k", "1.2M") and, where a
 * share or a percentage is asked, a percent sign ("10%" is 0.1 for a fraction field and 10 for a
 * percent field). A comma that does not group thousands ("1,5") is refused as ambiguous rather
 * than guessed. Scaling goes through decimal text, so "1.1k" is exactly 1100.
 *
 * @example
 * readHumanNumber("5k", "number")       //=> { ok: true, value: 5000, plain: false }
 * readHumanNumber("1.2M", "number")     //=> { ok: true, value: 1200000, plain: false }
 * readHumanNumber("5,000", "number")    //=> { ok: true, value: 5000, plain: false }
 * readHumanNumber("10%", "fraction")    //=> { ok: true, value: 0.1, plain: false }
 * readHumanNumber("10%", "percent")     //=> { ok: true, value: 10, plain: false }
 * readHumanNumber("0.1", "fraction")    //=> { ok: true, value: 0.1, plain: true }
 * readHumanNumber("1,5", "number")      //=> { ok: false, problem: "ambiguous-comma" }
 */
export function readHumanNumber(text: string, kind: NumberKind): HumanNumber {
  const trimmed = text.trim()
  if (DECIMAL_TEXT.test(trimmed)) return { ok: true, value: Number(trimmed), plain: true }
  const suffixed = WITH_SUFFIX.exec(trimmed)
  const body = suffixed ? suffixed[1]! : trimmed
  const suffix = suffixed?.[2]?.toLowerCase()
  let digits: string
  if (SIMPLE_DECIMAL.test(body)) digits = body
  else if (GROUPED_THOUSANDS.test(body)) digits = body.replaceAll(",", "")
  else return { ok: false, problem: OTHER_COMMAS.test(body) ? "ambiguous-comma" : "not-a-number" }
  if (suffix === undefined) return { ok: true, value: Number(digits), plain: false }
  if (suffix !== "%") return { ok: true, value: Number(`${digits}e${SUFFIX_EXPONENT[suffix]}`), plain: false }
  if (kind === "percent") return { ok: true, value: Number(digits), plain: false }
  if (kind !== "fraction") return { ok: false, problem: "percent-not-allowed" }
  const percent = Number(digits)
  if (!(percent >= 0 && percent <= 100)) return { ok: false, problem: "percent-out-of-range" }
  return { ok: true, value: Number(`${digits}e-2`), plain: false }
}

/**
 * The message for text a number field cannot read, worded for the field: its label, an example,
 * and what to type instead.
 *
 * @example
 * humanNumberMessage("1,5", "number", "Requests per second", "5000")
 * //=> 'Requests per second "1,5" is ambiguous: use a point for decimals (1.5); a comma only groups thousands, as in 1,500.'
 */
export function humanNumberMessage(text: string, kind: NumberKind, label: string, example: string): string {
  const result = readHumanNumber(text, kind)
  const problem = result.ok ? "not-a-number" : result.problem
  const quoted = JSON.stringify(text.trim().length <= 30 ? text.trim() : `${text.trim().slice(0, 30)}…`)
  switch (problem) {
    case "ambiguous-comma": {
      const commas = text.split(",").length - 1
      const decimal = commas === 1 ? ` (${text.trim().replace(",", ".")})` : ""
      return `${label} ${quoted} is ambiguous: use a point for decimals${decimal}; a comma only groups thousands, as in 1,500.`
    }
    case "percent-not-allowed":
      return `${label} takes a number, not a percentage: e.g. ${example}.`
    case "percent-out-of-range":
      return `${label} is a share between 0 % and 100 % (0 to 1): ${quoted} is outside it.`
    case "not-a-number":
      return kind === "fraction"
        ? `${label} must be a number between 0 and 1 or a percentage, e.g. ${example} or ${formatDecimal(Number(example) * 100, 0, 12)} %.`
        : `${label} must be a number, e.g. ${example} (5,000, 5k and 1.2M work too).`
  }
}

/**
 * How the form read a number the user typed, for a line under the field ("read as 5,000 req/s"),
 * or undefined when there is nothing to say: plain digits, or text it cannot read (the field's
 * message says why).
 *
 * @example
 * readAsText("5k", "number", "req/s")    //=> "Read as 5,000 req/s."
 * readAsText("10%", "fraction", "0–1")   //=> "Read as 0.1 (10 %)."
 * readAsText("5000", "number", "req/s")  //=> undefined
 */
export function readAsText(text: string, kind: NumberKind, unit: string | undefined): string | undefined {
  const result = readHumanNumber(text, kind)
  if (!result.ok || result.plain) return undefined
  const value = formatDecimal(result.value, 0, 12)
  if (kind === "fraction") return `Read as ${value} (${formatDecimal(result.value * 100, 0, 10)} %).`
  return `Read as ${value}${unit ? (unit === "%" ? " %" : ` ${unit}`) : ""}.`
}
