import { memo, useCallback, useRef, useState } from "react"

import { formatPercent, formatQuantity, formatUsd } from "@/lib/format"
import { BACKEND_IDS, BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { inputToFormValues, type PlanFormValues } from "@/lib/plan/form-values"
import { SAMPLER_INFO, SAMPLERS } from "@/lib/plan/samplers"
import { fargateUsdPerCoreMonth } from "@/lib/plan/tail"
import {
  DEFAULT_INPUT,
  DEFAULT_SOURCE,
  ENVIRONMENTS,
  FIELD_LABELS,
  LANGUAGES,
  PROTOCOLS,
  type PlanField,
} from "@/lib/plan/fields"
import { formatTopology, topologyForSpans } from "@/lib/plan/topology"
import { SOURCES } from "@/lib/sources"

import { TraceImport } from "../import/trace-import"
import { CollapsibleSection } from "./collapsible-section"
import { ProbeSummary } from "./probe-summary"
import { TailSummary } from "./tail-summary"
import { SpanSizeHelper } from "./span-size-helper"
import { TopologyEditor } from "./topology-editor"

export type FieldErrors = Partial<Record<PlanField, string>>
export type FormChange = (changes: Partial<PlanFormValues>) => void

interface FormProps {
  values: PlanFormValues
  errors: FieldErrors
  onChange: FormChange
}

const UNITS: Partial<Record<PlanField, string>> = {
  rps: "req/s",
  peakRps: "req/s",
  retentionDays: "days",
  ratio: "0–1",
  spansPerTrace: "spans",
  spanBytes: "bytes",
  apmHosts: "hosts",
  collectorUsdPerCoreMonth: "USD/core-month",
  daprSamplingRate: "0–1",
  replicas: "pods",
  containerPort: "port",
  probeIntervalSeconds: "s",
  growthPercentPerMonth: "%",
  horizonMonths: "months",
  errorRate: "0–1",
  slowRate: "0–1",
  slowThresholdMs: "ms",
  tailBaselinePercent: "%",
  tailSpansPerSecond: "spans/s",
  tailDecisionWaitSeconds: "s",
  budgetUsdPerMonth: "USD/month",
  storageCapBytes: "bytes",
  minTracesPerMinutePerEndpoint: "traces/min",
}

const HELP: Partial<Record<PlanField, string>> = {
  rps: "Average requests per second at the entry service; storage and cost follow it.",
  peakRps: "Busiest sustained rate; sizes collectors and ingest limits.",
  ratio: "Share of root traces kept: 0.1 keeps 10 %.",
  spansPerTrace: "Average spans in one trace across every service and sidecar it crosses.",
  spanBytes: "Raw OTLP protobuf bytes per span, before compression.",
  apmHosts: "Hosts running the Datadog Agent with APM.",
  collectorUsdPerCoreMonth: `What one Collector core with ~2 GB costs you a month (AWS Fargate on-demand: ${formatUsd(fargateUsdPerCoreMonth())}); 0 leaves the Collector tier out of the $ figures.`,
  growthPercentPerMonth: "Compounding; negative for shrinking traffic.",
  excludedUrls: "Comma-separated patterns (Python: regexes matched anywhere in the URL).",
  probesPerReplica: "Liveness, readiness and /metrics scrapes each count.",
  otlpEndpoint: "Where the SDK sends OTLP: http:// or https://, port 4317 for grpc, 4318 for http/protobuf.",
  daprIngress:
    "Ticked: clients call the app through its sidecar (service invocation), so Dapr's rate starts traces. Unticked: an Ingress sends requests straight to the app's port, so the app's sampler decides and Dapr follows.",
  daprSamplingRate: 'Dapr\'s samplingRate: only decides traces the sidecar starts; "0" turns tracing off.',
  image: "Replace with your image before applying the Deployment.",
  errorRate: "Share of requests that fail: 0.01 = 1 %.",
  slowRate: "Share of requests slower than the threshold.",
  endpoints: "Optional: name:share pairs joined by ~, e.g. GET /tasks:0.7~POST /tasks:0.3.",
  budgetUsdPerMonth: "On the chosen backend; 0 for none.",
  storageCapBytes: "Most the backend may hold, in bytes (2000000000000 = 2 TB); 0 for none.",
  tailSpansPerSecond: "Caps the baseline (errors and slow traces are kept beyond it); 0 for none.",
  tailDecisionWaitSeconds: "How long the Collector buffers a trace before deciding.",
  tailBaselinePercent: "Share of other traces kept (probabilistic policy).",
}

const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900"
const legendClass = "mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
const noteClass = "text-xs text-slate-600 dark:text-slate-400"

/** Defaults that read better in words than as their value. */
const DEFAULT_IN_WORDS: Partial<Record<PlanField, string>> = {
  peakRps: "the average rate",
  daprSamplingRate: "the sampling ratio",
  topology: "typed spans per trace",
  endpoints: "none",
  containerPort: `port ${DEFAULT_INPUT.containerPort}`,
}

/** A field's default as its hint writes it: "5,000 req/s", "1 trace/min", "ticked", "tempo". */
function defaultText(field: PlanField): string {
  const words = DEFAULT_IN_WORDS[field]
  if (words !== undefined) return words
  const value = DEFAULT_INPUT[field]
  if (typeof value === "boolean") return value ? "ticked" : "not ticked"
  const unit = UNITS[field] && UNITS[field] !== "0–1" ? UNITS[field] : ""
  return typeof value === "number" ? formatQuantity(value, unit) : String(value)
}

function DefaultNote({ field }: { field: PlanField }) {
  const source = SOURCES[DEFAULT_SOURCE[field]]
  return (
    <>
      Default {defaultText(field)} ·{" "}
      <a href={`#source-${source.id}`} className="underline decoration-dotted underline-offset-2">
        source
      </a>
      , as of {source.asOf}
    </>
  )
}

/**
 * What one field is given: its own value and message, not the whole form's. A field renders
 * again only when these change, so typing in one box leaves the other thirty-odd alone.
 */
interface FieldProps {
  field: PlanField
  value: string
  error: string | undefined
  onChange: FormChange
}

function describedBy(field: PlanField, error: string | undefined): string {
  return `field-${field}-hint${error ? ` field-${field}-error` : ""}`
}

function FieldMessages({ field, error }: { field: PlanField; error: string | undefined }) {
  return (
    <>
      {error ? (
        <p id={`field-${field}-error`} className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <p id={`field-${field}-hint`} className={noteClass}>
        {HELP[field] ? `${HELP[field]} ` : ""}
        <DefaultNote field={field} />
      </p>
    </>
  )
}

function Label({ field }: { field: PlanField }) {
  const unit = UNITS[field]
  return (
    <label htmlFor={`field-${field}`} className="text-sm font-medium">
      {FIELD_LABELS[field]}
      {unit ? <span className="font-normal text-slate-600 dark:text-slate-400"> ({unit})</span> : null}
    </label>
  )
}

/** A text field: numbers are typed as text so nothing the user typed is lost or silently dropped. */
const TextField = memo(function TextField({
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
      <FieldMessages field={field} error={error} />
    </div>
  )
})

function SelectField({ field, value, error, onChange, children }: FieldProps & { children: React.ReactNode }) {
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
function UnknownOption({ value, known }: { value: string; known: readonly string[] }) {
  return known.includes(value) ? null : <option value={value}>{value} (unknown)</option>
}

/** A select whose options are the values themselves (environment, language, protocol). */
const EnumSelectField = memo(function EnumSelectField({
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

const CheckboxField = memo(function CheckboxField({ field, value, error, onChange }: FieldProps) {
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
      </div>
      <FieldMessages field={field} error={error} />
    </div>
  )
})

const TAIL_FIELDS: PlanField[] = [
  "tailKeepErrors",
  "tailKeepSlow",
  "tailBaselinePercent",
  "tailSpansPerSecond",
  "tailDecisionWaitSeconds",
]
const GOAL_FIELDS: PlanField[] = [
  "environment",
  "budgetUsdPerMonth",
  "storageCapBytes",
  "errorRate",
  "slowRate",
  "slowThresholdMs",
  "keepAllErrors",
  "endpoints",
  "minTracesPerMinutePerEndpoint",
]

const HEALTH_FIELDS: PlanField[] = [
  "excludeHealthChecks",
  "excludedUrls",
  "replicas",
  "probesPerReplica",
  "probeIntervalSeconds",
]
const SERVICE_FIELDS: PlanField[] = [
  "serviceName",
  "namespace",
  "language",
  "otlpEndpoint",
  "protocol",
  "image",
  "containerPort",
]

function hasAny(errors: FieldErrors, fields: PlanField[]): boolean {
  return fields.some((field) => errors[field] !== undefined)
}

const DEFAULT_VALUES = inputToFormValues(DEFAULT_INPUT)

/** Whether any of `fields` holds something other than its default (a shared link set it). */
function setAwayFromDefault(values: PlanFormValues, fields: PlanField[]): boolean {
  return fields.some((field) => values[field].trim() !== DEFAULT_VALUES[field])
}

export function PlanForm(props: FormProps & { plan: Plan }) {
  const { values, errors, onChange, plan } = props
  // Stable while onChange is, so the span-size helper does not re-render on every keystroke.
  const applySpanBytes = useCallback((spanBytes: number) => onChange({ spanBytes: String(spanBytes) }), [onChange])
  const sampler = SAMPLER_INFO[values.sampler as keyof typeof SAMPLER_INFO]
  const usesRatio = !sampler || sampler.basis === "ratio" || sampler.basis === "assumed"
  // The mode the user picked: clearing the path text keeps the path box (the plan then uses spans
  // per trace until a path is typed), rather than switching modes under the cursor.
  const [pathPicked, setPathPicked] = useState(values.topology.trim() !== "")
  /** Spans per trace as typed before switching to the request path, restored on switching back. */
  const typedSpans = useRef<string | undefined>(undefined)
  const fromPath = pathPicked || values.topology.trim() !== ""
  /** One field's props: its value, its message and the form's change handler. */
  const bind = (field: PlanField): FieldProps => ({ field, value: values[field], error: errors[field], onChange })

  return (
    <form
      aria-label="Plan"
      className="grid min-w-0 content-start gap-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="grid min-w-0 gap-4">
        <legend className={legendClass}>Traffic</legend>
        <TextField {...bind("rps")} />
        <TextField {...bind("peakRps")} />
        <TextField {...bind("retentionDays")} />
        <div className="grid grid-cols-2 gap-3">
          <TextField {...bind("growthPercentPerMonth")} />
          <TextField {...bind("horizonMonths")} />
        </div>
      </fieldset>

      {/* Below the first screen on a phone: skipped until near (content-visibility). It clips what
          overflows, so px-1 (with -mx-1) leaves room for the fields' focus rings. */}
      <fieldset className="-mx-1 grid min-w-0 gap-4 px-1 render-when-near">
        <legend className={legendClass}>Sampling</legend>
        <SelectField {...bind("sampler")}>
          <UnknownOption value={values.sampler} known={SAMPLERS} />
          {SAMPLERS.map((id) => (
            <option key={id} value={id}>
              {SAMPLER_INFO[id].label}
            </option>
          ))}
        </SelectField>
        {sampler ? <p className={`-mt-2 ${noteClass}`}>{sampler.summary}</p> : null}
        <TextField {...bind("ratio")} />
        {usesRatio ? null : (
          <p className={`-mt-2 ${noteClass}`} data-testid="ratio-unused">
            {values.sampler} does not use the ratio; it is kept for when you switch back.
          </p>
        )}
        {usesRatio && plan.sampler.decidedBy === "dapr" && plan.input.ratio !== plan.input.daprSamplingRate ? (
          <p className={`-mt-2 ${noteClass}`} data-testid="ratio-not-in-force">
            Requests entering through Dapr are sampled at Dapr&apos;s rate below; this ratio decides only the traces the
            app starts itself.
          </p>
        ) : null}
        <CheckboxField {...bind("daprEnabled")} />
        {values.daprEnabled === "true" ? <CheckboxField {...bind("daprIngress")} /> : null}
        {values.daprEnabled === "true" || errors.daprSamplingRate ? <TextField {...bind("daprSamplingRate")} /> : null}
        <p className={`-mt-2 ${noteClass}`} data-testid="root-decision">
          {plan.sampler.decidedBy === "dapr"
            ? `Root decision: the Dapr sidecar at ${formatPercent(plan.sampler.headProbability)}; the app follows it through traceparent (rates do not multiply).`
            : `Root decision: the app's SDK at ${formatPercent(plan.sampler.headProbability)}.`}
        </p>
        <CheckboxField {...bind("tailSampling")} />
        {values.tailSampling === "true" || hasAny(errors, TAIL_FIELDS) ? (
          <div className="grid gap-3 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
            <CheckboxField {...bind("tailKeepErrors")} />
            <CheckboxField {...bind("tailKeepSlow")} />
            <TextField {...bind("tailBaselinePercent")} />
            <div className="grid grid-cols-2 gap-3">
              <TextField {...bind("tailSpansPerSecond")} />
              <TextField {...bind("tailDecisionWaitSeconds")} />
            </div>
            <TailSummary plan={plan} />
          </div>
        ) : null}
      </fieldset>

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
      </fieldset>

      <fieldset className="-mx-1 grid min-w-0 gap-4 px-1 render-when-near">
        <legend className={legendClass}>Backend</legend>
        <SelectField {...bind("backend")}>
          <UnknownOption value={values.backend} known={BACKEND_IDS} />
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
        </SelectField>
        {values.backend === "datadog" || errors.apmHosts ? <TextField {...bind("apmHosts")} /> : null}
        <TextField {...bind("collectorUsdPerCoreMonth")} />
      </fieldset>

      <CollapsibleSection title="Calibrate from your traces" hasError={false} testId="section-import">
        <TraceImport input={plan.input} onApply={onChange} />
      </CollapsibleSection>

      <CollapsibleSection
        title="Goals and limits"
        hasError={hasAny(errors, GOAL_FIELDS)}
        startsOpen={setAwayFromDefault(values, GOAL_FIELDS)}
        testId="section-goals"
      >
        <EnumSelectField {...bind("environment")} options={ENVIRONMENTS} />
        <div className="grid grid-cols-2 gap-3">
          <TextField {...bind("budgetUsdPerMonth")} />
          <TextField {...bind("storageCapBytes")} />
        </div>
        <div className="grid grid-cols-3 gap-3">
          <TextField {...bind("errorRate")} />
          <TextField {...bind("slowRate")} />
          <TextField {...bind("slowThresholdMs")} />
        </div>
        <CheckboxField {...bind("keepAllErrors")} />
        <TextField {...bind("endpoints")} numeric={false} />
        <TextField {...bind("minTracesPerMinutePerEndpoint")} />
      </CollapsibleSection>

      <CollapsibleSection
        title="Health checks"
        hasError={hasAny(errors, HEALTH_FIELDS)}
        startsOpen={setAwayFromDefault(values, HEALTH_FIELDS)}
        testId="section-health"
      >
        <CheckboxField {...bind("excludeHealthChecks")} />
        <TextField {...bind("excludedUrls")} numeric={false} />
        <div className="grid grid-cols-3 gap-3">
          <TextField {...bind("replicas")} />
          <TextField {...bind("probesPerReplica")} />
          <TextField {...bind("probeIntervalSeconds")} />
        </div>
        <ProbeSummary plan={plan} />
      </CollapsibleSection>

      <CollapsibleSection
        title="Service and deployment"
        hasError={hasAny(errors, SERVICE_FIELDS)}
        startsOpen={setAwayFromDefault(values, SERVICE_FIELDS)}
        testId="section-service"
      >
        <p className={noteClass}>Used by the config snippets; they do not change the numbers.</p>
        <TextField {...bind("serviceName")} numeric={false} />
        <TextField {...bind("namespace")} numeric={false} />
        <EnumSelectField {...bind("language")} options={LANGUAGES} />
        <TextField {...bind("otlpEndpoint")} numeric={false} />
        <EnumSelectField {...bind("protocol")} options={PROTOCOLS} />
        <TextField {...bind("image")} numeric={false} />
        <TextField {...bind("containerPort")} />
      </CollapsibleSection>
    </form>
  )
}
