import { describe, expect, it } from "vitest"

import { checkEncoding } from "@/lib/import"

const UTF16 = { success: false, error: "the file is UTF-16: save it as UTF-8" }
const BINARY = { success: false, error: "this is a binary file, not a JSON trace export" }
const utf8 = (text: string) => new TextEncoder().encode(text)
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, "utf16le"))

describe("checkEncoding", () => {
  it("accepts UTF-8 JSON, with a byte order mark or characters beyond ASCII", () => {
    expect(checkEncoding(utf8('{"data": []}'))).toEqual({ success: true })
    expect(checkEncoding(utf8('\uFEFF{"resourceSpans": [{"name": "café 🙂"}]}'))).toEqual({ success: true })
    expect(checkEncoding(new Uint8Array())).toEqual({ success: true })
  })

  it("accepts a multi-byte character cut by the end of the head", () => {
    const bytes = utf8('{"name": "🙂"}')
    expect(checkEncoding(bytes.subarray(0, 12))).toEqual({ success: true })
  })

  it("spots UTF-16 by its byte order mark, either way round", () => {
    expect(checkEncoding(new Uint8Array([0xff, 0xfe, ...utf16le('{"data": []}')]))).toEqual(UTF16)
    expect(checkEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]))).toEqual(UTF16)
  })

  it("spots UTF-16 without a byte order mark by a NUL in every other byte", () => {
    expect(checkEncoding(utf16le('{"resourceSpans": []}'))).toEqual(UTF16)
    const bigEndian = utf16le('{"resourceSpans": []}').map((_, i, bytes) => bytes[i ^ 1] as number)
    expect(checkEncoding(bigEndian)).toEqual(UTF16)
  })

  it("calls a file with NULs or bytes that are not UTF-8 binary", () => {
    expect(checkEncoding(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]))).toEqual(BINARY) // gzip
    expect(checkEncoding(utf8('{"data": [\u0000]}'))).toEqual(BINARY)
    expect(checkEncoding(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toEqual(BINARY) // bad continuation
    expect(checkEncoding(new Uint8Array([0x7b, 0xc0, 0xaf, 0x7d]))).toEqual(BINARY) // overlong "/"
    expect(checkEncoding(new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d]))).toEqual(BINARY) // a surrogate
    expect(checkEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual(BINARY) // zip
  })

  it("looks at the first 4 KB only", () => {
    const text = utf8(`{"data": [${" ".repeat(5000)}]}`)
    const late = new Uint8Array([...text.subarray(0, 4500), 0xff, ...text.subarray(4500)])
    expect(checkEncoding(late)).toEqual({ success: true })
  })
})
