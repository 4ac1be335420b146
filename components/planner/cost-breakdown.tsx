import { formatBytes, formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { tempoComponentsText, type TempoFigures } from "@/lib/plan/tempo"
import { SOURCES } from "@/lib/sources"

/** What a Tempo cluster runs at the plan's peak: replicas to provision, not in the $ figure. */
function TempoNeeds({ tempo }: { tempo: TempoFigures }) {
  const source = SOURCES.tempoSizing
  return (
    <div className="grid gap-1" data-testid="tempo-sizing">
      <h3 className="text-sm font-semibold">What Tempo runs at the peak</h3>
      <p className="text-sm">
        At {formatBytes(tempo.peakIngestBytesPerSecond)}/s of raw OTLP, {tempoComponentsText(tempo.sizing)}. Each
        distributor admits {formatBytes(tempo.rateLimitBytesPerSecond)}/s per tenant by default (rate_limit_bytes),
        which{" "}
        {tempo.sizing.distributors === 1
          ? "this distributor stays"
          : `these ${tempo.sizing.distributors} distributors stay`}{" "}
        under.
      </p>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Priced in the backend compute above. Sizing: {source.title} —{" "}
        <a href={`#source-${source.id}`} className="underline decoration-dotted underline-offset-2">
          source
        </a>
        , as of {source.asOf}.
      </p>
    </div>
  )
}

export function CostBreakdown({ plan }: { plan: Plan }) {
  const backend = BACKENDS[plan.input.backend]
  const priceSource = SOURCES[backend.priceSource]
  return (
    <section aria-labelledby="breakdown-heading" className="grid gap-3 render-when-near">
      <h2 id="breakdown-heading" className="text-lg font-semibold">
        How {formatUsd(plan.cost.monthlyUsd)}/mo on {backend.label} adds up
      </h2>
      <ul className="grid gap-1 text-sm" data-testid="cost-lines">
        {plan.cost.lines.map((line) => (
          <li
            key={line.label}
            className="flex flex-wrap justify-between gap-x-4 border-b border-slate-100 py-1 dark:border-slate-800"
          >
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
      {plan.tempo ? <TempoNeeds tempo={plan.tempo} /> : null}
      <h3 className="text-sm font-semibold">Assumptions</h3>
      <ul className="grid list-disc gap-1 pl-5 text-sm text-slate-700 dark:text-slate-300" data-testid="assumptions">
        {[...plan.assumptions, ...plan.cost.notes].map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  )
}
