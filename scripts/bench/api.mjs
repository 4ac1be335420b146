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

const BACKENDS = ["tempo", "clickhouse", "jaeger-elasticsearch", "jaeger-cassandra", "datadog", "honeycomb"]
let freshPlans = 0

/**
 * A plan the server has not answered before: it keeps the last 256 in a memo, so the repeated
 * query above costs no model run; this one does (and fills and turns over the memo).
 */
function freshPlan(request) {
  freshPlans += 1
  const retentionDays = 1 + (freshPlans % 90)
  return {
    ...request,
    path: `/api/plan?rps=${1000 + freshPlans}&ratio=0.05&retentionDays=${retentionDays}&backend=${BACKENDS[freshPlans % BACKENDS.length]}&tailSampling=${freshPlans % 2 === 0}`,
  }
}

/** Valid and invalid requests in turn: every answer must be 2xx or 4xx. */
const MIXED = [
  { method: "GET", path: PLAN_QUERY },
  { method: "GET", path: PLAN_QUERY, setupRequest: freshPlan },
  { method: "GET", path: "/api/plans" },
  { method: "GET", path: "/api/plan?rps=-1&ratio=abc" },
  { method: "GET", path: "/api/plan?retention=30" },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: JSON.stringify({ rps: 2500, sampler: "xray" }) },
  { method: "POST", path: "/api/plan", headers: JSON_HEADERS, body: "{rps: 5000" },
  {
    method: "POST",
    path: "/api/plan",
    headers: JSON_HEADERS,
    body: JSON.stringify({ rps: 1, serviceName: "a".repeat(70_000) }),
  },
  { method: "PUT", path: "/api/plan", headers: JSON_HEADERS, body: "{}" },
  { method: "GET", path: "/api/health" },
]

/**
 * 30 s of the mix at 50 connections, in three 10 s legs; the server's resident memory before and
 * after each leg. Flat means it stops growing once warm, not that it never moves.
 */
export async function soak(base, rssMb) {
  const rssMbAfterLeg = [rssMb()]
  const legs = []
  for (let leg = 0; leg < 3; leg++) {
    legs.push(await load({ url: base, duration: 10, requests: MIXED }))
    await new Promise((resolve) => setTimeout(resolve, 1000))
    rssMbAfterLeg.push(rssMb())
  }
  const sum = (pick) => legs.reduce((total, leg) => total + pick(leg), 0)
  const total = sum((leg) => leg.total)
  const byClass = {
    "2xx": sum((leg) => leg.byClass["2xx"]),
    "4xx": sum((leg) => leg.byClass["4xx"]),
    "5xx": sum((leg) => leg.byClass["5xx"]),
  }
  const errors = sum((leg) => leg.errors) + sum((leg) => leg.timeouts)
  const statusCodes = {}
  for (const leg of legs)
    for (const [code, count] of Object.entries(leg.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count
  return {
    total,
    byClass,
    statusCodes,
    errors,
    unexpected: total - byClass["2xx"] - byClass["4xx"] + errors,
    rssMbAfterLeg,
  }
}
