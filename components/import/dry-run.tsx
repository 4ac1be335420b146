"use client"

import { useEffect, useState } from "react"

import type { DryRunResult, DryRunRow, DryRunShare } from "@/lib/import/dry-run"
import { dryRunJson } from "@/lib/import/dry-run-json"
import { headSentence, tailSentence } from "@/lib/import/dry-run-text"
import type { TraceRecords } from "@/lib/import/trace-records"
import { formatDuration, formatInteger, formatPercent } from "@/lib/format"
import type { PlanInput } from "@/lib/plan/fields"

import { buttonClass } from "../ui/copy-button"
import { downloadText } from "../ui/download"

/** Rows shown per table; the JSON download has them all. */
const SHOWN_ROWS = 20

/**
 * The plan's sampling applied to the imported file's traces, re-run at every plan change from the
 * records the worker kept (the file is not read again).
 */
export function DryRun({ records, input }: { records: TraceRecords; input: PlanInput }) {
  const [run, setRun] = useState<{ records: TraceRecords; result: DryRunResult } | null>(null)
  useEffect(() => {
    // A task of its own, after the import's result has painted: on 100k traces the run takes tens of
    // milliseconds, and a burst of keystrokes runs it once, for the last plan. The module (with the
    // model it reads) loads on the first run, so the page's first load does not carry it.
    let current = true
    const timer = setTimeout(() => {
      void import("@/lib/import/dry-run").then(({ dryRun }) => {
        if (current) setRun({ records, result: dryRun(records, input) })
      })
    }, 0)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [records, input])

  if (run === null || run.records !== records)
    return (
      <p role="status" className="text-sm" data-testid="dry-run-pending">
        Dry-running the plan on these traces…
      </p>
    )
  return <DryRunResults result={run.result} input={input} />
}

function DryRunResults({ result, input }: { result: DryRunResult; input: PlanInput }) {
  const tail = tailSentence(result.tail, input.rps)
  const emptyEndpoints = result.byEndpoint.filter((row) => row.keptTraces === 0)

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
    <section className="grid gap-2 text-sm" aria-labelledby="dry-run-heading" data-testid="dry-run">
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
      {emptyEndpoints.length > 0 ? (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-200" data-testid="dry-run-empty-endpoints">
          Keeps no trace of{" "}
          {emptyEndpoints.length === result.byEndpoint.length
            ? "any endpoint"
            : countOfEndpoints(emptyEndpoints.length)}
          :{" "}
          {emptyEndpoints
            .slice(0, SHOWN_ROWS)
            .map((row) => row.name)
            .join(", ")}
          {emptyEndpoints.length > SHOWN_ROWS ? ` and ${formatInteger(emptyEndpoints.length - SHOWN_ROWS)} more` : ""}.
        </p>
      ) : null}
      <RowTable
        caption="By endpoint (root span name or route)"
        nameHeader="Endpoint"
        rows={result.byEndpoint}
        testId="dry-run-endpoints"
        flagEmpty
      />
      <RowTable
        caption="By service (a trace counts for each service it passes through)"
        nameHeader="Service"
        rows={result.byService}
        testId="dry-run-services"
      />
      <button
        type="button"
        className={`${buttonClass} justify-self-start`}
        data-testid="dry-run-download"
        onClick={() => downloadText("dry-run.json", dryRunJson(result), "application/json")}
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
  testId,
  flagEmpty = false,
}: {
  caption: string
  nameHeader: string
  rows: DryRunRow[]
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
        {rows.slice(0, SHOWN_ROWS).map((row) => (
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
      {rows.length > SHOWN_ROWS ? (
        <tfoot>
          <tr>
            <td colSpan={5} className="text-left">
              and {formatInteger(rows.length - SHOWN_ROWS)} more in the JSON download
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  )
}
