// The setup lint as a table of rules: each says when it applies and with which facts (ids and
// numbers, no words). text/lint.ts words the findings; lint.ts joins the two.
import { BACKEND_OTLP_RECEIVERS, backendsReceivingAt, collectorEndpoint, isBackendReceiver } from "./receivers"
import type { BackendId } from "./backends"
import { endpointPath } from "./endpoint-url"
import type { Figures } from "./figures"
import { probeDrop, probeRequestsPerDay } from "./probes"
import {
  callerDecides,
  daprDecides,
  daprTracingOn,
  effectiveProbability,
  ENV_SAMPLER_SUPPORT,
  type EntryPoint,
  SAMPLER_INFO,
  type Sampler,
  samplerHeadRate,
} from "./samplers"
import { SECONDS_PER_DAY } from "./volume"
import type { Language, PlanInput } from "./fields"
import { tailSizingFor } from "./tail"
import { CLOUD_TRACE_SPANS_PER_DAY_QUOTA } from "./cost-facts"
import { tempoFigures } from "./tempo"
import { type AuthVendor, NO_OTLP_AUTH_SECRET, saasOtlpAuth } from "./otlp-auth"

/**
 * Who decides before a service: the Dapr sidecar requests enter through, another Dapr app calling
 * it (service invocation), or the services upstream.
 */
export type Upstream = { kind: "dapr" } | { kind: "caller" } | { kind: "services"; services: number }

/** Dapr's rate against the app's sampler, and what each gives: which one the figures use. */
export interface RateDisagreement {
  sampler: Sampler
  /** The app's own head probability (its sampler and ratio; X-Ray's rule at the average rate). */
  appRate: number
  /** Dapr's samplingRate. */
  daprRate: number
  /** Root traces a day at the app's own rate and at Dapr's. */
  appTracesPerDay: number
  daprTracesPerDay: number
}

/** The facts each rule reports when it applies, by rule id. */
export interface LintFactsById {
  "fragmented-traces": { upstream: Upstream; language: Language }
  "downstream-not-parent-based": {
    sampler: Sampler
    upstream: Upstream
    parentBasedForm: "parentbased_always_on" | "parentbased_jaeger_remote"
    /** Dapr's rate the parent-based form would then follow, when it differs from the app's own; else null. */
    daprRate: number | null
    appRate: number
  }
  "dapr-disables-tracing": { entryPoint: EntryPoint; sampler: Sampler; appRate: number; appTracesPerDay: number }
  "dapr-rate-unused": RateDisagreement
  "rates-do-not-multiply": RateDisagreement & { decider: "dapr" | "caller" }
  "sampler-unsupported": {
    sampler: Sampler
    language: Language
    /** What the SDK runs instead, or null when it has no fallback. */
    fallback: Sampler | null
    /** Dapr's rate when the fallback follows the sidecar's decision; null otherwise. */
    daprRatio: number | null
  }
  "tail-bypassed": { endpoint: string; viaDapr: boolean; collectorEndpoint: string }
  "endpoint-other-backend": {
    endpoint: string
    viaDapr: boolean
    /** The backends whose intake the endpoint looks like. */
    receivers: BackendId[]
    /** The backend the figures price. */
    backend: BackendId
    /** That backend's own OTLP receiver (host:port), or null when a contrib exporter writes to it. */
    backendReceiver: string | null
    collectorEndpoint: string
  }
  "grpc-endpoint-path": { endpoint: string; path: string; host: string; origin: string; viaDapr: boolean }
  "tail-keeps-nothing": Record<string, never>
  "tail-needs-load-balancing": { spansPerSecondIn: number; replicas: number; loadBalancerReplicas: number }
  "tail-after-head-sampling": { headProbability: number }
  "tempo-ingest-limit": {
    peakBytesPerSecond: number
    rateLimitBytesPerSecond: number
    distributorsForLimit: number
    sizedDistributors: number
  }
  "cloud-trace-quota": { spansPerDay: number; maxSpansPerDay: number }
  "saas-credentials-missing": {
    /** The intake's host (and port), as the endpoint names it. */
    host: string
    vendor: AuthVendor
    /** The header the intake reads the key from. */
    header: string
    collectorEndpoint: string
  }
  "plan-over-limits": {
    /** The plan's whole bill and the budget it is over; null when within it (or no budget). */
    overBudget: { monthlyUsd: number; budgetUsdPerMonth: number; freeOnly: boolean; backendUsd: number } | null
    /** The plan's storage at retention and the cap it is over; null when within it (or no cap). */
    overStorageCap: { retainedBytes: number; storageCapBytes: number } | null
    retentionDays: number
  }
  "health-checks-traced": {
    probeRequestsPerDay: number
    language: Language
    excludedUrls: string
    /** The backend intake the apps send to when they are excluded but only a Collector would drop them; else null. */
    bypassedEndpoint: string | null
    collectorEndpoint: string
  }
}

export type LintId = keyof LintFactsById
export type LintSeverity = "error" | "warning" | "info"

/** One lint rule: its id, how serious, and the facts when it applies to a plan (null when not). */
export interface LintRule<K extends LintId = LintId> {
  id: K
  severity: LintSeverity
  applies(input: PlanInput, figures: Figures): LintFactsById[K] | null
}

/** A rule that applied, with its facts. */
export type LintFinding = { [K in LintId]: { id: K; severity: LintSeverity; facts: LintFactsById[K] } }[LintId]

// Ties each rule's id to its facts' type in the table below.
const rule = <K extends LintId>(definition: LintRule<K>): LintRule<K> => definition

/** Whether something decides before the app: a sidecar requests enter through, or services upstream. */
function upstreamOf(input: PlanInput): Upstream | null {
  // A sidecar the requests enter through decides before the app; one they bypass follows the app.
  if (daprDecides(input)) return { kind: "dapr" }
  if (callerDecides(input)) return { kind: "caller" }
  const services = input.topology?.length ?? 1
  return services > 1 ? { kind: "services", services } : null
}

/**
 * Dapr traces at a rate other than the app sampler's own head rate ({@link samplerHeadRate}): one
 * of the two decides and the other is misread as the rate in force. The facts say what each gives.
 * Null for a sampler the app's SDK cannot read (the sampler-unsupported rule words that case).
 */
function rateDisagreement(input: PlanInput): RateDisagreement | null {
  if (!daprTracingOn(input) || input.daprSamplingRate === samplerHeadRate(input.sampler, input.ratio)) return null
  // An SDK that cannot read the sampler runs something else, or nothing: sampler-unsupported says so.
  if (!ENV_SAMPLER_SUPPORT[input.language].supported.includes(input.sampler)) return null
  const appRate = effectiveProbability(input.sampler, input.ratio, input.rps)
  const daprRate = Math.min(1, input.daprSamplingRate)
  const perDay = (rate: number) => input.rps * SECONDS_PER_DAY * rate
  return {
    sampler: input.sampler,
    appRate,
    daprRate,
    appTracesPerDay: perDay(appRate),
    daprTracesPerDay: perDay(daprRate),
  }
}

/** Every lint rule, in the order findings are reported. */
export const LINT_RULES = [
  rule({
    id: "fragmented-traces",
    severity: "error",
    applies(input) {
      const upstream = upstreamOf(input)
      return input.sampler === "traceidratio" && upstream ? { upstream, language: input.language } : null
    },
  }),
  rule({
    id: "downstream-not-parent-based",
    severity: "warning",
    applies(input) {
      const upstream = upstreamOf(input)
      // Plain traceidratio is worse (fragments): the rule above reports it instead.
      if (!upstream || input.sampler === "traceidratio" || input.sampler === "always_off") return null
      if (SAMPLER_INFO[input.sampler].parentBased) return null
      const appRate = effectiveProbability(input.sampler, input.ratio, input.rps)
      // Behind Dapr the parent-based form follows Dapr's rate, not its own: say so when they differ.
      const daprRate = upstream.kind !== "services" && daprTracingOn(input) ? Math.min(1, input.daprSamplingRate) : null
      return {
        sampler: input.sampler,
        upstream,
        parentBasedForm: input.sampler === "always_on" ? "parentbased_always_on" : "parentbased_jaeger_remote",
        daprRate: daprRate !== null && daprRate !== appRate ? daprRate : null,
        appRate,
      }
    },
  }),
  rule({
    id: "dapr-disables-tracing",
    severity: "warning",
    applies(input, figures) {
      if (!input.daprEnabled || input.daprSamplingRate !== 0) return null
      return {
        entryPoint: input.entryPoint,
        sampler: figures.root.sampler,
        appRate: figures.headProbability,
        appTracesPerDay: input.rps * SECONDS_PER_DAY * figures.headProbability,
      }
    },
  }),
  rule({
    id: "dapr-rate-unused",
    severity: "warning",
    applies(input, figures) {
      const disagreement = rateDisagreement(input)
      return disagreement && figures.root.decidedBy === "app" && input.entryPoint === "app" ? disagreement : null
    },
  }),
  rule({
    id: "rates-do-not-multiply",
    severity: "warning",
    applies(input, figures) {
      const disagreement = rateDisagreement(input)
      const decider = figures.root.decidedBy
      return disagreement && decider !== "app" ? { ...disagreement, decider } : null
    },
  }),
  rule({
    id: "sampler-unsupported",
    severity: "error",
    applies(input) {
      const support = ENV_SAMPLER_SUPPORT[input.language]
      if (support.supported.includes(input.sampler)) return null
      return {
        sampler: input.sampler,
        language: input.language,
        fallback: support.fallback ?? null,
        daprRatio: support.fallback && daprDecides(input) ? input.daprSamplingRate : null,
      }
    },
  }),
  rule({
    id: "tail-bypassed",
    severity: "error",
    applies: (input) =>
      input.tailSampling && isBackendReceiver(input.otlpEndpoint)
        ? {
            endpoint: input.otlpEndpoint,
            viaDapr: input.daprEnabled,
            collectorEndpoint: collectorEndpoint(input.protocol),
          }
        : null,
  }),
  rule({
    id: "endpoint-other-backend",
    severity: "warning",
    applies(input) {
      const receivers = backendsReceivingAt(input.otlpEndpoint)
      if (input.tailSampling || receivers.length === 0 || receivers.includes(input.backend)) return null
      return {
        endpoint: input.otlpEndpoint,
        viaDapr: input.daprEnabled,
        receivers,
        backend: input.backend,
        backendReceiver: BACKEND_OTLP_RECEIVERS[input.backend] ?? null,
        collectorEndpoint: collectorEndpoint(input.protocol),
      }
    },
  }),
  rule({
    id: "grpc-endpoint-path",
    severity: "warning",
    applies(input) {
      const path = endpointPath(input.otlpEndpoint)
      if (input.protocol !== "grpc" || !path) return null
      const url = new URL(input.otlpEndpoint)
      return { endpoint: input.otlpEndpoint, path, host: url.host, origin: url.origin, viaDapr: input.daprEnabled }
    },
  }),
  rule({
    id: "tail-keeps-nothing",
    severity: "warning",
    applies: (input) =>
      input.tailSampling && !input.tailKeepErrors && !input.tailKeepSlow && input.tailBaselinePercent === 0 ? {} : null,
  }),
  rule({
    id: "tail-needs-load-balancing",
    severity: "info",
    applies(input, figures) {
      if (!input.tailSampling) return null
      const sizing = tailSizingFor(input, figures.headProbability)
      return sizing.needsLoadBalancing
        ? {
            spansPerSecondIn: sizing.spansPerSecondIn,
            replicas: sizing.replicas,
            loadBalancerReplicas: sizing.loadBalancerReplicas,
          }
        : null
    },
  }),
  rule({
    id: "tail-after-head-sampling",
    severity: "warning",
    applies: (input, figures) =>
      input.tailSampling && figures.headProbability < 1 ? { headProbability: figures.headProbability } : null,
  }),
  rule({
    id: "tempo-ingest-limit",
    severity: "warning",
    applies(input, figures) {
      if (input.backend !== "tempo" || figures.sizing === null) return null
      const tempo = tempoFigures(figures.volume.peakIngestBytesPerSecond, input.tempoVersion, figures.sizing)
      if (tempo.peakIngestBytesPerSecond < tempo.rateLimitBytesPerSecond) return null
      return {
        peakBytesPerSecond: tempo.peakIngestBytesPerSecond,
        rateLimitBytesPerSecond: tempo.rateLimitBytesPerSecond,
        distributorsForLimit: tempo.distributorsForLimit,
        sizedDistributors: tempo.sizing.distributors,
      }
    },
  }),
  rule({
    id: "cloud-trace-quota",
    severity: "warning",
    applies: (input, figures) =>
      input.backend === "google-cloud-trace" && figures.volume.spansPerDay > CLOUD_TRACE_SPANS_PER_DAY_QUOTA.max
        ? { spansPerDay: figures.volume.spansPerDay, maxSpansPerDay: CLOUD_TRACE_SPANS_PER_DAY_QUOTA.max }
        : null,
  }),
  rule({
    id: "saas-credentials-missing",
    severity: "error",
    applies(input) {
      const auth = saasOtlpAuth(input.otlpEndpoint)
      if (!auth || input.otlpAuthSecret !== NO_OTLP_AUTH_SECRET) return null
      return {
        host: new URL(input.otlpEndpoint).host,
        vendor: auth.vendor,
        header: auth.header,
        collectorEndpoint: collectorEndpoint(input.protocol),
      }
    },
  }),
  rule({
    // The plan as set breaks a limit the user gave: said where the decision is, not only beside the
    // chart's points. "Free only" (0) is about the backend's own part, as the recommendation reads it.
    id: "plan-over-limits",
    severity: "error",
    applies(input, figures) {
      const budget = input.budgetUsdPerMonth ?? null
      const { storageUsd, backendComputeUsd, vendorUsd } = figures.cost.breakdown
      const backendUsd = storageUsd + backendComputeUsd + vendorUsd
      const monthlyUsd = figures.cost.monthlyUsd
      const overBudget =
        budget !== null && (budget === 0 ? backendUsd > 0 : monthlyUsd > budget)
          ? { monthlyUsd, budgetUsdPerMonth: budget, freeOnly: budget === 0, backendUsd }
          : null
      const retainedBytes = figures.storage.retainedBytes
      const cap = input.storageCapBytes
      const overStorageCap = cap > 0 && retainedBytes > cap ? { retainedBytes, storageCapBytes: cap } : null
      return overBudget || overStorageCap ? { overBudget, overStorageCap, retentionDays: input.retentionDays } : null
    },
  }),
  rule({
    id: "health-checks-traced",
    severity: "warning",
    // Traced and kept: not excluded, or excluded where only the Collector drops them and the apps
    // send past it.
    applies: (input) =>
      probeDrop(input) === null && input.probesPerReplica > 0
        ? {
            probeRequestsPerDay: probeRequestsPerDay(input),
            language: input.language,
            excludedUrls: input.excludedUrls,
            bypassedEndpoint: input.excludeHealthChecks ? input.otlpEndpoint : null,
            collectorEndpoint: collectorEndpoint(input.protocol),
          }
        : null,
  }),
] as const satisfies readonly LintRule[]

/**
 * The rules that apply to a plan, with their facts, in table order. `figures` are the plan's own
 * (figuresFor(input)): pass them when already computed, so the plan is figured once.
 *
 * @example
 * lintFindings({ ...DEFAULT_INPUT, sampler: "traceidratio" }, figuresFor({ ...DEFAULT_INPUT, sampler: "traceidratio" }))
 * //=> [{ id: "fragmented-traces", severity: "error", facts: { upstream: { kind: "dapr" }, language: "python" } }]
 */
export function lintFindings(input: PlanInput, figures: Figures): LintFinding[] {
  const findings: LintFinding[] = []
  for (const { id, severity, applies } of LINT_RULES as readonly LintRule[]) {
    const facts = applies(input, figures)
    if (facts !== null) findings.push({ id, severity, facts } as LintFinding)
  }
  return findings
}
