// A plan as text: the form's values, the query string and messages by field. No Zod, so the page's
// first load can use it; validation (./parse) loads with the first change.
import { DEFAULT_INPUT, fieldSpec, FOLLOWERS, PLAN_FIELDS, type PlanField, type PlanInput } from "./fields"
import { readHumanNumber } from "./human-number"
import { SAMPLERS, type Sampler, samplerHeadRate } from "./samplers"
import { formatEndpoints } from "./endpoints"
import { formatTopology } from "./topology"

/** One problem with one field, in words a person understands. `path` is the field name ("" for the whole input). */
export interface FieldIssue {
  path: string
  message: string
}

/**
 * Query values as an HTML page can carry them: U+0000 becomes U+FFFD, as the browser's parser
 * makes it in attributes. (In a `<select>` it drops a lone U+0000 altogether, and React then finds
 * a different page from the one it hydrates.) The value stays invalid, with its message.
 *
 * @example
 * withoutNulCharacters({ sampler: "\u0000" }) //=> { sampler: "\uFFFD" }
 */
export function withoutNulCharacters(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value.replaceAll("\u0000", "\uFFFD")]))
}

/**
 * The query string that holds a whole plan: every field, in form order. Links before short links
 * were written this way; they still parse to the same plan. `:`, `/`, `,` and `@` stay readable
 * (RFC 3986 allows them in a query).
 *
 * @example
 * planToQueryString({ ...DEFAULT_INPUT })
 * //=> "rps=5000&peakRps=5000&...&otlpEndpoint=http://otel-collector.observability.svc.cluster.local:4317&..."
 */
export function planToQueryString(input: PlanInput): string {
  return formValuesToQueryString(inputToFormValues(input), { keepEmpty: false })
}

/**
 * The short link's query string: only the fields the plan does not take by default, in form
 * order, so the default plan is "" (the page's bare address). A field that follows another or is
 * figured from others is left out while it holds that value (the peak equal to requests/s, Dapr's
 * rate equal to the sampler's head rate, spans per trace from a request path).
 *
 * @example
 * planToShortQueryString(DEFAULT_INPUT)                                 //=> ""
 * planToShortQueryString({ ...DEFAULT_INPUT, rps: 8000, peakRps: 8000 }) //=> "rps=8000"
 */
export function planToShortQueryString(input: PlanInput): string {
  return formValuesToShortQueryString(inputToFormValues(input), { valid: true })
}

/**
 * The fields a short link carries for `input` (see {@link planToShortQueryString}), in form order.
 *
 * @example
 * nonDefaultFields({ ...DEFAULT_INPUT, retentionDays: 30 }) //=> ["retentionDays"]
 */
export function nonDefaultFields(input: PlanInput): PlanField[] {
  const values = inputToFormValues(input)
  return PLAN_FIELDS.filter((field) => values[field] !== impliedText(field, values, true))
}

/**
 * Form text as a short link's query string: the fields whose text differs from what the plan
 * would take without them. `valid` says the text is a valid plan's; while it is not, only what a
 * reload recovers from the text is left out, so the link shows the same text and message.
 *
 * @example
 * formValuesToShortQueryString({ ...defaultValues, rps: "5,000x", peakRps: "5,000x" }, { valid: false }) //=> "rps=5,000x"
 */
export function formValuesToShortQueryString(values: PlanFormValues, options: { valid: boolean }): string {
  const kept = PLAN_FIELDS.filter((field) => values[field] !== impliedText(field, values, options.valid))
  return formValuesToQueryString(Object.fromEntries(kept.map((field) => [field, values[field]])), { keepEmpty: true })
}

/** The text of every field in the default plan. */
const DEFAULT_TEXT: PlanFormValues = inputToFormValues(DEFAULT_INPUT)

/**
 * The text `field` would have if a link left it out, given the other fields' text (undefined when
 * that is not certain, so the field stays in the link). The schema fills in the same values.
 */
function impliedText(field: PlanField, values: PlanFormValues, valid: boolean): string | undefined {
  switch (field) {
    case "peakRps":
      return values.rps
    case "daprSamplingRate":
      return DERIVED_TEXT.daprSamplingRate!(values)
    // The older daprIngress is set from entryPoint, which decides; a link without either is a sidecar.
    case "daprIngress":
      return values.daprIngress
    case "entryPoint":
      return "sidecar"
    case "spansPerTrace":
      // A valid request path decides spans per trace; an invalid one is dropped on reload.
      return valid && values.topology !== "" ? values.spansPerTrace : DEFAULT_TEXT.spansPerTrace
    default:
      return DEFAULT_TEXT[field]
  }
}

/**
 * Form text as a query string, in the order given. Invalid text can be kept this way too, so a
 * reload shows the same text and the same message; `keepEmpty` keeps fields left blank.
 *
 * @example
 * formValuesToQueryString({ rps: "5,000", retentionDays: "" }, { keepEmpty: true }) //=> "rps=5,000&retentionDays="
 */
export function formValuesToQueryString(values: Partial<PlanFormValues>, options: { keepEmpty: boolean }): string {
  return Object.entries(values)
    .filter(([, text]) => options.keepEmpty || text !== "")
    .map(([field, text]) => `${field}=${encodeQueryValue(text ?? "")}`)
    .join("&")
}

/**
 * Encodes a query value, leaving the characters RFC 3986 allows in a query unescaped.
 *
 * @example
 * encodeQueryValue("http://a:4317/x y") //=> "http://a:4317/x%20y"
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(3A|2F|2C|40)/g, (escaped) => decodeURIComponent(escaped))
}

/**
 * The first message for each top-level field, for showing beside the field that holds it
 * (a problem in `topology.2.name` shows beside the request path).
 *
 * @example
 * messagesByField([{ path: "topology.0.name", message: "…" }]) //=> { topology: "…" }
 */
export function messagesByField(issues: FieldIssue[]): Partial<Record<PlanField, string>> {
  const messages: Partial<Record<PlanField, string>> = {}
  for (const issue of issues) {
    const field = issue.path.split(".")[0] as PlanField
    messages[field] ??= issue.message
  }
  return messages
}

/**
 * The text of each default the registry figures from other fields (`derivedFrom`), from their
 * text; undefined while they do not read as valid values. The schema figures the same numbers.
 */
const DERIVED_TEXT: Partial<Record<PlanField, (values: PlanFormValues) => string | undefined>> = {
  daprSamplingRate(values) {
    const read = readHumanNumber(values.ratio, "fraction")
    const ratio = read.ok ? read.value : Number.NaN
    if (!(SAMPLERS as readonly string[]).includes(values.sampler) || !(ratio >= 0 && ratio <= 1)) return undefined
    return String(samplerHeadRate(values.sampler as Sampler, ratio))
  },
}

/**
 * `changes` applied to `values`, with each follower that mirrored its leader moved along with it,
 * and each derived default that held its figure refigured (Dapr's rate moves to "1" when the
 * sampler becomes parentbased_always_on while it held the ratio).
 *
 * @example
 * withFollowers({ ...values, rps: "5000", peakRps: "5000" }, { rps: "8000" }) //=> { ..., rps: "8000", peakRps: "8000" }
 */
export function withFollowers(values: PlanFormValues, changes: Partial<PlanFormValues>): PlanFormValues {
  const next = { ...values, ...changes }
  for (const [follower, leader] of FOLLOWERS) {
    const moved = changes[leader]
    if (moved !== undefined && changes[follower] === undefined && values[follower] === values[leader])
      next[follower] = moved
  }
  for (const [field, derive] of Object.entries(DERIVED_TEXT) as [
    PlanField,
    (v: PlanFormValues) => string | undefined,
  ][]) {
    const sources = (fieldSpec(field).derivedFrom ?? []) as readonly PlanField[]
    if (changes[field] !== undefined || !sources.some((source) => changes[source] !== undefined)) continue
    const before = derive(values)
    const after = derive(next)
    if (before !== undefined && after !== undefined && values[field] === before) next[field] = after
  }
  return next
}

/**
 * `messages` without a follower's message when it holds its leader's text and the leader has a
 * message already: one typo in requests/s, mirrored into the peak, is one message, not two.
 *
 * @example
 * withoutEchoedMessages({ rps: "abc", peakRps: "abc" }, { rps: "Enter a number.", peakRps: "Enter a number." })
 * //=> { rps: "Enter a number." }
 */
export function withoutEchoedMessages(
  values: Partial<Record<PlanField, string>>,
  messages: Partial<Record<PlanField, string>>
): Partial<Record<PlanField, string>> {
  const kept = { ...messages }
  for (const [follower, leader] of FOLLOWERS) {
    if (kept[follower] !== undefined && kept[leader] !== undefined && values[follower] === values[leader])
      delete kept[follower]
  }
  return kept
}

/** Form values: the text of every field as the user typed it. */
export type PlanFormValues = Record<PlanField, string>

/**
 * The text a form shows for a valid input.
 *
 * @example
 * inputToFormValues(DEFAULT_INPUT).rps               //=> "5000"
 * inputToFormValues(DEFAULT_INPUT).budgetUsdPerMonth //=> ""
 */
export function inputToFormValues(input: PlanInput): PlanFormValues {
  const text = (field: PlanField): string => {
    if (field === "topology") return input.topology ? formatTopology(input.topology) : ""
    if (field === "endpoints") return input.endpoints ? formatEndpoints(input.endpoints) : ""
    // An optional field left out ("none") is an empty box, and no parameter in a URL.
    const value = input[field]
    return value === undefined ? "" : String(value)
  }
  return Object.fromEntries(PLAN_FIELDS.map((field) => [field, text(field)])) as PlanFormValues
}
