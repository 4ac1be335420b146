// The form's field primitives: a label, a text box, a select, a checkbox, and the hint and message
// under each. Labels, units, hints and defaults come from the field registry (lib/plan/fields).
import { memo } from "react"

import { formatQuantity } from "@/lib/format"
import { DEFAULT_INPUT, DEFAULT_SOURCE, fieldSpec, FIELD_LABELS, type PlanField } from "@/lib/plan/fields"
import type { PlanFormValues } from "@/lib/plan/form-values"
import { SOURCES, type Source } from "@/lib/sources"

import { ReadAs } from "./read-as"

export type FieldErrors = Partial<Record<PlanField, string>>
export type FormChange = (changes: Partial<PlanFormValues>) => void

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900"
export const legendClass = "mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
export const noteClass = "text-xs text-slate-600 dark:text-slate-400"

/**
 * A field's hint as the form shows it; "" for none.
 *
 * @example
 * hintText("zones") //=> "Zones your pods spread over: behind a Kubernetes Service about (zones − 1) ÷ zones of the traffic crosses zones."
 */
export function hintText(field: PlanField): string {
  return fieldSpec(field).hint ?? ""
}

/**
 * A field's default as its hint writes it: "5,000 req/s", "1 trace/min", "ticked", "tempo".
 *
 * @example
 * defaultText("rps") //=> "5,000 req/s"
 */
export function defaultText(field: PlanField): string {
  const { defaultInWords, unit } = fieldSpec(field)
  if (defaultInWords !== undefined) return defaultInWords
  const value = DEFAULT_INPUT[field]
  if (typeof value === "boolean") return value ? "ticked" : "not ticked"
  // A fraction's "0–1" describes the field, not the default's unit.
  return typeof value === "number" ? formatQuantity(value, unit && unit !== "0–1" ? unit : "") : String(value)
}

/** Where a field's default comes from: a small (i) button, its popover names the source and date. */
function SourceInfo({ field }: { field: PlanField }) {
  const source: Source = SOURCES[DEFAULT_SOURCE[field]]
  const id = `field-${field}-source`
  // A native popover: it opens in the top layer (nothing below moves), Escape and a click
  // elsewhere close it, and the browser tells assistive technology it is expanded.
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        className="source-info -my-0.5 inline-grid size-6 shrink-0 place-items-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-accent dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100 print:hidden"
      >
        {/* Named by text, not aria-label, so finding a field by its label finds the field alone. */}
        <span className="sr-only">Source for {FIELD_LABELS[field]}</span>
        <InfoIcon />
      </button>
      <div
        id={id}
        popover="auto"
        className="source-popover w-[min(22rem,calc(100vw-2rem))] rounded-md border border-slate-300 bg-white p-3 text-sm [overflow-wrap:anywhere] text-slate-800 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200"
      >
        <p className="font-medium">Default {defaultText(field)}</p>
        <p className="mt-1">{source.title}.</p>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Source:{" "}
          {source.url ? (
            <a href={source.url} className="underline underline-offset-2" rel="noreferrer">
              {source.citation}
            </a>
          ) : (
            source.citation
          )}
          . As of {source.asOf}.
        </p>
        <p className="mt-2">
          <a href={`#source-${source.id}`} className="underline decoration-dotted underline-offset-2">
            All sources
          </a>
        </p>
      </div>
    </>
  )
}

/** A circled "i", drawn so it shows without an icon font; the button names it. */
export function InfoIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 7v4.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="8" cy="4.75" r="1" fill="currentColor" />
    </svg>
  )
}

/**
 * What one field is given: its own value and message, not the whole form's. A field renders
 * again only when these change, so typing in one box leaves the other thirty-odd alone.
 */
export interface FieldProps {
  field: PlanField
  value: string
  error: string | undefined
  onChange: FormChange
}

function describedBy(field: PlanField, error: string | undefined): string | undefined {
  const ids = [hintText(field) ? `field-${field}-hint` : "", error ? `field-${field}-error` : ""].filter(Boolean)
  return ids.length > 0 ? ids.join(" ") : undefined
}

/** The field's message when it has one, and its hint (its default and source sit behind the info button). */
export function FieldMessages({ field, error }: { field: PlanField; error: string | undefined }) {
  const hint = hintText(field)
  return (
    <>
      {error ? (
        <p id={`field-${field}-error`} className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={`field-${field}-hint`} className={noteClass}>
          {hint}
        </p>
      ) : null}
    </>
  )
}

/** The field's label and, beside it, the button that shows where its default comes from. */
export function Label({ field }: { field: PlanField }) {
  const { unit } = fieldSpec(field)
  return (
    <div className="flex items-center justify-between gap-2">
      <label htmlFor={`field-${field}`} className="text-sm font-medium">
        {FIELD_LABELS[field]}
        {unit ? <span className="font-normal text-slate-600 dark:text-slate-400"> ({unit})</span> : null}
      </label>
      <SourceInfo field={field} />
    </div>
  )
}

/** A text field: numbers are typed as text so nothing the user typed is lost or silently dropped. */
export const TextField = memo(function TextField({
  field,
  value,
  error,
  onChange,
  numeric = true,
}: FieldProps & { numeric?: boolean }) {
  return (
    <div className="grid content-start gap-1">
      <Label field={field} />
      <input
        id={`field-${field}`}
        name={field}
        type="text"
        inputMode={numeric ? "decimal" : "text"}
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(field, error)}
        onChange={(event) => onChange({ [field]: event.target.value })}
        className={inputClass}
      />
      {numeric ? <ReadAs field={field} text={value} /> : null}
      <FieldMessages field={field} error={error} />
    </div>
  )
})

export function SelectField({ field, value, error, onChange, children }: FieldProps & { children: React.ReactNode }) {
  return (
    <div className="grid content-start gap-1">
      <Label field={field} />
      <select
        id={`field-${field}`}
        name={field}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(field, error)}
        onChange={(event) => onChange({ [field]: event.target.value })}
        className={inputClass}
      >
        {children}
      </select>
      <FieldMessages field={field} error={error} />
    </div>
  )
}

/** Keeps an unknown value from a link selectable, so the user sees what it said beside its message. */
export function UnknownOption({ value, known }: { value: string; known: readonly string[] }) {
  return known.includes(value) ? null : <option value={value}>{value} (unknown)</option>
}

/** A select whose options are the values themselves (environment, language, protocol). */
export const EnumSelectField = memo(function EnumSelectField({
  options,
  ...props
}: FieldProps & { options: readonly string[] }) {
  return (
    <SelectField {...props}>
      <UnknownOption value={props.value} known={options} />
      {options.map((id) => (
        <option key={id} value={id}>
          {id}
        </option>
      ))}
    </SelectField>
  )
})

export const CheckboxField = memo(function CheckboxField({ field, value, error, onChange }: FieldProps) {
  return (
    <div className="grid content-start gap-1">
      <div className="flex items-center gap-2">
        <input
          id={`field-${field}`}
          name={field}
          type="checkbox"
          checked={value === "true"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(field, error)}
          onChange={(event) => onChange({ [field]: String(event.target.checked) })}
          className="size-4 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        />
        <label htmlFor={`field-${field}`} className="text-sm font-medium">
          {FIELD_LABELS[field]}
        </label>
        <SourceInfo field={field} />
      </div>
      <FieldMessages field={field} error={error} />
    </div>
  )
})

/** Whether any of `fields` has a message. */
export function hasAny(errors: FieldErrors, fields: readonly PlanField[]): boolean {
  return fields.some((field) => errors[field] !== undefined)
}

/** What every section of the form is given. */
export interface SectionProps {
  values: PlanFormValues
  errors: FieldErrors
  onChange: FormChange
}

/**
 * One field's props from the form's: its value, its message and the change handler.
 *
 * @example
 * <TextField {...binder(props)("rps")} />
 */
export function binder({ values, errors, onChange }: SectionProps): (field: PlanField) => FieldProps {
  return (field) => ({ field, value: values[field], error: errors[field], onChange })
}
