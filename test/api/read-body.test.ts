import { describe, expect, it } from "vitest"

import { MAX_BODY_BYTES, readBodyText } from "@/app/api/plan/read-body"

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/plan", { method: "POST", body, headers, duplex: "half" } as RequestInit)

/** A body of endless 16 KB chunks, streamed without a Content-Length, that counts what was pulled. */
function endlessBody() {
  const pulled = { chunks: 0 }
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulled.chunks++
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20))
      },
    },
    { highWaterMark: 0 }
  )
  return { stream, pulled }
}

describe("readBodyText", () => {
  it("reads a small body as text", async () => {
    expect(await readBodyText(post('{"rps": 10}'))).toEqual({ success: true, text: '{"rps": 10}' })
  })

  it("reads a missing body as empty text", async () => {
    expect(await readBodyText(new Request("http://localhost/api/plan", { method: "POST" }))).toEqual({
      success: true,
      text: "",
    })
  })

  it("accepts a body of exactly 64 KB", async () => {
    const result = await readBodyText(post(" ".repeat(65_536)))
    expect(result.success && result.text.length).toBe(65_536)
  })

  it("refuses a body one byte over 64 KB", async () => {
    expect(await readBodyText(post(" ".repeat(65_537)))).toEqual({
      success: false,
      status: 413,
      error: "The request body is larger than 65,536 bytes; a plan needs a few KB at most.",
      issues: [{ path: "", message: "The request body is larger than 65,536 bytes; a plan needs a few KB at most." }],
    })
  })

  it("counts bytes, not characters", async () => {
    // 30,000 × "é" is 60,000 bytes of UTF-8 and fits; 33,000 is 66,000 bytes and does not.
    expect((await readBodyText(post("é".repeat(30_000)))).success).toBe(true)
    expect((await readBodyText(post("é".repeat(33_000)))).success).toBe(false)
  })

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, pulled } = endlessBody()
    const result = await readBodyText(post(stream, { "content-length": "1000000" }))
    expect(result.success ? 200 : result.status).toBe(413)
    expect(pulled.chunks).toBe(0)
  })

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { stream, pulled } = endlessBody()
    const result = await readBodyText(post(stream))
    expect(result.success ? 200 : result.status).toBe(413)
    // Four 16 KB chunks fill the 64 KB; the fifth passes it and ends the read.
    expect(pulled.chunks).toBe(5)
  })

  it("answers 400 for bytes that are not UTF-8", async () => {
    const result = await readBodyText(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))
    expect(result).toMatchObject({ success: false, status: 400, error: "The request body is not UTF-8 text." })
  })

  it("takes its limit as an argument", async () => {
    expect(MAX_BODY_BYTES).toBe(65_536)
    expect((await readBodyText(post("12345"), 4)).success).toBe(false)
  })
})
