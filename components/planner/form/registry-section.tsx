// Fields drawn from the field registry alone: each as its kind says, in the rows of
// lib/plan/form-layout, and the collapsible sections made of nothing else. A new field needs no
// change here: it shows at the end of its section.
import type { ReactNode } from "react"

import { DEFAULT_INPUT, fieldSpec, type FormSection, type PlanField } from "@/lib/plan/fields"
import { sectionFields, sectionRows, startsOpen, type RegistrySection } from "@/lib/plan/form-layout"
import { inputToFormValues, type PlanFormValues } from "@/lib/plan/form-values"

import { CollapsibleSection } from "../collapsible-section"
import { binder, CheckboxField, EnumSelectField, hasAny, TextField, type FieldProps, type SectionProps } from "./fields"

/** Rows of two and three fields: whole class names, so Tailwind finds them. */
const ROW_CLASS: Record<number, string> = { 2: "grid grid-cols-2 gap-3", 3: "grid grid-cols-3 gap-3" }

/** One field drawn as its kind says: a checkbox, a select of its values, or a text box. */
function RegistryField(props: FieldProps) {
  const spec = fieldSpec(props.field)
  switch (spec.kind) {
    case "boolean":
      return <CheckboxField {...props} />
    case "enum":
      return <EnumSelectField {...props} options={spec.values} />
    case "text":
    case "special":
      return <TextField {...props} numeric={false} />
    default:
      return <TextField {...props} />
  }
}

/**
 * The registry-drawn fields of a section, row by row: all of a registry-drawn section's, and
 * none of a section with behaviour's until a field is added that it does not draw itself.
 */
export function FieldRows({ section, ...props }: SectionProps & { section: FormSection }) {
  const bind = binder(props)
  return sectionRows(section).map((row) =>
    row.length === 1 ? (
      <RegistryField key={row[0]} {...bind(row[0]!)} />
    ) : (
      <div key={row.join()} className={ROW_CLASS[row.length]}>
        {row.map((field) => (
          <RegistryField key={field} {...bind(field)} />
        ))}
      </div>
    )
  )
}

const DEFAULT_VALUES = inputToFormValues(DEFAULT_INPUT)

/** Whether any of `fields` holds something other than its default (a shared link set it). */
export function setAwayFromDefault(values: PlanFormValues, fields: readonly PlanField[]): boolean {
  return fields.some((field) => values[field].trim() !== DEFAULT_VALUES[field])
}

/** The collapsible sections, by the registry's section they draw. */
const COLLAPSIBLE: Record<Exclude<RegistrySection, "traffic">, { title: string; testId: string }> = {
  goals: { title: "Goals and limits", testId: "section-goals" },
  health: { title: "Health checks", testId: "section-health" },
  service: { title: "Service and deployment", testId: "section-service" },
}

/**
 * A collapsible section of registry-drawn fields: open when it always starts open (the goals) or a
 * link set one of them, marked when
 * one has a message. `lead` goes above the fields, `children` below.
 */
export function RegistryCollapsibleSection({
  section,
  lead,
  children,
  ...props
}: SectionProps & { section: keyof typeof COLLAPSIBLE; lead?: ReactNode; children?: ReactNode }) {
  const fields = sectionFields(section)
  return (
    <CollapsibleSection
      title={COLLAPSIBLE[section].title}
      hasError={hasAny(props.errors, fields)}
      startsOpen={startsOpen(section) || setAwayFromDefault(props.values, fields)}
      testId={COLLAPSIBLE[section].testId}
    >
      {lead}
      <FieldRows section={section} {...props} />
      {children}
    </CollapsibleSection>
  )
}
