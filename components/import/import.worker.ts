/// <reference lib="webworker" />
// Parses a trace export off the main thread: reads the file as a stream, feeds the pure import
// core one unit at a time, and posts progress. Then it stays, holding the file's per-trace records,
// and dry-runs each plan the page sends on them. Nothing here touches the network.
import {
  checkEncoding,
  createImportStream,
  detectFormat,
  ImportFormatError,
  TraceStatsAccumulator,
  type ImportStream,
} from "@/lib/import"

import type { DryRunResult } from "@/lib/import/dry-run"
import type { TraceRecords } from "@/lib/import/trace-records"
import type { PlanInput } from "@/lib/plan/fields"

import type { ImportRequest, ImportResponse } from "./messages"

const HEAD_BYTES = 64 * 1024
const PROGRESS_EVERY_MS = 100

const post = (message: ImportResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message)

/** The imported file's per-trace records, kept for the dry runs. */
let records: TraceRecords | null = null

async function run(file: File, slowThresholdMs: number) {
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
  // The dry run's per-trace records stay here, so it re-runs at every plan change without reading
  // the file again, and without a task on the page's main thread.
  records = accumulator.traceRecords()
  post({ type: "done", summary, bytes: bytesRead, milliseconds: performance.now() - started })
}

/** The dry run and the model it reads, loaded with the first plan so the import does not wait for them. */
let modules: ReturnType<typeof loadDryRun> | null = null
const loadDryRun = () =>
  Promise.all([
    import("@/lib/import/dry-run"),
    import("@/lib/import/dry-run-view"),
    import("@/lib/import/dry-run-json"),
  ])
const dryRunModules = () => (modules ??= loadDryRun())

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** The newest plan not yet dry-run: a burst of changes that arrives during a run is run once, for the last. */
let queued: { sequence: number; input: PlanInput } | null = null
let running = false
/** The last plan's result, for its JSON download. */
let last: { sequence: number; result: DryRunResult } | null = null

async function dryRunQueued() {
  running = true
  try {
    const [{ dryRun }, { dryRunView }] = await dryRunModules()
    for (let next = queued; next !== null && records !== null; next = queued) {
      queued = null
      const { sequence, input } = next
      try {
        const result = dryRun(records, input)
        last = { sequence, result }
        post({ type: "dryRun", sequence, view: dryRunView(result) })
      } catch (error) {
        post({ type: "dryRunError", sequence, message: messageOf(error) })
      }
      // Let the plans sent meanwhile arrive, so only the newest of them runs.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  } catch (error) {
    if (queued) post({ type: "dryRunError", sequence: queued.sequence, message: messageOf(error) })
    queued = null
  } finally {
    running = false
  }
}

/**
 * The JSON download of plan `sequence`, written when asked for: on a file of 300,000 endpoints it is
 * 40 MB and takes longer than the dry run itself, so it is not written at every change.
 */
async function dryRunDownload({ download, sequence, input }: Extract<ImportRequest, { type: "dryRunJson" }>) {
  try {
    const [{ dryRun }, , { dryRunJson }] = await dryRunModules()
    if (records === null) throw new Error("no file imported")
    // The plan shown is the last one run, unless a newer one ran since: then it runs again (the
    // dry run is deterministic, X-Ray's draw included).
    const result = last?.sequence === sequence ? last.result : dryRun(records, input)
    const json = new Blob([dryRunJson(result)], { type: "application/json;charset=utf-8" })
    post({ type: "dryRunJson", download, json })
  } catch (error) {
    post({ type: "dryRunJsonError", download, message: messageOf(error) })
  }
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data
  if (request.type === "dryRun") {
    queued = { sequence: request.sequence, input: request.input }
    if (!running) void dryRunQueued()
    return
  }
  if (request.type === "dryRunJson") {
    void dryRunDownload(request)
    return
  }
  run(request.file, request.slowThresholdMs).catch((error: unknown) => {
    post({
      type: "error",
      message: error instanceof ImportFormatError ? error.message : `could not read the file: ${messageOf(error)}`,
    })
  })
}
