import fc from "fast-check"
import { describe, expect, it } from "vitest"

import { jsonNestingDepth, repeatedJsonKeys } from "@/lib/plan/json-keys"

describe("repeatedJsonKeys", () => {
  it("names a top-level key given twice, with how often", () => {
    expect(repeatedJsonKeys('{"rps": 10, "ratio": 0.1, "rps": 20, "rps": 30}')).toEqual([
      { objectPath: "", key: "rps", times: 3 },
    ])
  })

  it("gives the path of a nested object that repeats a key", () => {
    expect(repeatedJsonKeys('{"topology": [{"name": "a"}, {"name": "b", "dbCalls": 1, "name": "c"}]}')).toEqual([
      { objectPath: "topology.1", key: "name", times: 2 },
    ])
  })

  it("treats an escaped key as the key it decodes to, as JSON.parse does", () => {
    expect(repeatedJsonKeys('{"rps": 1, "r\\u0070s": 2}')).toEqual([{ objectPath: "", key: "rps", times: 2 }])
  })

  it("is not fooled by braces, commas, colons and quotes inside strings", () => {
    expect(repeatedJsonKeys('{"a": "}{,\\"a\\":", "b": ["a", "a"], "c": {"a": 1}}')).toEqual([])
  })

  it("allows the same key in different objects", () => {
    expect(repeatedJsonKeys('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]')).toEqual([])
  })

  it("finds nothing in any text JSON.stringify writes", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(repeatedJsonKeys(JSON.stringify(value, null, 1))).toEqual([])
      }),
      { numRuns: 500 }
    )
  })

  it("finds a key repeated at the front of any object, however deep", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }),
        fc.nat(),
        (object, pick) => {
          const keys = Object.keys(object)
          const key = keys[pick % keys.length] ?? ""
          const text = `{${JSON.stringify(key)}: null, ${JSON.stringify(object).slice(1)}`
          expect(repeatedJsonKeys(text)).toEqual([{ objectPath: "", key, times: 2 }])
          expect(repeatedJsonKeys(`{"topology": [${text}]}`)).toEqual([{ objectPath: "topology.0", key, times: 2 }])
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe("jsonNestingDepth", () => {
  it("counts brackets outside strings", () => {
    expect(jsonNestingDepth('{"topology": [{"name": "a"}]}')).toBe(3)
    expect(jsonNestingDepth('{"name": "[[[\\"{{"}')).toBe(1)
    expect(jsonNestingDepth("42")).toBe(0)
  })

  it("reads a 100,000-deep body in one pass, without recursion", () => {
    expect(jsonNestingDepth(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toBe(100_000)
  })
})
