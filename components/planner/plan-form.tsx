// The plan's form: the goals and limits, the traffic fields, the sections with behaviour
// (sampling, trace shape, backend), trace import, and the other collapsible registry sections.
import type { Plan } from "@/lib/plan/build-plan"
import { FORM_SECTION_ORDER } from "@/lib/plan/form-layout"

import { TraceImport } from "../import/trace-import"
import { CollapsibleSection } from "./collapsible-section"
import { BackendSection } from "./form/backend-section"
import { legendClass, noteClass, type SectionProps } from "./form/fields"
import { FieldRows, RegistryCollapsibleSection } from "./form/registry-section"
import { SamplingSection } from "./form/sampling-section"
import { TraceShapeSection } from "./form/trace-shape-section"
import { ProbeSummary } from "./probe-summary"

export type { FieldErrors, FormChange } from "./form/fields"

export function PlanForm(props: SectionProps & { plan: Plan }) {
  const { values, errors, onChange, plan } = props
  const section: SectionProps = { values, errors, onChange }

  return (
    <form
      aria-label="Plan"
      className="grid min-w-0 content-start gap-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      onSubmit={(event) => event.preventDefault()}
    >
      {FORM_SECTION_ORDER.map((part) => {
        switch (part) {
          case "goals":
            return <RegistryCollapsibleSection key={part} section="goals" {...section} />
          case "traffic":
            return (
              <fieldset key={part} className="grid min-w-0 gap-4">
                <legend className={legendClass}>Traffic</legend>
                <FieldRows section="traffic" {...section} />
              </fieldset>
            )
          case "sampling":
            return <SamplingSection key={part} {...section} plan={plan} />
          case "shape":
            return <TraceShapeSection key={part} {...section} plan={plan} />
          case "backend":
            return <BackendSection key={part} {...section} />
          case "import":
            return (
              <CollapsibleSection
                key={part}
                title="Calibrate from your traces"
                hasError={false}
                testId="section-import"
              >
                <TraceImport input={plan.input} onApply={onChange} />
              </CollapsibleSection>
            )
          case "health":
            return (
              <RegistryCollapsibleSection key={part} section="health" {...section}>
                <ProbeSummary plan={plan} />
              </RegistryCollapsibleSection>
            )
          case "service":
            return (
              <RegistryCollapsibleSection
                key={part}
                section="service"
                {...section}
                lead={<p className={noteClass}>Used by the config snippets; they do not change the numbers.</p>}
              />
            )
        }
      })}
    </form>
  )
}
