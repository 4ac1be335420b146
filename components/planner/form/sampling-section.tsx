// Sampling: the sampler and its ratio, Dapr's sidecar and rate, and tail sampling, with the notes
// that say which of them makes the root decision.
import { formatPercent } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import { RED_METRICS_EXPORTS } from "@/lib/plan/choices"
import type { PlanField } from "@/lib/plan/fields"
import { ENTRY_POINT_LABELS, ENTRY_POINTS, SAMPLER_INFO, SAMPLERS } from "@/lib/plan/samplers"

import { TailSummary } from "../tail-summary"

import {
  binder,
  CheckboxField,
  EnumSelectField,
  hasAny,
  legendClass,
  noteClass,
  SelectField,
  TextField,
  UnknownOption,
  type SectionProps,
} from "./fields"
import { FieldRows } from "./registry-section"

/** The tail sampler's settings, shown while it is on or one of them has a message. */
const TAIL_FIELDS: PlanField[] = [
  "tailKeepErrors",
  "tailKeepSlow",
  "tailBaselinePercent",
  "tailSpansPerSecond",
  "tailDecisionWaitSeconds",
  "redMetrics",
]

export function SamplingSection(props: SectionProps & { plan: Plan }) {
  const { values, errors, plan } = props
  const bind = binder(props)
  const sampler = SAMPLER_INFO[values.sampler as keyof typeof SAMPLER_INFO]
  const usesRatio = !sampler || sampler.basis === "ratio" || sampler.basis === "assumed"
  return (
    // Below the first screen on a phone: skipped until near (content-visibility). It clips what
    // overflows, so px-1 (with -mx-1) leaves room for the fields' focus rings.
    <fieldset className="-mx-1 grid min-w-0 gap-4 px-1 render-when-near">
      <legend className={legendClass}>Sampling</legend>
      <SelectField {...bind("sampler")}>
        <UnknownOption value={values.sampler} known={SAMPLERS} />
        {SAMPLERS.map((id) => (
          <option key={id} value={id}>
            {/* The value itself (what OTEL_TRACES_SAMPLER takes): a label's "(rate assumed)" cut the
                longest off in the form column; the summary below the select says it. */}
            {id}
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
      {usesRatio && plan.sampler.decidedBy !== "app" && plan.input.ratio !== plan.input.daprSamplingRate ? (
        <p className={`-mt-2 ${noteClass}`} data-testid="ratio-not-in-force">
          {plan.sampler.decidedBy === "dapr" ? "Requests entering through Dapr" : "Calls from another Dapr app"} are
          sampled at Dapr&apos;s rate below; this ratio decides only the traces the app starts itself.
        </p>
      ) : null}
      <CheckboxField {...bind("daprEnabled")} />
      {values.daprEnabled === "true" ? (
        <SelectField {...bind("entryPoint")}>
          <UnknownOption value={values.entryPoint} known={ENTRY_POINTS} />
          {ENTRY_POINTS.map((id) => (
            <option key={id} value={id}>
              {ENTRY_POINT_LABELS[id]}
            </option>
          ))}
        </SelectField>
      ) : null}
      {values.daprEnabled === "true" || errors.daprSamplingRate ? <TextField {...bind("daprSamplingRate")} /> : null}
      <p className={`-mt-2 ${noteClass}`} data-testid="root-decision">
        {plan.sampler.decidedBy === "dapr"
          ? `Root decision: the Dapr sidecar at ${formatPercent(plan.sampler.headProbability)}; the app follows it through traceparent (rates do not multiply).`
          : plan.sampler.decidedBy === "caller"
            ? `Root decision: the calling Dapr app's side, assumed at ${formatPercent(plan.sampler.headProbability)}; this sidecar and the app follow its traceparent.`
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
          <EnumSelectField {...bind("redMetrics")} options={RED_METRICS_EXPORTS} />
          <TailSummary plan={plan} />
        </div>
      ) : null}
      <FieldRows section="sampling" values={values} errors={errors} onChange={props.onChange} />
    </fieldset>
  )
}
