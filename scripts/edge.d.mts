// Types for scripts/edge.mjs (a plain Node script, so the served app and the tests share it).
export interface EdgeAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

export declare function edgeAnswer(method: string, rawUrl: string): EdgeAnswer | null

export declare const SERVER_TIMEOUTS: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number }
