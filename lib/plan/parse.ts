import type { z } from "zod"

import { closestPlanField, DEFAULT_INPUT, PLAN_FIELDS, planInputSchema, type PlanField, type PlanInput } from "./schema"
import type { FieldIssue } from "./form-values"
import { jsonNestingDepth, MAX_JSON_DEPTH, repeatedJsonKeys } from "./json-keys"
import { parseTopology } from "./topology"

export {
  encodeQueryValue,
  inputToFormValues,
  messagesByField,
  planToQueryString,
  type FieldIssue,
  type PlanFormValues,
} from "./form-values"

export type ParseResult = { success: true; data: PlanInput } | { success: false; error: string; issues: FieldIssue[] }

export interface ParseOptions {
  /**
   * What to do with fields the plan does not know. The API rejects them (a typo such as
   * `retention=30` must not silently fall back to the default); the page ignores them
   * (links pick up tracking parameters).
   */
  unknownKeys: "reject" | "ignore"
}

/**
 * Unknown keys looked at for a suggestion and named in messages: a request with thousands of
 * them gets the first few and a count, not thousands of messages.
 */
export const MAX_UNKNOWN_KEYS_EXAMINED = 20

/** A key as a message quotes it: whole up to 60 characters, else its start and its length. */
function quotedKey(key: string): string {
  return key.length <= 60
    ? JSON.stringify(key)
    : `${JSON.stringify(key.slice(0, 40))}… (${key.length.toLocaleString("en-US")} characters)`
}

/** " (did you mean retentionDays?)" for a key that looks like a field, else nothing. */
function misspelling(key: string): string {
  const field = closestPlanField(key)
  return field ? ` (did you mean ${field}?)` : ""
}

/**
 * The keys of a link that are not plan fields but look like one, with the field each most likely
 * meant. The page ignores unknown keys (links pick up tracking parameters) and names these.
 *
 * @example
 * misspelledKeys({ retention: "30", rps: "5000", utm_source: "slack" }) //=> [{ key: "retention", field: "retentionDays" }]
 */
export function misspelledKeys(raw: Record<string, unknown>): { key: string; field: PlanField }[] {
  const unknown = Object.keys(raw).filter((key) => !(PLAN_FIELDS as readonly string[]).includes(key))
  return unknown.slice(0, MAX_UNKNOWN_KEYS_EXAMINED).flatMap((key) => {
    const field = closestPlanField(key)
    return field ? [{ key, field }] : []
  })
}

const SERVICE_KEYS = ["name", "internalSpans", "dbCalls", "cacheCalls", "outgoingCalls", "dapr"]

/**
 * The name of the request path's service at `index` in the raw input (text form or JSON list),
 * to say which service a message is about; undefined when it has none.
 */
function serviceName(rawTopology: unknown, index: number): string | undefined {
  const services =
    typeof rawTopology === "string" ? parseTopology(rawTopology) : { success: true as const, data: rawTopology }
  if (!services.success || !Array.isArray(services.data)) return undefined
  const name: unknown = (services.data[index] as { name?: unknown } | undefined)?.name
  return typeof name === "string" && name !== "" ? name : undefined
}

/** A message about one service of the request path, led by the service it is about. */
function serviceIssueMessage(issue: z.core.$ZodIssue, rawTopology: unknown, index: number): string {
  const name = serviceName(rawTopology, index)
  const service =
    name === undefined
      ? `Service ${index + 1}`
      : `Service ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}`
  const message =
    issue.code === "unrecognized_keys"
      ? `unknown ${issue.keys.length > 1 ? "parts" : "part"} ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}; a service has ${SERVICE_KEYS.join(", ")}.`
      : issue.message
  return `${service} on the request path: ${message}`
}

function toFieldIssues(error: z.ZodError, raw: Record<string, unknown>): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    const [field, index] = issue.path
    if (field === "topology" && typeof index === "number") {
      return [{ path: issue.path.map(String).join("."), message: serviceIssueMessage(issue, raw.topology, index) }]
    }
    if (issue.code === "unrecognized_keys") {
      const named = issue.keys.slice(0, MAX_UNKNOWN_KEYS_EXAMINED).map((key) => ({
        path: key,
        message: `Unknown field ${quotedKey(key)}${misspelling(key)}. Known fields: ${PLAN_FIELDS.join(", ")}.`,
      }))
      const more = issue.keys.length - named.length
      return more > 0
        ? [
            ...named,
            {
              path: "",
              message: `And ${more.toLocaleString("en-US")} more unknown ${more === 1 ? "field" : "fields"}.`,
            },
          ]
        : named
    }
    return [{ path: issue.path.map(String).join("."), message: issue.message }]
  })
}

function summarize(issues: FieldIssue[]): string {
  const first = issues[0]
  if (!first) return "The plan is invalid."
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""
  return `${first.message}${more}`
}

/**
 * Validates a plan's raw input (JSON body, form values or query parameters as a record).
 * Missing fields take the defaults. Never throws.
 *
 * @example
 * parsePlanInput({ rps: "10000", ratio: "0.01" }, { unknownKeys: "reject" })
 * //=> { success: true, data: { rps: 10000, peakRps: 10000, ratio: 0.01, ... } }
 * parsePlanInput({ rps: "-5" }, { unknownKeys: "reject" })
 * //=> { success: false, error: "Requests per second must be greater than 0.", issues: [{ path: "rps", ... }] }
 */
export function parsePlanInput(raw: unknown, options: ParseOptions): ParseResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    const issues = [{ path: "", message: 'The plan must be a JSON object of fields, e.g. {"rps": 5000}.' }]
    return { success: false, error: summarize(issues), issues }
  }
  const record =
    options.unknownKeys === "ignore"
      ? Object.fromEntries(Object.entries(raw).filter(([key]) => (PLAN_FIELDS as readonly string[]).includes(key)))
      : raw
  const result = planInputSchema.safeParse(record)
  if (result.success) return { success: true, data: result.data }
  const issues = toFieldIssues(result.error, record as Record<string, unknown>)
  return { success: false, error: summarize(issues), issues }
}

/**
 * Parses a JSON request body into a plan input. An empty body means "all defaults"; text that is
 * not JSON is reported with the parser's reason, and a key given twice in one object is named.
 *
 * @example
 * parsePlanJson('{"rps": 10000}').success //=> true
 * parsePlanJson("{rps: 1}")               //=> { success: false, error: "The request body is not valid JSON: ...", ... }
 * parsePlanJson('{"rps": 1, "rps": 2}')   //=> { success: false, error: '"rps" appears 2 times in the JSON body; give it once.', ... }
 */
export function parsePlanJson(text: string): ParseResult {
  if (text.trim() === "") return parsePlanInput({}, { unknownKeys: "reject" })
  const depth = jsonNestingDepth(text)
  if (depth > MAX_JSON_DEPTH) {
    const message = `The request body nests ${depth.toLocaleString("en-US")} levels deep; a plan nests at most 3 ({"topology": [{"name": …}]}), and bodies past ${MAX_JSON_DEPTH} are refused.`
    const issues = [{ path: "", message }]
    return { success: false, error: summarize(issues), issues }
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const issues = [{ path: "", message: `The request body is not valid JSON: ${reason}` }]
    return { success: false, error: summarize(issues), issues }
  }
  // JSON.parse keeps the last of a repeated key; the URL refuses a repeated field, and so does the body.
  const repeated = repeatedJsonKeys(text)
  if (repeated.length > 0) {
    const issues = repeated.map(({ objectPath, key, times }) => ({
      path: objectPath === "" ? key : `${objectPath}.${key}`,
      message: `"${key}" appears ${times} times in the JSON body${objectPath === "" ? "" : ` (in ${objectPath})`}; give it once.`,
    }))
    return { success: false, error: summarize(issues), issues }
  }
  return parsePlanInput(body, { unknownKeys: "reject" })
}

/**
 * Reads query parameters into a record for {@link parsePlanInput}. A field given twice is
 * reported instead of guessing which one was meant.
 *
 * @example
 * searchParamsToRecord(new URLSearchParams("rps=10&rps=20"))
 * //=> { success: false, error: "\"rps\" appears 2 times in the URL; give it once.", issues: [...] }
 */
export function searchParamsToRecord(
  params: URLSearchParams
): { success: true; data: Record<string, string> } | { success: false; error: string; issues: FieldIssue[] } {
  // No prototype: "__proto__=1" is then a key like any other (and an unknown field), not a setter.
  const data: Record<string, string> = Object.create(null)
  const issues: FieldIssue[] = []
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    if (values.length > 1) {
      issues.push({ path: key, message: `"${key}" appears ${values.length} times in the URL; give it once.` })
    }
    data[key] = values[0] ?? ""
  }
  if (issues.length > 0) return { success: false, error: summarize(issues), issues }
  return { success: true, data }
}

/**
 * Parses page or API query parameters into a plan input.
 *
 * @example
 * parsePlanQuery(new URLSearchParams("rps=10000"), { unknownKeys: "reject" }).success //=> true
 */
export function parsePlanQuery(params: URLSearchParams, options: ParseOptions): ParseResult {
  const record = searchParamsToRecord(params)
  return record.success ? parsePlanInput(record.data, options) : record
}

/**
 * The best valid input a possibly broken record allows: fields that fail validation fall back to
 * their defaults, so a shared link with one bad value still shows a plan (and the message).
 *
 * @example
 * salvagePlanInput({ rps: "abc", retentionDays: "30" }).retentionDays //=> 30
 * salvagePlanInput({ rps: "abc", retentionDays: "30" }).rps           //=> 5000
 */
export function salvagePlanInput(record: Record<string, unknown>): PlanInput {
  let remaining: Record<string, unknown> = { ...record }
  for (let attempt = 0; attempt <= PLAN_FIELDS.length; attempt++) {
    const result = parsePlanInput(remaining, { unknownKeys: "ignore" })
    if (result.success) return result.data
    const failed = new Set(result.issues.map((issue) => issue.path))
    remaining = Object.fromEntries(Object.entries(remaining).filter(([key]) => !failed.has(key)))
  }
  return DEFAULT_INPUT
}
