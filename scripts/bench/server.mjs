// Builds the app and serves it as `npm start` does (scripts/serve.mjs) on a free loopback port in 3300-3399.
import { spawn, execFileSync } from "node:child_process"
import { createServer } from "node:net"
import { join } from "node:path"

import { addCompileHints } from "../compile-hints.mjs"

const root = join(import.meta.dirname, "..", "..")
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next")
const serveScript = join(root, "scripts", "serve.mjs")

function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once("error", () => resolve(false))
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)))
  })
}

/** A free port in 3300-3399 (the range this machine's benches may use), starting at a random one. */
export async function freePort() {
  const offset = Math.floor(Math.random() * 100)
  for (let i = 0; i < 100; i++) {
    const port = 3300 + ((offset + i) % 100)
    if (await isFree(port)) return port
  }
  throw new Error("No free port in 3300-3399.")
}

/** What `npm run build` does: next build, then the startup chunks' compile hints. */
export function build() {
  execFileSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] })
  addCompileHints(join(root, ".next"))
}

/** Resident memory of the server's whole process group, in MB (Linux /proc via ps). */
export function rssMb(server) {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(server.pid)], { encoding: "utf8" })
  return (
    out
      .split("\n")
      .filter(Boolean)
      .reduce((sum, kb) => sum + Number(kb), 0) / 1024
  )
}

/** Starts the server in its own process group and resolves once /api/health answers. */
export async function start(port) {
  const child = spawn(process.execPath, [serveScript, "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop(child)
  throw new Error(`The server did not answer on ${base} within 20 s.`)
}

/** Ends the server's process group (the server and anything it spawned), and nothing else. */
export function stop(child) {
  try {
    process.kill(-child.pid, "SIGTERM")
  } catch {
    // already gone
  }
}
