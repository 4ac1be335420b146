import { formatBytes, formatCount, formatInteger, formatUsd } from "@/lib/format"
import type { Plan } from "@/lib/plan/build-plan"

/** What health checks and scrapes cost when traced, and whether they are. */
export function ProbeSummary({ plan }: { plan: Plan }) {
  const { probes } = plan
  const added = `${formatCount(probes.ifTraced.tracesPerDay)} traces/day, ${formatBytes(probes.ifTraced.ingestBytesPerDay)}/day and ${formatUsd(probes.ifTraced.monthlyUsd)}/mo`
  return (
    <p
      className="rounded-md bg-slate-50 p-2 text-xs text-slate-700 dark:bg-slate-900 dark:text-slate-300"
      data-testid="probe-summary"
    >
      Probes send {formatInteger(probes.requestsPerDay)} requests/day.{" "}
      {probes.droppedBy === "sdk"
        ? `Excluded, they add nothing; traced they would add ${added}.`
        : probes.droppedBy === "collector"
          ? `The Collector drops them after the apps trace and send them: nothing stored, ${formatUsd(probes.monthlyUsd)}/mo of traffic to the Collector; kept they would add ${added}.`
          : `Traced, they add ${added}; excluding them saves that.`}
    </p>
  )
}
