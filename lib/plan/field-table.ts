// The API docs' field table, written from the field registry: `npm run docs:fields` puts it into
// docs/api.md between the markers below, and a test fails when the file and the registry disagree.
import { SOURCES } from "@/lib/sources"

import { fieldSpec, PLAN_FIELDS, type FieldSpec, type PlanField } from "./fields"

export const FIELD_TABLE_START = "<!-- fields:start -->"
export const FIELD_TABLE_END = "<!-- fields:end -->"

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

/**
 * A bound as the docs write it: digits grouped, and a billion or more as a power of ten when it is one.
 *
 * @example
 * boundText(3650) //=> "3,650"
 * boundText(1e12) //=> "10¹²"
 */
export function boundText(value: number): string {
  const exponent = Math.log10(Math.abs(value))
  if (value >= 1e9 && Number.isInteger(exponent)) {
    return `10${[...String(exponent)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join("")}`
  }
  return value.toLocaleString("en-US")
}

/** Code in a table cell. */
const code = (text: string) => `\`${text}\``

/** The field's kind and unit: "integer, days", "fraction, 0–1", "enum". */
function typeText(spec: FieldSpec): string {
  const kind = spec.kind === "special" ? "text or JSON" : spec.kind
  return spec.unit && spec.unit !== "0–1" ? `${kind}, ${spec.unit}` : kind
}

/** What the field accepts: its bounds, values or rule. */
function acceptsText(spec: FieldSpec): string {
  switch (spec.kind) {
    case "enum":
      return `one of ${spec.values.map(code).join(", ")}`
    case "boolean":
      return `${code("true")} or ${code("false")}`
    case "text":
    case "special":
      return spec.rule
    default: {
      const { min, max, exclusiveMin } = spec.bounds
      const range = exclusiveMin ? `> ${boundText(min)}, ≤ ${boundText(max)}` : `${boundText(min)} to ${boundText(max)}`
      return spec.kind === "integer" ? `whole number, ${range}` : range
    }
  }
}

/** The default as the docs write it: the value, the field it follows, or "none". */
function defaultValueText(spec: FieldSpec): string {
  if (spec.follows !== undefined) return `= ${code(spec.follows)}`
  if (spec.derivedFrom !== undefined && spec.defaultInWords !== undefined) return spec.defaultInWords
  if (spec.default === null || spec.default === undefined) return spec.defaultInWords ?? "none"
  return code(String(spec.default))
}

/** One table cell: pipes escaped, so text cannot end the cell early. */
const cell = (text: string) => text.replaceAll("|", "\\|")

/**
 * The rows of the table, one per field in API order: field, type and unit, default, what it
 * accepts, meaning, and where the default comes from.
 *
 * @example
 * fieldTableRows()[0] //=> ["`rps`", "number, req/s", "`5000`", "> 0, ≤ 10⁹", "average requests/s at the entry service", "Example workload: … (as of 2026-11-23)"]
 */
export function fieldTableRows(): string[][] {
  return PLAN_FIELDS.map((field: PlanField) => {
    const spec = fieldSpec(field)
    const source = SOURCES[spec.source]
    return [
      code(field),
      typeText(spec),
      defaultValueText(spec),
      acceptsText(spec),
      spec.doc,
      `${source.title} (as of ${source.asOf})`,
    ].map(cell)
  })
}

export const FIELD_TABLE_HEADER = ["field", "type", "default", "accepts", "meaning", "default from"]

/**
 * The API field table in Markdown (Prettier aligns its columns in the file).
 *
 * @example
 * fieldTableMarkdown().split("\n")[0] //=> "| field | type | default | accepts | meaning | default from |"
 */
export function fieldTableMarkdown(): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`
  return [line(FIELD_TABLE_HEADER), line(FIELD_TABLE_HEADER.map(() => "---")), ...fieldTableRows().map(line)].join("\n")
}

/** Where the markers are in `document`, or an error naming the one missing. */
function markers(document: string): { start: number; end: number } {
  const start = document.indexOf(FIELD_TABLE_START)
  const end = document.indexOf(FIELD_TABLE_END)
  if (start < 0 || end < start) throw new Error(`The document needs ${FIELD_TABLE_START} and then ${FIELD_TABLE_END}.`)
  return { start: start + FIELD_TABLE_START.length, end }
}

/**
 * `document` with the text between the field-table markers replaced by `table`.
 *
 * @example
 * withFieldTable("a\n<!-- fields:start -->\nold\n<!-- fields:end -->\n", "| t |")
 * //=> "a\n<!-- fields:start -->\n\n| t |\n\n<!-- fields:end -->\n"
 */
export function withFieldTable(document: string, table: string): string {
  const { start, end } = markers(document)
  return `${document.slice(0, start)}\n\n${table}\n\n${document.slice(end)}`
}

/**
 * The cells of the Markdown table between the markers of `document`, trimmed, without the
 * separator row: what the table says, whatever column widths Prettier gave it.
 *
 * @example
 * tableCellsIn("<!-- fields:start -->\n| a  | b |\n| -- | - |\n| 1  | 2 |\n<!-- fields:end -->") //=> [["a", "b"], ["1", "2"]]
 */
export function tableCellsIn(document: string): string[][] {
  const { start, end } = markers(document)
  return document
    .slice(start, end)
    .split("\n")
    .filter((line) => line.trim().startsWith("|"))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((text) => text.trim())
    )
    .filter((cells) => !cells.every((text) => /^:?-+:?$/.test(text)))
}
