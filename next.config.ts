import type { NextConfig } from "next"

import { COMMON_SECURITY_HEADERS, NON_DOCUMENT_CSP } from "./lib/http/security-headers"

/** Paths that are never an HTML page; proxy.ts gives every other path its nonce-based CSP. */
const NON_DOCUMENT_SOURCES = ["/api/:path*", "/_next/:path*"]

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: [...COMMON_SECURITY_HEADERS] },
      ...NON_DOCUMENT_SOURCES.map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: NON_DOCUMENT_CSP }],
      })),
    ]
  },
}

export default nextConfig
