// Trace shape: spans per trace typed, or derived from a described request path, and bytes per span.
import { useCallback, useRef, useState } from "react"

import type { Plan } from "@/lib/plan/build-plan"
import { formatTopology, topologyForSpans } from "@/lib/plan/topology"

import { SpanSizeHelper } from "../span-size-helper"
import { TopologyEditor } from "../topology-editor"
import { FieldRows } from "./registry-section"
import { binder, legendClass, TextField, type SectionProps } from "./fields"

export function TraceShapeSection(props: SectionProps & { plan: Plan }) {
  const { values, errors, onChange, plan } = props
  const bind = binder(props)
  // Stable while onChange is, so the span-size helper does not re-render on every keystroke.
  const applySpanBytes = useCallback((spanBytes: number) => onChange({ spanBytes: String(spanBytes) }), [onChange])
  // The mode the user picked: clearing the path text keeps the path box (the plan then uses spans
  // per trace until a path is typed), rather than switching modes under the cursor.
  const [pathPicked, setPathPicked] = useState(values.topology.trim() !== "")
  /** Spans per trace as typed before switching to the request path, restored on switching back. */
  const typedSpans = useRef<string | undefined>(undefined)
  const fromPath = pathPicked || values.topology.trim() !== ""
  return (
    <fieldset className="-mx-1 grid min-w-0 gap-4 px-1 render-when-near">
      <legend className={legendClass}>Trace shape</legend>
      <div role="radiogroup" aria-label="Spans per trace from" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="spans-source"
            checked={!fromPath}
            onChange={() => {
              setPathPicked(false)
              // Back to the number typed before the path, not the path's total (a path rounds and caps).
              onChange({ topology: "", spansPerTrace: typedSpans.current ?? String(plan.input.spansPerTrace) })
            }}
            className="accent-accent"
          />
          Type spans per trace
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="spans-source"
            checked={fromPath}
            onChange={() => {
              typedSpans.current = values.spansPerTrace
              setPathPicked(true)
              // The same spans per trace as a one-service path, so the figures do not jump; the presets are a click away.
              onChange({
                topology: formatTopology(
                  topologyForSpans(plan.input.spansPerTrace, plan.input.serviceName, plan.input.daprEnabled)
                ),
              })
            }}
            className="accent-accent"
          />
          Describe the request path
        </label>
      </div>
      {fromPath ? (
        <TopologyEditor
          value={values.topology}
          error={errors.topology}
          breakdown={plan.topology}
          spansPerTrace={plan.input.spansPerTrace}
          onChange={(topology) => onChange({ topology })}
        />
      ) : (
        <TextField {...bind("spansPerTrace")} />
      )}
      <TextField {...bind("spanBytes")} />
      <SpanSizeHelper onUse={applySpanBytes} />
      <FieldRows section="shape" values={values} errors={errors} onChange={props.onChange} />
    </fieldset>
  )
}
