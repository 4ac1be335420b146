import { formatBytes, formatCount, formatInteger, formatPercent, formatUsd } from "@/lib/format"
import { BACKENDS } from "@/lib/plan/backends"
import type { Plan } from "@/lib/plan/build-plan"
import { costBasis, unpricedComputeText } from "@/lib/plan/cost-basis"

interface Stat {
  id: string
  label: string
  value: string
  detail: string
}

/** The exact figure under a rounded one: every digit from a thousand up; below, the rounded figure itself (2.59, not "3"). */
const exactCount = (value: number) => (Math.abs(value) >= 1000 ? formatInteger(value) : formatCount(value))

function stats(plan: Plan): Stat[] {
  const { volume, storage, cost, input } = plan
  const backend = BACKENDS[input.backend]
  return [
    {
      id: "requests",
      label: "Requests per day",
      value: formatCount(volume.requestsPerDay),
      detail: `${exactCount(volume.requestsPerDay)} requests/day`,
    },
    {
      id: "traces",
      label: "Traces kept per day",
      value: formatCount(volume.tracesPerDay),
      detail: `${exactCount(volume.tracesPerDay)} traces/day at ${formatPercent(volume.probability)}`,
    },
    {
      id: "spans",
      label: "Spans per day",
      value: formatCount(volume.spansPerDay),
      detail: `${exactCount(volume.spansPerDay)} spans/day; peak ${formatCount(volume.peakSpansPerSecond)} spans/s`,
    },
    {
      id: "bytes",
      label: "Raw OTLP per day",
      value: formatBytes(volume.ingestBytesPerDay),
      detail: `${formatBytes(volume.peakIngestBytesPerSecond)}/s at peak, before compression`,
    },
    {
      id: "storage",
      label: `Storage at ${input.retentionDays}-day retention`,
      value: formatBytes(storage.retainedBytes),
      detail:
        storage.basis === "backend-disk"
          ? `${formatBytes(storage.storedBytesPerDay)}/day on ${backend.label}`
          : backend.includedRetentionDays !== undefined && backend.includedRetentionDays !== input.retentionDays
            ? `raw OTLP over ${input.retentionDays} days; ${backend.label} keeps ${backend.includedRetentionDays} days at its price and does not publish its stored size`
            : `raw OTLP kept ${input.retentionDays} days (${backend.label} does not publish its stored size)`,
    },
    {
      id: "cost",
      label: "Cost per month",
      value: `${formatUsd(cost.monthlyUsd)}/mo`,
      // What the figure leaves out is said beside it, not only in the cost breakdown.
      detail: [
        `${backend.label}, ${costBasis(plan, backend.hosting)}`,
        unpricedComputeText(plan),
        cost.extrapolated === null ? "" : "extrapolated past the published prices (see the cost breakdown)",
      ]
        .filter(Boolean)
        .join("; "),
    },
  ]
}

export function HeadlineNumbers({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="headline-heading" className="grid gap-3">
      <h2 id="headline-heading" className="text-lg font-semibold">
        At this plan
      </h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {stats(plan).map((stat) => (
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
