import { Planner } from "@/components/planner/planner"
import { SourceList } from "@/components/planner/source-list"
import { initialPlannerState, type PageSearchParams } from "@/lib/planner/initial"

const SKIP_LINK =
  "sr-only rounded-md bg-white text-sm font-medium shadow ring-2 ring-accent focus:not-sr-only focus:px-3 focus:py-2 dark:bg-slate-900"

export default async function Page(props: { searchParams: Promise<PageSearchParams> }) {
  const start = initialPlannerState(await props.searchParams)

  return (
    <main className="relative mx-auto grid max-w-7xl gap-8 px-4 py-6 sm:px-6 lg:py-10 [&>*]:min-w-0">
      {/* Past the form's ~40 Tab stops: shown when focused, the page's first Tab stops. */}
      <nav aria-label="Skip links" className="absolute top-2 left-2 z-50 flex gap-2">
        <a href="#results" className={SKIP_LINK}>
          Skip to results
        </a>
        <a href="#configs-heading" className={SKIP_LINK}>
          Skip to config
        </a>
      </nav>
      <header className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">TraceBudget</h1>
        <p className="max-w-3xl text-slate-600 dark:text-slate-300">
          What each trace sampling setting keeps and costs: traces, spans and bytes per day, storage at retention and $
          per month, from your request rate and retention. Every default below cites its source and date.
        </p>
      </header>
      {start.foreignEndpointNotice !== undefined ? (
        <p
          role="alert"
          data-testid="foreign-endpoint"
          className="rounded-md border-2 border-red-600 bg-red-50 px-3 py-2 text-sm font-medium text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
        >
          {start.foreignEndpointNotice}
        </p>
      ) : null}
      {start.ignoredKeysNotice !== undefined ? (
        <p
          role="status"
          data-testid="ignored-keys"
          className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
        >
          {start.ignoredKeysNotice}
        </p>
      ) : null}
      <Planner initial={start.state} configs={start.configs} />
      <SourceList />
    </main>
  )
}
