import { Document, isPair, isScalar, parseDocument, visit, type Scalar, type ScalarTag, type Tags } from "yaml"

import { formatDecimal } from "./format"

/** One YAML document of a file: its value and optional comments written above and below it. */
export interface YamlDocument {
  value: unknown
  comment?: string
  /** Written after the value, e.g. a commented-out block for development. */
  trailingComment?: string
}

/** Keys whose string values are always double-quoted, because their consumer's field is a string. */
const QUOTED_VALUE_KEYS = new Set(["value", "samplingRate", "argument"])
/** Keys whose map entries are always double-quoted (Kubernetes annotations, Compose environment). */
const QUOTED_MAP_KEYS = new Set(["annotations", "environment"])

/**
 * Multi-line printable text (a config file inside a ConfigMap) is written as a literal block, which
 * reads back exactly under YAML 1.1 and 1.2 and stays readable; anything else is double-quoted.
 */
const MULTI_LINE_TEXT = /^[\x20-\x7e]*\n[\x20-\x7e\n]*$/
/**
 * Text a literal block cannot hold exactly: a line of spaces alone (before the first line with
 * text, a reader takes its spaces for indentation and drops them; the `yaml` library writes " \n"
 * as such a block) or a first line that starts with a space. Double-quoted instead.
 */
const BLOCK_AMBIGUOUS = /^[ \t]|(^|\n)[ \t]+(\n|$)/

/** Texts that may be written as plain scalars, if they also read back as strings (URLs, names, tags). */
const PLAIN_CANDIDATE = /^[A-Za-z0-9][A-Za-z0-9._/:@+-]{0,255}$/

/**
 * Whether text written as a plain scalar reads back as this same string under both YAML 1.2 (the
 * `yaml` library, go-yaml v3 in Compose and the Collector) and YAML 1.1 (go-yaml v2 behind
 * `kubectl`). The library only guards 1.2, so `yes`, `on` or `12:30` would reach Kubernetes as a
 * boolean or a base-60 number.
 */
function readsBackAsPlainString(text: string): boolean {
  // Quoting is always safe; only short texts made of name-like characters are worth writing plain.
  if (!PLAIN_CANDIDATE.test(text)) return false
  // Parsing each scalar twice dominates rendering; the answer depends on the text alone, and the
  // same names and values recur on every keystroke, so remember it.
  const known = plainStringMemo.get(text)
  if (known !== undefined) return known
  const answer = parsesBackUnderBothVersions(text)
  if (plainStringMemo.size >= PLAIN_STRING_MEMO_SIZE) plainStringMemo.clear()
  plainStringMemo.set(text, answer)
  return answer
}

const PLAIN_STRING_MEMO_SIZE = 4096
const plainStringMemo = new Map<string, boolean>()

function parsesBackUnderBothVersions(text: string): boolean {
  return (["1.1", "1.2"] as const).every((version) => {
    const doc = parseDocument(text, { version })
    if (doc.errors.length > 0 || doc.warnings.length > 0) return false
    try {
      return doc.toJS() === text
    } catch {
      // toJS throws for text such as "*a", an alias with no anchor.
      return false
    }
  })
}

/** Floats are written as plain decimals (0.0000001), never in exponent notation. */
function withDecimalFloats(tags: Tags): Tags {
  return tags.map((tag): Tags[number] => {
    if (typeof tag !== "object" || tag.collection || tag.tag !== "tag:yaml.org,2002:float") return tag
    const scalarTag: ScalarTag = tag
    const { stringify } = scalarTag
    return {
      ...scalarTag,
      stringify: (item, ctx, onComment, onChompKeep) =>
        typeof item.value === "number" && Number.isFinite(item.value)
          ? formatDecimal(item.value)
          : (stringify?.(item, ctx, onComment, onChompKeep) ?? String(item.value)),
    }
  })
}

function keyText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined
}

function toDocument({ value, comment, trailingComment }: YamlDocument): Document {
  const doc = new Document(value, { aliasDuplicateObjects: false, customTags: withDecimalFloats })
  visit(doc, {
    Scalar(role, node: Scalar, path) {
      if (typeof node.value !== "string") return
      const keys = path.filter(isPair).map((pair) => keyText(pair.key))
      const forced =
        role === "value" && (QUOTED_VALUE_KEYS.has(keys.at(-1) ?? "") || QUOTED_MAP_KEYS.has(keys.at(-2) ?? ""))
      if (!forced && MULTI_LINE_TEXT.test(node.value) && !BLOCK_AMBIGUOUS.test(node.value)) node.type = "BLOCK_LITERAL"
      else if (forced || !readsBackAsPlainString(node.value)) node.type = "QUOTE_DOUBLE"
    },
  })
  // On the contents, not the document: a document comment would print above the "---" marker.
  if (comment && doc.contents) doc.contents.commentBefore = ` ${comment.replace(/\n/g, "\n ")}`
  if (trailingComment) doc.comment = ` ${trailingComment.replace(/\n/g, "\n ")}`
  return doc
}

/**
 * Serializes documents to YAML text with the `yaml` library (never by concatenating YAML), so no
 * string can add a key. Strings that any reader could take for another type are double-quoted,
 * as are Kubernetes `env[].value`, annotations, Compose `environment`, Dapr `samplingRate` and the
 * Operator's sampler `argument`. Multi-line text is a literal block (`|`). Lines are never folded
 * and repeated objects never become aliases. Several documents are separated by `---`.
 *
 * @example
 * renderYaml([{ value: { env: [{ name: "OTEL_TRACES_SAMPLER_ARG", value: "0.1" }], on: "yes" } }])
 * //=> 'env:\n  - name: OTEL_TRACES_SAMPLER_ARG\n    value: "0.1"\n"on": "yes"\n'
 */
export function renderYaml(documents: readonly YamlDocument[]): string {
  return documents
    .map((document, index) => {
      const doc = toDocument(document)
      if (index > 0 && doc.directives) doc.directives.docStart = true
      return doc.toString({ lineWidth: 0, minContentWidth: 0 })
    })
    .join("")
}
