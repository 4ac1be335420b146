// Pure: no Next, no Node APIs, so proxy.ts, next.config.ts and the tests can all import it.

/** Headers every response carries: page, API and static files alike. */
export const COMMON_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // The page URL holds the whole plan (traffic, retention, service names): cited sources need none of it.
  { key: "Referrer-Policy", value: "no-referrer" },
  // Only features Chromium knows: it reports an unknown name as a console error.
  {
    key: "Permissions-Policy",
    value: "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  },
  // frame-ancestors 'none' for browsers that predate CSP level 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
]

/**
 * The policy for responses that are never rendered as a page (JSON, scripts, styles, icons):
 * nothing may load from them and nothing may frame them.
 */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'"

/**
 * The policy for the app's own static files. A Web Worker runs under the CSP of its own script's
 * response, and the import worker loads its code chunks with importScripts from this origin.
 */
export const STATIC_ASSET_CSP = "default-src 'none'; script-src 'self'; frame-ancestors 'none'"

export interface DocumentCspOptions {
  /** A fresh, unguessable value per response (base64). Next reads it back from the request's CSP header. */
  nonce: string
  /** `next dev` only: React rebuilds server error stacks with eval, and dev CSS arrives as un-nonced <style>. */
  isDev: boolean
}

/**
 * The Content-Security-Policy of an HTML page. Scripts run only with the response's nonce
 * (`'strict-dynamic'` lets those scripts load Next's chunks); `'unsafe-eval'` appears only in
 * development.
 *
 * style-src has no `'unsafe-inline'` in production. React and Recharts set styles through the
 * CSSOM (`element.style.height = …`, `Object.assign(span.style, …)`), which CSP does not govern;
 * only `style="…"` attributes in server-rendered HTML and `<style>` elements are checked, and
 * the page renders none without the nonce (chart placeholders size themselves with classes).
 * The e2e suite fails on any violation, so a new server-rendered `style={…}` is caught.
 *
 * No `upgrade-insecure-requests`: self-hosted copies are often served over plain http inside a
 * cluster, where it would send every asset request to a port that is not listening.
 *
 * @example
 * buildDocumentCsp({ nonce: "abc", isDev: false })
 * //=> "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'nonce-abc'; ..."
 */
export function buildDocumentCsp({ nonce, isDev }: DocumentCspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(isDev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    // The trace import parses files in a Web Worker from our own origin; 'strict-dynamic' in
    // script-src would otherwise decide for workers too and ignore 'self'.
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ]
  return directives.map((directive) => directive.join(" ")).join("; ")
}
