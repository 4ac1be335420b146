// The planner's state and every way it changes, as pure functions: the page's client island
// (components/planner/planner.tsx) only dispatches and renders. This module ships with the page, so
// it imports no Zod, model or config writer: the validator and the model arrive on demand and are
// handed in with the actions that need them (`PlannerModel`).
import type { Plan } from "@/lib/plan/build-plan"
import type { ConfigId, ConfigResult } from "@/lib/configs/types"
import { DEFAULT_INPUT, FIELD_LABELS, type PlanField, type PlanInput } from "@/lib/plan/fields"
import {
  formValuesToShortQueryString,
  inputToFormValues,
  messagesByField,
  planToShortQueryString,
  withFollowers,
  withoutEchoedMessages,
  type PlanFormValues,
} from "@/lib/plan/form-values"
import type { ParseOptions, ParseResult } from "@/lib/plan/parse"

/** A message for each field whose text is invalid, by field. */
export type FieldMessages = Partial<Record<PlanField, string>>

/** What the planner shows: the form's text, its messages and the plan the results are for. */
export interface PlannerState {
  values: PlanFormValues
  errors: FieldMessages
  /** The last input that passed validation: results stay on it while a field is invalid. */
  input: PlanInput
  /** The plan for `input`. */
  plan: Plan
  /** Changed before the validator loaded (it loads with the first change): validated when it arrives. */
  pending: boolean
  /** The validator could not be loaded (offline, or a new deploy replaced its file); the next change tries again. */
  loadFailed: boolean
  /** The form's text before the last "Use this setting", while Undo can bring it back; undefined otherwise. */
  undoValues?: PlanFormValues
  /**
   * The state is a step of its own in the browser's history ("Use this setting", Reset): the
   * address bar gets a new entry, so Back returns to the plan before it. Otherwise it is rewritten.
   */
  newHistoryEntry?: boolean
}

/**
 * The validator and the model, which the browser loads on demand (components/planner/on-demand.ts)
 * and the reducer is handed; tests hand it the real ones.
 */
export interface PlannerModel {
  parsePlanInput: (raw: unknown, options: ParseOptions) => ParseResult
  buildPlan: (input: PlanInput) => Plan
}

/** The first config tab's snippet and which configs the opened plan can have, written by the server. */
export interface OpenedConfigs {
  first: ConfigResult
  available: Record<ConfigId, boolean>
}

/** Everything the page computes from its link before it renders (lib/planner/initial.ts). */
export interface PlannerStart {
  /** The planner's first state; `staleNotice` and `openedConfigs` compare later states with it. */
  state: PlannerState
  configs: OpenedConfigs
  /** The link's keys that were ignored but look like a field, named with the field they likely meant. */
  ignoredKeysNotice: string | undefined
  /** Set when the link points the exporters at a host outside the user's network that is no known vendor. */
  foreignEndpointNotice: string | undefined
}

/**
 * What can happen to the planner. `model` is the on-demand validator and model if they have
 * loaded (undefined: not yet, and the change waits for them).
 */
export type PlannerAction =
  | { type: "change"; changes: Partial<PlanFormValues>; model: PlannerModel | undefined }
  /** "Use this setting": a change that Undo can take back, and a step in the browser's history. */
  | { type: "apply"; changes: Partial<PlanFormValues>; model: PlannerModel | undefined }
  /** Back to the text before the last "Use this setting". */
  | { type: "undo"; model: PlannerModel | undefined }
  /** Every field back to its default: the plan of the bare page. */
  | { type: "reset"; model: PlannerModel | undefined }
  /** The text of a history entry the user went Back or Forward to. */
  | { type: "restore"; values: PlanFormValues; model: PlannerModel | undefined }
  | { type: "validatorLoaded"; model: PlannerModel }
  | { type: "validatorFailed" }

/**
 * The planner's next state. A change moves followers with their leader (the peak with requests/s)
 * and is validated and planned at once if the model has loaded, else marked pending; the pending
 * values are validated when the model arrives. A failed load keeps the results on the last plan
 * and leaves the change pending, so the next change tries again. "Use this setting" (`apply`)
 * remembers the text before it for `undo` until the next step; `reset` brings back the defaults.
 *
 * @example
 * const applied = plannerReducer(state, { type: "apply", changes: { ratio: "1" }, model })
 * plannerReducer(applied, { type: "undo", model }).values //=> { ...state.values }
 * plannerReducer(state, { type: "change", changes: { rps: "8000" }, model: { parsePlanInput, buildPlan } }).plan.input.rps
 * //=> 8000
 * plannerReducer(state, { type: "change", changes: { rps: "8000" }, model: undefined }).pending //=> true
 */
export function plannerReducer(state: PlannerState, action: PlannerAction): PlannerState {
  switch (action.type) {
    case "change":
      return validated(step(state), withFollowers(state.values, action.changes), action.model)
    case "apply":
      return validated(
        { ...state, undoValues: state.values, newHistoryEntry: true },
        withFollowers(state.values, action.changes),
        action.model
      )
    case "undo":
      // A copy: the text may be the page's first, and the address bar follows only text that changed.
      return state.undoValues ? validated(step(state), { ...state.undoValues }, action.model) : state
    case "reset":
      return validated({ ...step(state), newHistoryEntry: true }, DEFAULT_FORM_VALUES, action.model)
    case "restore":
      return validated(step(state), action.values, action.model)
    case "validatorLoaded":
      // A load started by an earlier change can land after a later change was validated already.
      return state.pending ? validated(state, state.values, action.model) : state
    case "validatorFailed":
      return { ...state, loadFailed: true }
  }
}

/** The default plan's form text: what Reset shows. */
const DEFAULT_FORM_VALUES: PlanFormValues = inputToFormValues(DEFAULT_INPUT)

/** `state` for an ordinary step: Undo no longer offered, the address bar rewritten in place. */
function step(state: PlannerState): PlannerState {
  return { ...state, undoValues: undefined, newHistoryEntry: false }
}

/**
 * `values` validated and planned, or marked pending (the typed text shows at once) while the
 * validator and the model load.
 */
function validated(state: PlannerState, values: PlanFormValues, model: PlannerModel | undefined): PlannerState {
  if (!model) return { ...state, values, pending: true }
  const parsed = model.parsePlanInput(values, { unknownKeys: "reject" })
  return parsed.success
    ? {
        ...state,
        values,
        errors: {},
        input: parsed.data,
        plan: model.buildPlan(parsed.data),
        pending: false,
        loadFailed: false,
      }
    : { ...state, values, errors: messagesByField(parsed.issues), pending: false, loadFailed: false }
}

/**
 * The short link's query string of what the form shows: the fields that differ from the defaults
 * (none for the default plan, whose link is the bare page), from the valid input, or from the text
 * as typed while a field is invalid (or not validated yet), so a reload shows the same text and the
 * same message.
 *
 * @example
 * planQuery(initialPlannerState({}).state) //=> ""
 * planQuery({ ...state, errors: { rps: "Enter a number." }, values: { ...state.values, rps: "5,000x", peakRps: "5,000x" } })
 * //=> "rps=5,000x"
 */
export function planQuery(state: PlannerState): string {
  const valid = !state.pending && Object.keys(state.errors).length === 0
  return valid ? planToShortQueryString(state.input) : formValuesToShortQueryString(state.values, { valid: false })
}

/**
 * Whether the address bar should follow the state: not before the first change (the page's own
 * link stays as it came) and not while a change waits for the validator.
 *
 * @example
 * shouldWriteQuery(start.state, start.state) //=> false
 */
export function shouldWriteQuery(state: PlannerState, initial: PlannerState): boolean {
  return state.values !== initial.values && !state.pending
}

/**
 * The messages the form shows: a typo mirrored into a following field (the peak, Dapr's rate) is
 * shown once, beside the field typed in.
 *
 * @example
 * shownErrors({ ...state, values: { ...state.values, rps: "x", peakRps: "x" }, errors: { rps: "…", peakRps: "…" } })
 * //=> { rps: "…" }
 */
export function shownErrors(state: Pick<PlannerState, "values" | "errors">): FieldMessages {
  return withoutEchoedMessages(state.values, state.errors)
}

/**
 * Why the results do not match the form, or undefined when they do. `initial` is the state the
 * page opened with: a link with invalid text was planned with those fields at their defaults, and
 * the results stay there until every field is valid.
 *
 * @example
 * staleNotice({ ...state, errors: { rps: "Enter a number." } }, initial)
 * //=> "Some fields need fixing; the results below are for the last valid plan."
 */
export function staleNotice(state: PlannerState, initial: PlannerState): string | undefined {
  if (state.loadFailed)
    return "The page could not load the code that recalculates (are you offline?): the results below are for the last plan it calculated. Your typing is kept; the next change tries again."
  // A typo mirrored into a follower is named once, as the form shows it once.
  const invalid = Object.keys(shownErrors(state)) as PlanField[]
  const defaulted = state.input === initial.input ? invalid.filter((field) => initial.errors[field] !== undefined) : []
  if (defaulted.length > 0)
    return `Some fields need fixing; until they are, the results below ${
      // Edited since: the results are still the opened link's, not what was typed after it.
      state.values === initial.values ? "use" : "are for the plan the page opened with, using"
    } the default for ${defaulted.map((field) => FIELD_LABELS[field]).join(", ")}.`
  if (invalid.length > 0) return "Some fields need fixing; the results below are for the last valid plan."
  return undefined
}

/**
 * The configs the server wrote while the results are still for the plan the page opened with,
 * else undefined (the config writers load on demand).
 *
 * @example
 * openedConfigs(start.state, start.state, start.configs) === start.configs //=> true
 */
export function openedConfigs(
  state: PlannerState,
  initial: PlannerState,
  configs: OpenedConfigs
): OpenedConfigs | undefined {
  return state.input === initial.input ? configs : undefined
}
