import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parse, parseAllDocuments } from "yaml"

import { renderYaml } from "@/lib/configs"

import { hostileString, PROPERTY_TIMEOUT_MS, YAML_LOOKALIKE_LABELS } from "../arbitraries"

/** Parses every document of a YAML text as YAML 1.2 (the `yaml` library, go-yaml v3) and 1.1 (go-yaml v2, kubectl). */
function readBoth(text: string): { v12: unknown[]; v11: unknown[] } {
  const read = (version: "1.1" | "1.2") =>
    parseAllDocuments(text, { version }).map((doc) => {
      expect(doc.errors).toEqual([])
      expect(doc.warnings).toEqual([])
      return doc.toJS() as unknown
    })
  return { v12: read("1.2"), v11: read("1.1") }
}

describe("renderYaml", () => {
  it("double-quotes env values, annotations, Compose environment, samplingRate and argument", () => {
    const text = renderYaml([
      {
        value: {
          env: [{ name: "OTEL_SERVICE_NAME", value: "task-api" }],
          annotations: { "dapr.io/app-id": "task-api" },
          environment: { OTEL_TRACES_SAMPLER: "always_on" },
          samplingRate: "1",
          argument: "0.5",
          kind: "Deployment",
        },
      },
    ])
    expect(text).toBe(
      [
        "env:",
        "  - name: OTEL_SERVICE_NAME",
        '    value: "task-api"',
        "annotations:",
        '  dapr.io/app-id: "task-api"',
        "environment:",
        '  OTEL_TRACES_SAMPLER: "always_on"',
        'samplingRate: "1"',
        'argument: "0.5"',
        "kind: Deployment",
        "",
      ].join("\n")
    )
  })

  it.each(YAML_LOOKALIKE_LABELS)("quotes %s, which YAML 1.1 or 1.2 would read as another type", (label) => {
    const text = renderYaml([{ value: { name: label, [label]: "key" } }])
    const { v12, v11 } = readBoth(text)
    expect(v12).toStrictEqual([{ name: label, [label]: "key" }])
    expect(v11).toStrictEqual([{ name: label, [label]: "key" }])
  })

  it.each(["12:30", "1_0", "0b101", "+1", ".5", "1e3", "Yes", "NO", "~", "-", ""])(
    "keeps the string %j a string under YAML 1.1 as well as 1.2",
    (text) => {
      const { v12, v11 } = readBoth(renderYaml([{ value: { image: text } }]))
      expect(v12).toStrictEqual([{ image: text }])
      expect(v11).toStrictEqual([{ image: text }])
    }
  )

  it("writes floats as plain decimals, never in exponent notation", () => {
    expect(renderYaml([{ value: { sampling_percentage: 1e-7, ratio: 0.1, count: 3 } }])).toBe(
      "sampling_percentage: 0.0000001\nratio: 0.1\ncount: 3\n"
    )
  })

  it("never turns a repeated object into an anchor and alias", () => {
    const labels = { app: "task-api" }
    const text = renderYaml([{ value: { metadata: { labels }, selector: { matchLabels: labels } } }])
    expect(text).not.toMatch(/[&*]a1/)
    expect(readBoth(text).v12).toStrictEqual([{ metadata: { labels }, selector: { matchLabels: labels } }])
  })

  it("never folds long lines", () => {
    const long = "x".repeat(500)
    expect(renderYaml([{ value: { value: long } }])).toBe(`value: "${long}"\n`)
  })

  it("separates documents with --- and writes each comment under its marker", () => {
    expect(
      renderYaml([
        { value: { a: 1 }, comment: "first\nsecond line" },
        { value: { b: 2 }, comment: "two" },
      ])
    ).toBe("# first\n# second line\na: 1\n---\n# two\nb: 2\n")
  })

  it("double-quotes text a literal block would change: a line of spaces alone, a leading space", () => {
    // Found by the property below (CI, 2026-12-07): the key " \n" came back as "\n" from a `|+` block.
    const value = { " \n": "\n".repeat(3), a: "x\n  \ny", b: " lead\nnext", cfg: "receivers:\n  otlp: {}\n" }
    const text = renderYaml([{ value }])
    expect(text).toBe(
      '"\\ \\n": |+\n  \n\n\na: "x\\n \\ \\ny"\nb: " lead\\nnext"\ncfg: |\n  receivers:\n    otlp: {}\n'
    )
    expect(readBoth(text)).toEqual({ v12: [value], v11: [value] })
  })

  describe("edge cases", () => {
    const key = hostileString
    const leaf = fc.oneof(
      hostileString,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.boolean()
    )
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("map")),
      array: fc.array(tie("node"), { maxLength: 4 }),
      map: fc.dictionary(key, tie("node"), { maxKeys: 4, noNullPrototype: true }),
    })).map

    it(
      "reads back exactly what it was given, in YAML 1.2 and 1.1, whatever the strings hold",
      () => {
        fc.assert(
          fc.property(value, value, (first, second) => {
            const { v12, v11 } = readBoth(renderYaml([{ value: first }, { value: second }]))
            expect(v12).toStrictEqual([first, second])
            expect(v11).toStrictEqual([first, second])
          }),
          { numRuns: 200 }
        )
      },
      PROPERTY_TIMEOUT_MS
    )

    it(
      "reads back a single hostile value with the yaml parse entry point",
      () => {
        fc.assert(
          fc.property(hostileString, (text) => {
            expect(parse(renderYaml([{ value: { env: [{ name: "X", value: text }] } }]))).toStrictEqual({
              env: [{ name: "X", value: text }],
            })
          }),
          { numRuns: 200 }
        )
      },
      PROPERTY_TIMEOUT_MS
    )
  })
})
