/** One endpoint and its share of the entry service's traffic. */
export interface Endpoint {
  name: string
  /** Share of requests (0..1). */
  share: number
}

export const MAX_ENDPOINTS = 50

/**
 * Writes endpoints in the compact form the page and the API accept: `name:share` joined by `~`.
 *
 * @example
 * formatEndpoints([{ name: "GET /tasks", share: 0.6 }, { name: "POST /tasks", share: 0.3 }])
 * //=> "GET /tasks:0.6~POST /tasks:0.3"
 */
export function formatEndpoints(endpoints: Endpoint[]): string {
  return endpoints.map((endpoint) => `${endpoint.name}:${endpoint.share}`).join("~")
}

/**
 * Reads `name:share` pairs joined by `~`; the share follows the last colon, so names may hold colons.
 *
 * @example
 * parseEndpoints("GET /tasks:0.6~POST /tasks:0.3")
 * //=> { success: true, data: [{ name: "GET /tasks", share: 0.6 }, { name: "POST /tasks", share: 0.3 }] }
 * parseEndpoints("GET /tasks")
 * //=> { success: false, error: 'Endpoint "GET /tasks" needs a share after a colon, e.g. GET /tasks:0.6.' }
 */
export function parseEndpoints(text: string): { success: true; data: Endpoint[] } | { success: false; error: string } {
  const parts = text.split("~")
  if (parts.length > MAX_ENDPOINTS) return { success: false, error: `List at most ${MAX_ENDPOINTS} endpoints.` }
  const endpoints: Endpoint[] = []
  for (const part of parts) {
    const colon = part.lastIndexOf(":")
    const name = part.slice(0, colon).trim()
    const shareText = part.slice(colon + 1).trim()
    if (colon < 0 || shareText === "") {
      return {
        success: false,
        error: `Endpoint "${part.trim()}" needs a share after a colon, e.g. ${part.trim() || "GET /tasks"}:0.6.`,
      }
    }
    const share = Number(shareText)
    if (!Number.isFinite(share))
      return { success: false, error: `Endpoint "${name}": share "${shareText}" is not a number.` }
    endpoints.push({ name, share })
  }
  return { success: true, data: endpoints }
}
