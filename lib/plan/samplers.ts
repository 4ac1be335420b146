import type { SourceId } from "@/lib/sources"

import type { Language } from "./choices"

/** Every value of `OTEL_TRACES_SAMPLER` the OpenTelemetry SDK env spec lists, in lowercase. */
export const SAMPLERS = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
  "parentbased_jaeger_remote",
  "jaeger_remote",
  "xray",
] as const

export type Sampler = (typeof SAMPLERS)[number]

/** How the effective probability of a sampler is known. */
export type ProbabilityBasis =
  /** Fixed by the sampler itself (always_on, always_off). */
  | "fixed"
  /** The sampler argument, `ratio`. */
  | "ratio"
  /** Decided by a remote server at run time; `ratio` is our assumption of what it hands out. */
  | "assumed"
  /** Derived from the sampler's published default rule (X-Ray reservoir + rate). */
  | "rule"

export interface SamplerInfo {
  id: Sampler
  /** Human label for the form. */
  label: string
  /** Whether `OTEL_TRACES_SAMPLER_ARG` carries the ratio for this sampler. */
  takesRatio: boolean
  /** Whether the sampler follows the parent's decision when there is one. */
  parentBased: boolean
  basis: ProbabilityBasis
  /** One line on what the sampler does to root spans. */
  summary: string
  source?: SourceId
}

/** Catalogue of samplers, in {@link SAMPLERS} order. */
export const SAMPLER_INFO: Record<Sampler, SamplerInfo> = {
  always_on: {
    id: "always_on",
    label: "always_on (100 %)",
    takesRatio: false,
    parentBased: false,
    basis: "fixed",
    summary: "Records every trace, ignoring the parent's decision.",
  },
  always_off: {
    id: "always_off",
    label: "always_off (0 %)",
    takesRatio: false,
    parentBased: false,
    basis: "fixed",
    summary: "Records nothing.",
  },
  traceidratio: {
    id: "traceidratio",
    label: "traceidratio",
    takesRatio: true,
    parentBased: false,
    basis: "ratio",
    summary:
      "Keeps the sampling ratio of traces by trace-id hash and ignores the parent; SDKs read different bits of the trace id (Python and Go as Dapr does; JS, Java and .NET otherwise), so traces fragment across languages and wherever rates differ.",
  },
  parentbased_always_on: {
    id: "parentbased_always_on",
    label: "parentbased_always_on (100 % of roots)",
    takesRatio: false,
    parentBased: true,
    basis: "fixed",
    summary: "Roots are always recorded; children follow the parent (the SDK default).",
  },
  parentbased_always_off: {
    id: "parentbased_always_off",
    label: "parentbased_always_off (0 % of roots)",
    takesRatio: false,
    parentBased: true,
    basis: "fixed",
    summary: "Never starts a trace; records only when an upstream service already sampled it.",
  },
  parentbased_traceidratio: {
    id: "parentbased_traceidratio",
    label: "parentbased_traceidratio",
    takesRatio: true,
    parentBased: true,
    basis: "ratio",
    summary: "Roots are kept at the sampling ratio; downstream services follow the root's decision.",
  },
  parentbased_jaeger_remote: {
    id: "parentbased_jaeger_remote",
    label: "parentbased_jaeger_remote (rate assumed)",
    takesRatio: false,
    parentBased: true,
    basis: "assumed",
    summary: "Roots follow the strategy a Jaeger server hands out; the sampling ratio is the rate assumed here.",
    source: "jaegerRemoteAssumed",
  },
  jaeger_remote: {
    id: "jaeger_remote",
    label: "jaeger_remote (rate assumed)",
    takesRatio: false,
    parentBased: false,
    basis: "assumed",
    summary: "Follows the strategy a Jaeger server hands out; the sampling ratio is the rate assumed here.",
    source: "jaegerRemoteAssumed",
  },
  xray: {
    id: "xray",
    label: "xray (1 req/s + 5 %)",
    takesRatio: false,
    parentBased: true,
    basis: "rule",
    summary: "AWS X-Ray default rule: the first request each second, then 5 % of the rest.",
    source: "xraySampling",
  },
}

/** X-Ray's default rule: a reservoir of this many requests per second is always sampled. */
export const XRAY_RESERVOIR_PER_SECOND = 1
/** X-Ray's default rule: the fixed rate applied to requests beyond the reservoir. */
export const XRAY_FIXED_RATE = 0.05

/**
 * Root traces recorded per second by a sampler at a given request rate.
 *
 * Parent-based samplers only decide for roots, so at the entry service this is the rate of
 * traces that exist; downstream services add spans to those traces, not new traces.
 *
 * @param sampler - an `OTEL_TRACES_SAMPLER` value
 * @param ratio - the sampler argument (or, for Jaeger remote, the rate assumed)
 * @param rps - requests per second reaching the entry service
 * @returns sampled traces per second
 *
 * @example
 * sampledTracesPerSecond("parentbased_traceidratio", 0.1, 5000) //=> 500
 * sampledTracesPerSecond("xray", 0.1, 101)                       //=> 6  (1 + 5 % of 100)
 */
export function sampledTracesPerSecond(sampler: Sampler, ratio: number, rps: number): number {
  switch (SAMPLER_INFO[sampler].basis) {
    case "fixed":
      return sampler === "always_on" || sampler === "parentbased_always_on" ? rps : 0
    case "ratio":
    case "assumed":
      return rps * ratio
    case "rule": {
      const reservoir = Math.min(rps, XRAY_RESERVOIR_PER_SECOND)
      return reservoir + (rps - reservoir) * XRAY_FIXED_RATE
    }
  }
}

/**
 * Share of root requests that become recorded traces (0..1).
 *
 * @example
 * effectiveProbability("always_off", 0.5, 5000) //=> 0
 * effectiveProbability("xray", 0.5, 101)         //=> 0.0594059405940594
 */
export function effectiveProbability(sampler: Sampler, ratio: number, rps: number): number {
  if (!(rps > 0)) return 0
  // Said outright where it does not depend on the rate: rps × ratio / rps loses digits (or all of
  // them) once rps × ratio falls below the smallest normal double. Only X-Ray's reservoir does.
  if (SAMPLER_INFO[sampler].basis !== "rule") return samplerHeadRate(sampler, ratio)
  return rps <= XRAY_RESERVOIR_PER_SECOND ? 1 : sampledTracesPerSecond(sampler, ratio, rps) / rps
}

/** The six samplers every SDK implements, as the OpenTelemetry SDK environment variable spec names them. */
const SPEC_SAMPLERS: readonly Sampler[] = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
]

/** What a language's SDK does with OTEL_TRACES_SAMPLER: the names it reads, and what it does with any other. */
export interface EnvSamplerSupport {
  /** Names it turns into that sampler. */
  supported: readonly Sampler[]
  /** What it does with another name, in words (completes "OTEL_TRACES_SAMPLER=xray with go: …"). */
  otherwise: string
  /** The sampler it runs instead of another name; absent when it refuses the name (Java). */
  fallback?: Sampler
  /** Where this is read: repository, tag and commit, and path of the code that reads the variable. */
  source: string
}

/**
 * Samplers each language's SDK reads from OTEL_TRACES_SAMPLER without extra code, and what it does
 * with any other name, as each SDK's env reader at a tagged commit has it (`source`). Four of the
 * five log and fall back to the SDK default, ParentBased(AlwaysOn): 100 % of roots. Java's
 * autoconfigure throws instead; the Java agent bundles the Jaeger remote sampler, so it reads both
 * Jaeger names.
 */
export const ENV_SAMPLER_SUPPORT: Record<Language, EnvSamplerSupport> = {
  node: {
    supported: SPEC_SAMPLERS,
    otherwise: "the JS SDK logs an error and falls back to parentbased_always_on: 100 % of traces",
    fallback: "parentbased_always_on",
    // sdk-trace-base buildSamplerFromEnv: diag.error('OTEL_TRACES_SAMPLER value … invalid, defaulting
    // to "parentbased_always_on"'); sdk-node createSamplerFromEnv returns undefined and the
    // TracerProvider defaults to ParentBased(AlwaysOn). SDK 3.x (sdk-node 0.301.2, sdk-trace 3.1.1)
    // keeps only the sdk-node path, with the same result (test/configs/js-sdk.test.ts runs it).
    source:
      "open-telemetry/opentelemetry-js v2.10.0 (76fa6b509e2b48d9cbee31cb37a2efc61dc4d384) packages/opentelemetry-sdk-trace-base/src/config.ts, experimental/packages/opentelemetry-sdk-node/src/create-from-env.ts",
  },
  python: {
    supported: SPEC_SAMPLERS,
    otherwise: "the Python SDK warns and uses parentbased_always_on (100 %) unless a package registers that sampler",
    fallback: "parentbased_always_on",
    // _import_sampler logs "Using default sampler" and returns None; TracerProvider then calls
    // _get_from_env_or_default, which logs "Couldn't recognize sampler" and uses parentbased_always_on.
    source:
      "open-telemetry/opentelemetry-python v1.44.0 (53a5a40c9604583c501bcf13970a635f00e62df4) opentelemetry-sdk/src/opentelemetry/sdk/trace/sampling.py _get_from_env_or_default, sdk/_configuration/__init__.py _import_sampler",
  },
  go: {
    supported: SPEC_SAMPLERS,
    otherwise: "the Go SDK returns errUnsupportedSampler and keeps its default, ParentBased(AlwaysOn): 100 %",
    fallback: "parentbased_always_on",
    // samplerFromEnv returns errUnsupportedSampler, passed to otel.Handle; no sampler is set and
    // ensureValidTracerProviderConfig sets ParentBased(AlwaysSample()).
    source:
      "open-telemetry/opentelemetry-go v1.45.0 (93a693edeed0e07ce5ebd1dfe67af42d1e2055d8) sdk/trace/sampler_env.go, sdk/trace/provider.go",
  },
  java: {
    supported: [...SPEC_SAMPLERS, "jaeger_remote", "parentbased_jaeger_remote"],
    otherwise:
      "Java autoconfigure throws ConfigurationException on a name no provider registers, so the Java agent fails to start and the service runs untraced. xray needs the AWS X-Ray sampler provider on the classpath, as in the AWS distribution of the Java agent; the figures assume that distribution",
    // configureSampler throws ConfigurationException for a name no ConfigurableSamplerProvider
    // registers; the agent (javaagent-tooling/build.gradle.kts) bundles
    // opentelemetry-sdk-extension-jaeger-remote-sampler, which registers jaeger_remote.
    source:
      "open-telemetry/opentelemetry-java v1.65.0 (7bc11edca518d4de168230c84a71484a66cbac40) sdk-extensions/autoconfigure/src/main/java/io/opentelemetry/sdk/autoconfigure/TracerProviderConfiguration.java; opentelemetry-java-instrumentation v2.31.0 (18da99bef6a5f1becdeb8091136f12c43742b9b7) javaagent-tooling/build.gradle.kts, AgentStarterImpl.java",
  },
  dotnet: {
    supported: SPEC_SAMPLERS,
    otherwise:
      "the .NET SDK reads only the six standard names: it logs that the value is invalid and will be ignored, and keeps its default, ParentBased(AlwaysOn): 100 %",
    fallback: "parentbased_always_on",
    // GetSampler: default branch logs TracesSamplerConfigInvalid (event 54) and returns
    // `sampler ?? new ParentBasedSampler(AlwaysOnSampler.Instance)`; the six names since PR #5448.
    source:
      "open-telemetry/opentelemetry-dotnet core-1.18.0 (9db92a4e978b4ae432183c790259be48a475578f) src/OpenTelemetry/Trace/TracerProviderSdk.cs GetSampler",
  },
}

/**
 * Whether the language's SDK loads the sampler from OTEL_TRACES_SAMPLER (see {@link ENV_SAMPLER_SUPPORT}).
 *
 * @example
 * loadsFromEnv("java", "parentbased_jaeger_remote")   //=> true
 * loadsFromEnv("python", "parentbased_jaeger_remote") //=> false
 */
export function loadsFromEnv(language: Language, sampler: Sampler): boolean {
  return ENV_SAMPLER_SUPPORT[language].supported.includes(sampler)
}

/**
 * The sampler the app's SDK actually runs from OTEL_TRACES_SAMPLER: the one set, or the SDK's
 * fallback when it cannot read that name (JS, Python, Go and .NET run parentbased_always_on).
 * Java refuses a name it cannot read; the figures keep the one set, as an app that starts runs it.
 *
 * @example
 * samplerRun("python", "xray")                     //=> "parentbased_always_on"
 * samplerRun("dotnet", "jaeger_remote")            //=> "parentbased_always_on"
 * samplerRun("java", "parentbased_jaeger_remote")  //=> "parentbased_jaeger_remote"
 */
export function samplerRun(language: Language, sampler: Sampler): Sampler {
  const support = ENV_SAMPLER_SUPPORT[language]
  return loadsFromEnv(language, sampler) ? sampler : (support.fallback ?? sampler)
}

/**
 * Who calls this service, which decides whose rate starts its traces: an Ingress to the sidecar's
 * HTTP API (requests arrive at Dapr without trace context), an Ingress to the app's port (the app
 * sees them first), or another Dapr app through service invocation (the caller's side has decided
 * already and its `traceparent` comes along).
 */
export const ENTRY_POINTS = ["sidecar", "app", "dapr-app"] as const
export type EntryPoint = (typeof ENTRY_POINTS)[number]

/** What each entry point means, for the form and the docs. */
export const ENTRY_POINT_LABELS: Record<EntryPoint, string> = {
  sidecar: "An Ingress or client calls the Dapr sidecar's HTTP API",
  app: "An Ingress calls the app's port directly",
  "dapr-app": "Another Dapr app calls it (service invocation)",
}

/**
 * The rate a Dapr sidecar (ParentBased(TraceIDRatioBased(samplingRate)), dapr/dapr
 * pkg/diagnostics/tracing_sampler.go) would need to start traces as often as the app's sampler
 * does: 1 for the always-on samplers, 0 for the always-off ones (Dapr "0" turns the sidecar's
 * tracing off, so the app's own sampler then decides, and it keeps none), the ratio for ratio
 * samplers and the rate assumed for Jaeger remote, and X-Ray's fixed 5 % (its 1 request/s
 * reservoir has no Dapr equivalent). Dapr's `samplingRate` defaults to it.
 *
 * @example
 * samplerHeadRate("parentbased_always_on", 0.1)     //=> 1
 * samplerHeadRate("parentbased_always_off", 0.1)    //=> 0
 * samplerHeadRate("parentbased_traceidratio", 0.25) //=> 0.25
 * samplerHeadRate("xray", 0.1)                      //=> 0.05
 */
export function samplerHeadRate(sampler: Sampler, ratio: number): number {
  switch (SAMPLER_INFO[sampler].basis) {
    case "fixed":
      return sampler === "always_on" || sampler === "parentbased_always_on" ? 1 : 0
    case "ratio":
    case "assumed":
      return ratio
    case "rule":
      return XRAY_FIXED_RATE
  }
}

/** Who makes the root sampling decision, and at what setting. */
export interface RootDecision {
  /**
   * "dapr" when requests reach this service's sidecar without trace context and it starts the
   * traces; "caller" when another Dapr app's side decided before the call (service invocation);
   * "app" when the app's own sampler starts them.
   */
  decidedBy: "dapr" | "caller" | "app"
  sampler: Sampler
  ratio: number
  /** The sampler set but not run: the SDK could not read it and runs `sampler` instead. */
  unsupported?: Sampler
}

/** The Dapr fields the root decision reads. */
export interface DaprSetting {
  daprEnabled: boolean
  entryPoint: EntryPoint
  daprSamplingRate: number
}

/**
 * Whether Dapr's tracing runs: `samplingRate` "0" turns it off. The HTTP API server then skips its
 * tracing middleware (dapr/dapr d8450742ce, pkg/api/http/server.go `useTracing`, which returns when
 * pkg/diagnostics/utils/trace_utils.go `IsTracingEnabled` finds the rate is 0), so the sidecar
 * starts no span and `SpanContextToHTTPHeaders` (pkg/diagnostics/http_tracing.go) writes no
 * `traceparent` for an empty span context: the app sees a root request and decides itself.
 *
 * @example
 * daprTracingOn({ daprEnabled: true, entryPoint: "sidecar", daprSamplingRate: 0 }) //=> false
 */
export function daprTracingOn(input: DaprSetting): boolean {
  return input.daprEnabled && input.daprSamplingRate > 0
}

/**
 * Whether this service's own Dapr sidecar starts the traces: it runs, traces, and requests reach
 * it without context (an Ingress calling its HTTP API). A parent-based app then follows the
 * sidecar's decision; otherwise the app (or, with service invocation, the caller) starts them.
 *
 * @example
 * daprDecides({ daprEnabled: true, entryPoint: "app", daprSamplingRate: 0.1 })     //=> false
 * daprDecides({ daprEnabled: true, entryPoint: "sidecar", daprSamplingRate: 0.1 }) //=> true
 */
export function daprDecides(input: DaprSetting): boolean {
  return daprTracingOn(input) && input.entryPoint === "sidecar"
}

/**
 * Whether another Dapr app decides before this one: it calls through service invocation, and its
 * sidecar forwards its `traceparent`, which this service's sidecar follows (ParentBased).
 *
 * @example
 * callerDecides({ daprEnabled: true, entryPoint: "dapr-app", daprSamplingRate: 0 }) //=> true
 */
export function callerDecides(input: DaprSetting): boolean {
  return input.daprEnabled && input.entryPoint === "dapr-app"
}

/**
 * The sampler that decides whether a request's trace is kept.
 *
 * - Requests reaching this service's sidecar without context, Dapr tracing on: Dapr's
 *   ParentBased(TraceIdRatio) decides at `daprSamplingRate` and a parent-based app follows
 *   through `traceparent`: the rates do not multiply.
 * - Service invocation from another Dapr app: the caller's side decided already and a
 *   parent-based app follows. The caller's rate is not a field of this plan: the figures assume
 *   the caller runs this Dapr Configuration (its `samplingRate`), or, when that rate is "0" (no
 *   sidecar tracing), that the calling app runs this plan's sampler.
 * - Otherwise (requests straight to the app's port, Dapr "0", no Dapr): the app decides.
 *
 * A non-parent-based app decides on its own (and fragments traces). An SDK that cannot read the
 * sampler set runs its fallback ({@link samplerRun}).
 *
 * @example
 * const python = { daprEnabled: true, entryPoint: "sidecar", daprSamplingRate: 0.1, language: "python" } as const
 * rootDecision({ ...python, sampler: "parentbased_traceidratio", ratio: 0.5 })
 * //=> { decidedBy: "dapr", sampler: "parentbased_traceidratio", ratio: 0.1 }
 * rootDecision({ ...python, entryPoint: "app", sampler: "parentbased_traceidratio", ratio: 0.5 })
 * //=> { decidedBy: "app", sampler: "parentbased_traceidratio", ratio: 0.5 }
 * rootDecision({ ...python, daprSamplingRate: 0, sampler: "parentbased_traceidratio", ratio: 0.5 })
 * //=> { decidedBy: "app", sampler: "parentbased_traceidratio", ratio: 0.5 }
 * rootDecision({ ...python, sampler: "traceidratio", ratio: 0.5 })
 * //=> { decidedBy: "app", sampler: "traceidratio", ratio: 0.5 }
 * rootDecision({ ...python, daprEnabled: false, language: "node", sampler: "xray", ratio: 0.1 })
 * //=> { decidedBy: "app", sampler: "parentbased_always_on", ratio: 0.1, unsupported: "xray" }
 */
export function rootDecision(
  input: DaprSetting & { sampler: Sampler; ratio: number; language: Language }
): RootDecision {
  const run = samplerRun(input.language, input.sampler)
  const unsupported = run === input.sampler ? {} : { unsupported: input.sampler }
  const parentBased = SAMPLER_INFO[run].parentBased
  // Dapr parses "1" and above as 100 %; "0" (and below) turns its tracing off.
  const daprRatio = Math.min(1, Math.max(0, input.daprSamplingRate))
  if (daprDecides(input) && parentBased) {
    return { decidedBy: "dapr", sampler: "parentbased_traceidratio", ratio: daprRatio, ...unsupported }
  }
  if (callerDecides(input) && parentBased) {
    return daprTracingOn(input)
      ? { decidedBy: "caller", sampler: "parentbased_traceidratio", ratio: daprRatio, ...unsupported }
      : { decidedBy: "caller", sampler: run, ratio: input.ratio, ...unsupported }
  }
  return { decidedBy: "app", sampler: run, ratio: input.ratio, ...unsupported }
}
