// The assumptions in words.
import { BACKENDS } from "../backends"
import type { Assumption } from "../assumptions"

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
      return "Requests enter through the Dapr sidecar (service invocation): Dapr's samplingRate starts the traces and a parent-based app follows it."
    case "app-decides-dapr-follows":
      return "Requests reach the app's port without passing its Dapr sidecar: the app's sampler starts the traces and Dapr follows each decision."
    case "one-trace-per-request":
      return "Every request at the entry service starts one trace; parent-based services downstream follow its decision, so rates do not multiply along the path."
    case "averages":
      return `Spans per trace (${assumption.spansPerTrace}) and bytes per span (${assumption.spanBytes} B raw OTLP protobuf) are averages over all sampled traces.`
    case "steady-state":
      return `A month is ${assumption.daysPerMonth} days; storage and cost are at the steady state reached after ${assumption.retentionDays} days of retention.`
    case "average-rate":
      return "Storage and cost follow the average request rate; peak figures size collectors and ingest limits."
    case "remote-rate":
      return `${assumption.sampler} takes its rate from a Jaeger server at run time; ${assumption.ratio} is the rate assumed here (Jaeger's own default is 0.001).`
    case "xray-default-rule":
      return "X-Ray's default rule is modelled: 1 request/s always sampled, then 5 % of the rest; the ratio field is not used."
    case "backend-stored-size":
      return `${BACKENDS[assumption.backend].label} stores ${assumption.storedBytesFactor} bytes per raw byte, ${assumption.copies} ${assumption.copies === 1 ? "copy" : "copies"}, plus ${assumption.headroomPercent} % for ${assumption.headroomFor}.`
    case "backend-size-unpublished":
      return `${BACKENDS[assumption.backend].label} does not publish its stored size; storage shows the raw OTLP bytes kept for ${assumption.retentionDays} days.`
  }
}
