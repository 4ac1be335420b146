import type { FieldIssue } from "@/lib/plan/parse"

/** The largest body the API reads: a full plan with a 32-service request path is under 4 KB. */
export const MAX_BODY_BYTES = 64 * 1024

/** Why a body was not read, in the same shape as a parse failure, with the status to answer. */
export interface BodyFailure {
  success: false
  status: 400 | 413 | 415
  error: string
  issues: FieldIssue[]
}

export type BodyResult = { success: true; text: string } | BodyFailure

function failure(status: BodyFailure["status"], message: string): BodyFailure {
  return { success: false, status, error: message, issues: [{ path: "", message }] }
}

/**
 * Why a POST with a query string is refused: POST reads its fields from the body alone, and
 * silently ignoring `?rps=10000` would answer a plan the caller did not ask for.
 *
 * @example
 * queryOnPost("?rps=10000").error
 * //=> "POST /api/plan reads its fields from the JSON body, not the query string (?rps=10000): move them into the body, or use GET with the query."
 */
export function queryOnPost(search: string): BodyFailure {
  const shown = search.length > 80 ? `${search.slice(0, 80)}…` : search
  return failure(
    400,
    `POST /api/plan reads its fields from the JSON body, not the query string (${shown}): move them into the body, or use GET with the query.`
  )
}

/** `application/json` or a JSON-based type (`application/merge-patch+json`), with any parameters. */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i

/**
 * Why a body's declared type is refused, or undefined for JSON. A form post or an upload sent here
 * by mistake is named for what it is, not parsed as a plan by luck (curl's `-d` sends
 * application/x-www-form-urlencoded unless told otherwise).
 *
 * @example
 * unsupportedMediaType("application/json; charset=utf-8") //=> undefined
 * unsupportedMediaType("text/plain")?.status              //=> 415
 */
export function unsupportedMediaType(contentType: string | null): BodyFailure | undefined {
  if (contentType !== null && JSON_MEDIA_TYPE.test(contentType.trim())) return undefined
  const said =
    contentType === null || contentType.trim() === ""
      ? "no Content-Type"
      : `Content-Type ${contentType.trim().slice(0, 80)}`
  return failure(
    415,
    `POST /api/plan reads a JSON body: send it with Content-Type: application/json (this request has ${said}).`
  )
}

const tooLarge = (limit: number) =>
  failure(413, `The request body is larger than ${limit.toLocaleString("en-US")} bytes; a plan needs a few KB at most.`)

/**
 * Reads a request body as UTF-8 text, refusing anything over `limit` bytes: first by its declared
 * Content-Length, then by counting the bytes as they stream in, so a chunked or lying client
 * never makes the server hold more than `limit` bytes.
 *
 * @example
 * await readBodyText(new Request("http://x/", { method: "POST", body: '{"rps":1}' }))
 * //=> { success: true, text: '{"rps":1}' }
 * await readBodyText(new Request("http://x/", { method: "POST", body: "x".repeat(70_000) }))
 * //=> { success: false, status: 413, error: "The request body is larger than 65,536 bytes; …", issues: [...] }
 */
export async function readBodyText(request: Request, limit: number = MAX_BODY_BYTES): Promise<BodyResult> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return tooLarge(limit)
  if (!request.body) return { success: true, text: "" }

  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength
    if (size > limit) {
      // Stop the stream: the rest of the body is never read into memory.
      await reader.cancel().catch(() => undefined)
      return tooLarge(limit)
    }
    chunks.push(chunk.value)
  }

  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return { success: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) }
  } catch {
    return failure(400, "The request body is not UTF-8 text.")
  }
}
