// A self-hosted backend's components at a plan's load, by backend. SaaS backends run nothing of
// the user's, so they have no sizing.
import type { BackendId } from "../backends"
import { clickhouseSizing } from "./clickhouse"
import { jaegerBadgerSizing, jaegerCassandraSizing, jaegerElasticsearchSizing } from "./jaeger"
import { tempoBackendSizing } from "./tempo"
import type { BackendSizing, SizingLoad, SizingOptions } from "./types"

export type { BackendSizing, SizedComponent, SizingGap, SizingLoad, SizingNote, SizingOptions } from "./types"

/**
 * The components a self-hosted backend runs at `load`, or null for a SaaS backend.
 *
 * @example
 * backendSizing("datadog", load, { tempoVersion: "3" }) //=> null
 * backendSizing("tempo", load, { tempoVersion: "3" })?.components.map((c) => c.id)
 * //=> ["distributor", "live-store", "block-builder", "querier", "query-frontend", ...]
 */
export function backendSizing(backend: BackendId, load: SizingLoad, options: SizingOptions): BackendSizing | null {
  switch (backend) {
    case "tempo":
      return tempoBackendSizing(load, options.tempoVersion)
    case "clickhouse":
      return clickhouseSizing(load)
    case "jaeger-elasticsearch":
      return jaegerElasticsearchSizing(load)
    case "jaeger-cassandra":
      return jaegerCassandraSizing(load)
    case "jaeger-badger":
      return jaegerBadgerSizing(load)
    default:
      return null
  }
}
