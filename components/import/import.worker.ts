/// <reference lib="webworker" />
// Parses a trace export off the main thread: reads the file as a stream, feeds the pure import
// core one unit at a time, and posts progress. Nothing here touches the network.
import {
  checkEncoding,
  createImportStream,
  detectFormat,
  ImportFormatError,
  TraceStatsAccumulator,
  type ImportStream,
} from "@/lib/import"

import { traceRecordBuffers } from "@/lib/import/trace-records"

import type { ImportRequest, ImportResponse } from "./messages"

const HEAD_BYTES = 64 * 1024
const PROGRESS_EVERY_MS = 100

const post = (message: ImportResponse, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer)

async function run({ file, slowThresholdMs }: ImportRequest) {
  const started = performance.now()
  const reader = file.stream().getReader()
  const decoder = new TextDecoder("utf-8", { fatal: false })
  const accumulator = new TraceStatsAccumulator()
  let head = ""
  let stream: ImportStream | null = null
  let bytesRead = 0
  let lastProgress = 0

  const feed = (text: string) => {
    if (stream) return stream.write(text)
    head += text
    if (head.length < HEAD_BYTES) return
    startStream()
  }
  const startStream = () => {
    const detected = detectFormat(head)
    if (!detected.success) throw new ImportFormatError(detected.error)
    stream = createImportStream(detected.format, accumulator)
    const text = head
    head = ""
    stream.write(text)
  }

  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    // Refuse UTF-16 and binary files by their bytes, before decoding turns them into mojibake.
    if (bytesRead === 0) {
      const encoding = checkEncoding(value)
      if (!encoding.success) throw new ImportFormatError(encoding.error)
    }
    bytesRead += value.byteLength
    feed(decoder.decode(value, { stream: true }))
    const now = performance.now()
    if (now - lastProgress > PROGRESS_EVERY_MS) {
      lastProgress = now
      post({
        type: "progress",
        bytesRead,
        totalBytes: file.size,
        spans: accumulator.spanCount,
        traces: accumulator.traceCount,
      })
    }
  }
  feed(decoder.decode())
  if (!stream) {
    if (head.trim() === "") throw new ImportFormatError("the file is empty")
    startStream()
  }
  ;(stream as ImportStream | null)?.end()
  post({
    type: "progress",
    bytesRead,
    totalBytes: file.size,
    spans: accumulator.spanCount,
    traces: accumulator.traceCount,
  })
  const summary = accumulator.summary({ slowThresholdMs })
  // The dry run's per-trace records move to the page (transferred, not copied), so it re-runs on
  // every plan change without reading the file again.
  const records = accumulator.traceRecords()
  post(
    { type: "done", summary, records, bytes: bytesRead, milliseconds: performance.now() - started },
    traceRecordBuffers(records)
  )
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  run(event.data).catch((error: unknown) => {
    post({
      type: "error",
      message:
        error instanceof ImportFormatError
          ? error.message
          : `could not read the file: ${error instanceof Error ? error.message : String(error)}`,
    })
  })
}
