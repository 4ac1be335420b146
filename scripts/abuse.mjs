#!/usr/bin/env node
// `npm run abuse`: the hostile-input probe of issue 25, bounded and on loopback only. Builds and
// serves the app as `npm start` does, then:
//   1. CPU: /api/health's throughput alone, then while 4 connections send 64 KB unknown-key bodies;
//   2. answers: hostile requests one by one (deep nesting, bad encodings, odd methods, big keys);
//   3. memory: 100 clients that declare a 10 MB POST / and stall, then close.
// Fails (exit 1) when health keeps under half its throughput, on any 5xx, or when the server's RSS
// stays more than 200 MB above its start a minute after the stalled clients close. Writes
// bench-results/abuse.json. Options: --no-build, --settle=SECONDS (default 60).
import { mkdirSync, writeFileSync } from "node:fs"
import { request } from "node:http"
import { connect } from "node:net"
import { join } from "node:path"

import autocannon from "autocannon"

import { build, freePort, rssMb, start, stop } from "./bench/server.mjs"

const args = process.argv.slice(2)
const settleSeconds = Number(args.find((arg) => arg.startsWith("--settle="))?.split("=")[1] ?? 60)
const JSON_HEADERS = { "content-type": "application/json" }

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function healthRate(base, seconds) {
  const result = await autocannon({ url: `${base}/api/health`, connections: 10, duration: seconds })
  return result.requests.average
}

/** Throughput of /api/health alone and while 4 connections send 64 KB unknown-key bodies. */
async function cpuAttack(base) {
  const alone = await healthRate(base, 5)
  const body = JSON.stringify({ ["k".repeat(64_000)]: 1 })
  const attack = autocannon({
    url: `${base}/api/plan`,
    connections: 4,
    duration: 7,
    method: "POST",
    headers: JSON_HEADERS,
    body,
  })
  await sleep(1000)
  const attacked = await healthRate(base, 5)
  const attackResult = await attack
  return {
    healthAloneRps: alone,
    healthAttackedRps: attacked,
    ratio: attacked / alone,
    attackAnswers: { "2xx": attackResult["2xx"], "4xx": attackResult["4xx"], "5xx": attackResult["5xx"] },
  }
}

const deep = (depth) => `{"sampler": ${"[".repeat(depth)}${"]".repeat(depth)}}`

/** Requests that once got a 5xx or no headers; each must now get a 2xx, 3xx or 4xx. */
const HOSTILE = [
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: deep(5000) },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: deep(16) },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: JSON.stringify({ ["x".repeat(60_000)]: 1 }) },
  { method: "POST", path: "/api/plan", headers: { "content-type": "text/plain" }, body: "{}" },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: `{${'"a":1,'.repeat(9000)}"b":1}` },
  { method: "GET", path: "/api/plan%" },
  { method: "GET", path: "/%ff" },
  { method: "GET", path: "/api" },
  { method: "GET", path: "/api/plan?__proto__=1" },
  { method: "GET", path: `/?${"k".repeat(8000)}=1` },
  { method: "TRACE", path: "/api/plan" },
  { method: "PROPFIND", path: "/api/health" },
  { method: "PUT", path: "/" },
  { method: "GET", path: "/api/plan?sampler=%00&rps=1e-310" },
]

/** One request by node:http (fetch refuses TRACE), resolving with its status. */
function statusOf(base, { method, path, headers = {}, body }) {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, method, path, headers }, (response) => {
      response.resume()
      response.on("end", () => resolve(response.statusCode ?? 0))
    })
    outgoing.on("error", reject)
    outgoing.end(body)
  })
}

async function hostileAnswers(base) {
  const answers = []
  for (const hostile of HOSTILE) {
    const { method, path } = hostile
    answers.push({
      method,
      path: path.length > 60 ? `${path.slice(0, 60)}…` : path,
      status: await statusOf(base, hostile),
    })
  }
  return answers
}

/** Opens `count` connections that declare a 10 MB POST / and send 1 KB, holds them, then closes. */
async function stalledClients(base, rssOf, count = 100) {
  const { hostname, port } = new URL(base)
  const before = rssOf()
  const sockets = []
  for (let i = 0; i < count; i++) {
    const socket = connect(Number(port), hostname)
    socket.on("error", () => undefined)
    socket.write(
      `POST / HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: text/plain\r\nContent-Length: 10000000\r\n\r\n${"x".repeat(1024)}`
    )
    sockets.push(socket)
  }
  await sleep(5000)
  const during = rssOf()
  for (const socket of sockets) socket.destroy()
  await sleep(settleSeconds * 1000)
  const after = rssOf()
  return { clients: count, rssMbBefore: before, rssMbDuring: during, rssMbAfter: after, settleSeconds }
}

if (!args.includes("--no-build")) build()
const port = await freePort()
const { child, base } = await start(port)
const rssOf = () => rssMb(child)
try {
  const started = rssOf()
  const cpu = await cpuAttack(base)
  const answers = await hostileAnswers(base)
  const memory = await stalledClients(base, rssOf)
  const failures = [
    ...(cpu.ratio < 0.5 ? [`/api/health kept ${(cpu.ratio * 100).toFixed(0)} % of its throughput under attack`] : []),
    ...(cpu.attackAnswers["5xx"] > 0 ? [`${cpu.attackAnswers["5xx"]} attack requests got a 5xx`] : []),
    ...answers.filter((a) => a.status >= 500).map((a) => `${a.method} ${a.path} answered ${a.status}`),
    ...(memory.rssMbAfter - started > 200
      ? [`RSS ${memory.rssMbAfter.toFixed(0)} MB a while after stalled clients closed, from ${started.toFixed(0)} MB`]
      : []),
  ]
  const report = { date: new Date().toISOString(), rssMbAtStart: started, cpu, answers, memory, failures }
  mkdirSync("bench-results", { recursive: true })
  writeFileSync(join("bench-results", "abuse.json"), `${JSON.stringify(report, null, 2)}\n`)
  console.log(
    `health alone ${cpu.healthAloneRps.toFixed(0)} req/s, under 4 attacking connections ${cpu.healthAttackedRps.toFixed(0)} req/s (${(cpu.ratio * 100).toFixed(0)} %; goal ≥ 50 %)`
  )
  console.log(`attack answers: ${JSON.stringify(cpu.attackAnswers)}`)
  for (const { method, path, status } of answers) console.log(`${status}  ${method} ${path}`)
  console.log(
    `RSS: ${started.toFixed(0)} MB at start, ${memory.rssMbBefore.toFixed(0)} before ${memory.clients} stalled POST /, ${memory.rssMbDuring.toFixed(0)} during, ${memory.rssMbAfter.toFixed(0)} ${memory.settleSeconds} s after they closed (goal ≤ start + 200)`
  )
  console.log(failures.length === 0 ? "Every goal met." : `FAILED:\n- ${failures.join("\n- ")}`)
  process.exitCode = failures.length === 0 ? 0 : 1
} finally {
  stop(child)
}
