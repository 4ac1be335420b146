import { BACKENDS } from "@/lib/plan/backends"
import type { PlanInput } from "@/lib/plan/fields"
import { figuresFor } from "@/lib/plan/figures"
import { tempoComponentsText, tempoFigures } from "@/lib/plan/tempo"
import { formatBytes } from "@/lib/format"

import { configUnavailableReason } from "./availability"
import { CONFIG_TITLES, type ConfigResult, type ConfigSnippet } from "./types"
import { renderYaml, type YamlDocument } from "./yaml"

const SECONDS_PER_DAY = 86_400
/** Name of the Jaeger v2 storage backend in the snippets; it must match your jaeger_storage entry. */
export const JAEGER_STORAGE_NAME = "main_storage"
/** Jaeger's Cassandra schema script names the keyspace jaeger_v1_<datacenter>; dc1 is its example. */
export const CASSANDRA_KEYSPACE = "jaeger_v1_dc1"

/**
 * Retention as a Go duration in hours, the unit Tempo and Jaeger configs take.
 *
 * @example
 * retentionDuration(7) //=> "168h"
 */
export function retentionDuration(retentionDays: number): string {
  return `${retentionDays * 24}h`
}

/**
 * Tempo block retention in both places it has lived: Tempo 3.x runs retention in the backend-worker
 * (`backend_worker.compaction.block_retention`); Tempo 2.x in the compactor
 * (`compactor.compaction.block_retention`). The 3.x document comes first.
 *
 * @example
 * buildTempoRetention(DEFAULT_INPUT)
 * //=> [{ backend_worker: { compaction: { block_retention: "168h" } } },
 * //    { compactor: { compaction: { block_retention: "168h" } } }]
 */
export function buildTempoRetention(input: PlanInput): [unknown, unknown] {
  const compaction = { block_retention: retentionDuration(input.retentionDays) }
  return [{ backend_worker: { compaction: { ...compaction } } }, { compactor: { compaction: { ...compaction } } }]
}

/**
 * A daily Kubernetes CronJob (batch/v1) running `jaeger-es-index-cleaner <days> http://elasticsearch:9200`,
 * which keeps the last N daily indices (Elasticsearch has no TTL). It runs at 23:55 UTC, before the
 * cleaner's cutoff (tomorrow 00:00 UTC minus N days) moves.
 *
 * @example
 * buildEsIndexCleanerCronJob(DEFAULT_INPUT).spec.jobTemplate.spec.template.spec.containers[0].args
 * //=> ["7", "http://elasticsearch:9200"]
 */
export function buildEsIndexCleanerCronJob(input: PlanInput) {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "jaeger-es-index-cleaner" },
    spec: {
      schedule: "55 23 * * *",
      timeZone: "Etc/UTC",
      concurrencyPolicy: "Forbid",
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: "OnFailure",
              containers: [
                {
                  name: "jaeger-es-index-cleaner",
                  image: "jaegertracing/jaeger-es-index-cleaner:latest",
                  args: [String(input.retentionDays), "http://elasticsearch:9200"],
                },
              ],
            },
          },
        },
      },
    },
  }
}

/**
 * The Jaeger v2 Cassandra storage fragment whose `schema.trace_ttl` becomes the tables'
 * `default_time_to_live` when Jaeger creates the schema (`schema.create: true`).
 *
 * @example
 * buildCassandraRetention(DEFAULT_INPUT).extensions.jaeger_storage.backends.main_storage.cassandra.schema
 * //=> { keyspace: "jaeger_v1_dc1", create: true, trace_ttl: "168h" }
 */
export function buildCassandraRetention(input: PlanInput) {
  return {
    extensions: {
      jaeger_storage: {
        backends: {
          [JAEGER_STORAGE_NAME]: {
            cassandra: {
              schema: { keyspace: CASSANDRA_KEYSPACE, create: true, trace_ttl: retentionDuration(input.retentionDays) },
            },
          },
        },
      },
    },
  }
}

/**
 * The CQL that changes the TTL of an existing Jaeger traces table, in seconds.
 *
 * @example
 * cassandraAlterTtl(DEFAULT_INPUT) //=> "ALTER TABLE jaeger_v1_dc1.traces WITH default_time_to_live = 604800;"
 */
export function cassandraAlterTtl(input: PlanInput): string {
  return `ALTER TABLE ${CASSANDRA_KEYSPACE}.traces WITH default_time_to_live = ${input.retentionDays * SECONDS_PER_DAY};`
}

/**
 * The Jaeger v2 Badger storage fragment: span TTL, and persistence on (Badger is ephemeral by
 * default, so without `ephemeral: false` and directories nothing survives a restart).
 *
 * @example
 * buildBadgerRetention(DEFAULT_INPUT).extensions.jaeger_storage.backends.main_storage.badger.ttl
 * //=> { spans: "168h" }
 */
export function buildBadgerRetention(input: PlanInput) {
  return {
    extensions: {
      jaeger_storage: {
        backends: {
          [JAEGER_STORAGE_NAME]: {
            badger: {
              ephemeral: false,
              directories: { keys: "/badger/data/keys", values: "/badger/data/values" },
              ttl: { spans: retentionDuration(input.retentionDays) },
            },
          },
        },
      },
    },
  }
}

/**
 * ClickHouse TTL statements for the tables the Collector's clickhouse exporter creates. Only
 * integers from the plan reach this text; it is SQL, so no YAML library applies.
 *
 * @example
 * renderClickHouseTtl(DEFAULT_INPUT).split("\n")[1]
 * //=> "ALTER TABLE otel.otel_traces MODIFY TTL toDateTime(Timestamp) + INTERVAL 7 DAY;"
 */
export function renderClickHouseTtl(input: PlanInput): string {
  const days = Math.trunc(input.retentionDays)
  return [
    `-- Keep ${days} days of traces in the tables the Collector's clickhouse exporter creates.`,
    `ALTER TABLE otel.otel_traces MODIFY TTL toDateTime(Timestamp) + INTERVAL ${days} DAY;`,
    `ALTER TABLE otel.otel_traces_trace_id_ts MODIFY TTL toDateTime(Start) + INTERVAL ${days} DAY;`,
    "",
  ].join("\n")
}

type RetentionFile = Pick<ConfigSnippet, "filename" | "language" | "content" | "applyNote" | "caveats">

function yamlFile(filename: string, documents: YamlDocument[], applyNote: string, caveats: string[]): RetentionFile {
  return { filename, language: "yaml", content: renderYaml(documents), applyNote, caveats }
}

/** Tempo's components at the plan's peak ingest (cost anchors §2), and the distributors' default limit. */
function tempoSizingCaveat(input: PlanInput): string {
  const figures = figuresFor(input, "tempo")
  const tempo = tempoFigures(figures.volume.peakIngestBytesPerSecond, input.tempoVersion, figures.sizing!)
  return (
    `At the plan's peak of ${formatBytes(tempo.peakIngestBytesPerSecond)}/s of raw OTLP (Grafana Tempo docs, Size the cluster): ${tempoComponentsText(tempo.sizing)}. ` +
    `Each distributor admits ${formatBytes(tempo.rateLimitBytesPerSecond)}/s per tenant by default (rate_limit_bytes).`
  )
}

function retentionFile(input: PlanInput): RetentionFile | undefined {
  const duration = retentionDuration(input.retentionDays)
  const storageNote = `Rename ${JAEGER_STORAGE_NAME} to the backend your jaeger_storage and jaeger_query already use.`
  switch (input.backend) {
    case "tempo": {
      const [v3, v2] = buildTempoRetention(input)
      return yamlFile(
        "tempo-retention.yaml",
        [
          { value: v3, comment: "Tempo 3.x: the backend-worker applies retention (the compactor was removed in 3.0)." },
          {
            value: v2,
            comment: "Tempo 2.x: the compactor applies retention. Use this document instead of the one above.",
          },
        ],
        "Merge the document for your Tempo version into tempo.yaml and restart Tempo.",
        [
          "Keep only the document for your Tempo version: 3.x ignores the compactor block and 2.x does not know backend_worker.",
          `Per-tenant overrides (overrides.defaults.compaction.block_retention) win over this global ${duration}.`,
          tempoSizingCaveat(input),
        ]
      )
    }
    case "jaeger-elasticsearch":
      return yamlFile(
        "jaeger-es-index-cleaner.yaml",
        [{ value: buildEsIndexCleanerCronJob(input) }],
        "kubectl apply -n <jaeger-namespace> -f jaeger-es-index-cleaner.yaml",
        [
          "Replace http://elasticsearch:9200 with your Elasticsearch or OpenSearch URL, and pin the image tag to your Jaeger version.",
          "With rollover aliases, add --rollover (or ROLLOVER=true); with ILM, create a policy with a delete phase instead (jaeger-es-rollover init --es.use-ilm only checks that it exists).",
        ]
      )
    case "jaeger-cassandra":
      return yamlFile(
        "jaeger-cassandra-ttl.yaml",
        [{ value: buildCassandraRetention(input), comment: `Existing keyspace: ${cassandraAlterTtl(input)}` }],
        "Merge into the Jaeger v2 config; the TTL applies when Jaeger creates the schema.",
        [
          `trace_ttl only applies when Jaeger creates the tables. For an existing keyspace run ${cassandraAlterTtl(input)} and the same for the other trace tables it created (e.g. service_name_index, duration_index, tag_index); the TTL only affects rows written afterwards.`,
          storageNote,
        ]
      )
    case "jaeger-badger":
      return yamlFile(
        "jaeger-badger-ttl.yaml",
        [{ value: buildBadgerRetention(input) }],
        "Merge into the Jaeger v2 config and mount a persistent volume at /badger/data.",
        [`Badger defaults to ephemeral storage and a 72h TTL; this keeps ${duration} on disk.`, storageNote]
      )
    case "clickhouse":
      return {
        filename: "clickhouse-ttl.sql",
        language: "sql",
        content: renderClickHouseTtl(input),
        applyNote: "clickhouse-client --multiquery < clickhouse-ttl.sql",
        caveats: [
          "Table and column names are those the Collector's clickhouse exporter creates by default; adjust them to your schema.",
          "MODIFY TTL rewrites existing parts in the background; expired rows go at the next merge.",
        ],
      }
    default:
      return undefined
  }
}

/**
 * The retention config for the plan's backend, or why there is none (SaaS retention is a setting
 * of the vendor's plan).
 *
 * @example
 * retentionSnippet({ ...DEFAULT_INPUT, backend: "honeycomb" }).available //=> false
 */
export function retentionSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.retention
  const reason = configUnavailableReason("retention", input)
  // Every self-hosted backend has a retention file; only SaaS backends have a reason.
  const file = reason === undefined ? retentionFile(input) : undefined
  if (!file)
    return {
      id: "retention",
      title,
      available: false,
      reason: reason ?? `No retention setting is known for ${BACKENDS[input.backend].label}.`,
    }
  return { id: "retention", title, available: true, snippet: { id: "retention", title, ...file } }
}
