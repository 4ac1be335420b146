// How the form lays out each section's fields: rows of fields, a row of two or three sitting side
// by side. A field of a section that is not laid out here (a new one) gets a row of its own at
// the section's end, so adding a field to the registry is enough to show it.
import { fieldsInSection, type FormSection, type PlanField } from "./fields"

/** The sections drawn from the registry alone; the others carry behaviour (sampling, trace shape, backend). */
export type RegistrySection = Extract<FormSection, "traffic" | "goals" | "health" | "service">
export type BehaviourSection = Exclude<FormSection, RegistrySection>

/**
 * The registry-drawn sections' rows, top to bottom. A row of one field takes the full width; a
 * row of several shares it in equal columns.
 *
 * @example
 * FORM_ROWS.traffic.at(-1) //=> ["growthPercentPerMonth", "horizonMonths"]
 */
export const FORM_ROWS: Record<RegistrySection, readonly (readonly PlanField[])[]> = {
  traffic: [["rps"], ["peakRps"], ["retentionDays"], ["growthPercentPerMonth", "horizonMonths"]],
  // The form opens with these (see FORM_SECTION_ORDER): the limits and goals the recommendation
  // decides by first, then what it reads about the traffic's errors, slowness and endpoints.
  goals: [
    ["budgetUsdPerMonth", "storageCapBytes"],
    ["keepAllErrors"],
    ["minTracesPerMinutePerEndpoint"],
    ["endpoints"],
    ["environment"],
    ["errorRate", "slowRate", "slowThresholdMs"],
  ],
  health: [["excludeHealthChecks"], ["excludedUrls"], ["replicas", "probesPerReplica", "probeIntervalSeconds"]],
  service: [["serviceName"], ["namespace"], ["language"], ["otlpEndpoint"], ["protocol"], ["image"], ["containerPort"]],
}

/** A part of the form: a field section, or the trace import. */
export type FormPart = FormSection | "import"

/**
 * The form's parts, top to bottom: the goals and limits first (they drive the recommendation), then
 * the traffic and how it is sampled, shaped and stored, then calibration and the fields that only
 * shape the configs.
 *
 * @example
 * FORM_SECTION_ORDER[0] //=> "goals"
 */
export const FORM_SECTION_ORDER = [
  "goals",
  "traffic",
  "sampling",
  "shape",
  "backend",
  "import",
  "health",
  "service",
] as const satisfies readonly FormPart[]

/**
 * Whether a folding part of the form starts open whatever the link says: the goals, at the top.
 *
 * @example
 * startsOpen("goals")  //=> true
 * startsOpen("health") //=> false
 */
export function startsOpen(part: FormPart): boolean {
  return part === "goals"
}

/** The prices the bill is made of, which the backend section folds under "Prices": compute, the Collector's per-core override, and the network. */
export const PRICE_FIELDS = [
  "computeUsdPerVcpuMonth",
  "computeUsdPerGbMonth",
  "collectorUsdPerCoreMonth",
  "zones",
  "interZoneUsdPerGb",
  "egressUsdPerGb",
] as const satisfies readonly PlanField[]

/** The fields the sections with behaviour draw themselves (components/planner/form/*-section.tsx). */
export const DRAWN_BY_SECTION: Record<BehaviourSection, readonly PlanField[]> = {
  sampling: [
    "sampler",
    "ratio",
    "daprEnabled",
    // Older links' form of entryPoint: read from URLs, never drawn.
    "daprIngress",
    "entryPoint",
    "daprSamplingRate",
    "tailSampling",
    "tailKeepErrors",
    "tailKeepSlow",
    "tailBaselinePercent",
    "tailSpansPerSecond",
    "tailDecisionWaitSeconds",
    "redMetrics",
  ],
  shape: ["topology", "spansPerTrace", "spanBytes"],
  backend: ["backend", "tempoVersion", "apmHosts", "datadogCommitment", "newRelicFullUsers", ...PRICE_FIELDS],
}

const isRegistrySection = (section: FormSection): section is RegistrySection => section in FORM_ROWS

/**
 * `rows`, then each of `fields` that is neither on them nor in `drawnElsewhere`, on a row of its own.
 *
 * @example
 * withUnplacedFields([["rps"]], ["peakRps"], ["rps", "peakRps", "retentionDays"]) //=> [["rps"], ["retentionDays"]]
 */
export function withUnplacedFields(
  rows: readonly (readonly PlanField[])[],
  drawnElsewhere: readonly PlanField[],
  fields: readonly PlanField[]
): PlanField[][] {
  const placed = new Set([...rows.flat(), ...drawnElsewhere])
  return [...rows.map((row) => [...row]), ...fields.filter((field) => !placed.has(field)).map((field) => [field])]
}

/**
 * The rows the form draws from the registry for `section`: its laid-out rows, then each field of
 * the section that is neither laid out nor drawn by the section itself, alone, in URL order.
 *
 * @example
 * sectionRows("traffic") //=> [["rps"], ["peakRps"], ["retentionDays"], ["growthPercentPerMonth", "horizonMonths"]]
 * sectionRows("backend") //=> []
 */
export function sectionRows(section: FormSection): PlanField[][] {
  return isRegistrySection(section)
    ? withUnplacedFields(FORM_ROWS[section], [], fieldsInSection(section))
    : withUnplacedFields([], DRAWN_BY_SECTION[section], fieldsInSection(section))
}

/**
 * The fields a registry-drawn section shows, in form order.
 *
 * @example
 * sectionFields("health") //=> ["excludeHealthChecks", "excludedUrls", "replicas", "probesPerReplica", "probeIntervalSeconds"]
 */
export function sectionFields(section: RegistrySection): PlanField[] {
  return sectionRows(section).flat()
}
