import { Planner } from "@/components/planner/planner"
import { SourceList } from "@/components/planner/source-list"
import { buildPlan } from "@/lib/plan/build-plan"
import { FIRST_CONFIG_TAB } from "@/lib/configs/types"
import { configAvailabilityFor, configFor } from "@/lib/configs/plan-configs"
import {
  inputToFormValues,
  messagesByField,
  misspelledKeys,
  parsePlanInput,
  salvagePlanInput,
  searchParamsToRecord,
} from "@/lib/plan/parse"
import { PLAN_FIELDS } from "@/lib/plan/fields"
import { withoutNulCharacters } from "@/lib/plan/form-values"

type SearchParams = Record<string, string | string[] | undefined>

function toURLSearchParams(searchParams: SearchParams): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : [value ?? ""]) params.append(key, item)
  }
  return params
}

const SKIP_LINK =
  "sr-only rounded-md bg-white text-sm font-medium shadow ring-2 ring-accent focus:not-sr-only focus:px-3 focus:py-2 dark:bg-slate-900"

export default async function Page(props: { searchParams: Promise<SearchParams> }) {
  const record = searchParamsToRecord(toURLSearchParams(await props.searchParams))
  const raw = record.success ? withoutNulCharacters(record.data) : {}
  const parsed = record.success ? parsePlanInput(raw, { unknownKeys: "ignore" }) : record
  // A broken link still shows a plan: the good fields are kept, the bad ones shown with their message.
  const input = parsed.success ? parsed.data : salvagePlanInput(raw)
  const formValues = { ...inputToFormValues(input) }
  if (!parsed.success) {
    for (const field of PLAN_FIELDS) if (typeof raw[field] === "string") formValues[field] = raw[field]
  }
  const errors = parsed.success ? {} : messagesByField(parsed.issues)
  // Unknown keys are ignored (links pick up tracking parameters); ones that look like a field are named.
  const misspelled = misspelledKeys(raw)
  const plan = buildPlan(input)

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
      {misspelled.length > 0 ? (
        <p
          role="status"
          data-testid="ignored-keys"
          className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
        >
          {misspelled
            .map(
              ({ key, field }) =>
                `The link's ${key}= is not a field and was ignored: did you mean ${field}? The plan below uses ${field}=${formValues[field]}.`
            )
            .join(" ")}
        </p>
      ) : null}
      <Planner
        initialValues={formValues}
        initialErrors={errors}
        initialInput={input}
        initialPlan={plan}
        initialConfigs={{ first: configFor(plan, FIRST_CONFIG_TAB), available: configAvailabilityFor(plan) }}
      />
      <SourceList />
    </main>
  )
}
