import { MAX_SPANS_PER_TRACE } from "./limits"

/**
 * A request path described service by service, and the spans one request leaves behind.
 *
 * Each service on the path creates one server span for the request it receives, plus its own
 * internal spans and one client span per database call, cache call and outgoing call. A Dapr
 * sidecar adds one span for the request coming in and one for each call going out through it.
 */
export interface TopologyService {
  /** Service name, a DNS-1123 label (it becomes `service.name`). */
  name: string
  /** Spans the service creates inside its own code (handlers, business steps). */
  internalSpans: number
  /** Database calls per request (one client span each). */
  dbCalls: number
  /** Cache calls per request (one client span each). */
  cacheCalls: number
  /** Calls to other services or APIs per request (one client span each). */
  outgoingCalls: number
  /** Whether the service runs a Dapr sidecar. */
  dapr: boolean
}

export type Topology = TopologyService[]

/** Largest count of database, cache or outgoing calls per service, and of services on a path. */
export const MAX_TOPOLOGY_COUNT = 1000
export const MAX_TOPOLOGY_SERVICES = 50

/**
 * Largest count of internal spans per service: a path may hold all of a trace's spans in one
 * service (a batch handler with a span per item), up to the spans per trace the form accepts.
 */
export const MAX_INTERNAL_SPANS = MAX_SPANS_PER_TRACE

export interface TopologyPreset {
  id: string
  label: string
  services: Topology
}

/** Request paths people start from. Span counts follow the rules above; see each service's breakdown. */
export const TOPOLOGY_PRESETS: TopologyPreset[] = [
  {
    id: "task-api",
    label: "Task API (FastAPI → Dapr sidecar → state store)",
    services: [{ name: "task-api", internalSpans: 2, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: true }],
  },
  {
    id: "three-tier",
    label: "3-tier web (frontend → API → database + cache)",
    services: [
      { name: "frontend", internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 1, dapr: false },
      { name: "api", internalSpans: 2, dbCalls: 2, cacheCalls: 1, outgoingCalls: 0, dapr: false },
    ],
  },
  {
    id: "fan-out",
    label: "Microservice fan-out (gateway → 4 services, ~30 spans)",
    services: [
      { name: "gateway", internalSpans: 1, dbCalls: 0, cacheCalls: 0, outgoingCalls: 4, dapr: false },
      { name: "orders", internalSpans: 2, dbCalls: 2, cacheCalls: 1, outgoingCalls: 0, dapr: false },
      { name: "inventory", internalSpans: 2, dbCalls: 2, cacheCalls: 1, outgoingCalls: 0, dapr: false },
      { name: "pricing", internalSpans: 2, dbCalls: 2, cacheCalls: 1, outgoingCalls: 0, dapr: false },
      { name: "users", internalSpans: 2, dbCalls: 2, cacheCalls: 1, outgoingCalls: 0, dapr: false },
    ],
  },
]

export interface ServiceSpans {
  name: string
  server: number
  internal: number
  clients: number
  sidecar: number
  total: number
}

/**
 * The spans one request creates in one service, by kind.
 *
 * @example
 * serviceSpans({ name: "task-api", internalSpans: 2, dbCalls: 1, cacheCalls: 0, outgoingCalls: 0, dapr: true })
 * //=> { name: "task-api", server: 1, internal: 2, clients: 1, sidecar: 2, total: 6 }
 */
export function serviceSpans(service: TopologyService): ServiceSpans {
  const clients = service.dbCalls + service.cacheCalls + service.outgoingCalls
  // The sidecar sees the request arrive, then every call the app sends out through it.
  const sidecar = service.dapr ? 1 + clients : 0
  const internal = service.internalSpans
  return { name: service.name, server: 1, internal, clients, sidecar, total: 1 + internal + clients + sidecar }
}

/**
 * Spans per trace for a whole request path: the sum over its services.
 *
 * @example
 * spansPerTraceOf(TOPOLOGY_PRESETS[2].services) //=> 30
 */
export function spansPerTraceOf(topology: Topology): number {
  return topology.reduce((sum, service) => sum + serviceSpans(service).total, 0)
}

/**
 * A one-service request path that leaves `spansPerTrace` spans (rounded), to start describing the
 * path from the number already in use: one database call, and internal spans for the rest. A count
 * below the smallest such path (2 with a Dapr sidecar: the server span and the sidecar's) gets
 * that path.
 *
 * @example
 * formatTopology(topologyForSpans(30, "task-api", true))  //=> "task-api.i26.d1.dapr"
 * formatTopology(topologyForSpans(30, "task-api", false)) //=> "task-api.i28.d1"
 * spansPerTraceOf(topologyForSpans(30, "task-api", true)) //=> 30
 * spansPerTraceOf(topologyForSpans(5_000, "batch", false)) //=> 5000 ("batch.i4998.d1")
 */
export function topologyForSpans(spansPerTrace: number, name: string, dapr: boolean): Topology {
  const fixed = dapr ? 2 : 1
  const perClientCall = dapr ? 2 : 1
  const dbCalls = spansPerTrace - fixed >= perClientCall ? 1 : 0
  const internalSpans = Math.max(0, Math.round(spansPerTrace) - fixed - dbCalls * perClientCall)
  return [{ name, internalSpans, dbCalls, cacheCalls: 0, outgoingCalls: 0, dapr }]
}

const TOKEN = /^([idco])(\d+)$/
const PART_KEYS = { i: "internalSpans", d: "dbCalls", c: "cacheCalls", o: "outgoingCalls" } as const
const PART_NAMES = {
  i: "internal spans",
  d: "database calls",
  c: "cache calls",
  o: "outgoing calls",
  dapr: "dapr",
} as const

/**
 * Writes a topology in the compact, URL-safe form the page and the API accept:
 * services joined by `~`, each `name` followed by `.i<internal>.d<db>.c<cache>.o<outgoing>` and
 * `.dapr` when it runs a sidecar. Zero counts are left out.
 *
 * @example
 * formatTopology(TOPOLOGY_PRESETS[0].services) //=> "task-api.i2.d1.dapr"
 */
export function formatTopology(topology: Topology): string {
  return topology
    .map((service) => {
      const parts = [service.name]
      if (service.internalSpans) parts.push(`i${service.internalSpans}`)
      if (service.dbCalls) parts.push(`d${service.dbCalls}`)
      if (service.cacheCalls) parts.push(`c${service.cacheCalls}`)
      if (service.outgoingCalls) parts.push(`o${service.outgoingCalls}`)
      if (service.dapr) parts.push("dapr")
      return parts.join(".")
    })
    .join("~")
}

/**
 * Reads the compact topology form (see {@link formatTopology}). Returns a message naming the
 * part that could not be read.
 *
 * @example
 * parseTopology("gateway.i1.o4~orders.i2.d2.c1")
 * //=> { success: true, data: [{ name: "gateway", internalSpans: 1, ..., outgoingCalls: 4 }, { name: "orders", ... }] }
 * parseTopology("gateway.x3")
 * //=> { success: false, error: 'Service "gateway": "x3" is not i<n>, d<n>, c<n>, o<n> or dapr.' }
 * parseTopology("gateway.i5.i6")
 * //=> { success: false, error: 'Service "gateway" has internal spans twice ("i5" and "i6"); give it once.' }
 */
export function parseTopology(text: string): { success: true; data: Topology } | { success: false; error: string } {
  const services = text.trim().split("~")
  if (services.length > MAX_TOPOLOGY_SERVICES) {
    return { success: false, error: `A request path can have at most ${MAX_TOPOLOGY_SERVICES} services.` }
  }
  const topology: Topology = []
  for (const [index, part] of services.entries()) {
    const [name = "", ...tokens] = part.split(".")
    if (name === "") return { success: false, error: `Service ${index + 1} has no name (write name.i2.d1.o1.dapr).` }
    const service: TopologyService = {
      name,
      internalSpans: 0,
      dbCalls: 0,
      cacheCalls: 0,
      outgoingCalls: 0,
      dapr: false,
    }
    // Each part once: "i5.i6" would leave one of them ignored.
    const seen = new Map<string, string>()
    for (const token of tokens) {
      const match = TOKEN.exec(token)
      if (token !== "dapr" && !match)
        return { success: false, error: `Service "${name}": "${token}" is not i<n>, d<n>, c<n>, o<n> or dapr.` }
      const kind = match ? (match[1] as "i" | "d" | "c" | "o") : "dapr"
      const earlier = seen.get(kind)
      if (earlier !== undefined) {
        return {
          success: false,
          error: `Service "${name}" has ${PART_NAMES[kind]} twice ("${earlier}" and "${token}"); give it once.`,
        }
      }
      seen.set(kind, token)
      if (match) service[PART_KEYS[kind as "i" | "d" | "c" | "o"]] = Number(match[2])
      else service.dapr = true
    }
    topology.push(service)
  }
  return { success: true, data: topology }
}
