import { describe, expect, it } from "vitest"

import { buildDocumentCsp } from "@/lib/http/security-headers"

describe("buildDocumentCsp", () => {
  it("allows scripts and styles only with the response's nonce in production", () => {
    expect(buildDocumentCsp({ nonce: "bm9uY2U=", isDev: false })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'; style-src 'self' 'nonce-bm9uY2U='; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'"
    )
  })

  it("adds eval and inline styles in development only", () => {
    const csp = buildDocumentCsp({ nonce: "bm9uY2U=", isDev: true })
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic' 'unsafe-eval';")
    expect(csp).toContain("style-src 'self' 'unsafe-inline';")
  })
})
