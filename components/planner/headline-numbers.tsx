import { formatUsd } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"
import { breakdownParts, headlineStats, unpricedShortText, type HeadlineStat } from "@/lib/plan/text/headline"

const card = "rounded-lg border border-slate-200 p-4 dark:border-slate-800"
const detailClass = "mt-1 text-xs text-slate-600 dark:text-slate-400"

/**
 * The whole bill, first and full width: the total, its parts that cost something, and what it
 * leaves out one click away (a disclosure, so it is reachable from the keyboard too).
 */
function CostCard({ stat, plan }: { stat: HeadlineStat; plan: Plan }) {
  const parts = breakdownParts(plan.cost.breakdown)
  const unpriced = unpricedShortText(plan.cost)
  return (
    <div data-testid="stat-cost" className={`${card} sm:col-span-2 xl:col-span-3`}>
      <dt className="text-sm text-slate-600 dark:text-slate-400">{stat.label}</dt>
      <dd className="mt-1 text-2xl font-semibold" data-testid="stat-cost-value">
        {stat.value}
      </dd>
      <dd className={detailClass}>{stat.detail}</dd>
      {parts.length > 0 ? (
        <dd className="mt-2">
          <ul
            aria-label="The total by part"
            data-testid="stat-cost-breakdown"
            className="flex flex-wrap gap-x-4 gap-y-1 text-sm"
          >
            {parts.map((part) => (
              <li key={part.part} data-part={part.part}>
                {part.name} <span className="font-medium">{formatUsd(part.usd)}</span>
              </li>
            ))}
          </ul>
        </dd>
      ) : null}
      {unpriced ? (
        <dd className="mt-2 text-sm">
          <details data-testid="stat-cost-unpriced">
            <summary className="cursor-pointer text-slate-700 underline decoration-dotted underline-offset-2 dark:text-slate-300">
              {unpriced}
            </summary>
            <ul className="mt-1 grid list-disc gap-1 pl-5 text-xs text-slate-700 dark:text-slate-300">
              {plan.cost.unpriced.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </details>
        </dd>
      ) : null}
    </div>
  )
}

export function HeadlineNumbers({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="headline-heading" className="grid gap-3">
      <h2 id="headline-heading" className="text-lg font-semibold">
        At this plan
      </h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {headlineStats(plan).map((stat) =>
          stat.id === "cost" ? (
            <CostCard key={stat.id} stat={stat} plan={plan} />
          ) : (
            <div key={stat.id} data-testid={`stat-${stat.id}`} className={card}>
              <dt className="text-sm text-slate-600 dark:text-slate-400">{stat.label}</dt>
              <dd className="mt-1 text-2xl font-semibold" data-testid={`stat-${stat.id}-value`}>
                {stat.value}
              </dd>
              <dd className={detailClass}>{stat.detail}</dd>
            </div>
          )
        )}
      </dl>
    </section>
  )
}
