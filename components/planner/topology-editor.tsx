"use client"

import { useState } from "react"

import {
  formatTopology,
  MAX_INTERNAL_SPANS,
  MAX_TOPOLOGY_COUNT,
  parseTopology,
  TOPOLOGY_PRESETS,
  type Topology,
  type TopologyService,
  type ServiceSpans,
} from "@/lib/plan/topology"
import { formatInteger } from "@/lib/format"

/** The look every input in the editor shares; each kind below adds its width. */
const inputBox =
  "rounded border border-slate-300 bg-white py-1 text-sm outline-none focus-visible:ring-2 focus-visible:ring-accent dark:border-slate-600 dark:bg-slate-900"
const cellInput = `${inputBox} w-full px-1.5`
/** A count: a quarter of the card's width and no spinner (the arrow keys still step it). */
const countInput = `${inputBox} w-full min-w-0 px-1 [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none`
const smallButton =
  "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:border-slate-600 dark:hover:bg-slate-800"

type CountKey = "internalSpans" | "dbCalls" | "cacheCalls" | "outgoingCalls"

const COUNTS: { key: CountKey; label: string; max: number }[] = [
  { key: "internalSpans", label: "Internal", max: MAX_INTERNAL_SPANS },
  { key: "dbCalls", label: "DB", max: MAX_TOPOLOGY_COUNT },
  { key: "cacheCalls", label: "Cache", max: MAX_TOPOLOGY_COUNT },
  { key: "outgoingCalls", label: "Calls out", max: MAX_TOPOLOGY_COUNT },
]

/** The id of the message under the services about one service's count. */
const countMessageId = (index: number, key: CountKey) => `topology-count-${index}-${key}`

/** Edits the request path service by service; the compact text form below it is what the URL holds. */
export function TopologyEditor(props: {
  value: string
  error?: string
  breakdown: ServiceSpans[] | null
  /** Spans per trace the plan uses while the path is empty. */
  spansPerTrace: number
  onChange: (text: string) => void
}) {
  const parsed = parseTopology(props.value)
  const services: Topology | null = parsed.success ? parsed.data : null
  // Counts typed that the path cannot hold (empty, a fraction, a minus sign): kept in their cell
  // with a message while the path keeps its count. Each remembers that count; once the path's
  // count changes (the text box, a preset), the path's count shows again.
  const [drafts, setDrafts] = useState<Record<string, { text: string; over: number }>>({})
  const draftFor = (index: number, key: CountKey) => {
    const draft = drafts[`${index}.${key}`]
    return draft !== undefined && services?.[index]?.[key] === draft.over ? draft : undefined
  }
  const update = (next: Topology) => {
    setDrafts({})
    props.onChange(formatTopology(next))
  }
  const setService = (index: number, changes: Partial<TopologyService>) =>
    services &&
    props.onChange(formatTopology(services.map((service, i) => (i === index ? { ...service, ...changes } : service))))
  const typeCount = (index: number, key: CountKey, text: string) => {
    // What the text form can hold: digits only (i<n>, d<n>, …).
    const whole = /^\d+$/.test(text.trim())
    const value = Number(text)
    setDrafts((current) => {
      const next = { ...current }
      delete next[`${index}.${key}`]
      if (!whole && services) next[`${index}.${key}`] = { text, over: services[index]?.[key] ?? 0 }
      return next
    })
    // A count over its limit goes into the path as typed: the path's message says why.
    if (whole) setService(index, { [key]: value })
  }
  const invalidCounts = (services ?? []).flatMap((service, index) =>
    COUNTS.flatMap((count) => {
      const draft = draftFor(index, count.key)
      return draft
        ? [{ id: countMessageId(index, count.key), service: service.name || `Service ${index + 1}`, count, draft }]
        : []
    })
  )

  return (
    <div className="grid gap-2" data-testid="topology-editor">
      <label className="grid gap-1 text-sm font-medium">
        Start from a preset
        <select
          className={cellInput}
          value=""
          onChange={(event) => {
            const preset = TOPOLOGY_PRESETS.find((candidate) => candidate.id === event.target.value)
            if (preset) update(preset.services)
          }}
        >
          <option value="">Choose a preset…</option>
          {TOPOLOGY_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      </label>
      {services ? (
        <div>
          {/* One card per service, full width: the name gets the row, each count a quarter of it (room
              for six digits), instead of a seven-column table squeezed into the form column. */}
          <ul className="grid gap-2" aria-label="Services on the request path and the spans each creates per request">
            {services.map((service, index) => {
              const name = service.name || `Service ${index + 1}`
              return (
                <li
                  key={index}
                  className="grid gap-1.5 rounded-md border border-slate-200 p-2 dark:border-slate-700"
                  data-testid="topology-service"
                >
                  <div className="flex items-center gap-2">
                    <input
                      aria-label={`Service ${index + 1} name`}
                      className={`${cellInput} min-w-0 flex-1`}
                      value={service.name}
                      // "." and "~" separate parts of the compact form, so they cannot be in a name.
                      onChange={(event) => setService(index, { name: event.target.value.replace(/[.~]/g, "-") })}
                    />
                    <label className="inline-flex items-center gap-1 text-xs">
                      <input
                        type="checkbox"
                        aria-label={`${name} runs a Dapr sidecar`}
                        checked={service.dapr}
                        onChange={(event) => setService(index, { dapr: event.target.checked })}
                        className="accent-accent"
                      />
                      Dapr
                    </label>
                    <button
                      type="button"
                      className={smallButton}
                      disabled={services.length === 1}
                      aria-label={`Remove ${service.name || `service ${index + 1}`}`}
                      onClick={() => update(services.filter((_, i) => i !== index))}
                    >
                      ✕
                    </button>
                  </div>
                  <div className="grid grid-cols-4 gap-1.5">
                    {COUNTS.map((count) => {
                      const draft = draftFor(index, count.key)
                      return (
                        <label key={count.key} className="grid min-w-0 gap-0.5 text-xs">
                          {count.label}
                          <input
                            aria-label={`${name} ${count.label.toLowerCase()} per request`}
                            aria-invalid={draft ? true : undefined}
                            aria-describedby={draft ? countMessageId(index, count.key) : undefined}
                            className={`${countInput} aria-invalid:border-red-600 dark:aria-invalid:border-red-400`}
                            type="number"
                            min={0}
                            max={count.max}
                            step={1}
                            value={draft?.text ?? service[count.key]}
                            onChange={(event) => typeCount(index, count.key, event.target.value)}
                          />
                        </label>
                      )
                    })}
                  </div>
                </li>
              )
            })}
          </ul>
          {invalidCounts.map(({ id, service, count, draft }) => (
            <p key={id} id={id} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
              {service} {count.label.toLowerCase()}: {draft.text.trim() === "" ? "enter" : `"${draft.text}" is not`} a
              whole number from 0; the path keeps {formatInteger(draft.over)} until then.
            </p>
          ))}
          <button
            type="button"
            className={`${smallButton} mt-1`}
            disabled={services.length >= 50}
            onClick={() =>
              update([
                ...services,
                {
                  name: `service-${services.length + 1}`,
                  internalSpans: 1,
                  dbCalls: 0,
                  cacheCalls: 0,
                  outgoingCalls: 0,
                  dapr: false,
                },
              ])
            }
          >
            Add service
          </button>
        </div>
      ) : null}
      <label className="grid gap-1 text-sm font-medium">
        Request path as text
        <input
          id="field-topology"
          className={cellInput}
          value={props.value}
          spellCheck={false}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={`field-topology-hint${props.error ? " field-topology-error" : ""}`}
          onChange={(event) => props.onChange(event.target.value)}
        />
      </label>
      {props.value.trim() === "" && !props.error ? (
        <p role="status" data-testid="topology-empty" className="text-sm text-amber-900 dark:text-amber-200">
          No services yet: until you choose a preset or type a path such as <code>task-api.i2.d1.dapr</code>, the plan
          uses {formatInteger(props.spansPerTrace)} spans per trace.
        </p>
      ) : null}
      {props.error ? (
        <p id="field-topology-error" className="text-sm font-medium text-red-700 dark:text-red-300">
          {props.error}
        </p>
      ) : null}
      <p id="field-topology-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Each service: one server span + internal spans + one client span per DB, cache and outgoing call; a Dapr sidecar
        adds one span for the request in and one per call out. Text form: <code>name.i2.d1.c0.o1.dapr</code>, services
        joined by <code>~</code>.
      </p>
      {/* While the path is invalid the plan keeps the last valid one: its breakdown would not match the table. */}
      {props.breakdown && !props.error ? (
        <p className="text-sm" data-testid="topology-total">
          <strong>
            {formatInteger(props.breakdown.reduce((sum, service) => sum + service.total, 0))} spans per trace
          </strong>
          :{" "}
          {props.breakdown
            .map(
              (s) =>
                `${s.name} ${formatInteger(s.total)} (server ${s.server}, internal ${formatInteger(s.internal)}, calls ${formatInteger(s.clients)}${s.sidecar ? `, sidecar ${formatInteger(s.sidecar)}` : ""})`
            )
            .join("; ")}
        </p>
      ) : null}
    </div>
  )
}
