// The assumptions a plan's figures rest on, as ids and numbers; text/assumptions.ts words them.
import { BACKENDS, type BackendId } from "./backends"
import { DAYS_PER_MONTH } from "./month"
import type { Language, PlanInput } from "./fields"
import { crossZoneShare } from "./network"
import { GZIP_WIRE_FACTOR } from "./prices"
import { probeDrop } from "./probes"
import { callerDecides, daprDecides, daprTracingOn, SAMPLER_INFO, samplerRun, type Sampler } from "./samplers"
import type { BackendSizing, SizingNote } from "./sizing"

/** One assumption, by id with the numbers it states. */
export type Assumption =
  | { id: "sdk-runs-other-sampler"; language: Language; sampler: Sampler; runs: Sampler; behindDapr: boolean }
  /** Requests reach the sidecar without context: Dapr's rate starts the traces. */
  | { id: "dapr-decides"; daprRate: number }
  /** Requests reach the app's port: the app's sampler decides and Dapr follows. */
  | { id: "app-decides-dapr-follows"; daprRate: number }
  /** Service invocation: the caller's side decides; assumed to run this Configuration's rate (or, with "0", this sampler). */
  | { id: "caller-decides"; daprRate: number }
  /** Dapr "0": the sidecar traces nothing and sends no traceparent, so the app decides. */
  | { id: "dapr-tracing-off" }
  | { id: "one-trace-per-request" }
  | { id: "averages"; spansPerTrace: number; spanBytes: number }
  | { id: "steady-state"; daysPerMonth: number; retentionDays: number }
  | { id: "average-rate" }
  /** Excluded probes are dropped by the Collector's filter: still traced and sent, not kept. */
  | { id: "probes-dropped-at-collector"; language: Language }
  /** Tail sampling keeps errors: its status_code policy matches any span in ERROR, not only failed requests. */
  | { id: "errors-any-span"; errorRate: number }
  | { id: "remote-rate"; sampler: Sampler; ratio: number }
  | { id: "xray-default-rule" }
  | {
      id: "backend-stored-size"
      backend: BackendId
      storedBytesFactor: number
      copies: number
      headroomPercent: number
      headroomFor: string
    }
  | { id: "backend-size-unpublished"; backend: BackendId; retentionDays: number }
  /** What compute costs: the per-vCPU and per-GB prices, and the Collector's per-core override. */
  | { id: "compute-prices"; usdPerVcpuMonth: number; usdPerGbMonth: number; collectorUsdPerCore: number | null }
  /** How traffic crosses zones and how much the wire carries. */
  | { id: "zones"; zones: number; crossingShare: number; usdPerGb: number; gzipFactor: number }
  /** A sizing figure that is not published, a single-node backend, or a cheaper Tempo mode. */
  | { id: "sizing"; backend: BackendId; note: SizingNote }

/** Who makes the root decision with Dapr in the path, and at which rate. */
function daprAssumptions(input: PlanInput): Assumption[] {
  if (!input.daprEnabled) return []
  const daprRate = Math.min(1, input.daprSamplingRate)
  if (callerDecides(input)) return [{ id: "caller-decides", daprRate }]
  if (!daprTracingOn(input)) return [{ id: "dapr-tracing-off" }]
  return [daprDecides(input) ? { id: "dapr-decides", daprRate } : { id: "app-decides-dapr-follows", daprRate }]
}

/**
 * The assumptions the plan's figures rest on, in the order the page lists them.
 *
 * @example
 * assumptionFacts(DEFAULT_INPUT).map((assumption) => assumption.id)
 * //=> ["dapr-decides", "one-trace-per-request", "averages", "steady-state", "average-rate", "backend-stored-size",
 * //     "compute-prices", "zones"]
 */
export function assumptionFacts(input: PlanInput, sizing: BackendSizing | null = null): Assumption[] {
  const sampler = SAMPLER_INFO[input.sampler]
  const backend = BACKENDS[input.backend]
  const run = samplerRun(input.language, input.sampler)
  const assumptions: Assumption[] = [
    ...(run === input.sampler
      ? []
      : [
          {
            id: "sdk-runs-other-sampler" as const,
            language: input.language,
            sampler: input.sampler,
            runs: run,
            behindDapr: daprDecides(input),
          },
        ]),
    ...daprAssumptions(input),
    { id: "one-trace-per-request" },
    { id: "averages", spansPerTrace: input.spansPerTrace, spanBytes: input.spanBytes },
    { id: "steady-state", daysPerMonth: DAYS_PER_MONTH, retentionDays: input.retentionDays },
    { id: "average-rate" },
  ]
  if (input.probesPerReplica > 0 && probeDrop(input) === "collector")
    assumptions.push({ id: "probes-dropped-at-collector", language: input.language })
  if (input.tailSampling && input.tailKeepErrors)
    assumptions.push({ id: "errors-any-span", errorRate: input.errorRate })
  // A sampler the SDK cannot run models nothing: the first assumption says what runs instead.
  if (sampler.basis === "assumed" && run === input.sampler)
    assumptions.push({ id: "remote-rate", sampler: input.sampler, ratio: input.ratio })
  if (sampler.basis === "rule" && run === input.sampler) assumptions.push({ id: "xray-default-rule" })
  if (backend.storage) {
    const s = backend.storage
    assumptions.push({
      id: "backend-stored-size",
      backend: input.backend,
      storedBytesFactor: s.storedBytesFactor,
      copies: s.copies,
      headroomPercent: Math.round((s.headroom - 1) * 100),
      headroomFor: s.headroomFor,
    })
  } else {
    assumptions.push({ id: "backend-size-unpublished", backend: input.backend, retentionDays: input.retentionDays })
  }
  assumptions.push({
    id: "compute-prices",
    usdPerVcpuMonth: input.computeUsdPerVcpuMonth,
    usdPerGbMonth: input.computeUsdPerGbMonth,
    collectorUsdPerCore: input.collectorUsdPerCoreMonth > 0 ? input.collectorUsdPerCoreMonth : null,
  })
  assumptions.push({
    id: "zones",
    zones: input.zones,
    crossingShare: crossZoneShare(input.zones),
    usdPerGb: input.interZoneUsdPerGb,
    gzipFactor: GZIP_WIRE_FACTOR,
  })
  for (const note of sizing?.notes ?? []) assumptions.push({ id: "sizing", backend: input.backend, note })
  return assumptions
}
