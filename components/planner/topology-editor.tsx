"use client"

import {
  formatTopology,
  MAX_INTERNAL_SPANS,
  MAX_TOPOLOGY_COUNT,
  parseTopology,
  serviceSpans,
  TOPOLOGY_PRESETS,
  type Topology,
  type TopologyService,
  type ServiceSpans,
} from "@/lib/plan/topology"
import { formatInteger } from "@/lib/format"

// Cells keep a readable width (a name, three digits); a narrow column scrolls the table sideways.
const cellInput =
  "w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm outline-none focus-visible:ring-2 focus-visible:ring-accent dark:border-slate-600 dark:bg-slate-900"
const smallButton =
  "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent dark:border-slate-600 dark:hover:bg-slate-800"

const COUNTS: { key: "internalSpans" | "dbCalls" | "cacheCalls" | "outgoingCalls"; label: string; max: number }[] = [
  { key: "internalSpans", label: "Internal", max: MAX_INTERNAL_SPANS },
  { key: "dbCalls", label: "DB", max: MAX_TOPOLOGY_COUNT },
  { key: "cacheCalls", label: "Cache", max: MAX_TOPOLOGY_COUNT },
  { key: "outgoingCalls", label: "Calls out", max: MAX_TOPOLOGY_COUNT },
]

/** Edits the request path service by service; the compact text form below it is what the URL holds. */
export function TopologyEditor(props: {
  value: string
  error?: string
  breakdown: ServiceSpans[] | null
  onChange: (text: string) => void
}) {
  const parsed = parseTopology(props.value)
  const services: Topology | null = parsed.success ? parsed.data : null
  const update = (next: Topology) => props.onChange(formatTopology(next))
  const setService = (index: number, changes: Partial<TopologyService>) =>
    services && update(services.map((service, i) => (i === index ? { ...service, ...changes } : service)))

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
        <div className="scroll-shadows overflow-x-auto">
          <table className="w-full min-w-[25rem] text-xs">
            <caption className="sr-only">Services on the request path and the spans each creates per request</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="pr-1 font-medium">Service</th>
                {COUNTS.map((count) => (
                  <th key={count.key} scope="col" className="px-1 font-medium">{count.label}</th>
                ))}
                <th scope="col" className="px-1 font-medium">Dapr</th>
                <th scope="col" className="px-1 font-medium">Spans</th>
                <th scope="col"><span className="sr-only">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              {services.map((service, index) => (
                <tr key={index}>
                  <td className="pr-1 py-0.5">
                    <input
                      aria-label={`Service ${index + 1} name`}
                      className={`${cellInput} min-w-20`}
                      value={service.name}
                      // "." and "~" separate parts of the compact form, so they cannot be in a name.
                      onChange={(event) => setService(index, { name: event.target.value.replace(/[.~]/g, "-") })}
                    />
                  </td>
                  {COUNTS.map((count) => (
                    <td key={count.key} className="px-1 py-0.5">
                      <input
                        aria-label={`${service.name || `Service ${index + 1}`} ${count.label.toLowerCase()} per request`}
                        className={`${cellInput} min-w-12`}
                        type="number"
                        min={0}
                        max={count.max}
                        step={1}
                        value={service[count.key]}
                        // A count over the limit is kept as typed and the request path's message says so;
                        // fractions and negatives become whole counts from 0.
                        onChange={(event) => setService(index, { [count.key]: Math.max(0, Math.floor(Number(event.target.value) || 0)) })}
                      />
                    </td>
                  ))}
                  <td className="px-1 py-0.5 text-center">
                    <input
                      type="checkbox"
                      aria-label={`${service.name || `Service ${index + 1}`} runs a Dapr sidecar`}
                      checked={service.dapr}
                      onChange={(event) => setService(index, { dapr: event.target.checked })}
                      className="accent-accent"
                    />
                  </td>
                  <td className="px-1 py-0.5 text-right" data-testid={`topology-spans-${index}`}>
                    {formatInteger(serviceSpans(service).total)}
                  </td>
                  <td className="pl-1 py-0.5">
                    <button
                      type="button"
                      className={smallButton}
                      disabled={services.length === 1}
                      aria-label={`Remove ${service.name || `service ${index + 1}`}`}
                      onClick={() => update(services.filter((_, i) => i !== index))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className={`${smallButton} mt-1`}
            disabled={services.length >= 50}
            onClick={() => update([...services, { name: `service-${services.length + 1}`, internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 0, dapr: false }])}
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
      {props.error ? (
        <p id="field-topology-error" className="text-sm font-medium text-red-700 dark:text-red-300">
          {props.error}
        </p>
      ) : null}
      <p id="field-topology-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Each service: one server span + internal spans + one client span per DB, cache and outgoing call; a Dapr sidecar adds
        one span for the request in and one per call out. Text form: <code>name.i2.d1.c0.o1.dapr</code>, services joined by{" "}
        <code>~</code>.
      </p>
      {/* While the path is invalid the plan keeps the last valid one: its breakdown would not match the table. */}
      {props.breakdown && !props.error ? (
        <p className="text-sm" data-testid="topology-total">
          <strong>{formatInteger(props.breakdown.reduce((sum, service) => sum + service.total, 0))} spans per trace</strong>:{" "}
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
