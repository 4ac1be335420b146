/** `GET /api/health`: answers while the server can serve requests (for probes and load balancers). */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } })
}
