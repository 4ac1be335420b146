/** A key that appears more than once in one JSON object, where it sits and how often. */
export interface RepeatedKey {
  /** Dot path of the object holding the key ("" for the top level, "topology.0" inside the first service). */
  objectPath: string
  key: string
  times: number
}

interface Frame {
  kind: "object" | "array"
  path: string
  /** Objects: each key seen so far and how often. */
  keys: Map<string, number>
  /** Objects: whether the next string is a key. */
  expectKey: boolean
  /** Arrays: index of the current element. */
  index: number
  /** Objects: the last key read, the path of its value. */
  lastKey: string
}

/**
 * Keys that appear more than once in the same object of a JSON text. `JSON.parse` keeps the last
 * one silently; a plan that says `"rps"` twice is ambiguous, so the API names it instead of
 * guessing. The text must be valid JSON (parse it first): the scan only tracks strings and brackets.
 *
 * @example
 * repeatedJsonKeys('{"rps": 10, "rps": 20}')            //=> [{ objectPath: "", key: "rps", times: 2 }]
 * repeatedJsonKeys('{"topology": [{"name": "a", "name": "b"}]}')
 * //=> [{ objectPath: "topology.0", key: "name", times: 2 }]
 * repeatedJsonKeys('{"a": {"x": 1}, "b": {"x": 2}}')   //=> []
 */
export function repeatedJsonKeys(text: string): RepeatedKey[] {
  const stack: Frame[] = []
  const childPath = (): string => {
    const top = stack.at(-1)
    if (!top) return ""
    const step = top.kind === "object" ? top.lastKey : String(top.index)
    return top.path === "" ? step : `${top.path}.${step}`
  }
  const repeated: RepeatedKey[] = []
  const close = () => {
    const frame = stack.pop()
    if (frame?.kind !== "object") return
    for (const [key, times] of frame.keys) if (times > 1) repeated.push({ objectPath: frame.path, key, times })
  }

  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    const top = stack.at(-1)
    if (char === '"') {
      let end = i + 1
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1
      if (top?.kind === "object" && top.expectKey) {
        // Decoded, so "r\u0070s" and "rps" are the same key, as JSON.parse sees them.
        const key = JSON.parse(text.slice(i, end + 1)) as string
        top.keys.set(key, (top.keys.get(key) ?? 0) + 1)
        top.lastKey = key
        top.expectKey = false
      }
      i = end
    } else if (char === "{" || char === "[") {
      const path = childPath()
      stack.push({
        kind: char === "{" ? "object" : "array",
        path,
        keys: new Map(),
        expectKey: true,
        index: 0,
        lastKey: "",
      })
    } else if (char === "}" || char === "]") {
      close()
    } else if (char === "," && top) {
      if (top.kind === "object") top.expectKey = true
      else top.index++
    }
  }
  return repeated
}

/**
 * Deepest a plan's JSON body may nest: a plan's own deepest value is 3 levels down
 * (`{"topology": [{"name": …}]}`); past this a body is refused before it is parsed, as validating a
 * 5,000-deep array once overflowed the stack while writing its error message.
 */
export const MAX_JSON_DEPTH = 16

/**
 * How deep the objects and arrays of a JSON text nest, counting brackets outside strings: 0 for a
 * bare number or string. Runs in one pass and never recurses, whatever the text.
 *
 * @example
 * jsonNestingDepth('{"topology": [{"name": "a"}]}') //=> 3
 * jsonNestingDepth('{"name": "[[["}')               //=> 1
 * jsonNestingDepth("42")                            //=> 0
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0
  let deepest = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '"') {
      // Skip the string, escapes included; an unterminated one ends the scan.
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++
    } else if (char === "{" || char === "[") {
      depth++
      if (depth > deepest) deepest = depth
    } else if (char === "}" || char === "]") {
      depth--
    }
  }
  return deepest
}
