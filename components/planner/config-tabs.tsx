"use client"

import { useMemo, useRef, useState } from "react"

import { CONFIG_IDS, CONFIG_TITLES, FIRST_CONFIG_TAB, type ConfigId, type ConfigResult } from "@/lib/configs/types"
import type { Plan } from "@/lib/plan/build-plan"

import { buttonClass, CopyButton } from "../ui/copy-button"
import { downloadText } from "../ui/download"
import { useOnDemand } from "./use-on-demand"
import { Toggle } from "../ui/toggle"

const MIME: Record<string, string> = {
  dotenv: "text/plain",
  shell: "text/x-shellscript",
  yaml: "application/yaml",
  json: "application/json",
  sql: "application/sql",
}

/**
 * What the server wrote for the plan the page loaded with: the first tab's snippet and which
 * configs the plan can have.
 */
export interface ServerConfigs {
  first: ConfigResult
  available: Record<ConfigId, boolean>
}

/**
 * Every config snippet in a tab: copy, download, where it goes, and what to watch for. Only the
 * open tab's snippet is written. `server` holds what the server wrote while the plan is the one
 * the page loaded with; the config writers load when the page needs anything else.
 */
export function ConfigTabs({ plan, server }: { plan: Plan; server?: ServerConfigs }) {
  const [selected, setSelected] = useState<ConfigId>(FIRST_CONFIG_TAB)
  // Long lines scroll sideways unless wrapped; the choice holds across tabs.
  const [wrap, setWrap] = useState(false)
  const tabs = useRef<Partial<Record<ConfigId, HTMLButtonElement | null>>>({})
  const fromServer = selected === FIRST_CONFIG_TAB ? server?.first : undefined
  const onDemand = useOnDemand(fromServer === undefined)
  const fresh = useMemo(() => fromServer ?? onDemand?.configFor(plan, selected), [fromServer, onDemand, plan, selected])
  const freshAvailable = useMemo(
    () => server?.available ?? onDemand?.configAvailabilityFor(plan),
    [server, onDemand, plan]
  )
  // While the writers load after the first change, the tabs keep their last snippet and marks rather than blinking.
  const [last, setLast] = useState(fresh)
  if (fresh !== undefined && fresh !== last) setLast(fresh)
  const [lastAvailable, setLastAvailable] = useState(freshAvailable)
  if (freshAvailable !== undefined && freshAvailable !== lastAvailable) setLastAvailable(freshAvailable)
  const result = fresh ?? (last?.id === selected ? last : undefined)
  const available = freshAvailable ?? lastAvailable

  function onKeyDown(event: React.KeyboardEvent) {
    const index = CONFIG_IDS.indexOf(selected)
    const next =
      event.key === "ArrowRight"
        ? CONFIG_IDS[(index + 1) % CONFIG_IDS.length]
        : event.key === "ArrowLeft"
          ? CONFIG_IDS[(index - 1 + CONFIG_IDS.length) % CONFIG_IDS.length]
          : event.key === "Home"
            ? CONFIG_IDS[0]
            : event.key === "End"
              ? CONFIG_IDS[CONFIG_IDS.length - 1]
              : undefined
    if (!next) return
    event.preventDefault()
    setSelected(next)
    tabs.current[next]?.focus()
  }

  return (
    <section aria-labelledby="configs-heading" className="grid gap-3 render-when-near">
      <h2 id="configs-heading" className="text-lg font-semibold">
        Config to paste
      </h2>
      {/* One row that scrolls sideways on a phone (nine tabs would wrap into six rows); wraps when wide. */}
      <div
        role="tablist"
        aria-label="Config snippets"
        className="-mx-1 flex gap-1 overflow-x-auto p-1 scroll-shadows sm:flex-wrap sm:overflow-visible sm:bg-none"
        data-testid="config-tablist"
        onKeyDown={onKeyDown}
      >
        {CONFIG_IDS.map((id) => (
          <button
            key={id}
            ref={(element) => {
              tabs.current[id] = element
            }}
            type="button"
            role="tab"
            id={`config-tab-${id}`}
            aria-selected={id === selected}
            aria-controls="config-panel"
            tabIndex={id === selected ? 0 : -1}
            onClick={() => setSelected(id)}
            className={`shrink-0 rounded-md border px-2.5 py-1 text-sm whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${
              id === selected
                ? "border-accent bg-accent-soft font-semibold dark:bg-accent-soft-dark"
                : "border-slate-300 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
            } ${available?.[id] === false ? "text-slate-600 line-through decoration-1 dark:text-slate-400" : ""}`}
          >
            {CONFIG_TITLES[id]}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="config-panel"
        aria-labelledby={`config-tab-${selected}`}
        className="grid min-w-0 gap-2"
        data-testid={`config-panel-${selected}`}
      >
        {!result ? (
          <p className="p-3 text-sm text-slate-600 dark:text-slate-400" aria-busy="true" data-testid="config-loading">
            Writing the {CONFIG_TITLES[selected]} config…
          </p>
        ) : result.available ? (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm dark:bg-slate-800">
                {result.snippet.filename}
              </code>
              <CopyButton key={selected} label="Copy" text={() => result.snippet.content} testId="copy-config" />
              <button
                type="button"
                className={buttonClass}
                onClick={() =>
                  downloadText(
                    result.snippet.filename,
                    result.snippet.content,
                    MIME[result.snippet.language] ?? "text/plain"
                  )
                }
              >
                Download {result.snippet.filename}
              </button>
              <Toggle checked={wrap} onChange={setWrap}>
                Wrap long lines
              </Toggle>
            </div>
            <p className="text-sm" data-testid="config-apply">
              {result.snippet.applyNote}
            </p>
            <pre
              tabIndex={0}
              aria-label={`${result.snippet.filename} contents`}
              // Dark mode: slate-900 with a slate-500 edge, so the block stands out from the slate-950 page.
              className={`code-block max-h-[28rem] overflow-auto rounded-md border border-slate-950 bg-slate-950 p-3 text-xs leading-relaxed text-slate-100 focus-visible:outline-2 focus-visible:outline-accent dark:border-slate-500 dark:bg-slate-900 ${
                wrap ? "[overflow-wrap:anywhere] whitespace-pre-wrap" : ""
              }`}
              data-testid="config-content"
            >
              {result.snippet.content}
            </pre>
            {result.snippet.caveats.length > 0 ? (
              <ul
                className="grid list-disc gap-1 pl-5 text-xs text-slate-700 dark:text-slate-300"
                data-testid="config-caveats"
              >
                {result.snippet.caveats.map((caveat) => (
                  <li key={caveat}>{caveat}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p
            className="rounded-md border border-slate-300 p-3 text-sm dark:border-slate-600"
            data-testid="config-unavailable"
          >
            Not available for this plan: {result.reason}
          </p>
        )}
      </div>
    </section>
  )
}
