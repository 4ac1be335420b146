import type { TraceStatsAccumulator } from "./accumulator"
import { jaegerTracesOf } from "./jaeger"
import { ImportFormatError, fail, quote } from "./errors"
import { resourceSpansOf } from "./otlp"
import type { ImportFormat } from "./types"

/**
 * Most characters the importer holds as one piece: one element of `resourceSpans` or `data`, the
 * rest of a document around that array, or one JSON Lines line that is not an object. 64 Mi
 * characters is 64 MB of ASCII JSON; `JSON.parse` of it takes a few hundred MB at most, which a
 * browser tab survives, where a 2 GB file parsed whole would not.
 *
 * @example
 * MAX_ELEMENT_CHARS //=> 67108864
 */
export const MAX_ELEMENT_CHARS = 64 * 1024 * 1024

/** A sink for text chunks of a trace export, in order. */
export interface ImportStream {
  write(chunk: string): void
  /** Call once after the last chunk; throws an ImportFormatError if the file ended early or held no traces. */
  end(): void
}

/**
 * Feeds a trace export to an accumulator as it streams in. A scanner that knows only strings,
 * escapes and brackets finds each top-level document and, inside it, each element of
 * `resourceSpans` (OTLP) or `data` (Jaeger); each element's text goes to `JSON.parse` and the
 * accumulator. A pretty-printed document, a minified one-line document and JSON Lines (many
 * documents) are read alike, so no file is ever parsed whole and memory stays near one element.
 * Chunks may split the text anywhere, even inside an escape.
 *
 * `format` (from {@link detectFormat} on the head) only names places in messages: "line 3" for
 * JSON Lines, "resourceSpans 2" or "trace 5" when the file holds one.
 *
 * @param options.maxElementChars Overrides {@link MAX_ELEMENT_CHARS} (for tests).
 * @example
 * const stream = createImportStream("otlp-jsonl", accumulator)
 * stream.write('{"resourceSpans":[...]}\n{"resourceSpans":[...]}\n')
 * stream.end()
 * accumulator.summary({ slowThresholdMs: 1000 })
 */
export function createImportStream(
  format: ImportFormat,
  accumulator: TraceStatsAccumulator,
  options: { maxElementChars?: number } = {}
): ImportStream {
  const scanner = new DocumentScanner(format, accumulator, options.maxElementChars ?? MAX_ELEMENT_CHARS)
  return {
    write: (chunk) => scanner.write(chunk),
    end: () => scanner.end(),
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const NEWLINE = 0x0a
const BYTE_ORDER_MARK = 0xfeff

/** The next quote or bracket: all the scanner looks at inside an element. */
const NEXT_STRUCTURAL = /["{}[\]]/g

/** Backslashes right before `at`, not counting any before `from`. */
function backslashesBefore(text: string, at: number, from: number): number {
  let k = at - 1
  while (k >= from && text.charCodeAt(k) === BACKSLASH) k--
  return at - 1 - k
}

const isWhitespace = (code: number) => code === 0x20 || code === NEWLINE || code === 0x0d || code === 0x09

/** The last key of an object before `:` at the end of a text. */
const KEY_BEFORE_VALUE = /"([^"\\]*)"\s*:\s*$/
const KEY_LOOKBACK_CHARS = 256

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** JSON.parse's own words for a text known to be broken, or `fallback` if it parses after all. */
function syntaxMessage(text: string, fallback: string): string {
  try {
    JSON.parse(text)
  } catch (error) {
    return errorText(error)
  }
  return fallback
}

class DocumentScanner {
  private readonly isJsonLines: boolean
  private readonly targetKey: string
  /** Bracket depth: 0 between documents, 1 in a document, 2 in its target array, deeper inside an element. */
  private depth = 0
  private inString = false
  /** The chunk ended right after a backslash inside a string. */
  private isEscaped = false
  /** In the target array, between elements (after `[` or `,`). */
  private isAwaitingElement = false
  private afterComma = false
  private isInElement = false
  /** The current document's text outside its target array's elements, e.g. `{"resourceSpans":[]}`. */
  private skeleton = ""
  private elementParts: string[] = []
  private elementChars = 0
  /** Where the pending element or skeleton text starts in the current chunk. */
  private elementStart = 0
  private skeletonStart = 0
  /** A JSON Lines line that is not an object, read whole as before (bounded). */
  private rawLine: string[] | null = null
  private rawLineChars = 0
  /** A document ended on this line: JSON Lines allows nothing else on it. */
  private isAfterDocumentOnLine = false
  private documents = 0
  private documentElements = 0
  private units = 0
  private documentLine = 1
  private linesBeforeChunk = 0
  private countedTo = 0
  private linesInChunk = 0
  private isFirstChunk = true

  constructor(
    private readonly format: ImportFormat,
    private readonly accumulator: TraceStatsAccumulator,
    private readonly maxChars: number
  ) {
    this.isJsonLines = format === "otlp-jsonl"
    this.targetKey = format === "jaeger" ? "data" : "resourceSpans"
  }

  write(text: string): void {
    this.countedTo = 0
    this.linesInChunk = 0
    let i = 0
    if (this.isFirstChunk && text.length > 0) {
      this.isFirstChunk = false
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) i = 1
    }
    if (this.rawLine) i = this.continueRawLine(text, i)
    if (this.inString) i = this.skipString(text, i)
    const n = text.length
    while (i < n) {
      if (this.depth > 2) {
        // Deep inside an element only strings and brackets matter: let the regex engine find the
        // next one (most of an element is strings, digits, commas and indentation).
        NEXT_STRUCTURAL.lastIndex = i
        const found = NEXT_STRUCTURAL.exec(text)
        if (found === null) break
        i = found.index
      }
      const code = text.charCodeAt(i)
      if (this.isAwaitingElement) {
        if (isWhitespace(code)) {
          i++
          continue
        }
        if (code === COMMA || code === CLOSE_BRACE || (code === CLOSE_BRACKET && this.afterComma)) {
          this.throwSyntax(text, i)
        }
        if (code === CLOSE_BRACKET) {
          // An empty array, `[]`: the bracket stays in the skeleton.
          this.isAwaitingElement = false
          this.depth = 1
          i++
          continue
        }
        // Only whitespace lies between the `[` or `,` and here: the skeleton needs none of it, so
        // it stays the same size however many elements the array holds.
        this.isAwaitingElement = false
        this.isInElement = true
        this.elementStart = i
        this.elementChars = 0
      }
      if (code === QUOTE) {
        if (this.depth === 0) i = this.topLevel(text, i)
        else i = this.skipString(text, i + 1)
        continue
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (this.depth === 0) {
          if (code === OPEN_BRACKET) {
            i = this.topLevel(text, i)
            continue
          }
          this.startDocument(text, i)
        } else if (this.depth === 1 && code === OPEN_BRACKET && this.isTargetKey(text, i)) {
          this.isAwaitingElement = true
          this.afterComma = false
          this.documentElements = 0
          this.depth = 2
          i++
          this.skeleton += text.slice(this.skeletonStart, i)
          this.skeletonStart = i
          continue
        } else this.depth++
        i++
        continue
      }
      if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (this.depth === 2 && this.isInElement) {
          if (code === CLOSE_BRACE) this.throwSyntax(text, i)
          this.finishElement(text, i)
          this.depth = 1
          this.skeletonStart = i
        } else if (this.depth === 1) {
          this.depth = 0
          this.finishDocument(text, i + 1)
        } else if (this.depth === 0) {
          i = this.topLevel(text, i)
          continue
        } else this.depth--
        i++
        continue
      }
      if (code === COMMA && this.depth === 2 && this.isInElement) {
        this.finishElement(text, i)
        this.isAwaitingElement = true
        this.afterComma = true
        this.skeletonStart = i + 1
        i++
        continue
      }
      if (this.depth === 0) {
        if (code === NEWLINE) this.isAfterDocumentOnLine = false
        else if (!isWhitespace(code)) {
          i = this.topLevel(text, i)
          continue
        }
      }
      i++
    }
    this.flushChunk(text)
  }

  end(): void {
    if (this.rawLine) this.takeRawLine()
    if (this.depth > 0) {
      if (!this.isJsonLines) {
        const what = this.format === "jaeger" ? "Jaeger JSON" : "OTLP JSON"
        throw new ImportFormatError(`not ${what}: the file ends in the middle of the document`)
      }
      const partial = this.skeleton + (this.isInElement ? this.elementParts.join("") : "")
      fail(`line ${this.documentLine}`, `not JSON: ${syntaxMessage(partial, "Unexpected end of JSON input")}`)
    }
    if (this.isJsonLines) {
      if (this.documents === 0) throw new ImportFormatError("not OTLP JSON Lines: no documents")
      // The head could not tell a minified document from a first line; the whole file can.
      if (this.documents === 1) this.accumulator.settleSingleDocument()
      return
    }
    // Only the array's elements are counted: none means the key is missing or its array empty.
    if (this.units === 0) {
      throw new ImportFormatError(
        this.format === "jaeger"
          ? "no traces found in the file: data is missing or empty"
          : "no spans found in the file: resourceSpans is missing or empty"
      )
    }
  }

  /** Skips a string's body from `from`; returns the index after its closing quote, or the chunk's end. */
  private skipString(text: string, from: number): number {
    const n = text.length
    let j = from
    if (this.isEscaped) {
      if (n === 0) return 0
      this.isEscaped = false
      j++
    }
    // Jump from quote to quote; a quote after an odd run of backslashes is escaped. Everything
    // before `j` is settled (the opening quote, or a finished escape), so runs are counted from it.
    for (let quoteAt = text.indexOf('"', j); quoteAt >= 0; quoteAt = text.indexOf('"', quoteAt + 1)) {
      if (backslashesBefore(text, quoteAt, j) % 2 === 0) {
        this.inString = false
        return quoteAt + 1
      }
    }
    this.inString = true
    // An odd run of backslashes at the chunk's end escapes the next chunk's first character.
    this.isEscaped = backslashesBefore(text, n, j) % 2 === 1
    return n
  }

  private startDocument(text: string, at: number): void {
    if (this.isAfterDocumentOnLine || (!this.isJsonLines && this.documents > 0)) this.refuseAfterDocument(text, at)
    this.depth = 1
    this.skeleton = ""
    this.skeletonStart = at
    this.documentLine = this.lineAt(text, at)
  }

  private finishDocument(text: string, end: number): void {
    const skeleton = this.skeleton + text.slice(this.skeletonStart, end)
    this.skeleton = ""
    this.checkSize(skeleton.length, this.documentWhere(), "the document outside its array")
    this.documents++
    const where = this.isJsonLines ? `line ${this.documentLine}` : ""
    let doc: unknown
    try {
      doc = JSON.parse(skeleton)
    } catch (error) {
      fail(where, `not JSON: ${errorText(error)}`)
    }
    // The elements were read already; this checks the document around them, e.g. a missing key.
    if (this.format === "jaeger") jaegerTracesOf(doc, where)
    else resourceSpansOf(doc, where)
    this.isAfterDocumentOnLine = this.isJsonLines
  }

  private finishElement(text: string, end: number): void {
    const tail = text.slice(this.elementStart, end)
    const element = this.elementParts.length > 0 ? this.elementParts.join("") + tail : tail
    this.elementParts = []
    this.isInElement = false
    this.documentElements++
    this.units++
    const where = this.elementWhere()
    this.checkSize(element.length, where, "this element")
    let value: unknown
    try {
      value = JSON.parse(element)
    } catch (error) {
      fail(this.isJsonLines ? `line ${this.documentLine}` : where, `not JSON: ${errorText(error)}`)
    }
    if (this.format === "jaeger") this.accumulator.addJaegerTrace(value, where)
    else this.accumulator.addResourceSpans(value, where, this.isJsonLines ? "otlp-jsonl" : "otlp-json")
  }

  /** A syntax error the scanner sees itself (`[,`, `[1,]`, `[}`), in JSON.parse's words. */
  private throwSyntax(text: string, at: number): never {
    // The skeleton lacks the elements read so far; a 0 stands for them, so the words match the file's.
    const earlier = this.documentElements > 0 ? (this.afterComma || this.isInElement ? "0," : "0") : ""
    const pending = this.isInElement ? "0" : text.slice(this.skeletonStart, at)
    const char = text.charAt(at)
    const message = syntaxMessage(this.skeleton + earlier + pending + char, `Unexpected ${quote(char)}`)
    return fail(this.documentWhere(), `not JSON: ${message}`)
  }

  /** Something at the top level that does not start a document: a JSON Lines line read whole, or an error. */
  private topLevel(text: string, at: number): number {
    if (this.isJsonLines && !this.isAfterDocumentOnLine) {
      this.documentLine = this.lineAt(text, at)
      this.rawLine = []
      this.rawLineChars = 0
      return this.continueRawLine(text, at)
    }
    return this.refuseAfterDocument(text, at)
  }

  private refuseAfterDocument(text: string, at: number): never {
    const line = this.lineAt(text, at)
    if (this.isJsonLines) {
      // Same words as JSON.parse of the whole line would give.
      fail(`line ${line}`, "not JSON: Unexpected non-whitespace character after JSON")
    }
    if (this.format === "jaeger" && text.charCodeAt(at) === OPEN_BRACE) {
      fail("", 'not Jaeger JSON: the file holds several JSON documents; Jaeger JSON is one {"data": […]} document')
    }
    return fail("", `not JSON: unexpected ${quote(text.charAt(at))} at line ${line}, after the first object`)
  }

  private continueRawLine(text: string, from: number): number {
    const rawLine = this.rawLine as string[]
    const newline = text.indexOf("\n", from)
    const end = newline < 0 ? text.length : newline
    rawLine.push(text.slice(from, end))
    this.rawLineChars += end - from
    this.checkSize(this.rawLineChars, `line ${this.documentLine}`, "this line")
    if (newline >= 0) this.takeRawLine()
    return end
  }

  /** The old JSON Lines reading of one line: parse it whole, then read what it holds. */
  private takeRawLine(): void {
    const line = (this.rawLine as string[]).join("")
    this.rawLine = null
    const where = `line ${this.documentLine}`
    let doc: unknown
    try {
      doc = JSON.parse(line)
    } catch (error) {
      fail(where, `not JSON: ${errorText(error)}`)
    }
    this.documents++
    this.accumulator.addOtlpDocument(doc, where)
  }

  private isTargetKey(text: string, at: number): boolean {
    const recent = text.slice(Math.max(this.skeletonStart, at - KEY_LOOKBACK_CHARS), at)
    const tail = recent.length < KEY_LOOKBACK_CHARS ? this.skeleton.slice(-KEY_LOOKBACK_CHARS) + recent : recent
    return KEY_BEFORE_VALUE.exec(tail)?.[1] === this.targetKey
  }

  /** The place of the last element read, or with `ahead` 1 of the one being read. */
  private elementWhere(ahead = 0): string {
    const ordinal = (this.isJsonLines ? this.documentElements : this.units) + ahead
    const unit = `${this.format === "jaeger" ? "trace" : "resourceSpans"} ${ordinal}`
    return this.isJsonLines ? `line ${this.documentLine} ${unit}` : unit
  }

  private documentWhere(): string {
    return this.isJsonLines ? `line ${this.documentLine}` : ""
  }

  private checkSize(chars: number, where: string, what: string): void {
    if (chars > this.maxChars) {
      const limit = `${Math.round(this.maxChars / (1024 * 1024))} MB`
      fail(
        where,
        `${what} is larger than ${this.maxChars >= 1024 * 1024 ? limit : `${this.maxChars} characters`}, more than the importer reads as one piece; export smaller batches`
      )
    }
  }

  /** Keeps the text of an element or skeleton that runs on into the next chunk. */
  private flushChunk(text: string): void {
    if (this.isInElement) {
      const part = text.slice(this.elementStart)
      this.elementParts.push(part)
      this.elementChars += part.length
      this.checkSize(this.elementChars, this.elementWhere(1), "this element")
      this.elementStart = 0
    } else if (this.depth > 0) {
      // Between elements there is only whitespace, which the skeleton does without.
      if (!this.isAwaitingElement) this.skeleton += text.slice(this.skeletonStart)
      this.checkSize(this.skeleton.length, this.documentWhere(), "the document outside its array")
      this.skeletonStart = 0
    }
    this.linesBeforeChunk += this.countLines(text, text.length)
  }

  /** The 1-based line of a position in the current chunk. */
  private lineAt(text: string, at: number): number {
    return this.linesBeforeChunk + this.countLines(text, at) + 1
  }

  /** Newlines in the current chunk before `to`, counted once each as positions only move forward. */
  private countLines(text: string, to: number): number {
    let from = this.countedTo
    if (to < from) {
      // Rare (an error path looking back): count afresh.
      let lines = 0
      for (let k = text.indexOf("\n"); k >= 0 && k < to; k = text.indexOf("\n", k + 1)) lines++
      return lines
    }
    for (let k = text.indexOf("\n", from); k >= 0 && k < to; k = text.indexOf("\n", k + 1)) this.linesInChunk++
    from = to
    this.countedTo = from
    return this.linesInChunk
  }
}
