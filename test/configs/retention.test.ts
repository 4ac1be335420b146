import { describe, expect, it } from "vitest"
import { parse, parseAllDocuments } from "yaml"

import {
  buildBadgerRetention,
  buildCassandraRetention,
  buildEsIndexCleanerCronJob,
  buildTempoRetention,
  cassandraAlterTtl,
  renderClickHouseTtl,
  retentionSnippet,
} from "@/lib/configs"
import { BACKEND_IDS, BACKENDS } from "@/lib/plan/backends"
import { DEFAULT_INPUT } from "@/lib/plan/schema"

const snippetFor = (backend: (typeof BACKEND_IDS)[number], retentionDays = 7) => {
  const result = retentionSnippet({ ...DEFAULT_INPUT, backend, retentionDays })
  if (!result.available) throw new Error(result.reason)
  return result.snippet
}

describe("retentionSnippet", () => {
  it("sizes Tempo's components at the plan's peak ingest", () => {
    // 5,000 req/s × 10 % × 30 spans × 500 B = 7.5 MB/s.
    expect(snippetFor("tempo").caveats).toContain(
      "At the plan's peak of 7.5 MB/s of raw OTLP (Grafana Tempo docs, Size the cluster): Tempo 3.x: 1 distributor, 2 live-stores, 1 block-builder, 5 queriers, 2 query-frontends, 1 backend-scheduler, 3 backend-workers. Each distributor admits 30 MB/s per tenant by default (rate_limit_bytes)."
    )
  })

  it("writes Tempo 3.x's backend_worker form first and Tempo 2.x's compactor form second, each labelled", () => {
    const snippet = snippetFor("tempo")
    expect(snippet.filename).toBe("tempo-retention.yaml")
    expect(snippet.content).toBe(
      [
        "# Tempo 3.x: the backend-worker applies retention (the compactor was removed in 3.0).",
        "backend_worker:",
        "  compaction:",
        "    block_retention: 168h",
        "---",
        "# Tempo 2.x: the compactor applies retention. Use this document instead of the one above.",
        "compactor:",
        "  compaction:",
        "    block_retention: 168h",
        "",
      ].join("\n")
    )
    expect(parseAllDocuments(snippet.content).map((doc) => doc.toJS() as unknown)).toStrictEqual(
      buildTempoRetention(DEFAULT_INPUT)
    )
  })

  it("runs jaeger-es-index-cleaner with the retention days in a daily batch/v1 CronJob", () => {
    const snippet = snippetFor("jaeger-elasticsearch", 30)
    expect(parse(snippet.content, { version: "1.1" })).toStrictEqual({
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
                    args: ["30", "http://elasticsearch:9200"],
                  },
                ],
              },
            },
          },
        },
      },
    })
    expect(snippet.content).toContain('                - "30"\n')
    expect(
      buildEsIndexCleanerCronJob({ ...DEFAULT_INPUT, retentionDays: 30 }).spec.jobTemplate.spec.template.spec
        .containers[0]?.args
    ).toEqual(["30", "http://elasticsearch:9200"])
  })

  it("sets Cassandra's trace_ttl and gives the default_time_to_live in seconds for existing tables", () => {
    const snippet = snippetFor("jaeger-cassandra")
    expect(parse(snippet.content)).toStrictEqual(buildCassandraRetention(DEFAULT_INPUT))
    expect(
      buildCassandraRetention(DEFAULT_INPUT).extensions.jaeger_storage.backends.main_storage.cassandra.schema
    ).toStrictEqual({
      keyspace: "jaeger_v1_dc1",
      create: true,
      trace_ttl: "168h",
    })
    expect(cassandraAlterTtl(DEFAULT_INPUT)).toBe(
      "ALTER TABLE jaeger_v1_dc1.traces WITH default_time_to_live = 604800;"
    )
    expect(
      snippet.content.startsWith(
        "# Existing keyspace: ALTER TABLE jaeger_v1_dc1.traces WITH default_time_to_live = 604800;\n"
      )
    ).toBe(true)
  })

  it("turns Badger persistence on and sets ttl.spans", () => {
    const snippet = snippetFor("jaeger-badger")
    expect(parse(snippet.content)).toStrictEqual(buildBadgerRetention(DEFAULT_INPUT))
    expect(buildBadgerRetention(DEFAULT_INPUT).extensions.jaeger_storage.backends.main_storage.badger).toStrictEqual({
      ephemeral: false,
      directories: { keys: "/badger/data/keys", values: "/badger/data/values" },
      ttl: { spans: "168h" },
    })
  })

  it("writes ClickHouse TTL statements as SQL", () => {
    const snippet = snippetFor("clickhouse", 14)
    expect(snippet.language).toBe("sql")
    expect(snippet.filename).toBe("clickhouse-ttl.sql")
    expect(snippet.content).toBe(renderClickHouseTtl({ ...DEFAULT_INPUT, retentionDays: 14 }))
    expect(snippet.content).toBe(
      [
        "-- Keep 14 days of traces in the tables the Collector's clickhouse exporter creates.",
        "ALTER TABLE otel.otel_traces MODIFY TTL toDateTime(Timestamp) + INTERVAL 14 DAY;",
        "ALTER TABLE otel.otel_traces_trace_id_ts MODIFY TTL toDateTime(Start) + INTERVAL 14 DAY;",
        "",
      ].join("\n")
    )
  })

  it.each(BACKEND_IDS.filter((id) => BACKENDS[id].hosting === "saas"))(
    "is unavailable for %s, whose retention is a vendor plan setting",
    (backend) => {
      const result = retentionSnippet({ ...DEFAULT_INPUT, backend })
      expect(result.available).toBe(false)
      expect(!result.available && result.reason).toContain("retention is set there, not in a config file")
    }
  )

  it("names the included retention where the list price fixes it", () => {
    expect(retentionSnippet({ ...DEFAULT_INPUT, backend: "datadog" })).toStrictEqual({
      id: "retention",
      title: "Retention",
      available: false,
      reason:
        "Datadog APM keeps traces for as long as your vendor plan says (15 days at the list price): retention is set there, not in a config file.",
    })
  })
})
