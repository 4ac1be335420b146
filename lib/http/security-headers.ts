// Pure: no Next, no Node APIs, so proxy.ts and the tests can import it. The fixed headers of
// every response (and the CSP of the API and static files) are in next.config.mjs.

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
