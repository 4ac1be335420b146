#!/usr/bin/env node
// @ts-check
// Serves the production build (what `npm start`, the e2e tests and the bench run): Next's own
// request handler behind a Node server with a calculator's timeouts, and the refusals of
// scripts/edge.mjs answered before Next reads a byte of the body. See docs/api.md, "Before the app".
//   node scripts/serve.mjs [--hostname 127.0.0.1] [--port 3000]     (PORT and HOSTNAME work too)
import { createServer } from "node:http"
import { parseArgs } from "node:util"

import next from "next"

import { edgeAnswer, SERVER_TIMEOUTS } from "./edge.mjs"

const { values } = parseArgs({
  options: { hostname: { type: "string" }, port: { type: "string" } },
  strict: true,
})
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0"
const port = Number(values.port ?? process.env.PORT ?? 3000)

const app = next({ dev: false, hostname, port, dir: new URL("..", import.meta.url).pathname })
const handle = app.getRequestHandler()
await app.prepare()

const server = createServer(
  {
    headersTimeout: SERVER_TIMEOUTS.headersTimeoutMs,
    requestTimeout: SERVER_TIMEOUTS.requestTimeoutMs,
    keepAliveTimeout: SERVER_TIMEOUTS.keepAliveTimeoutMs,
  },
  (request, response) => {
    const early = edgeAnswer(request.method ?? "GET", request.url ?? "/")
    if (early) {
      response.writeHead(early.status, early.headers)
      response.end(request.method === "HEAD" ? undefined : early.body)
      return
    }
    handle(request, response).catch((error) => {
      console.error(error)
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" })
      response.end("Internal error.\n")
    })
  }
)

server.listen(port, hostname, () => {
  console.log(`TraceBudget on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`)
})

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    // Keep-alive sockets would hold close() open; a calculator has nothing in flight worth waiting for.
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 3000).unref()
  })
}
