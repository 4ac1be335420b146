import { useEffect, useState } from "react"

export type OnDemand = typeof import("./on-demand")

let loaded: OnDemand | undefined
let loading: Promise<OnDemand> | undefined

/**
 * Loads the validator and config writers once (./on-demand); a failed load is tried again on the
 * next call.
 *
 * @example
 * const { planDocument } = await loadOnDemand()
 */
export function loadOnDemand(): Promise<OnDemand> {
  loading ??= import("./on-demand").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined
      throw error
    }
  )
  return loading
}

/** The on-demand module if it has loaded, else undefined (no load is started). */
export function onDemandIfLoaded(): OnDemand | undefined {
  return loaded
}

/**
 * The on-demand module, loading it once `needed` is true; undefined until it arrives.
 *
 * @example
 * const onDemand = useOnDemand(selectedTab !== FIRST_CONFIG_TAB)
 */
export function useOnDemand(needed: boolean): OnDemand | undefined {
  const [module, setModule] = useState(loaded)
  useEffect(() => {
    if (!needed || module) return
    let live = true
    loadOnDemand().then(
      (arrived) => {
        if (live) setModule(arrived)
      },
      // Offline or a new deploy: the tab keeps its last snippet; the next need tries again.
      () => undefined
    )
    return () => {
      live = false
    }
  }, [needed, module])
  return module
}
