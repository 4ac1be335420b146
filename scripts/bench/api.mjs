// API load on loopback with autocannon: the plan route beside a trivial route, and a mixed soak.
import autocannon from "autocannon"

const PLAN_QUERY = "/api/plan?rps=10000&ratio=0.01&retentionDays=14&backend=tempo"

async function load(options) {
  const result = await autocannon({ connections: 50, duration: 10, ...options })
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    byClass: { "2xx": result["2xx"], "4xx": result["4xx"], "5xx": result["5xx"] },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

/** GET /api/plan against GET /api/health, 50 connections for 10 s each. */
export async function benchApi(base) {
  const plan = await load({ url: `${base}${PLAN_QUERY}` })
  const trivial = await load({ url: `${base}/api/health` })
  return { plan, trivial, ratio: plan.requestsPerSecond / trivial.requestsPerSecond }
}

const JSON_HEADERS = { "content-type": "application/json" }

/** Valid and invalid requests in turn: every answer must be 2xx or 4xx. */
const MIXED = [
  { method: "GET", path: PLAN_QUERY },
  { method: "GET", path: "/api/plan?rps=-1&ratio=abc" },
  { method: "GET", path: "/api/plan?retention=30" },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: JSON.stringify({ rps: 2500, sampler: "xray" }) },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: "{rps: 5000" },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: JSON.stringify({ rps: 1, serviceName: "a".repeat(70_000) }) },
  { method: "PUT", path: "/api/plan", headers: JSON_HEADERS, body: "{}" },
  { method: "GET", path: "/api/health" },
]

/** 30 s of the mix at 50 connections; resident memory of the server before and after. */
export async function soak(base, rssMb) {
  const rssBeforeMb = rssMb()
  const result = await load({ url: base, duration: 30, requests: MIXED })
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const rssAfterMb = rssMb()
  const unexpected = result.total - result.byClass["2xx"] - result.byClass["4xx"] + result.errors + result.timeouts
  return { ...result, unexpected, rssBeforeMb, rssAfterMb }
}
