import type { ImportSummary } from "@/lib/import"
import type { TraceRecords } from "@/lib/import/trace-records"

/** Main thread → worker. */
export interface ImportRequest {
  file: File
  slowThresholdMs: number
}

/** Worker → main thread. */
export type ImportResponse =
  | { type: "progress"; bytesRead: number; totalBytes: number; spans: number; traces: number }
  | { type: "done"; summary: ImportSummary; records: TraceRecords; bytes: number; milliseconds: number }
  | { type: "error"; message: string }
