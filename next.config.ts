import type { NextConfig } from "next"

import { COMMON_SECURITY_HEADERS, NON_DOCUMENT_CSP, STATIC_ASSET_CSP } from "./lib/http/security-headers"

/** Paths that are never an HTML page, with their policy; proxy.ts gives every other path its nonce-based CSP. */
const NON_DOCUMENT_SOURCES = [
  { source: "/api/:path*", csp: NON_DOCUMENT_CSP },
  { source: "/_next/:path*", csp: STATIC_ASSET_CSP },
]

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: [...COMMON_SECURITY_HEADERS] },
      ...NON_DOCUMENT_SOURCES.map(({ source, csp }) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: csp }],
      })),
    ]
  },
}

export default nextConfig
