import { parsePlanJson, parsePlanQuery } from "@/lib/plan/parse"

import { queryOnPost, readBodyText, unsupportedMediaType } from "./read-body"
import { allowedMethods, methodNotAllowed, planResponse } from "./respond"

/** `GET /api/plan?rps=5000&retentionDays=7`: the same query parameters as the page URL. */
export async function GET(request: Request): Promise<Response> {
  // A pure function of its query: safe to cache, short enough that a price update shows within the hour.
  return planResponse(
    parsePlanQuery(new URL(request.url).searchParams, { unknownKeys: "reject" }),
    "public, max-age=3600"
  )
}

/**
 * `POST /api/plan` with a JSON body (at most 64 KB, Content-Type application/json) of the same
 * fields; missing fields take the defaults, and an empty body is the default plan.
 */
export async function POST(request: Request): Promise<Response> {
  const { search } = new URL(request.url)
  if (search !== "") return planResponse(queryOnPost(search), "no-store")
  const body = await readBodyText(request)
  if (!body.success) return planResponse(body, "no-store")
  const refused = body.text.trim() === "" ? undefined : unsupportedMediaType(request.headers.get("content-type"))
  return planResponse(refused ?? parsePlanJson(body.text), "no-store")
}

export const OPTIONS = allowedMethods
export const PUT = methodNotAllowed
export const PATCH = methodNotAllowed
export const DELETE = methodNotAllowed
