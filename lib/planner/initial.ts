// The planner's first state, from the page's link. It runs on the server (app/page.tsx), so it may
// use the validator, the model and the config writers; the browser never imports this module.
import { FIRST_CONFIG_TAB } from "@/lib/configs/types"
import { buildPlan } from "@/lib/plan/build-plan"
import { FOLLOWERS, PLAN_FIELDS, type PlanField } from "@/lib/plan/fields"
import { withoutNulCharacters } from "@/lib/plan/form-values"
import {
  inputToFormValues,
  messagesByField,
  misspelledKeys,
  parsePlanInput,
  salvagePlanInput,
  searchParamsToRecord,
} from "@/lib/plan/parse"
import { configAvailabilityFor, configFor } from "@/lib/configs/plan-configs"
import { foreignExportHost } from "@/lib/plan/receivers"
import { foreignEndpointQuestion } from "@/lib/plan/text/endpoint"

import type { PlannerStart, PlannerState } from "./state"

/** A page's search parameters as Next hands them over: a key given twice holds an array. */
export type PageSearchParams = Record<string, string | string[] | undefined>

/** Next's search parameters back as a URLSearchParams, repeated keys kept so they can be reported. */
function toURLSearchParams(searchParams: PageSearchParams): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : [value ?? ""]) params.append(key, item)
  }
  return params
}

/**
 * Everything the page shows before the first change, from its link: the form's text, the
 * messages for invalid fields, the plan, the first config tab's snippet, which configs the plan
 * can have, and the keys that look like a misspelled field. A broken link still shows a plan: the
 * good fields are kept and the bad ones planned at their defaults, shown as typed with their
 * message.
 *
 * @example
 * initialPlannerState({ rps: "abc", retentionDays: "30" }).state.values.rps  //=> "abc"
 * initialPlannerState({ rps: "abc", retentionDays: "30" }).state.input.rps   //=> 5000
 * initialPlannerState({ rps: "abc", retentionDays: "30" }).state.input.retentionDays //=> 30
 */
export function initialPlannerState(searchParams: PageSearchParams): PlannerStart {
  const record = searchParamsToRecord(toURLSearchParams(searchParams))
  const raw = record.success ? withFollowersFilledIn(withoutNulCharacters(record.data)) : {}
  const parsed = record.success ? parsePlanInput(raw, { unknownKeys: "ignore" }) : record
  const input = parsed.success ? parsed.data : salvagePlanInput(raw)
  const values = { ...inputToFormValues(input) }
  if (!parsed.success) {
    for (const field of PLAN_FIELDS) if (typeof raw[field] === "string") values[field] = raw[field]
  }
  const plan = buildPlan(input)
  return {
    state: {
      values,
      errors: parsed.success ? {} : messagesByField(parsed.issues),
      input,
      plan,
      pending: false,
      loadFailed: false,
    },
    configs: { first: configFor(plan, FIRST_CONFIG_TAB), available: configAvailabilityFor(plan) },
    // Unknown keys are ignored (links pick up tracking parameters); ones that look like a field are named.
    ignoredKeysNotice: ignoredKeysNotice(misspelledKeys(raw), values),
    // Asked only when the link itself set the endpoint: the user typing one knows whose it is.
    foreignEndpointNotice:
      typeof raw.otlpEndpoint === "string" && foreignExportHost(input) !== undefined
        ? foreignEndpointQuestion(input.otlpEndpoint, "link")
        : undefined,
  }
}

/**
 * A short link leaves out a follower that mirrors its leader (the peak equal to requests/s): fill
 * it in from the leader's text, so the plan is the same and a typo in the leader shows in both
 * fields, with the same messages, as in the form the link was written from.
 */
function withFollowersFilledIn(raw: Record<string, string>): Record<string, string> {
  const filled = { ...raw }
  for (const [follower, leader] of FOLLOWERS)
    if (filled[follower] === undefined && typeof filled[leader] === "string") filled[follower] = filled[leader]
  return filled
}

/** The notice naming each misspelled key with the field it likely meant and the value planned. */
function ignoredKeysNotice(
  misspelled: { key: string; field: PlanField }[],
  values: PlannerState["values"]
): string | undefined {
  if (misspelled.length === 0) return undefined
  return misspelled
    .map(
      ({ key, field }) =>
        `The link's ${key}= is not a field and was ignored: did you mean ${field}? The plan below uses ${field}=${values[field]}.`
    )
    .join(" ")
}
