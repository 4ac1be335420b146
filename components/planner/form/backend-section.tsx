// Backend: the store grouped by hosting, each vendor's or version's own terms when it is picked,
// and the prices the bill is made of, folded under "Prices" so the form does not grow into a wall.
import { BACKEND_IDS, BACKENDS } from "@/lib/plan/backends"
import { fieldSpec, type PlanField } from "@/lib/plan/fields"
import { PRICE_FIELDS } from "@/lib/plan/form-layout"

import { CollapsibleSection } from "../collapsible-section"
import { FieldRows, setAwayFromDefault } from "./registry-section"
import {
  binder,
  EnumSelectField,
  hasAny,
  legendClass,
  noteClass,
  SelectField,
  TextField,
  UnknownOption,
  type SectionProps,
} from "./fields"

/** A select of an enum field's values. */
function enumOptions(field: "tempoVersion" | "datadogCommitment"): readonly string[] {
  const spec = fieldSpec(field)
  return spec.kind === "enum" ? spec.values : []
}

export function BackendSection(props: SectionProps) {
  const { values, errors } = props
  const bind = binder(props)
  // A field that only one backend reads shows with it, and also whenever it has a message.
  const shows = (field: PlanField, backend: string) => values.backend === backend || errors[field] !== undefined
  return (
    <fieldset className="-mx-1 grid min-w-0 gap-4 px-1 render-when-near">
      <legend className={legendClass}>Backend</legend>
      <SelectField {...bind("backend")}>
        <UnknownOption value={values.backend} known={BACKEND_IDS} />
        <optgroup label="Self-hosted">
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
      {shows("tempoVersion", "tempo") ? (
        <EnumSelectField {...bind("tempoVersion")} options={enumOptions("tempoVersion")} />
      ) : null}
      {shows("apmHosts", "datadog") || shows("datadogCommitment", "datadog") ? (
        <div className="grid grid-cols-2 gap-3">
          <TextField {...bind("apmHosts")} />
          <EnumSelectField {...bind("datadogCommitment")} options={enumOptions("datadogCommitment")} />
        </div>
      ) : null}
      {shows("newRelicFullUsers", "new-relic") ? <TextField {...bind("newRelicFullUsers")} /> : null}
      <CollapsibleSection
        title="Prices"
        hasError={hasAny(errors, PRICE_FIELDS)}
        startsOpen={setAwayFromDefault(values, PRICE_FIELDS)}
        testId="section-prices"
      >
        <p className={noteClass}>
          What compute, the Collector and traffic cost you; the defaults are AWS list prices (Fargate on-demand,
          us-east-1).
        </p>
        <div className="grid grid-cols-2 gap-3">
          <TextField {...bind("computeUsdPerVcpuMonth")} />
          <TextField {...bind("computeUsdPerGbMonth")} />
        </div>
        <TextField {...bind("collectorUsdPerCoreMonth")} />
        <TextField {...bind("zones")} />
        <div className="grid grid-cols-2 gap-3">
          <TextField {...bind("interZoneUsdPerGb")} />
          <TextField {...bind("egressUsdPerGb")} />
        </div>
      </CollapsibleSection>
      <FieldRows section="backend" {...props} />
    </fieldset>
  )
}
