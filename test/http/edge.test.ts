import { describe, expect, it } from "vitest"

import { edgeAnswer, SERVER_TIMEOUTS } from "../../scripts/edge.mjs"

// scripts/serve.mjs answers these before Next reads the request; e2e/server-edges.spec.ts checks
// the served app does.

describe("edgeAnswer", () => {
  it("hands ordinary requests to Next", () => {
    for (const [method, url] of [
      ["GET", "/?rps=5000"],
      ["HEAD", "/"],
      ["GET", "/api/plan?rps=1"],
      ["POST", "/api/plan"],
      ["PUT", "/api/plan"],
      ["OPTIONS", "/api/plan"],
      ["GET", "/_next/static/chunks/a.js"],
      ["GET", "/?q=%E2%9C%93"],
    ]) {
      expect(edgeAnswer(method!, url!), `${method} ${url}`).toBeNull()
    }
  })

  it("refuses a page's other methods with 405 and Allow, without the body", () => {
    const refused = edgeAnswer("POST", "/")
    expect(refused).toMatchObject({
      status: 405,
      headers: { Allow: "GET, HEAD", Connection: "close", "X-Content-Type-Options": "nosniff" },
    })
    expect(refused?.body).toBe("POST is not supported here; pages are read with GET.\n")
    expect(edgeAnswer("PROPFIND", "/about")?.status).toBe(405)
  })

  it("refuses TRACE and CONNECT everywhere, and methods the API does not route, as JSON", () => {
    expect(edgeAnswer("TRACE", "/api/plan")).toMatchObject({ status: 405, headers: { Allow: expect.any(String) } })
    expect(JSON.parse(edgeAnswer("PROPFIND", "/api/plan")?.body ?? "")).toEqual({
      error: "PROPFIND is not supported here; use GET with query parameters or POST with a JSON body.",
      issues: [
        {
          path: "",
          message: "PROPFIND is not supported here; use GET with query parameters or POST with a JSON body.",
        },
      ],
    })
    expect(edgeAnswer("PROPFIND", "/api/health")?.headers.Allow).toBe("GET, HEAD")
  })

  it("answers 400 for a path whose percent-encoding does not decode (Next answered 500)", () => {
    for (const url of ["/api/plan%", "/%ff", "/api/%E2%9C"]) {
      expect(edgeAnswer("GET", url)?.status, url).toBe(400)
    }
    expect(edgeAnswer("GET", "/api/plan%")?.headers["Content-Type"]).toBe("application/json")
  })

  it("redirects doubled slashes to the same site, keeping the query", () => {
    expect(edgeAnswer("GET", "//evil.example/x?rps=1")).toMatchObject({
      status: 308,
      headers: {
        Location: "/evil.example/x?rps=1",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      },
    })
  })

  it("refuses __proto__ in the API's query, which Next's query object would drop unseen", () => {
    expect(edgeAnswer("GET", "/api/plan?rps=2&__proto__=1")).toMatchObject({ status: 400 })
    expect(edgeAnswer("GET", "/api/plan?%5F%5Fproto%5F%5F=1")?.status).toBe(400)
    expect(edgeAnswer("GET", "/api/plan?proto=1")).toBeNull()
    expect(edgeAnswer("GET", "/?__proto__=1")).toBeNull()
  })

  it("redirects a trailing slash before Next reads the body, for any method", () => {
    expect(edgeAnswer("POST", "/api/plan/")).toMatchObject({ status: 308, headers: { Location: "/api/plan" } })
    expect(edgeAnswer("GET", "/api/plan/?rps=1")?.headers.Location).toBe("/api/plan?rps=1")
    expect(edgeAnswer("GET", "//a//b/")?.headers.Location).toBe("/a/b")
    expect(edgeAnswer("GET", "/")).toBeNull()
  })

  it("gives a calculator's timeouts, seconds not Node's five minutes", () => {
    expect(SERVER_TIMEOUTS).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000 })
  })
})
