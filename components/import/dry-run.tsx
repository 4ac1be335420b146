"use client"

import { useEffect, useRef, useState } from "react"

import type { DryRunRow, DryRunShare } from "@/lib/import/dry-run"
import type { DryRunView } from "@/lib/import/dry-run-view"
import { headSentence, tailSentence } from "@/lib/import/dry-run-text"
import { NewestRequest } from "@/lib/import/newest-request"
import { formatDuration, formatInteger, formatPercent } from "@/lib/format"
import type { PlanInput } from "@/lib/plan/fields"

import { buttonClass } from "../ui/copy-button"
import { downloadBlob } from "../ui/download"
import type { ImportRequest, ImportResponse } from "./messages"

/** A dry run's answer as the page shows it, with the plan (and its number) and the worker (the file) it belongs to. */
interface Shown {
  worker: Worker
  sequence: number
  input: PlanInput
  view: DryRunView
}

/**
 * The plan's sampling applied to the imported file's traces, re-run at every plan change by the
 * import's worker, which kept the file's per-trace records: the main thread only sends the plan and
 * shows the answer. The last answer stays until the newer plan's arrives; answers to plans changed
 * since are dropped.
 */
export function DryRun({ worker, input }: { worker: Worker; input: PlanInput }) {
  const requests = useRef(new NewestRequest<PlanInput>())
  const downloads = useRef(0)
  const [shown, setShown] = useState<Shown | null>(null)
  const [failure, setFailure] = useState<{ worker: Worker; sentence: string } | null>(null)

  useEffect(() => {
    const onMessage = (event: MessageEvent<ImportResponse>) => {
      const message = event.data
      if (message.type !== "dryRun" && message.type !== "dryRunError") return
      const answered = requests.current.answered(message.sequence)
      if (answered === undefined) return
      if (message.type === "dryRunError") {
        setFailure({ worker, sentence: `The dry run failed: ${message.message}.` })
        return
      }
      setShown({ worker, sequence: message.sequence, input: answered, view: message.view })
      setFailure(null)
    }
    // The worker itself failed (out of memory on a huge file, say): the import's summary stays.
    const onError = () => setFailure({ worker, sentence: "The dry run stopped unexpectedly." })
    worker.addEventListener("message", onMessage)
    worker.addEventListener("error", onError)
    return () => {
      worker.removeEventListener("message", onMessage)
      worker.removeEventListener("error", onError)
    }
  }, [worker])

  useEffect(() => {
    // Sent once the change's own task is over: the worker's run then does not compete with the
    // page's render for a core, and changes made within one task send only the last plan.
    const timer = setTimeout(() => {
      const request: ImportRequest = { type: "dryRun", sequence: requests.current.next(input), input }
      worker.postMessage(request)
    }, 0)
    return () => clearTimeout(timer)
  }, [worker, input])

  /** Asks the worker for the whole result of the plan shown and saves it when it comes. */
  function downloadJson({ worker: from, sequence, input: plan }: Shown) {
    downloads.current += 1
    const download = downloads.current
    const onMessage = (event: MessageEvent<ImportResponse>) => {
      const message = event.data
      if (message.type !== "dryRunJson" && message.type !== "dryRunJsonError") return
      if (message.download !== download) return
      from.removeEventListener("message", onMessage)
      if (message.type === "dryRunJson") downloadBlob("dry-run.json", message.json)
      else setFailure({ worker: from, sentence: `The download failed: ${message.message}.` })
    }
    from.addEventListener("message", onMessage)
    const request: ImportRequest = { type: "dryRunJson", download, sequence, input: plan }
    from.postMessage(request)
  }

  const failed =
    failure?.worker === worker ? (
      <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300" data-testid="dry-run-error">
        {failure.sentence}
      </p>
    ) : null
  if (shown === null || shown.worker !== worker)
    return (
      failed ?? (
        <p role="status" className="text-sm" data-testid="dry-run-pending">
          Dry-running the plan on these traces…
        </p>
      )
    )
  return (
    <>
      {failed}
      <DryRunResults
        view={shown.view}
        input={shown.input}
        busy={shown.input !== input}
        onDownload={() => downloadJson(shown)}
      />
    </>
  )
}

/** The answer for `input`, the plan it was run for (while a newer plan runs, `busy`). */
function DryRunResults({
  view: result,
  input,
  busy,
  onDownload,
}: {
  view: DryRunView
  input: PlanInput
  busy: boolean
  onDownload: () => void
}) {
  const tail = tailSentence(result.tail, input.rps)

  if (result.traces === 0) {
    return (
      <section className="grid gap-1 text-sm" aria-labelledby="dry-run-heading" data-testid="dry-run">
        <h2 id="dry-run-heading" className="text-sm font-medium">
          Dry run
        </h2>
        <p>No trace in this file is complete, so there is nothing to dry-run.</p>
      </section>
    )
  }

  return (
    <section className="grid gap-2 text-sm" aria-labelledby="dry-run-heading" aria-busy={busy} data-testid="dry-run">
      <h2 id="dry-run-heading" className="text-sm font-medium">
        Dry run: what this plan keeps of these traces
      </h2>
      <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="dry-run-how">
        The plan&apos;s sampling applied to the file&apos;s {formatInteger(result.traces)} complete traces
        {result.truncatedTraces > 0
          ? ` (${formatInteger(result.truncatedTraces)} cut by the export window left out)`
          : ""}
        . {headSentence(result.head)} {tail ?? ""}
      </p>
      <table className="w-full text-xs" data-testid="dry-run-totals">
        <caption className="text-left font-medium">Kept of the file&apos;s traces</caption>
        <thead>
          <tr>
            <th scope="col" className="text-left font-medium">
              Traces
            </th>
            <th scope="col" className="text-right font-medium">
              In the file
            </th>
            <th scope="col" className="text-right font-medium">
              Kept
            </th>
            <th scope="col" className="text-right font-medium">
              Kept share (95 % interval)
            </th>
            <th scope="col" className="text-right font-medium">
              The model predicts
            </th>
          </tr>
        </thead>
        <tbody>
          <TotalRow
            label="All"
            testId="dry-run-all"
            total={result.traces}
            kept={result.keptTraces}
            share={result.compare.traces}
          />
          <TotalRow
            label="Errors"
            testId="dry-run-errors"
            total={result.errorTraces}
            kept={result.keptErrorTraces}
            share={result.compare.errors}
          />
          <TotalRow
            label={`Slower than ${formatDuration(input.slowThresholdMs)}`}
            testId="dry-run-slow"
            total={result.slowTraces}
            kept={result.keptSlowTraces}
            share={result.compare.slow}
          />
        </tbody>
      </table>
      {result.emptyEndpointCount > 0 ? (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-200" data-testid="dry-run-empty-endpoints">
          Keeps no trace of{" "}
          {result.emptyEndpointCount === result.endpointCount
            ? "any endpoint"
            : countOfEndpoints(result.emptyEndpointCount)}
          : {result.emptyEndpoints.join(", ")}
          {result.emptyEndpointCount > result.emptyEndpoints.length
            ? ` and ${formatInteger(result.emptyEndpointCount - result.emptyEndpoints.length)} more`
            : ""}
          .
        </p>
      ) : null}
      <RowTable
        caption="By endpoint (root span name or route)"
        nameHeader="Endpoint"
        rows={result.byEndpoint}
        count={result.endpointCount}
        testId="dry-run-endpoints"
        flagEmpty
      />
      <RowTable
        caption="By service (a trace counts for each service it passes through)"
        nameHeader="Service"
        rows={result.byService}
        count={result.serviceCount}
        testId="dry-run-services"
      />
      <button
        type="button"
        className={`${buttonClass} justify-self-start`}
        data-testid="dry-run-download"
        onClick={onDownload}
      >
        Download dry run (JSON)
      </button>
    </section>
  )
}

function countOfEndpoints(count: number): string {
  return count === 1 ? "1 endpoint" : `${formatInteger(count)} endpoints`
}

function TotalRow({
  label,
  testId,
  total,
  kept,
  share,
}: {
  label: string
  testId: string
  total: number
  kept: number
  share: DryRunShare
}) {
  return (
    <tr data-testid={testId}>
      <th scope="row" className="text-left font-normal">
        {label}
      </th>
      <td className="text-right tabular-nums">{formatInteger(total)}</td>
      <td className="text-right tabular-nums">{formatInteger(kept)}</td>
      <td className="text-right tabular-nums">
        {total === 0
          ? "—"
          : `${formatPercent(share.observed)} (${formatPercent(share.interval[0])} to ${formatPercent(share.interval[1])})`}
      </td>
      <td className="text-right tabular-nums">
        {formatPercent(share.predicted)}
        {total > 0 && !share.agrees ? (
          <span className="font-medium text-amber-800 dark:text-amber-200"> outside the interval</span>
        ) : null}
      </td>
    </tr>
  )
}

function RowTable({
  caption,
  nameHeader,
  rows,
  count,
  testId,
  flagEmpty = false,
}: {
  caption: string
  nameHeader: string
  /** The rows shown, of `count` in all. */
  rows: DryRunRow[]
  count: number
  testId: string
  flagEmpty?: boolean
}) {
  return (
    <table className="w-full text-xs" data-testid={testId}>
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="text-left font-medium">
            {nameHeader}
          </th>
          <th scope="col" className="text-right font-medium">
            Traces
          </th>
          <th scope="col" className="text-right font-medium">
            Kept
          </th>
          <th scope="col" className="text-right font-medium">
            Errors
          </th>
          <th scope="col" className="text-right font-medium">
            Errors kept
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row" className="text-left font-normal break-all">
              {row.name}
              {flagEmpty && row.keptTraces === 0 ? (
                <span className="font-medium text-amber-800 dark:text-amber-200"> (keeps none)</span>
              ) : null}
            </th>
            <td className="text-right tabular-nums">{formatInteger(row.traces)}</td>
            <td className="text-right tabular-nums">{formatInteger(row.keptTraces)}</td>
            <td className="text-right tabular-nums">{formatInteger(row.errorTraces)}</td>
            <td className="text-right tabular-nums">{formatInteger(row.keptErrorTraces)}</td>
          </tr>
        ))}
      </tbody>
      {count > rows.length ? (
        <tfoot>
          <tr>
            <td colSpan={5} className="text-left">
              and {formatInteger(count - rows.length)} more in the JSON download
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  )
}
