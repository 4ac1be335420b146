/**
 * Any other path under /api: a JSON 404 that names the API's routes, for every method. Without it
 * Next answers with the HTML 404 page, which the API's `default-src 'none'` policy leaves unstyled.
 */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url)
  const message = `There is no API at ${pathname}. The API is GET or POST /api/plan, and GET /api/health.`
  return Response.json(
    { error: message, issues: [{ path: "", message }] },
    { status: 404, headers: { "Cache-Control": "no-store" } }
  )
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
  notFound as OPTIONS,
}
