import { BACKEND_IDS, BACKENDS } from "@/lib/plan/backends"
import type { PlanFormValues } from "@/lib/plan/parse"
import { SAMPLER_INFO, SAMPLERS } from "@/lib/plan/samplers"
import { DEFAULT_INPUT, DEFAULT_SOURCE, FIELD_LABELS, type PlanField } from "@/lib/plan/schema"
import { SOURCES } from "@/lib/sources"

export type FieldErrors = Partial<Record<PlanField, string>>

interface FieldProps {
  field: PlanField
  values: PlanFormValues
  errors: FieldErrors
  onChange: (field: PlanField, text: string) => void
}

const UNITS: Partial<Record<PlanField, string>> = {
  rps: "req/s",
  peakRps: "req/s",
  retentionDays: "days",
  ratio: "0–1",
  spansPerTrace: "spans",
  spanBytes: "bytes",
  apmHosts: "hosts",
}

const HELP: Partial<Record<PlanField, string>> = {
  rps: "Average requests per second at the entry service; storage and cost follow it.",
  peakRps: "Busiest sustained rate; sizes collectors and ingest limits.",
  ratio: "Share of root traces kept: 0.1 keeps 10 %.",
  spansPerTrace: "Average spans in one trace across every service and sidecar it crosses.",
  spanBytes: "Raw OTLP protobuf bytes per span, before compression.",
  apmHosts: "Hosts running the Datadog Agent with APM.",
}

const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900"

function DefaultNote({ field }: { field: PlanField }) {
  const source = SOURCES[DEFAULT_SOURCE[field]]
  const unit = UNITS[field] && UNITS[field] !== "0–1" ? ` ${UNITS[field]}` : ""
  return (
    <>
      Default {String(DEFAULT_INPUT[field])}
      {unit} ·{" "}
      <a href={`#source-${source.id}`} className="underline decoration-dotted underline-offset-2">
        source
      </a>
      , as of {source.asOf}
    </>
  )
}

function Field({ field, values, errors, onChange, children }: FieldProps & { children?: React.ReactNode }) {
  const id = `field-${field}`
  const error = errors[field]
  const unit = UNITS[field]
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {FIELD_LABELS[field]}
        {unit ? <span className="font-normal text-slate-500 dark:text-slate-400"> ({unit})</span> : null}
      </label>
      {children ?? (
        <input
          id={id}
          name={field}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={values[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={(event) => onChange(field, event.target.value)}
          className={inputClass}
        />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        {HELP[field] ? `${HELP[field]} ` : ""}
        <DefaultNote field={field} />
      </p>
    </div>
  )
}

export function PlanForm(props: Omit<FieldProps, "field">) {
  const { values, errors, onChange } = props
  const sampler = SAMPLER_INFO[values.sampler as keyof typeof SAMPLER_INFO]
  const usesRatio = !sampler || sampler.basis === "ratio" || sampler.basis === "assumed"
  const selectProps = (field: PlanField) => ({
    id: `field-${field}`,
    name: field,
    value: values[field],
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": `field-${field}-hint${errors[field] ? ` field-${field}-error` : ""}`,
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => onChange(field, event.target.value),
    className: inputClass,
  })

  return (
    <form
      aria-label="Plan"
      className="grid content-start gap-5 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Traffic</legend>
        <Field field="rps" {...props} />
        <Field field="peakRps" {...props} />
        <Field field="retentionDays" {...props} />
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Sampling</legend>
        <Field field="sampler" {...props}>
          <select {...selectProps("sampler")}>
            {SAMPLERS.map((id) => (
              <option key={id} value={id}>
                {SAMPLER_INFO[id].label}
              </option>
            ))}
          </select>
        </Field>
        {sampler ? <p className="-mt-2 text-xs text-slate-600 dark:text-slate-400">{sampler.summary}</p> : null}
        <Field field="ratio" {...props} />
        {usesRatio ? null : (
          <p className="-mt-2 text-xs text-slate-600 dark:text-slate-400" data-testid="ratio-unused">
            {values.sampler} does not use the ratio; it is kept for when you switch back.
          </p>
        )}
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Trace shape</legend>
        <Field field="spansPerTrace" {...props} />
        <Field field="spanBytes" {...props} />
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Backend</legend>
        <Field field="backend" {...props}>
          <select {...selectProps("backend")}>
            <optgroup label="Self-hosted (storage cost)">
              {BACKEND_IDS.filter((id) => BACKENDS[id].hosting === "self-hosted").map((id) => (
                <option key={id} value={id}>
                  {BACKENDS[id].label}
                </option>
              ))}
            </optgroup>
            <optgroup label="SaaS (list price)">
              {BACKEND_IDS.filter((id) => BACKENDS[id].hosting === "saas").map((id) => (
                <option key={id} value={id}>
                  {BACKENDS[id].label}
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        {values.backend === "datadog" || errors.apmHosts ? <Field field="apmHosts" {...props} /> : null}
      </fieldset>
    </form>
  )
}
