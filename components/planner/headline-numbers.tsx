import { formatUsd } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import {
  breakdownParts,
  headlineDetailStats,
  headlineStats,
  unpricedShortText,
  type HeadlineStat,
} from "@/lib/plan/text/headline"

const card = "rounded-lg border border-slate-200 p-4 dark:border-slate-800"
const detailClass = "mt-1 text-xs text-slate-600 dark:text-slate-400"

/**
 * The total's parts that cost something, and what it leaves out one click away (a disclosure, so
 * it is reachable from the keyboard too). The total itself heads the results (ResultsSummary).
 */
function CostParts({ plan }: { plan: Plan }) {
  const parts = breakdownParts(plan.cost.breakdown)
  const unpriced = unpricedShortText(plan.cost)
  if (parts.length === 0 && !unpriced) return null
  return (
    <div className="grid gap-1 text-sm">
      {parts.length > 0 ? (
        <ul aria-label="The total by part" data-testid="stat-cost-breakdown" className="flex flex-wrap gap-x-4 gap-y-1">
          {parts.map((part) => (
            <li key={part.part} data-part={part.part}>
              {part.name} <span className="font-medium">{formatUsd(part.usd)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {unpriced ? (
        <details data-testid="stat-cost-unpriced">
          <summary className="cursor-pointer text-slate-700 underline decoration-dotted underline-offset-2 dark:text-slate-300">
            {unpriced}
          </summary>
          <ul className="mt-1 grid list-disc gap-1 pl-5 text-xs text-slate-700 dark:text-slate-300">
            {plan.cost.unpriced.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}

function StatCard({ stat }: { stat: HeadlineStat }) {
  return (
    <div data-testid={`stat-${stat.id}`} className={card}>
      <dt className="text-sm text-slate-600 dark:text-slate-400">{stat.label}</dt>
      <dd className="mt-1 text-2xl font-semibold" data-testid={`stat-${stat.id}-value`}>
        {stat.value}
      </dd>
      <dd className={detailClass}>{stat.detail}</dd>
    </div>
  )
}

/** What the total buys: traces kept, errors kept and storage; then, smaller, the volume behind them. */
export function HeadlineNumbers({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="headline-heading" className="grid gap-3">
      <CostParts plan={plan} />
      <h2 id="headline-heading" className="text-lg font-semibold">
        What it buys
      </h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {headlineStats(plan)
          .filter((stat) => stat.id !== "cost")
          .map((stat) => (
            <StatCard key={stat.id} stat={stat} />
          ))}
      </dl>
      <dl aria-label="Volume per day" className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-3">
        {headlineDetailStats(plan).map((stat) => (
          <div key={stat.id} data-testid={`stat-${stat.id}`} className="px-1">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{stat.label}</dt>
            <dd className="text-base font-medium" data-testid={`stat-${stat.id}-value`}>
              {stat.value}
            </dd>
            <dd className="text-xs text-slate-600 dark:text-slate-400">{stat.detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
