import type { SourceId } from "@/lib/sources"

/** Ids of the trace backends TraceBudget prices. These are part of the URL and API contract. */
export const BACKEND_IDS = [
  "tempo",
  "clickhouse",
  "jaeger-elasticsearch",
  "jaeger-cassandra",
  "jaeger-badger",
  "datadog",
  "grafana-cloud",
  "honeycomb",
  "new-relic",
  "aws-xray",
  "google-cloud-trace",
] as const

export type BackendId = (typeof BACKEND_IDS)[number]

export const BYTES_PER_GB = 1e9
export const BYTES_PER_GIB = 1024 ** 3

/** How a self-hosted backend turns raw OTLP bytes into disk. */
export interface StorageModel {
  /** Stored bytes per copy ÷ raw OTLP bytes (compression, indexes). */
  storedBytesFactor: number
  /** Copies kept (replication factor). */
  copies: number
  /** Multiplier for space beyond the data itself (disk watermarks, compaction slack, object-store lag). */
  headroom: number
  /** What the headroom is for on this backend, as the assumptions list says it. */
  headroomFor: string
  source: SourceId
}

/** What a vendor or a disk charges, by billing unit. */
export type PricingModel =
  | {
      kind: "storage"
      /** Name of the medium, e.g. "S3 Standard". */
      medium: string
      /** Price per `unitBytes` per month. */
      usdPerUnitMonth: number
      /** Bytes in the billing unit: 1e9 for GB, 1024³ for GiB. */
      unitBytes: number
      unitLabel: "GB" | "GiB"
    }
  | {
      kind: "datadog"
      /** APM host price by terms (with Infrastructure Monitoring attached). */
      usdPerHostMonth: { annual: number; "on-demand": number }
      /** Infrastructure Pro host price by terms: APM's list price assumes it is attached. */
      infraUsdPerHostMonth: { annual: number; "on-demand": number }
      includedGbPerHost: number
      usdPerGbOver: number
      /** Indexed spans (15-day retention) included per APM host a month. */
      includedIndexedSpansPerHost: number
      usdPerMillionIndexed: number
    }
  | {
      kind: "grafana-cloud"
      usdPerGbWritten: number
      usdPerGbProcessed: number
      freeGbPerMonth: number
      includedRetentionDays: number
      usdPerGbPerExtra30Days: number
      platformUsdPerMonth: number
    }
  | {
      kind: "honeycomb"
      freeEventsPerMonth: number
      proBaseUsd: number
      proBaseEvents: number
      proMaxEvents: number
    }
  | { kind: "per-gb-json"; usdPerGb: number; freeGbPerMonth: number; jsonFactor: number }
  | {
      /** X-Ray through CloudWatch's OTLP endpoint (Transaction Search): spans billed at CloudWatch prices. */
      kind: "cloudwatch-spans"
      /** Share of spans indexed as trace summaries at no charge (Transaction Search's default). */
      freeIndexedShare: number
    }
  | { kind: "per-million-spans"; usdPerMillion: number; freeSpansPerMonth: number }

export interface Backend {
  id: BackendId
  label: string
  hosting: "self-hosted" | "saas"
  /** Self-hosted only: how raw bytes become stored bytes. SaaS bills are not based on disk. */
  storage?: StorageModel
  pricing: PricingModel
  /** Sources for the price (and, for self-hosted, the disk price). */
  priceSource: SourceId
  /**
   * A cloud provider's own service (X-Ray, Cloud Trace): reached from that cloud's nodes without an
   * internet egress charge.
   */
  sameCloud?: true
  /** Retention the vendor includes at this price, where it is fixed (Grafana Cloud's grows in 30-day steps). */
  includedRetentionDays?: number
}

const S3: PricingModel & { kind: "storage" } = {
  kind: "storage",
  medium: "S3 Standard",
  usdPerUnitMonth: 0.023,
  unitBytes: BYTES_PER_GB,
  unitLabel: "GB",
}
/** EBS gp3, the disk every self-hosted backend's nodes (and Tempo's Kafka) are priced on. */
export const GP3: PricingModel & { kind: "storage" } = {
  kind: "storage",
  medium: "EBS gp3",
  usdPerUnitMonth: 0.08,
  unitBytes: BYTES_PER_GIB,
  unitLabel: "GiB",
}

/** Every backend TraceBudget prices, with its storage model and list price. */
export const BACKENDS: Record<BackendId, Backend> = {
  tempo: {
    id: "tempo",
    label: "Grafana Tempo on S3",
    hosting: "self-hosted",
    storage: {
      storedBytesFactor: 0.14,
      copies: 1,
      headroom: 1.05,
      headroomFor: "blocks the compactor has not deleted yet (object-store lag)",
      source: "tempoStorage",
    },
    pricing: S3,
    priceSource: "s3Price",
  },
  clickhouse: {
    id: "clickhouse",
    label: "ClickHouse on gp3",
    hosting: "self-hosted",
    storage: {
      storedBytesFactor: 0.16,
      copies: 3,
      headroom: 1.2,
      headroomFor: "free disk that merges need",
      source: "clickhouseStorage",
    },
    pricing: GP3,
    priceSource: "gp3Price",
  },
  "jaeger-elasticsearch": {
    id: "jaeger-elasticsearch",
    label: "Jaeger + Elasticsearch on gp3",
    hosting: "self-hosted",
    storage: {
      storedBytesFactor: 1.2,
      copies: 2,
      headroom: 1.18,
      headroomFor: "free disk under the 85 % low watermark",
      source: "elasticsearchStorage",
    },
    pricing: GP3,
    priceSource: "gp3Price",
  },
  "jaeger-cassandra": {
    id: "jaeger-cassandra",
    label: "Jaeger + Cassandra on gp3",
    hosting: "self-hosted",
    storage: {
      storedBytesFactor: 0.7,
      copies: 2,
      headroom: 1.3,
      headroomFor: "free disk that compaction needs (an estimate)",
      source: "cassandraStorage",
    },
    pricing: GP3,
    priceSource: "gp3Price",
  },
  "jaeger-badger": {
    id: "jaeger-badger",
    label: "Jaeger + Badger on gp3",
    hosting: "self-hosted",
    storage: {
      storedBytesFactor: 1.0,
      copies: 1,
      headroom: 1.3,
      headroomFor: "free disk that compaction needs (an estimate)",
      source: "badgerStorage",
    },
    pricing: GP3,
    priceSource: "gp3Price",
  },
  datadog: {
    id: "datadog",
    label: "Datadog APM",
    hosting: "saas",
    pricing: {
      kind: "datadog",
      usdPerHostMonth: { annual: 31, "on-demand": 48 },
      infraUsdPerHostMonth: { annual: 15, "on-demand": 18 },
      includedGbPerHost: 150,
      usdPerGbOver: 0.1,
      includedIndexedSpansPerHost: 1e6,
      usdPerMillionIndexed: 1.7,
    },
    priceSource: "datadogPrice",
    includedRetentionDays: 15,
  },
  "grafana-cloud": {
    id: "grafana-cloud",
    label: "Grafana Cloud Traces",
    hosting: "saas",
    pricing: {
      kind: "grafana-cloud",
      usdPerGbWritten: 0.4,
      usdPerGbProcessed: 0.05,
      freeGbPerMonth: 50,
      includedRetentionDays: 30,
      usdPerGbPerExtra30Days: 0.1,
      platformUsdPerMonth: 19,
    },
    priceSource: "grafanaCloudPrice",
  },
  honeycomb: {
    id: "honeycomb",
    label: "Honeycomb",
    hosting: "saas",
    pricing: {
      kind: "honeycomb",
      freeEventsPerMonth: 20e6,
      proBaseUsd: 130,
      proBaseEvents: 100e6,
      proMaxEvents: 1.5e9,
    },
    priceSource: "honeycombPrice",
    includedRetentionDays: 60,
  },
  "new-relic": {
    id: "new-relic",
    label: "New Relic",
    hosting: "saas",
    pricing: { kind: "per-gb-json", usdPerGb: 0.4, freeGbPerMonth: 100, jsonFactor: 1.5 },
    priceSource: "newRelicPrice",
    includedRetentionDays: 8,
  },
  "aws-xray": {
    id: "aws-xray",
    label: "AWS X-Ray",
    hosting: "saas",
    // The Collector exports over OTLP to CloudWatch (Transaction Search), whose span price is not
    // confirmed: the bill names it instead of pricing it (cost-facts.ts, "xray-span-ingestion").
    pricing: { kind: "cloudwatch-spans", freeIndexedShare: 0.01 },
    priceSource: "xrayPrice",
    sameCloud: true,
  },
  "google-cloud-trace": {
    id: "google-cloud-trace",
    label: "Google Cloud Trace",
    hosting: "saas",
    pricing: { kind: "per-million-spans", usdPerMillion: 0.2, freeSpansPerMonth: 2.5e6 },
    priceSource: "cloudTracePrice",
    sameCloud: true,
    includedRetentionDays: 30,
  },
}
