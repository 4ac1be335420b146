// The dry run in words, for the page: who decides the root and how, and the tail policies applied.
import { formatDuration, formatInteger, formatPercent } from "@/lib/format"
import { LANGUAGE_LABELS } from "@/lib/plan/choices"

import type { DryRunResult, HeadRule } from "./dry-run"

/** Whose code makes the head decision, for a sentence. */
function decider(head: HeadRule): string {
  if (head.decidedBy === "dapr") return "this service's Dapr sidecar"
  if (head.decidedBy === "caller")
    return head.runtime === "dapr"
      ? "the calling Dapr app's sidecar (assumed to run this Dapr Configuration)"
      : `the calling app's ${LANGUAGE_LABELS[head.runtime]} SDK (assumed to run this plan's sampler)`
  return `the app's ${head.runtime === "dapr" ? "Go" : LANGUAGE_LABELS[head.runtime]} SDK`
}

/**
 * The head decision in one sentence.
 *
 * @example
 * headSentence({ decidedBy: "dapr", sampler: "parentbased_traceidratio", ratio: 0.1, runtime: "dapr", kind: "trace-id-ratio" })
 * //=> "Head decision: this service's Dapr sidecar keeps 10 % by trace id, with the Go SDK's TraceIDRatioBased (the low 8 bytes, shifted right by one, against 10 % × 2^63)."
 */
export function headSentence(head: HeadRule): string {
  const who = decider(head)
  const fallback = head.unsupported
    ? `: the SDK cannot read ${head.unsupported} from OTEL_TRACES_SAMPLER and runs ${head.sampler} instead`
    : ""
  if (head.kind === "all") return `Head decision: ${who} keeps every trace (${head.sampler})${fallback}.`
  if (head.kind === "none") return `Head decision: ${who} keeps no trace (${head.sampler})${fallback}.`
  if (head.kind === "random")
    return `Head decision: ${who} runs X-Ray's rule (1 request a second, then 5 %), which draws at random rather than from the trace id: a fixed-seed draw at its share stands in${fallback}.`
  const rate = formatPercent(head.ratio)
  const how: Record<HeadRule["runtime"], string> = {
    dapr: `the Go SDK's TraceIDRatioBased (the low 8 bytes, shifted right by one, against ${rate} × 2^63)`,
    go: `its TraceIDRatioBased (the low 8 bytes, shifted right by one, against ${rate} × 2^63)`,
    python: `its TraceIdRatioBased (the low 64 bits against round(${rate} × 2^64))`,
    java: `its TraceIdRatioBased (the absolute value of the low 64 bits as a signed long against ${rate} × Long.MAX_VALUE)`,
    dotnet: `its TraceIdRatioBasedSampler (the high 64 bits, sign bit cleared, against ${rate} × long.MaxValue)`,
    node: `its TraceIdRatioBasedSampler (the XOR of the four 32-bit words against ${rate} × 0xffffffff)`,
  }
  const assumed = head.sampler.includes("jaeger_remote") ? " (the rate assumed for Jaeger remote)" : ""
  return `Head decision: ${who} keeps ${rate}${assumed} by trace id, with ${how[head.runtime]}${fallback}.`
}

/**
 * The tail policies in one sentence, or null without tail sampling.
 *
 * @example
 * tailSentence({ keepErrors: true, latencyThresholdMs: 1000, baselinePercent: 10, spansPerSecond: null }, 5000)
 * //=> "Then the Collector's tail_sampling keeps a trace when any policy samples it: an ERROR span anywhere, a trace lasting 1 s or more or the 10 % baseline (its own FNV-1a hash of the trace id)."
 */
export function tailSentence(tail: DryRunResult["tail"], rps: number): string | null {
  if (!tail) return null
  const policies: string[] = []
  if (tail.keepErrors) policies.push("an ERROR span anywhere")
  if (tail.latencyThresholdMs !== null)
    policies.push(`a trace lasting ${formatDuration(tail.latencyThresholdMs)} or more`)
  const baselineKept = !(tail.baselinePercent === 0 && policies.length > 0)
  if (baselineKept) {
    const baseline = `the ${formatPercent(tail.baselinePercent / 100)} baseline (its own FNV-1a hash of the trace id)`
    policies.push(
      tail.spansPerSecond === null
        ? baseline
        : `${baseline} within ${formatInteger(tail.spansPerSecond)} spans/s, the traces replayed in the order they started at the plan's ${formatInteger(rps)} requests/s`
    )
  }
  const list = policies.length > 1 ? `${policies.slice(0, -1).join(", ")} or ${policies.at(-1)}` : policies[0]
  return `Then the Collector's tail_sampling keeps a trace when any policy samples it: ${list}.`
}
