// Placeholder until the Tempo sizing lands (issue 20).
import type { BackendSizing, SizingLoad, SizingOptions } from "./types"

export function tempoBackendSizing(load: SizingLoad, version: SizingOptions["tempoVersion"]): BackendSizing {
  void load
  void version
  return { components: [], replicationCopies: 1, gaps: [], notes: [] }
}
