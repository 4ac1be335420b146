/** Every config TraceBudget generates, in tab order. These ids are the keys of the API's `configs`. */
export const CONFIG_IDS = [
  "dotenv",
  "shell",
  "k8s",
  "compose",
  "instrumentation",
  "dapr",
  "collector",
  "collectorKubernetes",
  "collectorOperator",
  "jaegerStrategies",
  "retention",
  "declarative",
] as const

export type ConfigId = (typeof CONFIG_IDS)[number]

/** The config the page opens on; the server writes its snippet into the page. */
export const FIRST_CONFIG_TAB: ConfigId = "dotenv"

/** Each config's title, as its tab and its snippet show it. */
export const CONFIG_TITLES: Record<ConfigId, string> = {
  dotenv: "Environment file",
  shell: "Shell exports",
  k8s: "Kubernetes Deployment",
  compose: "Docker Compose service",
  instrumentation: "OpenTelemetry Operator Instrumentation",
  dapr: "Dapr Configuration",
  collector: "OpenTelemetry Collector",
  collectorKubernetes: "Collector on Kubernetes",
  collectorOperator: "Collector via the Operator",
  jaegerStrategies: "Jaeger sampling strategies",
  retention: "Retention",
  declarative: "OpenTelemetry declarative configuration",
}

/** How a snippet's text is highlighted. "sql" is for the ClickHouse retention statements. */
export type SnippetLanguage = "dotenv" | "shell" | "yaml" | "json" | "sql"

/** One ready-to-paste config file. */
export interface ConfigSnippet {
  id: ConfigId
  title: string
  /** Name to download the content as, e.g. "otel.env" or "dapr-config.yaml". */
  filename: string
  language: SnippetLanguage
  /** Exactly what the user copies or downloads. */
  content: string
  /** One line: where the file goes and how to apply it. */
  applyNote: string
  /** What can still go wrong for this plan's language, sampler and backend. */
  caveats: string[]
}

/** A config for a plan, or the reason the plan cannot have it. */
export type ConfigResult =
  | { id: ConfigId; title: string; available: true; snippet: ConfigSnippet }
  | { id: ConfigId; title: string; available: false; reason: string }

/** What the Collector config does with the traces it receives. */
export interface CollectorOptions {
  /** forward: receive and export; probabilistic: head sampling in the Collector; tail: tail sampling. */
  mode: "forward" | "probabilistic" | "tail"
  /** probabilistic only: percentage kept (0..100); defaults to the plan's ratio × 100. */
  samplingPercentage?: number
  /** tail only: the policies and sizing; see {@link defaultTailSamplingOptions}. */
  tail?: TailSamplingOptions
}

/** Policies and sizing of the Collector's `tail_sampling` processor. */
export interface TailSamplingOptions {
  /** Keep every trace with a span whose status is ERROR. */
  keepErrors: boolean
  /** Keep every trace that lasts at least this long (ms); unset keeps no trace for its latency. */
  latencyThresholdMs?: number
  /** Percentage (0..100) of all other traces kept. */
  baselinePercent: number
  /** Caps the baseline at this many spans per second (errors and slow traces are kept beyond it). */
  spansPerSecondLimit?: number
  /** Seconds the processor waits after a trace's first span before deciding. */
  decisionWaitSeconds: number
  /** Traces held in memory per Collector replica while they wait for a decision. */
  numTraces: number
  /** Replicas of the tail-sampling Collector; above 1 a load-balancing tier routes by trace id. */
  collectorReplicas: number
}
