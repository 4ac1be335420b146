// The values of the plan's small enum fields. A leaf module, so the sampler table (./samplers) can
// name a language without importing the field registry (./fields), which imports it.

export const PROTOCOLS = ["grpc", "http/protobuf"] as const
export type Protocol = (typeof PROTOCOLS)[number]
export const LANGUAGES = ["python", "node", "java", "go", "dotnet"] as const
export type Language = (typeof LANGUAGES)[number]
export const ENVIRONMENTS = ["development", "staging", "production"] as const
export type Environment = (typeof ENVIRONMENTS)[number]

/** The OTLP port each protocol listens on by convention (OTel spec exporter defaults). */
export const OTLP_PORT: Record<Protocol, number> = { grpc: 4317, "http/protobuf": 4318 }
