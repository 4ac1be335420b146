// The values of the plan's small enum fields. A leaf module, so the sampler table (./samplers) can
// name a language without importing the field registry (./fields), which imports it.

export const PROTOCOLS = ["grpc", "http/protobuf"] as const
export type Protocol = (typeof PROTOCOLS)[number]
export const LANGUAGES = ["python", "node", "java", "go", "dotnet"] as const
export type Language = (typeof LANGUAGES)[number]
/** Each language as people write it, for sentences. */
export const LANGUAGE_LABELS: Record<Language, string> = {
  python: "Python",
  node: "Node.js",
  java: "Java",
  go: "Go",
  dotnet: ".NET",
}
export const ENVIRONMENTS = ["development", "staging", "production"] as const
export type Environment = (typeof ENVIRONMENTS)[number]

/** The OTLP port each protocol listens on by convention (OTel spec exporter defaults). */
export const OTLP_PORT: Record<Protocol, number> = { grpc: 4317, "http/protobuf": 4318 }

/** Grafana Tempo's major versions TraceBudget sizes: 3.x (Kafka write path) and 2.x (ingesters). */
export const TEMPO_VERSIONS = ["3.x", "2.x"] as const
export type TempoVersion = (typeof TEMPO_VERSIONS)[number]
/**
 * Where a sampling Collector sends the RED metrics its spanmetrics connector computes from every
 * span: Prometheus remote write, OTLP, or nowhere.
 */
export const RED_METRICS_EXPORTS = ["prometheusremotewrite", "otlp", "off"] as const
export type RedMetricsExport = (typeof RED_METRICS_EXPORTS)[number]
/** Datadog's price terms for hosts: billed annually, or month to month. */
export const DATADOG_COMMITMENTS = ["annual", "on-demand"] as const
export type DatadogCommitment = (typeof DATADOG_COMMITMENTS)[number]
