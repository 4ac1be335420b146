"use client"

import { useState } from "react"

import { SOURCES, type Source } from "@/lib/sources"
import { Toggle } from "../ui/toggle"

// A client component with no props: the page's scripts hold every source already (the form cites
// them), so the list costs the page's data stream nothing; as a server component it would be sent
// twice, as HTML and as a ~25 KB element tree.
const sources: Source[] = Object.values(SOURCES)

/** "grafana.com" from a source's address: the link's text says where it goes. */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "")
}

const cellClass = "border-b border-slate-200 px-2 py-1.5 align-top dark:border-slate-800"

/**
 * Every source the app cites, one row each (name, what it sets, date, link), each with an anchor
 * the figures link to. One switch shows every full citation (48 disclosures would be noise).
 */
export function SourceList() {
  const [full, setFull] = useState(false)
  return (
    <section
      aria-labelledby="sources-heading"
      className="grid gap-3 border-t border-slate-200 pt-6 render-when-near dark:border-slate-800"
    >
      <h2 id="sources-heading" className="text-lg font-semibold">
        Sources and dates
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          List prices move: check each against the live page before you commit to a budget.
        </p>
        <Toggle checked={full} onChange={setFull}>
          Show full citations
        </Toggle>
      </div>
      <div className="overflow-x-auto" data-testid="source-table">
        <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
          <thead>
            <tr className="text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
              <th scope="col" className={`${cellClass} w-[28%]`}>
                Source
              </th>
              <th scope="col" className={cellClass}>
                Sets
              </th>
              <th scope="col" className={`${cellClass} w-[7rem]`}>
                As of
              </th>
              <th scope="col" className={`${cellClass} w-[8rem]`}>
                Link
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr
                key={source.id}
                id={`source-${source.id}`}
                className="scroll-mt-4 target:bg-amber-100 dark:target:bg-amber-900"
              >
                <th scope="row" className={`${cellClass} font-medium`}>
                  {source.name}
                  {/* Printed always; on screen behind the one "Show full citations" switch. */}
                  <span
                    data-citation=""
                    className={`mt-1 text-xs font-normal [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300 print:block ${full ? "block" : "hidden"}`}
                  >
                    {source.citation}. Confidence {source.confidence}.
                  </span>
                </th>
                <td className={cellClass}>
                  {source.title}
                  {source.note ? (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{source.note}</span>
                  ) : null}
                </td>
                <td className={cellClass}>{source.asOf}</td>
                <td className={cellClass}>
                  {source.url ? (
                    <a
                      href={source.url}
                      className="[overflow-wrap:anywhere] underline underline-offset-2"
                      rel="noreferrer"
                    >
                      <span className="sr-only">{source.name}, on </span>
                      {hostOf(source.url)}
                    </a>
                  ) : (
                    <span className="text-slate-600 dark:text-slate-400">none</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
