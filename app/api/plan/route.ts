import { parsePlanJson, parsePlanQuery } from "@/lib/plan/parse"

import { queryOnPost, readBodyText } from "./read-body"
import { allowedMethods, methodNotAllowed, planResponse } from "./respond"

/** `GET /api/plan?rps=5000&retentionDays=7`: the same query parameters as the page URL. */
export async function GET(request: Request): Promise<Response> {
  // A pure function of its query: safe to cache, short enough that a price update shows within the hour.
  return planResponse(
    parsePlanQuery(new URL(request.url).searchParams, { unknownKeys: "reject" }),
    "public, max-age=3600"
  )
}

/** `POST /api/plan` with a JSON body (at most 64 KB) of the same fields; missing fields take the defaults. */
export async function POST(request: Request): Promise<Response> {
  const { search } = new URL(request.url)
  if (search !== "") return planResponse(queryOnPost(search), "no-store")
  const body = await readBodyText(request)
  return planResponse(body.success ? parsePlanJson(body.text) : body, "no-store")
}

export const OPTIONS = allowedMethods
export const PUT = methodNotAllowed
export const PATCH = methodNotAllowed
export const DELETE = methodNotAllowed
