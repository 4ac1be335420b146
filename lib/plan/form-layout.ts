// How the form lays out the sections it renders from the registry alone: rows of fields, a row
// of two or three sitting side by side. The sections with behaviour (sampling, trace shape,
// backend) lay out their own fields.
import type { FormSection, PlanField } from "./fields"

/** The sections drawn from the registry: every field of each, once, in rows. */
export type RegistrySection = Extract<FormSection, "traffic" | "goals" | "health" | "service">

/**
 * Each registry-drawn section's rows, top to bottom. A row of one field takes the full width; a
 * row of several shares it in equal columns.
 *
 * @example
 * FORM_ROWS.traffic.at(-1) //=> ["growthPercentPerMonth", "horizonMonths"]
 */
export const FORM_ROWS: Record<RegistrySection, readonly (readonly PlanField[])[]> = {
  traffic: [["rps"], ["peakRps"], ["retentionDays"], ["growthPercentPerMonth", "horizonMonths"]],
  goals: [
    ["environment"],
    ["budgetUsdPerMonth", "storageCapBytes"],
    ["errorRate", "slowRate", "slowThresholdMs"],
    ["keepAllErrors"],
    ["endpoints"],
    ["minTracesPerMinutePerEndpoint"],
  ],
  health: [["excludeHealthChecks"], ["excludedUrls"], ["replicas", "probesPerReplica", "probeIntervalSeconds"]],
  service: [["serviceName"], ["namespace"], ["language"], ["otlpEndpoint"], ["protocol"], ["image"], ["containerPort"]],
}

/**
 * The fields of a registry-drawn section in form order.
 *
 * @example
 * sectionFields("health") //=> ["excludeHealthChecks", "excludedUrls", "replicas", "probesPerReplica", "probeIntervalSeconds"]
 */
export function sectionFields(section: RegistrySection): PlanField[] {
  return FORM_ROWS[section].flat()
}
