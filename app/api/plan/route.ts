import { buildPlan } from "@/lib/plan/build-plan"
import { parsePlanJson, parsePlanQuery, type ParseResult } from "@/lib/plan/parse"

function respond(parsed: ParseResult, cacheControl: string): Response {
  if (!parsed.success) {
    return Response.json({ error: parsed.error, issues: parsed.issues }, { status: 400, headers: { "Cache-Control": "no-store" } })
  }
  return Response.json(buildPlan(parsed.data), { headers: { "Cache-Control": cacheControl } })
}

/** `GET /api/plan?rps=5000&retentionDays=7`: the same query parameters as the page URL. */
export async function GET(request: Request): Promise<Response> {
  // A pure function of its query: safe to cache, short enough that a price update shows within the hour.
  return respond(parsePlanQuery(new URL(request.url).searchParams, { unknownKeys: "reject" }), "public, max-age=3600")
}

/** `POST /api/plan` with a JSON body of the same fields; missing fields take the defaults. */
export async function POST(request: Request): Promise<Response> {
  return respond(parsePlanJson(await request.text()), "no-store")
}
