import { readFileSync } from "node:fs"
import { join } from "node:path"

import { describe, expect, it } from "vitest"

import {
  boundText,
  FIELD_TABLE_HEADER,
  fieldTableMarkdown,
  fieldTableRows,
  tableCellsIn,
  withFieldTable,
} from "@/lib/plan/field-table"
import { PLAN_FIELDS } from "@/lib/plan/fields"

const API_DOC = join(import.meta.dirname, "..", "..", "docs", "api.md")

describe("the API field table", () => {
  it("in docs/api.md says what the registry says (run `npm run docs:fields` after changing a field)", () => {
    expect(tableCellsIn(readFileSync(API_DOC, "utf8"))).toEqual([FIELD_TABLE_HEADER, ...fieldTableRows()])
  })

  it("has one row per field, in API order", () => {
    expect(fieldTableRows().map((row) => row[0])).toEqual(PLAN_FIELDS.map((field) => `\`${field}\``))
  })

  it("writes type, default, bounds, meaning and source", () => {
    const rows = Object.fromEntries(fieldTableRows().map((row) => [row[0], row]))
    expect(rows["`rps`"]?.slice(0, 5)).toEqual([
      "`rps`",
      "number, req/s",
      "`5000`",
      "> 0, ≤ 10⁹",
      "average requests/s at the entry service",
    ])
    expect(rows["`retentionDays`"]?.slice(1, 4)).toEqual(["integer, days", "`7`", "whole number, 1 to 3,650"])
    expect(rows["`peakRps`"]?.[2]).toBe("= `rps`")
    expect(rows["`daprSamplingRate`"]?.slice(1, 4)).toEqual([
      "fraction",
      "the sampler's own head rate: 1 for the always-on samplers, 0 for the always-off ones, the sampling ratio for ratio and Jaeger samplers, 0.05 for xray",
      "0 to 1",
    ])
    expect(rows["`growthPercentPerMonth`"]?.[3]).toBe("-50 to 200")
    expect(rows["`protocol`"]?.[3]).toBe("one of `grpc`, `http/protobuf`")
    expect(rows["`daprEnabled`"]?.slice(1, 4)).toEqual(["boolean", "`true`", "`true` or `false`"])
    expect(rows["`endpoints`"]?.slice(1, 3)).toEqual(["text or JSON", "none"])
    expect(rows["`storageCapBytes`"]?.[3]).toBe("0 to 10²¹")
    expect(rows["`apmHosts`"]?.[5]).toMatch(/^Datadog APM hosts: 10 \(as of /)
  })

  it("fails the check when the file's table says something else", () => {
    const doc = readFileSync(API_DOC, "utf8")
    const edited = doc.replace("whole number, 1 to 3,650", "whole number, 1 to 365")
    expect(edited).not.toBe(doc)
    expect(tableCellsIn(edited)).not.toEqual([FIELD_TABLE_HEADER, ...fieldTableRows()])
  })
})

describe("boundText", () => {
  it("groups digits, and writes a billion or more as a power of ten when it is one", () => {
    expect(boundText(3650)).toBe("3,650")
    expect(boundText(-50)).toBe("-50")
    expect(boundText(1e9)).toBe("10⁹")
    expect(boundText(1e12)).toBe("10¹²")
    expect(boundText(3_600_000)).toBe("3,600,000")
  })
})

describe("withFieldTable and tableCellsIn", () => {
  it("replace the text between the markers and read it back whatever the padding", () => {
    const doc = "# API\n<!-- fields:start -->\nold\n<!-- fields:end -->\nafter\n"
    const written = withFieldTable(doc, "| a | b \\| c |\n| --- | --- |\n| 1 | 2 |")
    expect(written).toBe(
      "# API\n<!-- fields:start -->\n\n| a | b \\| c |\n| --- | --- |\n| 1 | 2 |\n\n<!-- fields:end -->\nafter\n"
    )
    expect(tableCellsIn(written)).toEqual([
      ["a", "b \\| c"],
      ["1", "2"],
    ])
    expect(tableCellsIn(written.replace("| 1 | 2 |", "|   1   |  2 |"))).toEqual(tableCellsIn(written))
  })

  it("refuse a document without the markers", () => {
    expect(() => withFieldTable("# API\n", "| a |")).toThrow("The document needs <!-- fields:start -->")
  })

  it("write the header first", () => {
    expect(fieldTableMarkdown().split("\n")[0]).toBe("| field | type | default | accepts | meaning | default from |")
  })
})
