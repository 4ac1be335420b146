import { countOf, formatCount, formatDuration, formatPercent, formatRoughCount } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import { ScrollRegion } from "@/components/ui/scroll-region"

function formatWait(seconds: number | null): string {
  if (seconds === null) return "never"
  if (seconds < 60) return `${formatRoughCount(seconds)} s`
  if (seconds < 3600) return `${formatRoughCount(seconds / 60)} min`
  if (seconds < 86_400) return `${formatRoughCount(seconds / 3600)} h`
  return `${formatRoughCount(seconds / 86_400)} days`
}

const cell = "px-3 py-2 text-right first:text-left"

/** "What do I still see at this rate?" for every rate, with each formula explained in one line. */
export function VisibilitySection({ plan }: { plan: Plan }) {
  const endpoints = plan.input.endpoints ?? []
  return (
    <section aria-labelledby="visibility-heading" className="grid gap-3 render-when-near">
      <h2 id="visibility-heading" className="text-lg font-semibold">
        What each rate still shows
      </h2>
      <p className="text-xs text-slate-600 sm:hidden dark:text-slate-400" data-testid="visibility-scroll-hint">
        The table below scrolls sideways: {endpoints.length > 0 ? 7 : 6} columns.
      </p>
      <ScrollRegion label="What each rate shows (scrolls sideways)">
        <table className="w-full min-w-[44rem] text-sm" data-testid="visibility-table">
          {/* On a phone the table is wider than its box: the caption stays in view while it scrolls. */}
          <caption className="px-3 py-2 text-left text-xs text-slate-600 max-sm:sticky max-sm:left-0 max-sm:max-w-[calc(100vw-2.5rem)] dark:text-slate-400">
            At {formatCount(plan.input.rps)} req/s with {formatPercent(plan.input.errorRate)} errors and{" "}
            {formatPercent(plan.input.slowRate)} slower than {formatDuration(plan.input.slowThresholdMs)}
            {plan.input.tailSampling ? ", after tail sampling" : ""}.
          </caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className={cell}>
                Rate
              </th>
              <th scope="col" className={cell}>
                Traces/min
              </th>
              <th scope="col" className={cell}>
                Errors kept/hour
              </th>
              <th scope="col" className={cell}>
                First error kept after
              </th>
              <th scope="col" className={cell}>
                ≥1 of 100 kept
              </th>
              <th scope="col" className={cell}>
                Slow kept per 5 min
              </th>
              {endpoints.length > 0 ? (
                <th scope="col" className={cell}>
                  Endpoints with enough samples
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {plan.visibility.map((row, index) => (
              <tr
                key={index}
                aria-current={row.chosen ? "true" : undefined}
                className={
                  row.chosen
                    ? "bg-accent-soft font-semibold dark:bg-accent-soft-dark"
                    : "border-t border-slate-100 dark:border-slate-800"
                }
              >
                <th scope="row" className={`${cell} font-medium`}>
                  {formatPercent(row.ratio)}
                  {row.chosen ? <span className="ml-1 text-xs font-normal">(yours)</span> : null}
                </th>
                <td className={cell}>{formatCount(row.tracesPerMinute)}</td>
                <td className={cell}>
                  {formatCount(row.errorsKeptPerHour)} of {formatCount(row.errorsPerHour)}
                </td>
                <td className={cell}>{formatWait(row.firstErrorWaitSeconds)}</td>
                <td className={cell}>{formatPercent(row.atLeastOneOf.k100)}</td>
                <td className={cell}>{formatCount(row.slowKeptPer5Minutes)}</td>
                {endpoints.length > 0 ? (
                  <td
                    className={cell}
                    title={row.endpoints
                      .filter((e) => !e.enough)
                      .map((e) => e.name)
                      .join(", ")}
                  >
                    {row.endpoints.filter((e) => e.enough).length} of {row.endpoints.length}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {endpoints.length > 0 ? <EndpointTable plan={plan} /> : null}
      <ul
        className="grid list-disc gap-1 pl-5 text-xs text-slate-600 dark:text-slate-400"
        data-testid="visibility-formulas"
      >
        <li>Traces per minute = requests/s × probability kept × 60.</li>
        <li>
          Errors kept per hour = requests/s × error rate × p × 3,600, where p is the head rate (× 1 with a tail error
          policy).
        </li>
        <li>First error kept after = 1 / (errors per second × p): the expected wait for one kept example.</li>
        <li>≥1 of 100 kept = 1 − (1 − p)^100: the chance an event that happens 100 times leaves at least one trace.</li>
        <li>
          Slow kept per 5 minutes = requests/s × slow share × p × 300; an endpoint has enough when it keeps ≥{" "}
          {countOf(plan.input.minTracesPerMinutePerEndpoint, "trace")}/min, the minimum the recommendation holds every
          endpoint to.
        </li>
      </ul>
    </section>
  )
}

function EndpointTable({ plan }: { plan: Plan }) {
  const chosen = plan.visibility.find((row) => row.chosen)
  if (!chosen) return null
  return (
    <ScrollRegion label="Per endpoint at your rate (scrolls sideways)">
      <table className="w-full min-w-[32rem] text-sm" data-testid="endpoint-table">
        <caption className="px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400">
          Per endpoint at your rate
        </caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className={cell}>
              Endpoint
            </th>
            <th scope="col" className={cell}>
              Share
            </th>
            <th scope="col" className={cell}>
              Traces/min
            </th>
            <th scope="col" className={cell}>
              Slow kept per 5 min
            </th>
            <th scope="col" className={cell}>
              Enough to see slow requests?
            </th>
          </tr>
        </thead>
        <tbody>
          {chosen.endpoints.map((endpoint) => (
            <tr key={endpoint.name} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className={`${cell} font-medium`}>
                {endpoint.name}
              </th>
              <td className={cell}>{formatPercent(endpoint.share)}</td>
              <td className={cell}>{formatCount(endpoint.tracesPerMinute)}</td>
              <td className={cell}>{formatCount(endpoint.slowKeptPer5Minutes)}</td>
              <td className={cell}>{endpoint.enough ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  )
}
