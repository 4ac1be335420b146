// Import bench: MB/s of the streaming trace import (the code the browser's Web Worker runs) on
// ~100 MB of OTLP JSON in each form it reads (a pretty-printed document, a minified one-line
// document, JSON Lines; the e2e fixture's SDK-made spans repeated with fresh trace ids), against a
// bare JSON.parse of the same text, with the peak and the retained heap of the import. In-process, Node.
import { detectFormat, TraceStatsAccumulator } from "@/lib/import"
import { createImportStream } from "@/lib/import/stream"

import { largeJsonDocument, largeJsonLines, otlpExport } from "../../e2e/fixtures/otlp-export"

export interface ImportFormFigures {
  megabytes: number
  spans: number
  importMbPerSecond: number
  jsonParseMbPerSecond: number
  /** Import speed ÷ JSON.parse speed. */
  ratio: number
  /**
   * The scanner and JSON.parse of each element alone (spans not read), ÷ JSON.parse speed: how much
   * of the gap to a bare parse is parsing, and how much is reading and sizing the spans.
   */
  scanRatio: number
  /**
   * Most heap in use during the timed import (sampled after every 1 MB chunk, garbage included)
   * above the heap before it, ÷ file size: what the tab must have free.
   */
  peakHeapPerFileByte: number
  /** Most heap the import holds at once (sampled after a full GC, so garbage is not counted), ÷ file size. */
  heapPerFileByte: number
}

/** The one-line document's figures at the top level (as before), and every form's. */
export interface ImportFigures extends ImportFormFigures {
  forms: { pretty: ImportFormFigures; oneLine: ImportFormFigures; jsonLines: ImportFormFigures }
}

const CHUNK_CHARS = 1 << 20

/** One pretty-printed OTLP document (2-space indent), its resourceSpans repeated with fresh trace ids. */
function prettyJsonDocument(targetBytes: number): string {
  const document = JSON.parse(otlpExport({ traces: 200 })) as { resourceSpans: unknown[] }
  const unit = JSON.stringify(document.resourceSpans[0], null, 2).replace(/\n/g, "\n    ")
  const copies: string[] = []
  let size = 0
  for (let n = 0; size < targetBytes; n++) {
    const prefix = n.toString(16).padStart(8, "0")
    const copy = `    ${unit.replace(/"traceId": "([0-9a-f]{8})/g, `"traceId": "${prefix}`)}`
    copies.push(copy)
    size += copy.length + 2
  }
  return `{\n  "resourceSpans": [\n${copies.join(",\n")}\n  ]\n}\n`
}

function heapUsed(): number {
  return process.memoryUsage().heapUsed
}

function benchForm(text: string): ImportFormFigures {
  const megabytes = Buffer.byteLength(text) / 1e6
  const detected = detectFormat(text.slice(0, 65_536))
  if (!detected.success) throw new Error(detected.error)
  const format = detected.format

  /** Streams the text in 1 MB chunks, as the worker does, calling `sample` after each. */
  const importOnce = (sample?: (chunkIndex: number) => void) => {
    const accumulator = new TraceStatsAccumulator()
    const stream = createImportStream(format, accumulator)
    for (let offset = 0, index = 0; offset < text.length; offset += CHUNK_CHARS, index++) {
      stream.write(text.slice(offset, offset + CHUNK_CHARS))
      sample?.(index)
    }
    stream.end()
    sample?.(-1)
    const summary = accumulator.summary({ slowThresholdMs: 1000 })
    sample?.(-1)
    return summary
  }

  // JSON Lines' bare parse is one JSON.parse per line, its own fastest reading.
  const lines = format === "otlp-jsonl" ? text.split("\n").filter((line) => line !== "") : [text]
  global.gc?.()
  const parseStart = performance.now()
  for (const line of lines) JSON.parse(line)
  const parseMs = performance.now() - parseStart
  lines.length = 0

  // Timed pass; reading heapUsed per 1 MB chunk costs microseconds, nothing next to the chunk.
  global.gc?.()
  const heapBefore = heapUsed()
  let peak = heapBefore
  const start = performance.now()
  const summary = importOnce(() => {
    peak = Math.max(peak, heapUsed())
  })
  const importMs = performance.now() - start

  // The same stream into an accumulator that drops every element: scanning and parsing only.
  const dropAll = { addResourceSpans() {}, addJaegerTrace() {}, addOtlpDocument() {}, settleSingleDocument() {} }
  const scanStart = performance.now()
  const scanOnly = createImportStream(format, dropAll as unknown as TraceStatsAccumulator)
  for (let offset = 0; offset < text.length; offset += CHUNK_CHARS)
    scanOnly.write(text.slice(offset, offset + CHUNK_CHARS))
  scanOnly.end()
  const scanMs = performance.now() - scanStart

  // Retained memory, not garbage: a second pass samples the heap after full collections (the bench
  // runs with --expose-gc), kept apart from the timed pass.
  const liveHeap = () => {
    global.gc?.()
    return heapUsed()
  }
  const liveBefore = liveHeap()
  let livePeak = liveBefore
  importOnce((index) => {
    if (index % 16 === 0) livePeak = Math.max(livePeak, liveHeap())
  })
  livePeak = Math.max(livePeak, liveHeap())

  const importMbPerSecond = megabytes / (importMs / 1000)
  const jsonParseMbPerSecond = megabytes / (parseMs / 1000)
  const bytes = Buffer.byteLength(text)
  return {
    megabytes,
    spans: summary.spans,
    importMbPerSecond,
    jsonParseMbPerSecond,
    ratio: importMbPerSecond / jsonParseMbPerSecond,
    scanRatio: parseMs / scanMs,
    peakHeapPerFileByte: (peak - heapBefore) / bytes,
    heapPerFileByte: (livePeak - liveBefore) / bytes,
  }
}

/**
 * Benchmarks the import of each form, one text in memory at a time.
 *
 * @example
 * benchImport(10_000_000).forms.oneLine.ratio //=> 0.6 (machine-dependent)
 */
export function benchImport(targetBytes = 100_000_000): ImportFigures {
  const pretty = benchForm(prettyJsonDocument(targetBytes))
  const oneLine = benchForm(largeJsonDocument(targetBytes))
  const jsonLines = benchForm(largeJsonLines(targetBytes))
  return { ...oneLine, forms: { pretty, oneLine, jsonLines } }
}
