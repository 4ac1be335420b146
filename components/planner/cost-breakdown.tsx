import { formatBytes, formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { billGroups } from "@/lib/plan/text/headline"
import { tempoComponentsText, type TempoFigures } from "@/lib/plan/tempo"
import { SOURCES } from "@/lib/sources"

import { CollectorSizingLink } from "./tail-summary"

/** One link to a source's row in the Sources table: its name, the date sits in the table. */
function SourceLink({ id, name }: { id: string; name: string }) {
  return (
    <a href={`#source-${id}`} className="underline decoration-dotted underline-offset-2">
      Source: {name}
    </a>
  )
}

/** What a Tempo cluster runs at the plan's peak: replicas to provision, not in the $ figure. */
function TempoNeeds({ tempo }: { tempo: TempoFigures }) {
  const source = tempo.sizing.version === "3.x" ? SOURCES.tempoSizing3 : SOURCES.tempoSizing2
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
        Priced in the backend compute above. <SourceLink id={source.id} name={source.name} />
      </p>
    </div>
  )
}

const muted = "text-xs text-slate-600 dark:text-slate-400"

export function CostBreakdown({ plan }: { plan: Plan }) {
  const { cost } = plan
  const backend = BACKENDS[plan.input.backend]
  const priceSource = SOURCES[backend.priceSource]
  return (
    <section aria-labelledby="breakdown-heading" className="grid gap-3 render-when-near">
      <h2 id="breakdown-heading" className="text-lg font-semibold">
        How {formatUsd(cost.monthlyUsd)}/mo on {backend.label} adds up
      </h2>
      <div className="grid gap-3" data-testid="cost-lines">
        {billGroups(cost).map((part) => (
          <div key={part.part} className="grid gap-1" data-part={part.part}>
            <h3 className="flex flex-wrap justify-between gap-x-4 text-sm font-semibold">
              <span>{part.name.charAt(0).toUpperCase() + part.name.slice(1)}</span>
              <span>{formatUsd(part.usd)}</span>
            </h3>
            <ul className="grid gap-1 text-sm">
              {part.lines.map((line, index) => (
                <li
                  key={index}
                  className="flex flex-wrap justify-between gap-x-4 border-b border-slate-100 py-1 pl-3 dark:border-slate-800"
                >
                  <span>{line.label}</span>
                  <span>{formatUsd(line.usd)}</span>
                </li>
              ))}
            </ul>
            {part.part === "collectorComputeUsd" ? (
              <p className="pl-3 text-xs text-slate-600 dark:text-slate-400">
                Its replicas and buffer: <CollectorSizingLink />.
              </p>
            ) : null}
          </div>
        ))}
        <p className="flex flex-wrap justify-between gap-x-4 text-sm font-semibold">
          <span>Total</span>
          <span>{formatUsd(cost.monthlyUsd)}/mo</span>
        </p>
      </div>
      {cost.extrapolated ? <p className="text-sm">{cost.extrapolated}</p> : null}
      <p className={muted}>
        Price: <SourceLink id={priceSource.id} name={priceSource.name} />
      </p>
      {plan.tempo ? <TempoNeeds tempo={plan.tempo} /> : null}
      {cost.notes.length > 0 ? (
        <>
          <h3 className="text-sm font-semibold">Notes on the bill</h3>
          <ul className="grid list-disc gap-1 pl-5 text-sm text-slate-700 dark:text-slate-300" data-testid="cost-notes">
            {cost.notes.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {cost.unpriced.length > 0 ? (
        <>
          <h3 id="cost-unpriced" className="scroll-mt-4 text-sm font-semibold">
            Not in the total
          </h3>
          <ul
            className="grid list-disc gap-1 pl-5 text-sm text-slate-700 dark:text-slate-300"
            data-testid="cost-unpriced"
          >
            {cost.unpriced.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="text-sm font-semibold">Assumptions</h3>
      <ul className="grid list-disc gap-1 pl-5 text-sm text-slate-700 dark:text-slate-300" data-testid="assumptions">
        {plan.assumptions.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ul>
    </section>
  )
}
