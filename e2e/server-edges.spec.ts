import { connect } from "node:net"

import { expect, test } from "@playwright/test"

// What scripts/serve.mjs answers before Next reads a request (scripts/edge.mjs), on the served app.

const NO_CONTENT_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
}

/** Sends raw bytes and resolves with the status line and headers of the first answer, and how long it took. */
function rawRequest(baseURL: string, bytes: string): Promise<{ head: string; milliseconds: number }> {
  const { hostname, port } = new URL(baseURL)
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = connect(Number(port), hostname, () => socket.write(bytes))
    let received = ""
    socket.setEncoding("latin1")
    socket.on("data", (chunk: string) => {
      received += chunk
      const end = received.indexOf("\r\n\r\n")
      if (end >= 0) {
        socket.destroy()
        resolve({ head: received.slice(0, end), milliseconds: Date.now() - started })
      }
    })
    socket.on("error", reject)
    socket.setTimeout(10_000, () => {
      socket.destroy()
      reject(new Error(`no answer within 10 s; got ${JSON.stringify(received)}`))
    })
  })
}

test.describe("answers before the app", () => {
  test("a page refuses a POST at once, without waiting for a body that never comes", async ({ baseURL }) => {
    // A client that declares 10 MB and sends 3 bytes: Next buffered such bodies before proxy.ts
    // answered, and held them until Node's 300 s request timeout.
    const { head, milliseconds } = await rawRequest(
      baseURL!,
      "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 10000000\r\n\r\nabc"
    )
    expect(head).toMatch(/^HTTP\/1\.1 405 /)
    expect(head).toMatch(/\r\nallow: GET, HEAD\r\n/i)
    expect(head).toMatch(/\r\nx-content-type-options: nosniff\r\n/i)
    expect(milliseconds).toBeLessThan(5000)
  })

  test("malformed percent-encoding, TRACE and doubled slashes get our answers and headers", async ({
    request,
    baseURL,
  }) => {
    const malformed = await request.get("/api/plan%")
    expect(malformed.status()).toBe(400)
    expect(malformed.headers()).toMatchObject(NO_CONTENT_HEADERS)
    expect((await malformed.json()).error).toMatch(/malformed percent-encoding/)

    const trace = await request.fetch("/api/plan", { method: "TRACE" })
    expect(trace.status()).toBe(405)
    expect(trace.headers()).toMatchObject({ ...NO_CONTENT_HEADERS, allow: "GET, HEAD, OPTIONS, POST" })

    const propfind = await request.fetch("/api/health", { method: "PROPFIND" })
    expect(propfind.status()).toBe(405)
    expect(propfind.headers()).toMatchObject(NO_CONTENT_HEADERS)

    // Raw: a client library would read //api as a host.
    const { head } = await rawRequest(baseURL!, "GET //api//plan/?rps=1 HTTP/1.1\r\nHost: localhost\r\n\r\n")
    expect(head).toMatch(/^HTTP\/1\.1 308 /)
    expect(head).toMatch(/\r\nlocation: \/api\/plan\?rps=1\r\n/i)
    expect(head).toMatch(/\r\ncontent-security-policy: default-src 'none'; frame-ancestors 'none'\r\n/i)
  })

  test("?__proto__=1 is an unknown field over HTTP too (Next's query object dropped it: 200)", async ({ request }) => {
    const response = await request.get("/api/plan?rps=2&__proto__=1")
    expect(response.status()).toBe(400)
    expect((await response.json()).error).toMatch(/^Unknown field "__proto__"/)
  })

  test("/api itself answers the API's JSON 404", async ({ request }) => {
    const response = await request.get("/api")
    expect(response.status()).toBe(404)
    expect(response.headers()["content-type"]).toBe("application/json")
    expect((await response.json()).error).toBe(
      "There is no API at /api. The API is GET or POST /api/plan, and GET /api/health."
    )
  })
})
