import type { Plan } from "@/lib/plan/build-plan"
import { headlineStats } from "@/lib/plan/text/headline"

export function HeadlineNumbers({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="headline-heading" className="grid gap-3">
      <h2 id="headline-heading" className="text-lg font-semibold">
        At this plan
      </h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {headlineStats(plan).map((stat) => (
          <div
            key={stat.id}
            data-testid={`stat-${stat.id}`}
            className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
          >
            <dt className="text-sm text-slate-600 dark:text-slate-400">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold" data-testid={`stat-${stat.id}-value`}>
              {stat.value}
            </dd>
            <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{stat.detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
