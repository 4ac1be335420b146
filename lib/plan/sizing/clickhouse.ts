// Placeholder until the ClickHouse sizing lands (issue 20).
import type { BackendSizing, SizingLoad } from "./types"

export function clickhouseSizing(load: SizingLoad): BackendSizing {
  void load
  return { components: [], replicationCopies: 1, gaps: [], notes: [] }
}
