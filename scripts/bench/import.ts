// Import bench: MB/s of the streaming trace import (the code the browser's Web Worker runs) on a
// ~100 MB OTLP JSON document (the e2e fixture's SDK-made spans, repeated with fresh trace ids),
// against a bare JSON.parse of the same text. In-process, Node.
import { detectFormat, TraceStatsAccumulator } from "@/lib/import"
import { createImportStream } from "@/lib/import/stream"

import { largeJsonDocument } from "../../e2e/fixtures/otlp-export"

export interface ImportFigures {
  megabytes: number
  spans: number
  importMbPerSecond: number
  jsonParseMbPerSecond: number
  /** Import speed ÷ JSON.parse speed. */
  ratio: number
  /** Most heap the import holds at once (sampled after a full GC, so garbage is not counted), ÷ file size. */
  heapPerFileByte: number
}

export function benchImport(targetBytes = 100_000_000): ImportFigures {
  const text = largeJsonDocument(targetBytes)
  const megabytes = Buffer.byteLength(text) / 1e6

  const parseStart = performance.now()
  JSON.parse(text)
  const parseMs = performance.now() - parseStart

  const detected = detectFormat(text.slice(0, 65_536))
  if (!detected.success) throw new Error(detected.error)
  const format = detected.format
  /** Streams the text in 1 MB chunks, as the worker does, calling `every16` every 16 MB. */
  const importOnce = (every16?: () => void) => {
    const accumulator = new TraceStatsAccumulator()
    const stream = createImportStream(format, accumulator)
    const chunk = 1 << 20
    for (let offset = 0; offset < text.length; offset += chunk) {
      stream.write(text.slice(offset, offset + chunk))
      if (every16 && (offset / chunk) % 16 === 0) every16()
    }
    stream.end()
    return accumulator.summary({ slowThresholdMs: 1000 })
  }

  const start = performance.now()
  const summary = importOnce()
  const importMs = performance.now() - start

  // Retained memory, not garbage: a second pass samples the heap after full collections (the bench
  // runs with --expose-gc), kept apart from the timed pass.
  const liveHeap = () => {
    global.gc?.()
    return process.memoryUsage().heapUsed
  }
  const heapBefore = liveHeap()
  let heapPeak = heapBefore
  importOnce(() => {
    heapPeak = Math.max(heapPeak, liveHeap())
  })
  heapPeak = Math.max(heapPeak, liveHeap())

  const importMbPerSecond = megabytes / (importMs / 1000)
  const jsonParseMbPerSecond = megabytes / (parseMs / 1000)
  return {
    megabytes,
    spans: summary.spans,
    importMbPerSecond,
    jsonParseMbPerSecond,
    ratio: importMbPerSecond / jsonParseMbPerSecond,
    heapPerFileByte: (heapPeak - heapBefore) / Buffer.byteLength(text),
  }
}
