// @ts-check
// What the served app answers before Next reads a request: the refusals Next would otherwise make
// late (after buffering a page request's body) or without our headers. Pure: method and raw URL in,
// an answer or null (hand the request to Next) out. scripts/serve.mjs applies it.
import { COMMON_SECURITY_HEADERS } from "../next.config.mjs"

/** The policy of an answer with nothing to load. */
const NO_CONTENT_CSP = "default-src 'none'; frame-ancestors 'none'"

/** Methods each kind of path answers; anything else is refused here, body unread. */
const PAGE_METHODS = ["GET", "HEAD"]
const PLAN_API_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]
/** Never answered anywhere: TRACE echoes the request (Next answered it with a 500), CONNECT tunnels. */
const NEVER = new Set(["TRACE", "CONNECT"])

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} EdgeAnswer
 */

/**
 * @param {number} status
 * @param {Record<string, string>} extra
 * @param {string} body
 * @param {"json" | "text"} kind
 * @returns {EdgeAnswer}
 */
function answer(status, extra, body, kind) {
  return {
    status,
    headers: {
      ...Object.fromEntries(COMMON_SECURITY_HEADERS.map(({ key, value }) => [key, value])),
      "Content-Security-Policy": NO_CONTENT_CSP,
      "Cache-Control": "no-store",
      "Content-Type": kind === "json" ? "application/json" : "text/plain; charset=utf-8",
      // The body, if any, is never read: close rather than drain it for a next request.
      Connection: "close",
      ...extra,
    },
    body,
  }
}

/**
 * @param {number} status
 * @param {string} message
 * @param {boolean} isApi
 * @param {Record<string, string>} [extra]
 */
function refusal(status, message, isApi, extra = {}) {
  return isApi
    ? answer(status, extra, JSON.stringify({ error: message, issues: [{ path: "", message }] }), "json")
    : answer(status, extra, `${message}\n`, "text")
}

/**
 * The answer the server gives before Next, or null to let Next answer.
 * - A page (or a static file) with any method but GET and HEAD: 405, without reading the body
 *   (Next buffered up to 10 MB of it before proxy.ts could refuse, and held it while a client stalled).
 * - TRACE and CONNECT anywhere, and a method `/api/plan` does not route: 405 with what it allows.
 * - `__proto__` in /api/plan's query: 400, as for any unknown field (Next's query object drops it).
 * - A path whose percent-encoding does not decode (`/api/plan%`, `/%ff`): 400 (Next answered 500).
 * - A path with doubled slashes or a trailing slash: 308 to the canonical path, with our headers
 *   (Next's own redirect had none; proxy.ts's came after Next had buffered the body).
 *
 * @param {string} method
 * @param {string} rawUrl the request target as sent, e.g. "/api/plan?rps=1"
 * @returns {EdgeAnswer | null}
 *
 * @example
 * edgeAnswer("GET", "/?rps=5000")   //=> null
 * edgeAnswer("POST", "/")?.status   //=> 405
 * edgeAnswer("GET", "/api/plan%")?.status //=> 400
 */
export function edgeAnswer(method, rawUrl) {
  const queryAt = rawUrl.search(/[?#]/)
  const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt)
  const query = queryAt < 0 ? "" : rawUrl.slice(queryAt)
  const isApi = path === "/api" || path.startsWith("/api/")
  const isPlanApi = path === "/api/plan" || path === "/api/plan/"

  // What a path really serves: /api/plan's PUT, PATCH and DELETE only answer 405 themselves.
  const allow = isPlanApi ? "GET, HEAD, OPTIONS, POST" : PAGE_METHODS.join(", ")
  if (NEVER.has(method)) {
    return refusal(405, `${method} is not supported here.`, isApi, { Allow: allow })
  }
  if (!isApi && !PAGE_METHODS.includes(method)) {
    return refusal(405, `${method} is not supported here; pages are read with GET.`, false, {
      Allow: PAGE_METHODS.join(", "),
    })
  }
  if (isApi && !PLAN_API_METHODS.includes(method)) {
    // PROPFIND and the like: Next answered 400 without our headers.
    const message = isPlanApi
      ? `${method} is not supported here; use GET with query parameters or POST with a JSON body.`
      : `${method} is not supported here.`
    return refusal(405, message, true, { Allow: allow })
  }
  try {
    decodeURIComponent(path)
  } catch {
    return refusal(400, "The path has a malformed percent-encoding (a % must start %XX of a UTF-8 character).", isApi)
  }
  if (isPlanApi && new URLSearchParams(query.replace(/#.*$/, "")).has("__proto__")) {
    // Next reads the query into a plain object, where "__proto__" sets the prototype and vanishes:
    // the route never saw the key and answered 200, where POST and ?constructor=1 answer 400.
    return refusal(400, 'Unknown field "__proto__"; it is no field of the plan (see docs/api.md for the fields).', true)
  }
  // One redirect for doubled slashes and a trailing one, before Next: its own 308 for `//x` carried
  // none of our headers, and proxy.ts's for `/api/plan/` came after Next had buffered the body.
  const canonical = path.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1")
  if (canonical !== path) {
    // Only a path: a Location of //host would send the browser to another site.
    return refusal(308, `Moved to ${canonical}.`, isApi, { Location: `${canonical}${query}` })
  }
  return null
}

/**
 * Timeouts for a calculator (seconds, not Node's 300 s default): a request's headers must arrive
 * within `headersTimeoutMs` and the whole request, body included (at most 64 KB), within
 * `requestTimeoutMs`, so a stalled client holds a connection briefly.
 */
export const SERVER_TIMEOUTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000 }
