import { planDocument } from "@/lib/configs/plan-configs"
import type { ParseResult } from "@/lib/plan/parse"
import type { PlanInput } from "@/lib/plan/fields"

import type { BodyFailure } from "./read-body"

/** Methods /api/plan answers; HEAD comes from GET. */
export const ALLOWED_METHODS = "GET, HEAD, OPTIONS, POST"

const NO_STORE = { "Cache-Control": "no-store" }

/**
 * The plan for valid input, else the problems as JSON. Errors are never cached: the same URL may
 * be fixed by a deploy, and a 413 says nothing about the URL.
 *
 * @example
 * planResponse(parsePlanQuery(new URLSearchParams("rps=10"), { unknownKeys: "reject" }), "public, max-age=3600").status //=> 200
 */
export function planResponse(parsed: ParseResult | BodyFailure, cacheControl: string): Response {
  if (!parsed.success) {
    const status = "status" in parsed ? parsed.status : 400
    return Response.json({ error: parsed.error, issues: parsed.issues }, { status, headers: NO_STORE })
  }
  return new Response(recentPlan(parsed.data).bytes, {
    headers: { "Content-Type": "application/json", "Cache-Control": cacheControl },
  })
}

/** Recently answered plans (with their configs) as JSON text and its UTF-8 bytes. */
const recentPlans = new Map<string, { text: string; bytes: Uint8Array<ArrayBuffer> }>()
export const RECENT_PLANS_KEPT = 256
const utf8 = new TextEncoder()

/**
 * The plan for a normalized input as JSON, from the small least-recently-used memo when the same
 * input was answered before. A plan is a pure function of its input, so a repeat (a shared link, a
 * CI job) costs neither the model nor the encoding again.
 */
function recentPlan(input: PlanInput): { text: string; bytes: Uint8Array<ArrayBuffer> } {
  const key = JSON.stringify(input)
  const cached = recentPlans.get(key)
  if (cached !== undefined) {
    // Re-insert so the Map's order stays least-recently-used first.
    recentPlans.delete(key)
    recentPlans.set(key, cached)
    return cached
  }
  const text = JSON.stringify(planDocument(input))
  const entry = { text, bytes: utf8.encode(text) }
  recentPlans.set(key, entry)
  if (recentPlans.size > RECENT_PLANS_KEPT) recentPlans.delete(recentPlans.keys().next().value as string)
  return entry
}

/**
 * The plan for a normalized input as JSON text, exactly what the API answers.
 *
 * @example
 * planJson(DEFAULT_INPUT) === JSON.stringify(planDocument(DEFAULT_INPUT)) //=> true
 */
export function planJson(input: PlanInput): string {
  return recentPlan(input).text
}

/**
 * The 405 answer for a method the plan API does not take, naming those it does.
 *
 * @example
 * methodNotAllowed(new Request("http://x/api/plan", { method: "PUT" })).headers.get("allow") //=> "GET, HEAD, OPTIONS, POST"
 */
export function methodNotAllowed(request: Request): Response {
  const message = `${request.method} is not supported here; use GET with query parameters or POST with a JSON body.`
  return Response.json(
    { error: message, issues: [{ path: "", message }] },
    { status: 405, headers: { ...NO_STORE, Allow: ALLOWED_METHODS } }
  )
}

/**
 * The answer to OPTIONS. Next would write its own, but it would list the methods above that only
 * answer 405.
 *
 * @example
 * allowedMethods().headers.get("allow") //=> "GET, HEAD, OPTIONS, POST"
 */
export function allowedMethods(): Response {
  return new Response(null, { status: 204, headers: { Allow: ALLOWED_METHODS } })
}
