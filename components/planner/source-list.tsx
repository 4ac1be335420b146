"use client"

import { SOURCES, type Source } from "@/lib/sources"

// A client component with no props: the page's scripts hold every source already (the form cites
// them), so the list costs the page's data stream nothing; as a server component it would be sent
// twice, as HTML and as a ~25 KB element tree.
const sources: Source[] = Object.values(SOURCES)

/** Every source the app cites, each with an anchor the figures link to. */
export function SourceList() {
  return (
    <section
      aria-labelledby="sources-heading"
      className="grid gap-3 border-t border-slate-200 pt-6 [overflow-wrap:anywhere] render-when-near dark:border-slate-800"
    >
      <h2 id="sources-heading" className="text-lg font-semibold">
        Sources and dates
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        List prices move: check each against the live page before you commit to a budget.
      </p>
      <ol className="grid gap-3 text-sm">
        {sources.map((source) => (
          <li
            key={source.id}
            id={`source-${source.id}`}
            className="scroll-mt-4 rounded-md p-2 target:bg-amber-100 dark:target:bg-amber-900"
          >
            <p className="font-medium">{source.title}</p>
            <p className="text-slate-700 dark:text-slate-300">
              {source.url ? (
                <a href={source.url} className="underline underline-offset-2" rel="noreferrer">
                  {source.citation}
                </a>
              ) : (
                source.citation
              )}{" "}
              — as of {source.asOf}; confidence {source.confidence}.
            </p>
            {source.note ? <p className="text-slate-600 dark:text-slate-400">{source.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
