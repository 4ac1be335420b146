// @ts-check
// Fixed security headers live here, where Next serves them from; each HTML page gets its own
// nonce-based Content-Security-Policy from proxy.ts (lib/http/security-headers.ts builds it).
// e2e/security.spec.ts checks the headers on real responses: page, API and static files; docs/api.md
// lists them, with what answers before the app.

/** Headers every response carries: page, API and static files alike (scripts/edge.mjs's answers too). */
export const COMMON_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // The page URL holds the whole plan (traffic, retention, service names): cited sources need none of it.
  { key: "Referrer-Policy", value: "no-referrer" },
  // Only features Chromium knows: it reports an unknown name as a console error.
  {
    key: "Permissions-Policy",
    value:
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  },
  // frame-ancestors 'none' for browsers that predate CSP level 2.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
]

/**
 * Paths that are never an HTML page, with their policy; proxy.ts gives every other path its
 * nonce-based CSP (its matcher leaves out exactly these, so every path gets one CSP).
 */
const NON_DOCUMENT_SOURCES = [
  // JSON: nothing may load from it and nothing may frame it.
  { source: "/api/:path*", csp: "default-src 'none'; frame-ancestors 'none'" },
  // The app's own static files. A Web Worker runs under the CSP of its own script's response,
  // and the import worker loads its code chunks with importScripts from this origin.
  { source: "/_next/:path*", csp: "default-src 'none'; script-src 'self'; frame-ancestors 'none'" },
]

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // proxy.ts redirects /path/ to /path itself, with the security headers Next's redirect lacks.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_SECURITY_HEADERS },
      ...NON_DOCUMENT_SOURCES.map(({ source, csp }) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: csp }],
      })),
    ]
  },
}

export default nextConfig
