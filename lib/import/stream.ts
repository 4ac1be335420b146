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
 * Where it can, the scanner does not look at an element's text at all: it finds a likely end of a
 * run of elements (a JSON Lines line's last `]`, or the text seen between two elements, e.g.
 * `,{"resource"`) with `indexOf` and hands the whole run to one `JSON.parse`. JSON is read the same
 * from any place, so a run that parses is exactly those elements, each the value `JSON.parse` of
 * its own text gives; a run that does not parse (a guess inside an element, or a broken file) is
 * scanned bracket by bracket as before, so every message stays the same.
 *
 * @param options.maxElementChars Overrides {@link MAX_ELEMENT_CHARS} (for tests).
 * @param options.batch Whether to parse runs of elements at once (default true; false for tests
 *   that compare it with the bracket-by-bracket reading).
 * @example
 * const stream = createImportStream("otlp-jsonl", accumulator)
 * stream.write('{"resourceSpans":[...]}\n{"resourceSpans":[...]}\n')
 * stream.end()
 * accumulator.summary({ slowThresholdMs: 1000 })
 */
export function createImportStream(
  format: ImportFormat,
  accumulator: TraceStatsAccumulator,
  options: { maxElementChars?: number; batch?: boolean } = {}
): ImportStream {
  const scanner = new DocumentScanner(
    format,
    accumulator,
    options.maxElementChars ?? MAX_ELEMENT_CHARS,
    options.batch ?? true
  )
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

/**
 * Most text held unread while waiting for the end of a run of elements: a few of the worker's
 * chunks. An element larger than this is scanned bracket by bracket.
 */
const MAX_CARRY_CHARS = 4 * 1024 * 1024
/** Longest text between two elements (comma, whitespace, the next element's first key) kept as a guess. */
const MAX_SEPARATOR_CHARS = 80
/**
 * Guesses of one kind that may miss before that kind is dropped: a few, and one in eight of those
 * that parsed (a separator guess misses in every Jaeger trace, whose spans repeat its first key).
 */
const GUESS_MISSES_ALLOWED = 2
const GUESS_HITS_PER_MISS = 8
const NOT_BATCHED = -1
const CARRIED = -2

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

const NOT_PARSED = Symbol("not parsed")

/** A run's value, or NOT_PARSED if its text does not parse (then it is scanned bracket by bracket). */
function parseRun(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return NOT_PARSED
  }
}

/** `text.indexOf(search, from)`, or the text's length if it does not occur. */
function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from)
  return found < 0 ? text.length : found
}

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
  /** Text after an element's start at depth 2, not yet scanned, waiting for the end of a run. */
  private carried: string[] = []
  private carriedChars = 0
  private readonly maxCarryChars: number
  /** In the current text: no carrying before this position, no batch guess before `noBatchBefore`. */
  private carryFrom = 0
  private noBatchBefore = 0
  /** The comma between the last two elements, in the current text, to learn the separator from. */
  private commaAt = -1
  /** What stood between two elements: a comma, whitespace and the next element's first key. */
  private separator = ""
  private separatorMisses = 0
  private separatorHits = 0
  /** JSON Lines: guess each line's run by its last `]` (until that misses too often). */
  private isGuessingLines: boolean
  private lineHits = 0
  private lineMisses = 0
  private isSeparatorDropped = false
  /** The next newline and separator at or after the last place looked from, in the current text (its length: none). */
  private newlineAt = -1
  private separatorAt = -1
  /** The current text ends just past the comma of a separator (the rest of it begins the next chunk). */
  private isCommaGuessAtEnd = false
  /** end() is scanning the carried text: nothing more comes, so nothing is carried. */
  private isEnding = false

  constructor(
    private readonly format: ImportFormat,
    private readonly accumulator: TraceStatsAccumulator,
    private readonly maxChars: number,
    private readonly isBatching: boolean
  ) {
    this.isJsonLines = format === "otlp-jsonl"
    this.isGuessingLines = this.isJsonLines
    this.targetKey = format === "jaeger" ? "data" : "resourceSpans"
    this.maxCarryChars = Math.min(MAX_CARRY_CHARS, maxChars)
  }

  write(chunk: string): void {
    if (this.carried.length > 0) {
      const end = this.runEndIn(chunk)
      // Keep waiting while the chunk holds no likely end of the run and the wait stays short.
      if (end < 0 && this.carriedChars + chunk.length <= this.maxCarryChars) {
        this.carried.push(chunk)
        this.carriedChars += chunk.length
        return
      }
      this.scanCarried(chunk, end < 0 ? chunk.length : end)
      return
    }
    let i = 0
    if (this.isFirstChunk && chunk.length > 0) {
      this.isFirstChunk = false
      if (chunk.charCodeAt(0) === BYTE_ORDER_MARK) i = 1
    }
    this.scan(chunk, i, true)
  }

  /**
   * Scans the carried text with `chunk` up to `to` as one text (one copy, of about one element, as
   * an element split across chunks always took), then the rest of the chunk on its own.
   */
  private scanCarried(chunk: string, to: number): void {
    this.carried.push(chunk.slice(0, to))
    const text = this.carried.join("")
    this.carried = []
    this.carriedChars = 0
    // Cut just past a separator's comma: the element before it is the guess.
    this.isCommaGuessAtEnd = to > 0 && this.separator !== "" && chunk.startsWith(this.separator, to - 1)
    this.scan(text, 0, false)
    this.isCommaGuessAtEnd = false
    if (to < chunk.length) this.write(chunk.slice(to))
  }

  /** Where in a new chunk the carried run likely ends (just past a newline or a separator's comma), or -1. */
  private runEndIn(chunk: string): number {
    if (this.isGuessingLines) {
      const newline = chunk.indexOf("\n")
      if (newline >= 0) return newline + 1
    }
    if (this.separator !== "") {
      const separator = chunk.indexOf(this.separator)
      if (separator >= 0) return separator + 1
    }
    return -1
  }

  private scan(text: string, from: number, canCarryAtStart: boolean): void {
    this.countedTo = 0
    this.linesInChunk = 0
    this.carryFrom = canCarryAtStart ? 0 : 1
    this.noBatchBefore = 0
    this.commaAt = -1
    this.newlineAt = -1
    this.separatorAt = -1
    let i = from
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
        if (this.isBatching) {
          const next = this.tryBatch(text, i)
          if (next === CARRIED) {
            this.flushChunk(text, i)
            return
          }
          if (next !== NOT_BATCHED) {
            i = next
            continue
          }
        }
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
        this.commaAt = i
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
    this.flushChunk(text, text.length)
  }

  end(): void {
    if (this.carried.length > 0) {
      this.isEnding = true
      this.scanCarried("", 0)
    }
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
    this.takeElement(value, where)
  }

  /**
   * At the start of an element (`at`, after `[` or `,` and whitespace), reads a run of elements
   * with one `JSON.parse` if the text holds a likely end of it, or carries the text to the next
   * chunk to wait for one. Returns where to go on, {@link CARRIED}, or {@link NOT_BATCHED} to scan
   * the element bracket by bracket.
   */
  private tryBatch(text: string, at: number): number {
    this.learnSeparator(text, at)
    if (at < this.noBatchBefore) return NOT_BATCHED
    let guessed = false
    if (this.isGuessingLines) {
      // No JSON string holds a raw newline, so a line's array ends at its last `]`, unless text
      // after the array holds one (then the guess does not parse).
      if (this.newlineAt < at) this.newlineAt = indexOrEnd(text, "\n", at)
      const newline = this.newlineAt
      if (newline < text.length) {
        guessed = true
        const close = text.lastIndexOf("]", newline)
        if (close > at && close - at < this.maxChars) {
          // From the array's own `[` when it is in this text (a slice, not a copy).
          const open = this.afterComma || at === 0 ? -1 : text.lastIndexOf("[", at - 1)
          const values = parseRun(open >= 0 ? text.slice(open, close + 1) : `[${text.slice(at, close + 1)}`)
          if (values !== NOT_PARSED) {
            this.lineHits++
            this.takeRun(values as unknown[])
            // As after the last element's `]`: the bracket belongs to the skeleton.
            this.isAwaitingElement = false
            this.depth = 1
            this.skeletonStart = close
            return close + 1
          }
          // Lines whose text after the array holds a `]` of its own: scanned, not guessed.
          this.lineMisses++
          if (this.lineMisses > GUESS_MISSES_ALLOWED + this.lineHits / GUESS_HITS_PER_MISS) this.isGuessingLines = false
        }
        this.noBatchBefore = newline
      }
    }
    if (this.separator !== "") {
      if (this.separatorAt < at) {
        this.separatorAt = indexOrEnd(text, this.separator, at)
        if (this.separatorAt === text.length && this.isCommaGuessAtEnd) this.separatorAt = text.length - 1
      }
      const comma = this.separatorAt
      if (comma < text.length) {
        guessed = true
        if (comma - at <= this.maxChars) {
          // One element: its text is a slice, so nothing is copied.
          const value = parseRun(text.slice(at, comma))
          if (value !== NOT_PARSED) {
            this.separatorHits++
            this.takeRun([value])
            // As after a comma between elements.
            this.isAwaitingElement = true
            this.afterComma = true
            this.skeletonStart = comma + 1
            return comma + 1
          }
          this.separatorMisses++
          if (this.separatorMisses > GUESS_MISSES_ALLOWED + this.separatorHits / GUESS_HITS_PER_MISS) {
            this.separator = ""
            this.isSeparatorDropped = true
          }
        }
        this.noBatchBefore = Math.max(this.noBatchBefore, comma)
      }
    }
    if (!guessed && !this.isEnding && at >= this.carryFrom && (this.isGuessingLines || this.separator !== "")) {
      if (text.length - at <= this.maxCarryChars) {
        // The state stays that of the element's start: awaiting it, after `[` or `,`.
        this.carried = [text.slice(at)]
        this.carriedChars = text.length - at
        return CARRIED
      }
    }
    return NOT_BATCHED
  }

  /** Learns the text between the last two elements, once, from the comma before `at`. */
  private learnSeparator(text: string, at: number): void {
    const comma = this.commaAt
    this.commaAt = -1
    if (this.separator !== "" || this.isSeparatorDropped || comma < 0) return
    if (text.charCodeAt(at) !== OPEN_BRACE) return
    let j = at + 1
    while (j < text.length && isWhitespace(text.charCodeAt(j))) j++
    if (text.charCodeAt(j) !== QUOTE) return
    const close = text.indexOf('"', j + 1)
    if (close < 0 || close + 1 - comma > MAX_SEPARATOR_CHARS) return
    const separator = text.slice(comma, close + 1)
    if (!separator.includes("\\")) this.separator = separator
  }

  /** Hands each element of a run that parsed to the accumulator, as {@link finishElement} would. */
  private takeRun(values: unknown[]): void {
    for (const value of values) {
      this.documentElements++
      this.units++
      this.takeElement(value, this.elementWhere())
    }
  }

  private takeElement(value: unknown, where: string): void {
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

  /** Keeps the text of an element or skeleton that runs on into the next chunk; `end` is where the scan stopped. */
  private flushChunk(text: string, end: number): void {
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
    // Carried text is counted when it is scanned.
    this.linesBeforeChunk += this.countLines(text, end)
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
