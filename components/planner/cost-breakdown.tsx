import { formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { SOURCES } from "@/lib/sources"

export function CostBreakdown({ plan }: { plan: Plan }) {
  const backend = BACKENDS[plan.input.backend]
  const priceSource = SOURCES[backend.priceSource]
  return (
    <section aria-labelledby="breakdown-heading" className="render-when-near grid gap-3">
      <h2 id="breakdown-heading" className="text-lg font-semibold">
        How {formatUsd(plan.cost.monthlyUsd)}/mo on {backend.label} adds up
      </h2>
      <ul className="grid gap-1 text-sm" data-testid="cost-lines">
        {plan.cost.lines.map((line) => (
          <li key={line.label} className="flex flex-wrap justify-between gap-x-4 border-b border-slate-100 py-1 dark:border-slate-800">
            <span>{line.label}</span>
            <span className="font-medium">{formatUsd(line.usd)}</span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Price: {priceSource.title} —{" "}
        <a href={`#source-${priceSource.id}`} className="underline decoration-dotted underline-offset-2">
          source
        </a>
        , as of {priceSource.asOf}.
      </p>
      <h3 className="text-sm font-semibold">Assumptions</h3>
      <ul className="grid list-disc gap-1 pl-5 text-sm text-slate-700 dark:text-slate-300" data-testid="assumptions">
        {[...plan.assumptions, ...plan.cost.notes].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  )
}
