// Backend: the store grouped by hosting, Datadog's hosts when Datadog is picked, the Collector's price.
import { BACKEND_IDS, BACKENDS } from "@/lib/plan/backends"

import { FieldRows } from "./registry-section"
import { binder, legendClass, SelectField, TextField, UnknownOption, type SectionProps } from "./fields"

export function BackendSection(props: SectionProps) {
  const { values, errors } = props
  const bind = binder(props)
  return (
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
      <FieldRows section="backend" {...props} />
    </fieldset>
  )
}
