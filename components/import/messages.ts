import type { ImportSummary } from "@/lib/import"
import type { DryRunView } from "@/lib/import/dry-run-view"
import type { PlanInput } from "@/lib/plan/fields"

/**
 * Main thread → worker: the file to import, then, once it is imported, each plan to dry-run on its
 * traces (the worker keeps the records; `sequence` numbers the plans, newest highest), and the JSON
 * download of the plan shown (`download` numbers the clicks).
 */
export type ImportRequest =
  | { type: "import"; file: File; slowThresholdMs: number }
  | { type: "dryRun"; sequence: number; input: PlanInput }
  | { type: "dryRunJson"; download: number; sequence: number; input: PlanInput }

/** Worker → main thread. */
export type ImportResponse =
  | { type: "progress"; bytesRead: number; totalBytes: number; spans: number; traces: number }
  | { type: "done"; summary: ImportSummary; bytes: number; milliseconds: number }
  | { type: "error"; message: string }
  /** The dry run of plan `sequence`: what the page shows of it. */
  | { type: "dryRun"; sequence: number; view: DryRunView }
  | { type: "dryRunError"; sequence: number; message: string }
  /** The whole result of the plan shown, as the "Download dry run (JSON)" file. */
  | { type: "dryRunJson"; download: number; json: Blob }
  | { type: "dryRunJsonError"; download: number; message: string }
