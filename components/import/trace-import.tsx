"use client"

import { useEffect, useRef, useState } from "react"

import type { ImportSummary } from "@/lib/import"
import { importChanges, smallSampleNote } from "@/lib/import/apply"
import { formatBytes, formatCount, formatDuration, formatPercent } from "@/lib/format"
import type { PlanFormValues } from "@/lib/plan/form-values"
import type { PlanInput } from "@/lib/plan/fields"
import { MAX_SUMMARY_NAMES } from "@/lib/import/types"

import { buttonClass } from "../ui/copy-button"
import { DryRun } from "./dry-run"
import type { ImportRequest, ImportResponse } from "./messages"

type State =
  | { kind: "idle" }
  | { kind: "reading"; fileName: string; bytesRead: number; totalBytes: number; spans: number }
  /** `worker` stays, holding the file's traces, for the dry run; it is terminated when the import is replaced. */
  | { kind: "done"; fileName: string; summary: ImportSummary; worker: Worker; megabytesPerSecond: number }
  | { kind: "error"; fileName: string; message: string }
  | { kind: "cancelled"; fileName: string }

/** Drop a Jaeger or OTLP export; it is parsed in a Web Worker and never leaves the browser. */
export function TraceImport({
  input,
  onApply,
}: {
  input: PlanInput
  onApply: (values: Partial<PlanFormValues>) => void
}) {
  const [state, setState] = useState<State>({ kind: "idle" })
  const [dragging, setDragging] = useState(false)
  const worker = useRef<Worker | null>(null)

  useEffect(() => () => worker.current?.terminate(), [])

  function start(file: File) {
    worker.current?.terminate()
    const next = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" })
    worker.current = next
    setState({ kind: "reading", fileName: file.name, bytesRead: 0, totalBytes: file.size, spans: 0 })
    let imported = false
    next.onmessage = (event: MessageEvent<ImportResponse>) => {
      if (worker.current !== next) return
      const message = event.data
      if (message.type === "progress")
        setState({
          kind: "reading",
          fileName: file.name,
          bytesRead: message.bytesRead,
          totalBytes: message.totalBytes,
          spans: message.spans,
        })
      if (message.type === "done") {
        imported = true
        setState({
          kind: "done",
          fileName: file.name,
          summary: message.summary,
          worker: next,
          megabytesPerSecond: message.bytes / 1e6 / (message.milliseconds / 1000),
        })
      }
      if (message.type === "error") {
        setState({ kind: "error", fileName: file.name, message: message.message })
        next.terminate()
      }
    }
    // The worker itself failed (it could not load, or ran out of memory): say what the browser says.
    // A worker already cancelled or replaced is ignored: terminating one that is still loading its
    // code aborts the load, and that error arrives after "cancelled" was shown. Once the file is
    // imported, a failure is the dry run's, which says so itself; the summary stays.
    next.onerror = (event) => {
      if (worker.current !== next || imported) return
      setState({
        kind: "error",
        fileName: file.name,
        message: `the import stopped unexpectedly${event.message ? ` (${event.message})` : ""}; try again or use a smaller export`,
      })
    }
    const request: ImportRequest = { type: "import", file, slowThresholdMs: input.slowThresholdMs }
    next.postMessage(request)
  }

  function cancel() {
    const cancelled = worker.current
    worker.current = null
    cancelled?.terminate()
    if (state.kind === "reading") setState({ kind: "cancelled", fileName: state.fileName })
  }

  return (
    <div className="grid gap-3" data-testid="trace-import">
      <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="privacy-note">
        <LockIcon /> Your file never leaves this browser: it is read and parsed locally, in a Web Worker. Nothing is
        uploaded.
      </p>
      <div
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault()
          setDragging(false)
          const file = event.dataTransfer.files[0]
          if (file) start(file)
        }}
        className={`grid place-items-center gap-2 rounded-md border-2 border-dashed p-4 text-center text-sm ${dragging ? "border-accent bg-accent-soft dark:bg-accent-soft-dark" : "border-slate-300 dark:border-slate-600"}`}
      >
        <p>Drop a Jaeger JSON or OTLP JSON / JSON Lines export here, or</p>
        {/* The input is visually hidden: the label shows its focus ring when it is the input that has focus. */}
        <label
          className={`${buttonClass} cursor-pointer has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent`}
        >
          Choose a file
          <input
            type="file"
            accept=".json,.jsonl,.ndjson,application/json"
            className="sr-only"
            data-testid="import-file"
            onChange={(event) => {
              const file = event.target.files?.[0]
              if (file) start(file)
              event.target.value = ""
            }}
          />
        </label>
      </div>
      <ImportStatus state={state} input={input} onCancel={cancel} onApply={onApply} />
    </div>
  )
}

function ImportStatus({
  state,
  input,
  onCancel,
  onApply,
}: {
  state: State
  input: PlanInput
  onCancel: () => void
  onApply: (values: Partial<PlanFormValues>) => void
}) {
  if (state.kind === "idle") return null
  if (state.kind === "reading") {
    return (
      <div className="grid gap-1" role="status" data-testid="import-progress">
        <label className="text-xs">
          Reading {state.fileName}: {formatBytes(state.bytesRead)} of {formatBytes(state.totalBytes)},{" "}
          {formatCount(state.spans)} spans
          <progress className="mt-1 block w-full" max={state.totalBytes || 1} value={state.bytesRead} />
        </label>
        <button type="button" className={`${buttonClass} justify-self-start`} onClick={onCancel}>
          Cancel import
        </button>
      </div>
    )
  }
  if (state.kind === "cancelled")
    return (
      <p role="status" className="text-sm" data-testid="import-cancelled">
        Import of {state.fileName} cancelled.
      </p>
    )
  if (state.kind === "error") {
    return (
      <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300" data-testid="import-error">
        {state.fileName}: {state.message}
      </p>
    )
  }
  const { summary } = state
  const { changes, values } = importChanges(summary, input)
  const note = smallSampleNote(summary)
  return (
    <div className="grid gap-2 text-sm" data-testid="import-summary">
      <p>
        {state.fileName} ({summary.format}): {formatCount(summary.traces)} complete traces, {formatCount(summary.spans)}{" "}
        spans
        {summary.truncatedTraces > 0
          ? `, ${formatCount(summary.truncatedTraces)} traces cut by the export window (not counted)`
          : ""}
        ; parsed at {state.megabytesPerSecond.toFixed(1)} MB/s.
      </p>
      {note ? (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-200" data-testid="import-small-sample">
          {note}
        </p>
      ) : null}
      {summary.traces === 0 ? (
        <p role="alert" className="text-sm font-medium text-amber-800 dark:text-amber-200">
          No trace in this file is complete (each lost its root or a parent to the export window): the figures below use
          all spans and are rough. Export a longer window for better numbers.
        </p>
      ) : null}
      <ul className="grid gap-0.5 text-xs text-slate-700 dark:text-slate-300">
        <li>
          Spans per trace: mean {Number(summary.spansPerTrace.mean.toFixed(1))}, p50 {summary.spansPerTrace.p50}, p90{" "}
          {summary.spansPerTrace.p90}, p99 {summary.spansPerTrace.p99}, max {summary.spansPerTrace.max}
        </li>
        <li>
          Bytes per span (OTLP protobuf): mean {formatCount(summary.spanBytes.mean)} B;{" "}
          {summary.attributesPerSpan.toFixed(1)} attributes and {summary.eventsPerSpan.toFixed(2)} events per span
        </li>
        <li>
          Errors: {formatPercent(summary.errorRatio)} of traces; root duration p50{" "}
          {formatDuration(summary.rootDurationMs.p50)}, p99 {formatDuration(summary.rootDurationMs.p99)};{" "}
          {formatPercent(summary.slowShare)} slower than {formatDuration(input.slowThresholdMs)}
        </li>
        <li>
          Services:{" "}
          {summary.services
            .slice(0, 6)
            .map((s) => `${s.name} ${formatPercent(s.share)}`)
            .join(", ")}
        </li>
        {summary.healthCheckOperations.length > 0 ? (
          <li data-testid="import-health-checks">
            Health checks spotted: {summary.healthCheckOperations.slice(0, MAX_SUMMARY_NAMES).join(", ")}
            {/* The worker sends at most MAX_SUMMARY_NAMES names; the rest are a count. */}
            {summary.moreHealthCheckOperations > 0 ? ` and ${formatCount(summary.moreHealthCheckOperations)} more` : ""}
          </li>
        ) : null}
      </ul>
      <table className="w-full text-xs tabular-nums" data-testid="import-changes">
        <caption className="text-left font-medium">Use these numbers?</caption>
        <thead>
          <tr>
            <th scope="col" className="text-left font-medium">
              Field
            </th>
            <th scope="col" className="text-left font-medium">
              Now
            </th>
            <th scope="col" className="text-left font-medium">
              From the file
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row" className="text-left font-normal">
                {change.label}
              </th>
              <td className={valueCell(change.from)}>{change.from}</td>
              <td className={`font-medium ${valueCell(change.to)}`}>{change.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className={`${buttonClass} justify-self-start`}
        onClick={() => onApply(values)}
        data-testid="import-apply"
      >
        Use these numbers
      </button>
      <DryRun worker={state.worker} input={input} />
    </div>
  )
}

/** A number with its unit ("5,000 req/s", "12.5 %") stays on one line; long text may break anywhere. */
function valueCell(value: string): string {
  return /^[-+$]?[\d.,]+(?:\s?\S{1,12})?$/.test(value) ? "whitespace-nowrap pr-2" : "pr-2 [overflow-wrap:anywhere]"
}

/** A padlock drawn in SVG: it shows without an emoji font, and is named for screen readers. */
function LockIcon() {
  return (
    <svg
      role="img"
      aria-label="Private"
      viewBox="0 0 16 16"
      className="mr-0.5 inline-block size-3.5 align-[-0.15em]"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" strokeLinecap="round" />
    </svg>
  )
}
