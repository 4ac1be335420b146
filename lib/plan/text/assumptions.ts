// The assumptions in words.
import { formatDecimal, formatPercent, formatUsd } from "@/lib/format"

import { BACKENDS, type BackendId } from "../backends"
import type { Assumption } from "../assumptions"
import { LANGUAGE_LABELS } from "../choices"
import type { SizingNote } from "../sizing"

/**
 * A sizing note in a sentence.
 *
 * @example
 * sizingNoteText("clickhouse", { id: "assumed", what: "ClickHouse queries per second", value: 3, unit: "QPS" })
 * //=> "Assumed, since no figure is published: ClickHouse queries per second, 3 QPS."
 */
export function sizingNoteText(backend: BackendId, note: SizingNote): string {
  switch (note.id) {
    case "assumed":
      return `Assumed, since no figure is published: ${note.what}, ${formatDecimal(note.value, 0, 3)} ${note.unit}.`
    case "badger-single-node":
      return `${BACKENDS[backend].label} runs on one node with one disk and no replication: a single point of failure, fine for development or small setups.`
    case "tempo-monolithic":
      return `At ${formatDecimal(note.peakMegabytesPerSecond, 0, 1)} MB/s Tempo 3.x could run as one monolithic process without Kafka (documented for under ${note.ceilingMegabytesPerSecond} MB/s): cheaper, without the microservices' redundancy. The bill prices microservices.`
  }
}

/**
 * One assumption in a sentence.
 *
 * @example
 * assumptionText({ id: "steady-state", daysPerMonth: 30.4, retentionDays: 7 })
 * //=> "A month is 30.4 days; storage and cost are at the steady state reached after 7 days of retention."
 */
export function assumptionText(assumption: Assumption): string {
  switch (assumption.id) {
    case "sdk-runs-other-sampler":
      return `The ${assumption.language} SDK cannot read OTEL_TRACES_SAMPLER=${assumption.sampler} and runs ${assumption.runs}; the figures use what it runs${assumption.behindDapr ? " (behind Dapr, Dapr's rate)" : ""}.`
    case "dapr-decides":
      return `Requests reach the Dapr sidecar's HTTP API without trace context: Dapr's samplingRate "${formatDecimal(assumption.daprRate, 0, 6)}" starts the traces and a parent-based app follows it.`
    case "app-decides-dapr-follows":
      return `Requests reach the app's port without passing its Dapr sidecar: the app's sampler starts the traces and Dapr follows each decision; its samplingRate "${formatDecimal(assumption.daprRate, 0, 6)}" decides only calls that reach it without context.`
    case "caller-decides":
      return assumption.daprRate > 0
        ? `Another Dapr app calls this one (service invocation): the caller's side makes the root decision and this sidecar and a parent-based app follow its traceparent. The caller's rate is not an input: the figures assume it runs this Dapr Configuration, samplingRate "${formatDecimal(assumption.daprRate, 0, 6)}".`
        : `Another Dapr app calls this one (service invocation) with samplingRate "0": no sidecar traces, the calling app's context passes through, and the figures assume the calling app runs this plan's sampler.`
    case "dapr-tracing-off":
      return `Dapr samplingRate "0" turns the sidecar's tracing off: it records no spans and sends no traceparent, so the app's sampler starts the traces and the sidecar's spans are missing from them.`
    case "one-trace-per-request":
      return "Every request at the entry service starts one trace; parent-based services downstream follow its decision, so rates do not multiply along the path."
    case "averages":
      return `Spans per trace (${assumption.spansPerTrace}) and bytes per span (${assumption.spanBytes} B raw OTLP protobuf) are averages over all sampled traces.`
    case "steady-state":
      return `A month is ${assumption.daysPerMonth} days; storage and cost are at the steady state reached after ${assumption.retentionDays} days of retention.`
    case "average-rate":
      return "Storage, traffic and vendor bills follow the average request rate; the Collector and the backend's components are sized for the peak and priced as running all month."
    case "probes-dropped-at-collector":
      return `The ${LANGUAGE_LABELS[assumption.language]} SDK has no excluded-URL variable, so it traces health checks and scrapes and sends them; the Collector's filter processor drops them. They count in the apps' traffic to the Collector and take their share of the head sampler, not in what is kept or stored.`
    case "errors-any-span":
      return `The tail sampler keeps a trace when any of its spans has status ERROR (a client span on a 4xx, a retried call, a handled exception), not only when the request fails: ${formatPercent(assumption.errorRate)} of requests failing is the least it keeps for errors, and the figures keep that much.`
    case "remote-rate":
      return `${assumption.sampler} takes its rate from a Jaeger server at run time; ${assumption.ratio} is the rate assumed here (Jaeger's own default is 0.001).`
    case "xray-default-rule":
      return "X-Ray's default rule is modelled: 1 request/s always sampled, then 5 % of the rest; the ratio field is not used."
    case "backend-stored-size":
      return `${BACKENDS[assumption.backend].label} stores ${assumption.storedBytesFactor} bytes per raw byte, ${assumption.copies} ${assumption.copies === 1 ? "copy" : "copies"}, plus ${assumption.headroomPercent} % for ${assumption.headroomFor}.`
    case "backend-size-unpublished":
      return `${BACKENDS[assumption.backend].label} does not publish its stored size; storage shows the raw OTLP bytes kept for ${assumption.retentionDays} days.`
    case "compute-prices":
      return `Compute costs ${formatUsd(assumption.usdPerVcpuMonth)} per vCPU and ${formatUsd(assumption.usdPerGbMonth)} per GB of memory a month${assumption.collectorUsdPerCore === null ? "" : `; a Collector core with its memory costs ${formatUsd(assumption.collectorUsdPerCore)}`}; components run all month at the replicas sized.`
    case "zones":
      return assumption.zones === 1
        ? "Everything runs in one zone: no traffic crosses zones."
        : `Pods spread evenly over ${assumption.zones} zones behind Kubernetes Services: ${formatDecimal(assumption.crossingShare * 100, 0, 0)} % of each hop crosses a zone at ${formatUsd(assumption.usdPerGb)}/GB. The Collector's exports are gzip-compressed about ${assumption.gzipFactor}×; apps send uncompressed by default; a backend's replicas copy raw bytes to other zones.`
    case "sizing":
      return sizingNoteText(assumption.backend, assumption.note)
  }
}
