import { NextResponse, type NextRequest } from "next/server"

import { buildDocumentCsp } from "@/lib/http/security-headers"

/** The policy of an answer with nothing to load: a redirect or a refusal. */
const NO_CONTENT_CSP = "default-src 'none'; frame-ancestors 'none'"

/**
 * Gives every page a fresh nonce and the CSP that names it. Next reads the nonce from the
 * request's CSP header and puts it on its own scripts. API and static responses get their
 * (fixed) headers from next.config.mjs instead: they need no nonce, and running Proxy on the API
 * would make Next buffer request bodies before the route can refuse an oversized one.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const isPage = !pathname.startsWith("/api/") && !pathname.startsWith("/_next/")
  // Pages are read, never written: PUT, DELETE or PROPFIND on one got the page with a 200.
  if (isPage && request.method !== "GET" && request.method !== "HEAD") {
    return new NextResponse(null, {
      status: 405,
      headers: { Allow: "GET, HEAD", "Content-Security-Policy": NO_CONTENT_CSP },
    })
  }
  // Next's own trailing-slash redirect (turned off in next.config.mjs) answers before any header
  // is added; this one carries them all.
  if (pathname.length > 1 && pathname.endsWith("/")) {
    // A plain URL: NextURL would write the slash back.
    const url = new URL(request.url)
    url.pathname = pathname.replace(/\/+$/, "") || "/"
    const response = NextResponse.redirect(url, 308)
    response.headers.set("Content-Security-Policy", NO_CONTENT_CSP)
    return response
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64")
  const csp = buildDocumentCsp({ nonce, isDev: process.env.NODE_ENV === "development" })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set("Content-Security-Policy", csp)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set("Content-Security-Policy", csp)
  return response
}

export const config = {
  // Keep in step with NON_DOCUMENT_SOURCES in next.config.mjs: every path gets exactly one CSP.
  matcher: ["/((?!api/|api$|_next/).*)", "/(api|_next)/(.*)/"],
}
