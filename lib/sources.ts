/**
 * Where every default and price in TraceBudget comes from.
 *
 * Each entry names the public document it was read from and the date (or version) of that
 * document, so the UI and the API can show "as of" next to every number the user did not type.
 * The research notes behind these entries were compiled on 2026-11-23.
 */
export interface Source {
  /** Stable id, used as an anchor in the page (`#source-<id>`) and in the API's `sources[]`. */
  id: string
  /** The source's own name, short enough for a table cell ("Grafana Tempo docs, Size the cluster"). */
  name: string
  /** What the figure is, in a few words. */
  title: string
  /** The document, repository file or page the figure was read from. */
  citation: string
  /** Link to the live page, where one exists. */
  url?: string
  /** Date or version of the source as read ("2026-11", "Tempo 3.0 docs"). */
  asOf: string
  /** How far to trust it: published figure, our measurement, or our estimate. */
  confidence: "high" | "medium" | "low"
  /** One line of context a reviewer needs. */
  note?: string
}

/** Every source TraceBudget cites, keyed by id. */
export const SOURCES = {
  seedScenario: {
    id: "seedScenario",
    name: "Example workload — change it to yours",
    title: "Example workload: 5,000 requests/s kept 7 days, parent-based sampling at 10 %",
    citation:
      'Example workload — change it to yours: a FastAPI "task-api" with a Dapr sidecar on Kubernetes exporting OTLP/gRPC to Jaeger (Dapr samplingRate "0.1", endpointAddress jaeger-collector.monitoring.svc:4317, OTEL_TRACES_SAMPLER=parentbased_traceidratio, OTEL_TRACES_SAMPLER_ARG=0.1, OTEL_PYTHON_FASTAPI_EXCLUDED_URLS=health,metrics,readiness)',
    asOf: "2026-11-23",
    confidence: "high",
    note: "Replace with your own traffic; the parent-based sampler is the safe default for multi-service paths.",
  },
  spanBytes: {
    id: "spanBytes",
    name: "Grafana Tempo docs, Manage trace ingestion; Jaeger maintainers",
    title: "Raw OTLP bytes per span: 500 B",
    citation:
      'Grafana Tempo docs, manage-trace-ingestion ("typical span size ~500 B"); Jaeger maintainer, jaegertracing/documentation#210 ("average span size ~500b"); Dapper technical report, Google, 2010, section 4.2 (426 B)',
    url: "https://grafana.com/docs/tempo/latest/operations/manage-trace-ingestion/",
    asOf: "2026 (Tempo 3.0 docs); 2019-01-28 (Jaeger)",
    confidence: "high",
    note: "Measured OTLP exports range 275 B (gRPC-heavy hipstershop) to 613 B (OpenTelemetry demo).",
  },
  spansPerTrace: {
    id: "spansPerTrace",
    name: "Grafana Tempo Parquet design doc; hipstershop demo data",
    title: "Spans per trace: 30",
    citation:
      "Grafana Tempo Parquet design doc (~68 spans/trace on Grafana's own data, 2022-04); hipstershop demo complete requests 25–75 spans (splunk/stef dataset, measured 2026-11)",
    asOf: "2026-11-23",
    confidence: "medium",
    note: "Sits between demo apps (5–10) and large production traces (~68). Count your own: server, client, DB and sidecar spans per hop.",
  },
  xraySampling: {
    id: "xraySampling",
    name: "AWS X-Ray developer guide, Sampling rules",
    title: "AWS X-Ray default sampling: 1 request/s reservoir + 5 % of the rest",
    citation: "AWS X-Ray developer guide, SDK sampling rules (default rule)",
    url: "https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html",
    asOf: "2024–2026",
    confidence: "high",
  },
  jaegerRemoteAssumed: {
    id: "jaegerRemoteAssumed",
    name: "OpenTelemetry SDK environment variables spec",
    title: "Jaeger remote sampling: rate assumed, not known in advance",
    citation:
      "OpenTelemetry SDK env spec: jaeger_remote takes its strategy from the server at run time; Jaeger's built-in default strategy is probabilistic 0.001",
    url: "https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/",
    asOf: "spec 2026-08; Jaeger v2.20.0",
    confidence: "medium",
    note: "The plan takes your sampling ratio as the rate the server is expected to hand out.",
  },
  tempoStorage: {
    id: "tempoStorage",
    name: "Grafana Tempo docs, Compression",
    title: "Tempo (vParquet on object storage): 0.14 stored bytes per raw byte, 1 copy, 5 % headroom",
    citation:
      "Tempo compression docs (zstd ~15 % of raw) and Parquet design doc (~5 % smaller, 57.5 B/span on Grafana data)",
    url: "https://grafana.com/docs/tempo/latest/configuration/compression/",
    asOf: "Tempo 2.x docs; design doc 2022-04",
    confidence: "medium",
  },
  clickhouseStorage: {
    id: "clickhouseStorage",
    name: "Jaeger ClickHouse benchmarks; ClickHouse docs",
    title: "ClickHouse (Jaeger-CH, SigNoz, Uptrace): 0.16 stored bytes per raw byte per copy, 3 copies, 20 % headroom",
    citation:
      'jaegertracing/jaeger internal/storage/v2/clickhouse/BENCHMARKING.md (8.6× compression); jaeger-clickhouse#17 (index table +33 %); ClickHouse docs, Install ("multiply the estimated volume by the number of replicas") and ClickStack managed sizing ("we recommend using three replicas")',
    asOf: "2026 (ClickHouse 26)",
    confidence: "medium",
    note: "Every replica keeps a full copy of the data, so the three replicas multiply the disk too.",
  },
  elasticsearchStorage: {
    id: "elasticsearchStorage",
    name: "Jaeger issue #1438",
    title: "Jaeger + Elasticsearch/OpenSearch: 1.2 stored bytes per raw byte per copy, 2 copies, 1.18 headroom",
    citation:
      "jaegertracing/jaeger#1438 (~580 B/span per copy on a large production cluster); Jaeger defaults --es.num-replicas=1; 85 % disk watermark",
    url: "https://github.com/jaegertracing/jaeger/issues/1438",
    asOf: "2020-08-29",
    confidence: "medium",
    note: "Jaeger v2's ES mapping was reported to need about 2× more (jaeger#7166, 2025-05).",
  },
  cassandraStorage: {
    id: "cassandraStorage",
    name: "Jaeger documentation issue #210",
    title: "Jaeger + Cassandra: 0.7 stored bytes per raw byte per copy, RF 2, 1.3 headroom",
    citation: "jaegertracing/documentation#210 (40k spans/s, 14 nodes × 350 GB, 2-day TTL); Jaeger prod schema RF 2",
    url: "https://github.com/jaegertracing/documentation/issues/210",
    asOf: "2019-01-28",
    confidence: "medium",
    note: "Headroom for compaction is an assumption.",
  },
  badgerStorage: {
    id: "badgerStorage",
    name: "Estimate: no one publishes this figure",
    title: "Jaeger + Badger (single node): 1.0 stored bytes per raw byte, 1 copy, 1.3 headroom",
    citation: "Estimate: no one publishes this figure",
    asOf: "2026-11-23",
    confidence: "low",
    note: "Keep Badger to development or small single-node setups.",
  },
  jaegerCollectorSizing: {
    id: "jaegerCollectorSizing",
    name: "OpenTelemetry Collector performance table",
    title:
      "Jaeger v2 collectors: one pod of 1 vCPU + 2 GB per 10,000 spans/s at peak; at least 2 in front of a replicated backend",
    citation:
      "OpenTelemetry Collector docs/performance.md (1 CPU + 2 GB: ~12,000 spans/s sustained, 10,000 recommended, OTLP without tail sampling; measured on collector v0.1.3, the file was removed in 2023 pending new results); Jaeger v2 is a distribution of the OpenTelemetry Collector (jaegertracing/jaeger cmd/jaeger)",
    url: "https://github.com/open-telemetry/opentelemetry-collector/blob/de0396bf232f/docs/performance.md",
    asOf: "collector v0.1.3 table (2019); Jaeger v2.20 (2026-08)",
    confidence: "low",
    note: "Jaeger publishes no spans/s per core; the Collector's figure is applied to Jaeger's own collector, whose storage exporter is assumed to cost about what the OTLP exporter did. Two pods on Elasticsearch or Cassandra so one can restart without dropping spans (our choice, not a published rule).",
  },
  jaegerQuerySizing: {
    id: "jaegerQuerySizing",
    name: "Jaeger Helm chart values",
    title: "Jaeger query: 1 pod of 0.5 vCPU + 512 MiB",
    citation:
      "jaegertracing/helm-charts charts/jaeger/values.yaml @6c602b54a180 (chart 4.11.1, Jaeger 2.19.0): replicas 1; resources left empty, with limits cpu 500m and memory 512Mi as the commented-out example",
    url: "https://github.com/jaegertracing/helm-charts/blob/6c602b54a1800ff35ea055d16789a9522166e0a6/charts/jaeger/values.yaml",
    asOf: "2026-06-14",
    confidence: "low",
    note: "The chart ships no resources; its example limit is taken as the query pod's size. Query load depends on how often people search, which the plan does not know.",
  },
  elasticsearchSizing: {
    id: "elasticsearchSizing",
    name: "Elastic docs, AutoOps; Elastic Cloud instance configurations",
    title:
      "Elasticsearch hot data nodes: 64 GB RAM, 1:30 memory to disk (1,920 GB), 0.138 vCPU per GB (8.832 vCPU); at least 2",
    citation:
      "Elastic docs, AutoOps insight High memory-to-disk ratio on hot nodes (disk-to-memory threshold 30); Elastic Cloud AWS default instance configurations (aws.es.datahot.i3: disk:memory 30:1, vCPU/RAM 0.138); Elasticsearch reference 7.x, Heap size settings (heap at most 50 % of RAM and below the ~32 GB compressed-oops threshold, 26–30 GB safe)",
    url: "https://www.elastic.co/docs/reference/autoops-insights/high_memory_to_disk_ratio_on_hot_nodes",
    asOf: "2025–2026",
    confidence: "medium",
    note: "64 GB is the largest node whose half-for-heap stays near the 30 GB ceiling; the retained bytes already hold the replica shard (Jaeger's default 1 replica) and the 85 % watermark, and a replica needs a second node.",
  },
  elasticsearchMasters: {
    id: "elasticsearchMasters",
    name: "Elastic docs; AWS OpenSearch Service Lens",
    title:
      "Elasticsearch dedicated masters: 3, sized by data-node count (≤10: 2 vCPU + 8 GiB; ≤30: 8 + 16; ≤75: 4 + 32; ≤125: 8 + 64; ≤200: 16 + 128)",
    citation:
      "Elastic docs, AutoOps insight Mixed master nodes (three dedicated master-eligible nodes); AWS Well-Architected Amazon OpenSearch Service Lens, AOSPERF05-BP01 (minimum dedicated master instance by instance count: m5.large, c5.2xlarge, r5.xlarge, r5.2xlarge, r5.4xlarge .search)",
    url: "https://docs.aws.amazon.com/wellarchitected/latest/amazon-opensearch-service-lens/aosperf05-bp01.html",
    asOf: "2025–2026",
    confidence: "medium",
    note: "AWS's table is for OpenSearch, Elasticsearch's fork; vCPU are those of the named EC2 instances. Nothing is published above 200 data nodes.",
  },
  cassandraSizing: {
    id: "cassandraSizing",
    name: "DataStax field guide and capacity planning",
    title: "Cassandra nodes: 1 TB of data each, at least RF (2) nodes; 8 vCPU + 32 GB per node",
    citation:
      'DataStax field guide DSPN/azure-deployment-guide bestpractices.md @0b636b658a51 ("1TB of data per node is typically a sweet spot", against ~10 TB per node); DataStax Cassandra OSS capacity planning (32 GB RAM, 8 GB heap minimum; 16 cores), Hyper-Converged Database 1.1 capacity planning (8 cores); Jaeger create.sh prod RF 2 (jaegertracing/jaeger@8498073ff809)',
    url: "https://github.com/DSPN/azure-deployment-guide/blob/0b636b658a51/bestpractices.md",
    asOf: "DataStax field guide ~2016–2018; planning guides 2023–2025; Jaeger v2.20",
    confidence: "medium",
    note: "DataStax's current guide (read only through a mirror) allows up to 2 TB per node, and more with time-window compaction, which Jaeger uses: 1 TB may count up to twice the nodes. DataStax's guides say 8 or 16 cores; 8 is taken.",
  },
  badgerSizing: {
    id: "badgerSizing",
    name: "Jaeger issues; OpenTelemetry Collector performance table",
    title:
      "Jaeger + Badger: one process (collector, query and Badger), collector cores at 10,000 spans/s each + 2 GB per core, query 0.5 vCPU + 512 MiB, 4 GB for Badger",
    citation:
      "jaegertracing/jaeger-operator#564 (with Badger, collector and query must run in one process); jaegertracing/jaeger#2459 (Badger keeps bloom filters and indexes in memory, growing with the data); OpenTelemetry Collector docs/performance.md (10,000 spans/s per core with 2 GB)",
    url: "https://github.com/jaegertracing/jaeger/issues/2459",
    asOf: "2019–2021 threads; collector table 2019",
    confidence: "low",
    note: "No memory figure for Badger is published; 4 GB is an estimate (a Badger all-in-one was reported using over 5 GiB in jaeger#2987). One node, one disk, no replication.",
  },
  s3Price: {
    id: "s3Price",
    name: "Amazon S3 pricing",
    title: "S3 Standard: $0.023 per GB-month (first 50 TB, us-east-1)",
    citation: "aws.amazon.com/s3/pricing",
    url: "https://aws.amazon.com/s3/pricing/",
    asOf: "2022–2026",
    confidence: "high",
    note: "Storage only; request charges and compute are not included.",
  },
  gp3Price: {
    id: "gp3Price",
    name: "Amazon EBS pricing",
    title: "EBS gp3: $0.08 per GiB-month (us-east-1)",
    citation: "aws.amazon.com/ebs/pricing (gp3, 3,000 IOPS and 125 MiB/s included)",
    url: "https://aws.amazon.com/ebs/pricing/",
    asOf: "2021–2026",
    confidence: "high",
    note: "Storage only; nodes running the database are not included.",
  },
  datadogPrice: {
    id: "datadogPrice",
    name: "Datadog pricing, APM; Datadog docs, Billing for APM",
    title:
      "Datadog APM: $31 per APM host/month billed annually ($48 on demand), with Infrastructure Pro at $15 ($18 on demand); per host 150 GB ingested spans and 1 M indexed spans a month; $0.10 per GB and $1.70 per million indexed spans (15 days) above",
    citation:
      'Datadog pricing page, APM (APM host price "with Infrastructure Monitoring attached", read 2026-09-05); Datadog docs, Billing for APM and Usage monitor for APM (allotments, overage); Infrastructure Pro host prices as quoted by toolstac.com (2025-09) and getaiperks.com (2026)',
    url: "https://www.datadoghq.com/pricing/?product=apm--continuous-profiler",
    asOf: "2026-09 (APM); 2025-09 to 2026 (Infrastructure)",
    confidence: "medium",
    note: "Indexed spans are modelled as the Error Default retention filter's error spans (one per error trace); ingested GB is taken as raw OTLP bytes.",
  },
  grafanaCloudPrice: {
    id: "grafanaCloudPrice",
    name: "Grafana Cloud docs, Understand your invoice",
    title:
      "Grafana Cloud Traces: $0.40 per GB written + $0.05 per GB processed, 50 GB/month free, 30 days included, +$0.10/GB per extra 30 days, $19/month Pro fee",
    citation:
      "grafana.com/docs/grafana-cloud/cost-management-and-billing/understand-your-invoice (Logs, Traces, and Profiles)",
    url: "https://grafana.com/pricing/",
    asOf: "2025–2026",
    confidence: "medium",
  },
  honeycombPrice: {
    id: "honeycombPrice",
    name: "Honeycomb pricing FAQ",
    title:
      "Honeycomb: 20 M events/month free; Pro from $130/month for 100 M events (up to 1.5 B); each span is one event",
    citation: "honeycomb.io/pricing-faq; Pro price via a third-party transcription (api-evangelist, 2026-05)",
    url: "https://www.honeycomb.io/pricing",
    asOf: "2024–2026",
    confidence: "medium",
    note: "Between 100 M and 1.5 B events the plan scales the Pro price linearly (an estimate) ($1.30 per million); above 1.5 B Honeycomb quotes Enterprise prices.",
  },
  newRelicPrice: {
    id: "newRelicPrice",
    name: "New Relic pricing (third-party transcriptions)",
    title: "New Relic: $0.40 per GB ingested (original data option) after 100 GB/month free",
    citation: "newrelic.com/pricing as transcribed by two third parties (2026); the docs snapshot still showed $0.30",
    url: "https://newrelic.com/pricing",
    asOf: "2026 (live price unverified)",
    confidence: "medium",
  },
  jsonBillingFactor: {
    id: "jsonBillingFactor",
    name: "Estimate from a measured OTLP/JSON size",
    title: "JSON billing size: 1.5× the OTLP protobuf bytes",
    citation:
      "Measured OTLP/JSON is 2.2× protobuf (@opentelemetry/otlp-transformer, 2026-11); vendors bill a flatter JSON-like form (New Relic data-ingest-billing docs)",
    asOf: "2026-11-23",
    confidence: "low",
    note: "An assumption: vendors that bill per GB of stored JSON-like records do not publish the exact conversion.",
  },
  xrayPrice: {
    id: "xrayPrice",
    name: "AWS CloudWatch docs, Transaction Search and Spans",
    title: "AWS X-Ray over OTLP (Transaction Search): spans billed at CloudWatch prices, 1 % indexed free",
    citation:
      'AWS CloudWatch docs, Enable transaction search ("switches all spans ingestion through X-Ray into cost effective collection mode using Amazon CloudWatch Pricing"; 1 % of spans indexed free) and Spans ("Span ingestion is charged separately from log ingestion"); AWS Distro for OpenTelemetry docs (the awsxray exporter page is deprecated for the OTLP endpoint with SigV4)',
    url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html",
    asOf: "2026-12-07",
    confidence: "medium",
    note: "The per-GB span price was not found on any page read (aws.amazon.com/cloudwatch/pricing as stored), so the bill names it instead of pricing it. The classic X-Ray price ($5.00 per million traces recorded) applies to the awsxray exporter's segments, which the configs no longer send.",
  },
  cloudTracePrice: {
    id: "cloudTracePrice",
    name: "Google Cloud Observability pricing",
    title: "Google Cloud Trace: $0.20 per million spans ingested after 2.5 M free per month",
    citation: "cloud.google.com/stackdriver/pricing (Trace ingestion, effective 2018-11-01)",
    url: "https://cloud.google.com/stackdriver/pricing",
    asOf: "2018, unchanged in 2024–2026 copies",
    confidence: "high",
  },
  datadogApmHosts: {
    id: "datadogApmHosts",
    name: "Example workload — change it to yours",
    title: "Datadog APM hosts: 10",
    citation:
      "Example workload — change it to yours: 10 APM hosts is a placeholder, not a measurement; Datadog bills every host running the Agent with APM (Datadog docs, Billing for APM)",
    asOf: "2026-11-23",
    confidence: "low",
    note: "Datadog bills per APM host; set the number of hosts running the Agent with APM.",
  },
  defaultBackend: {
    id: "defaultBackend",
    name: "Grafana Tempo docs, Compression and OTLP receiver",
    title: "Default backend: Grafana Tempo on object storage",
    citation:
      "Grafana Tempo docs (compression: ~15 % of raw with zstd; one copy on object storage) and its OTLP receiver: the smallest storage of the self-hosted backends, and it accepts OTLP directly. On the whole bill its components and Kafka's traffic can make another backend cheaper at a given load: compare them in the backend table",
    asOf: "2026-11-23",
    confidence: "medium",
  },
  defaultEndpoint: {
    id: "defaultEndpoint",
    name: "The generated Collector config",
    title: "Default OTLP endpoint: the OpenTelemetry Collector's Service, otel-collector.observability:4317",
    citation:
      "The generated Collector config receives OTLP from the apps and Dapr and exports to the backend chosen in the form, so every snippet connects and a backend or tail-sampling change needs no new endpoint. The example workload sent straight to jaeger-collector.monitoring.svc:4317, a name that depends on how Jaeger was installed (Jaeger's Helm chart and operator name the Service differently).",
    asOf: "2026-11-27",
    confidence: "medium",
    note: "Replace with your Collector's Service. To skip the Collector, use your backend's own OTLP address: the setup check names a mismatch with the backend priced.",
  },
  collectorCompute: {
    id: "collectorCompute",
    name: "OpenTelemetry Collector performance table",
    title:
      "Collector compute: 1 core + 2 GB per 10,000 spans/s forwarded or 8,000 tail-sampled, priced at the compute prices",
    citation:
      "OpenTelemetry Collector performance table (docs/performance.md, 1 CPU + 2 GB: 10K spans/s recommended without tail sampling, 8K with; measured on v0.1.3 in 2019 and withdrawn in 2023 pending new results, still the only official figure); the tail-sampling processor README (a load-balancing tier routes each trace to one replica)",
    url: "https://github.com/open-telemetry/opentelemetry-collector/blob/de0396bf232f/docs/performance.md",
    asOf: "2019 measurements; read 2026-12",
    confidence: "medium",
    note: "Enter a cost per core to price the Collector differently from the backend (spot, reserved, or spare room on nodes you already run).",
  },
  daprIngress: {
    id: "daprIngress",
    name: "Dapr source (tracing sampler); Dapr docs, Configure tracing",
    title: "Requests reach the Dapr sidecar without trace context, so Dapr's samplingRate starts traces",
    citation:
      "dapr/dapr pkg/diagnostics/tracing_sampler.go: ParentBased(TraceIDRatioBased(samplingRate)); the rate applies only to requests that arrive at the sidecar without a trace context (Dapr docs, Configure tracing)",
    url: "https://docs.dapr.io/operations/observability/tracing/setup-tracing/",
    asOf: "dapr master 2026-11",
    confidence: "low",
    note: 'An assumption about your routing: if an Ingress sends requests straight to the app\'s port, choose "app" (the app\'s SDK then starts traces and Dapr follows); if another Dapr app calls it, choose "another Dapr app" (the caller decides).',
  },
  deploymentPlaceholders: {
    id: "deploymentPlaceholders",
    name: "Example values — change them to yours",
    title: "Deployment example values: 3 replicas, image registry.example.com/task-api:1.0.0, port 8000",
    citation:
      "Example values for the generated Kubernetes Deployment — change them to yours; 8000 is uvicorn's default port for FastAPI",
    asOf: "2026-11-23",
    confidence: "low",
    note: "Replace the image with your own before applying the Deployment.",
  },
  kubernetesProbes: {
    id: "kubernetesProbes",
    name: "Kubernetes docs, Configure liveness, readiness and startup probes",
    title: "Probes: 3 per replica (liveness, readiness, /metrics scrape) every 10 s",
    citation:
      "Kubernetes probe periodSeconds defaults to 10 s (kubernetes.io, Configure Liveness, Readiness and Startup Probes); the example workload excludes /health, /readiness and /metrics",
    url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/",
    asOf: "Kubernetes 1.3x docs, 2026",
    confidence: "medium",
    note: "Prometheus scrapes every 1 min by default; a 10 s scrape interval is common for services.",
  },
  planningHorizon: {
    id: "planningHorizon",
    name: "Example workload — change it to yours",
    title: "Planning horizon: 12 months, no traffic growth",
    citation:
      "Example workload — change it to yours: set your expected monthly growth to see storage and cost at the horizon",
    asOf: "2026-11-23",
    confidence: "low",
  },
  visibilityAssumptions: {
    id: "visibilityAssumptions",
    name: "Example goals — change them to yours",
    title:
      "Visibility goals: 1 % errors, 5 % slower than 1 s, every error kept, ≥ 1 trace per minute per endpoint, no budget or cap",
    citation: "Example goals — change them to yours: your service's error and latency metrics and your budget",
    asOf: "2026-11-23",
    confidence: "low",
  },
  tailSamplingDefaults: {
    id: "tailSamplingDefaults",
    name: "OpenTelemetry Collector contrib, tail sampling processor README",
    title: "Tail sampling: off; when on, keep errors and slow traces plus a 10 % baseline, decision_wait 30 s",
    citation:
      "opentelemetry-collector-contrib processor/tailsamplingprocessor README and factory.go (decision_wait 30s, num_traces 50000); the 10 % baseline matches the default head-sampling rate",
    url: "https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/processor/tailsamplingprocessor",
    asOf: "contrib 2025–2026",
    confidence: "high",
  },
  spanMetrics: {
    id: "spanMetrics",
    name: "OpenTelemetry Collector contrib, spanmetrics connector; Grafana Cloud docs, Metrics pricing",
    title:
      "RED metrics before sampling: spanmetrics connector, dimensions service, span name, kind and status; 16 duration buckets; flushed every 60 s",
    citation:
      "OpenTelemetry Collector contrib, spanmetrics connector README (commit 001f9b83c244): default dimensions and buckets; Grafana Cloud docs, Metrics pricing (1 data point per minute per active series included)",
    url: "https://github.com/open-telemetry/opentelemetry-collector-contrib/tree/main/connector/spanmetricsconnector",
    asOf: "2026",
    confidence: "high",
    note: "Metrics computed after sampling undercount requests and errors; the connector runs in a pipeline ahead of the sampler.",
  },
  metricSeriesPrices: {
    id: "metricSeriesPrices",
    name: "Grafana Cloud and Datadog pricing pages, as quoted in public comparisons",
    title:
      "Metric series prices: Grafana Cloud $6.50 per 1,000 active series past 10,000; Datadog $5 per 100 custom metrics past 100 per host",
    citation:
      "grafana.com/pricing and datadoghq.com/pricing/list as quoted in public pricing comparisons (2026); Datadog docs, Custom metrics (Pro: 100 custom metrics per host)",
    url: "https://grafana.com/pricing/",
    asOf: "2026",
    confidence: "medium",
    note: "Read from copies of the vendors' pricing pages, not the pages themselves: confirm before you sign. New Relic, Honeycomb, CloudWatch and Google bill metrics by data or samples; those are named, not priced.",
  },
  tempoSizing: {
    id: "tempoSizing",
    name: "Grafana Tempo docs, Size the cluster",
    title:
      "Tempo components per MB/s of raw OTLP at peak: distributor 10, ingester 4 (2.x), live-store 8 (3.x), compactor 4, querier 1.5; 15 MB/s per distributor per tenant by default (2.x)",
    citation:
      "Grafana Tempo docs, Size the cluster (grafana/tempo docs/sources/tempo/set-up-for-tracing/setup-tempo/plan/size.md at v2.9.5 and v3.0.3; ranges 3–5, 6–10 and 1–2 MB/s, midpoints taken); Tempo overrides rate_limit_bytes 15,000,000 (2.x; 3.0 raised it to 30,000,000)",
    url: "https://grafana.com/docs/tempo/latest/set-up-for-tracing/setup-tempo/plan/size/",
    asOf: "Tempo 2.9.5 and 3.0.3 docs, 2026-08",
    confidence: "medium",
    note: "A rule of thumb for the replica counts shown beside the plan; the bill sizes each component by the Tempo 3.x and 2.x sizing sources.",
  },
  tempoSizing3: {
    id: "tempoSizing3",
    name: "Grafana Tempo docs, Size the cluster (3.x)",
    title:
      "Tempo 3.x at peak: distributor 1 per 10 MB/s (2 CPU, 2 GB); live-store 1 per Kafka partition per zone, 2 zones (1 CPU, 12 GB); block-builder 1 per partition (0.5 CPU, 7.5 GB); querier 1 per 1.5 MB/s (0.5 CPU, 12 GB); 2 query-frontends; 1 backend-scheduler; backend-workers 1 per 4 MB/s, at least 3 (0.5 CPU, 1.5 GB)",
    citation:
      'Grafana Tempo docs, Size the cluster, v3.0.3 (grafana/tempo docs/sources/tempo/set-up-for-tracing/setup-tempo/plan/size.md at tag v3.0.3); Live-store component and Kafka pages ("one live-store instance per availability zone" per active partition) and operations/jsonnet/microservices (live-store zone-a and zone-b; 500m CPU requests; backend-worker KEDA min_replicas 3) at main ad33aa8fafc4',
    url: "https://grafana.com/docs/tempo/latest/set-up-for-tracing/setup-tempo/plan/size/",
    asOf: "Tempo 3.0.3 docs and jsonnet, 2026-08",
    confidence: "medium",
    note: 'Memory ranges (4–20 GB, 5–10, 1–2) at their midpoints; "CPU dependent" at the jsonnet request, 500m. Backend-worker sizing is "to be determined" upstream: the 2.x compactor\'s midpoint rate is assumed. The optional metrics-generator is not sized (no published throughput; off by default). Below 25–35 MB/s or 55k–80k spans/s one monolithic process without Kafka is documented as enough.',
  },
  tempoSizing2: {
    id: "tempoSizing2",
    name: "Grafana Tempo docs, Size the cluster (2.x)",
    title:
      "Tempo 2.x at peak: distributor 1 per 10 MB/s (2 CPU, 2 GB); ingester 1 per 4 MB/s, at least 3 (2.5 CPU, 12 GB), replication factor 3; querier 1 per 1.5 MB/s (0.5 CPU, 12 GB); 2 query-frontends; compactor 1 per 4 MB/s (1 CPU, 12 GB)",
    citation:
      "Grafana Tempo docs, Size the cluster, v2.9.5 (grafana/tempo docs/sources/tempo/set-up-for-tracing/setup-tempo/plan/size.md at tag v2.9.5, same in 2.10); Configuration, ingester ring replication_factor: 3",
    url: "https://grafana.com/docs/tempo/v2.9.x/set-up-for-tracing/setup-tempo/plan/size/",
    asOf: "Tempo 2.9.5 docs, 2026-08",
    confidence: "medium",
    note: 'Ranges 3–5 and 1–2 MB/s and 4–20 GB at their midpoints; "CPU dependent" at the Tempo jsonnet request, 500m. An RF 3 ring needs three ingesters.',
  },
  tempoKafka: {
    id: "tempoKafka",
    name: "Grafana Tempo docs, Configure Kafka",
    title:
      "Kafka for Tempo 3.x: ceil(peak ÷ 10 MB/s) partitions, replication factor 3, 24 h retention; log = average ingest × 24 h × 3",
    citation:
      'Grafana Tempo docs, Configure Kafka (grafana/tempo docs/sources/tempo/set-up-for-tracing/setup-tempo/configure-kafka.md at main ad33aa8fafc4: minimum_active_partitions, "replication factor 3 with a minimum of 2 in-sync replicas", retained_bytes = sustained ingest × retention); Deployment modes, v3.0.3 (Kafka required in microservices mode)',
    url: "https://grafana.com/docs/tempo/latest/set-up-for-tracing/setup-tempo/configure-kafka/",
    asOf: "Tempo docs 2026-08",
    confidence: "medium",
    note: "No broker count or size is published: RF 3 needs at least 3 brokers, whose CPU and memory are left unpriced and named. The log is raw bytes before record overhead and headroom.",
  },
  clickhouseSizing: {
    id: "clickhouseSizing",
    name: "ClickHouse docs, ClickStack Estimating resources",
    title:
      "ClickHouse at average ingest: 1 vCPU per 10 MB/s × (1 + 3 queries/s), shared by 3 replicas of at least 2 vCPU, 4 GB per vCPU",
    citation:
      'ClickHouse docs, ClickStack "Estimating resources" (ClickHouse/clickhouse-docs docs/use-cases/observability/clickstack/managing/, 3 QPS table and 579 MB/s worked example); ClickStack managed sizing (2 vCPU × 3 replicas smallest; "we recommend using three replicas ... to achieve the same total capacity"); Sizing and hardware recommendations (general-purpose 4 GB : 1 core; "at least three replicas per shard")',
    url: "https://clickhouse.com/docs/use-cases/observability/clickstack/estimating-resources",
    asOf: "ClickHouse docs 2025–2026",
    confidence: "medium",
    note: "The page body assumes 1 query/s, its table 3; 3 is taken. The model is for sustained ingest: bursts need headroom. On EBS the OSS guide allows two replicas.",
  },
  clickhouseKeeper: {
    id: "clickhouseKeeper",
    name: "ClickHouse docs, Replication; Metoro docs",
    title: "ClickHouse Keeper: 3 nodes of 4 GB and 0.1 vCPU",
    citation:
      'ClickHouse docs, replication example (3 Keeper nodes; "4GB RAM is generally enough for each Keeper server"); Metoro on-premises docs 10.x, ClickHouse sizing (Keeper "unlikely to use more than 100m CPU and 2 GiB")',
    url: "https://clickhouse.com/docs/architecture/replication",
    asOf: "ClickHouse docs 2024–2026; Metoro docs 2026",
    confidence: "low",
    note: "ClickHouse publishes no Keeper CPU figure; the 0.1 vCPU is one operator's, not ClickHouse's.",
  },
  collectorSizing: {
    id: "collectorSizing",
    name: "OpenTelemetry Collector performance table; Honeycomb Refinery docs",
    title:
      "Collector throughput: ~8,000 spans/s per core with tail sampling, ~10,000 without; ~10 KB RAM per buffered trace",
    citation:
      "opentelemetry-collector docs/performance.md (1 CPU + 2 GB: 8K spans/s recommended with tail sampling, 10K without); Honeycomb Refinery sizing (~10 KB per trace held)",
    url: "https://github.com/open-telemetry/opentelemetry-collector/blob/main/docs/performance.md",
    asOf: "collector v0.1.3 table (2019); Refinery docs 2024–2026",
    confidence: "medium",
    note: "In-memory bytes per span are assumed to be 2× the raw OTLP bytes.",
  },
  daysPerMonth: {
    id: "daysPerMonth",
    name: "Honeycomb usage docs",
    title: "A month is 30.4 days",
    citation: "Honeycomb usage docs (daily target = monthly events / 30.4)",
    asOf: "2024–2026",
    confidence: "high",
  },
  computePrice: {
    id: "computePrice",
    name: "AWS Fargate pricing",
    title: "Compute: $29.53 per vCPU-month and $3.24 per GB-month (AWS Fargate on-demand, Linux/x86, us-east-1)",
    citation:
      "AWS Fargate pricing: $0.04048 per vCPU-hour and $0.004445 per GB-hour (as quoted by vantage.sh and wring.co, 2026-03, and AWS's per-second rate $0.000011244 per vCPU-second, read 2026-09-20), × 729.6 hours (30.4 days)",
    url: "https://aws.amazon.com/fargate/pricing/",
    asOf: "2026-09",
    confidence: "high",
    note: "On-demand list price; EC2 m7i is $36.79 per vCPU-month with 4 GiB each, Graviton (m7g) $29.78. Enter your own prices, or 0 when the nodes are already paid for.",
  },
  availabilityZones: {
    id: "availabilityZones",
    name: "Kubernetes docs, Topology aware routing",
    title: "3 availability zones: about 2/3 of each hop crosses a zone",
    citation:
      "A Kubernetes Service spreads connections over every ready endpoint whatever its zone (no topology-aware routing by default), so with pods spread evenly over n zones (n − 1)/n of the traffic leaves its zone; most AWS, Google Cloud and Azure regions have 3 zones",
    url: "https://kubernetes.io/docs/concepts/services-networking/topology-aware-routing/",
    asOf: "Kubernetes 1.3x docs, 2026",
    confidence: "medium",
    note: "Topology-aware routing or a zone-local Collector (a DaemonSet) keeps the app-to-Collector hop in the zone: enter 1 zone to see the bill without cross-zone traffic.",
  },
  interZonePrice: {
    id: "interZonePrice",
    name: "AWS EC2 on-demand pricing, Data transfer",
    title: "Traffic between zones: $0.02 per GB (AWS $0.01 out + $0.01 in; Google Cloud $0.01 per GiB; Azure free)",
    citation:
      'AWS EC2 on-demand pricing, Data Transfer ("$0.01/GB in each direction" between Availability Zones); Google Cloud VPC network pricing (VM-to-VM between zones of a region, $0.01 per GiB, read 2026-09-20); Microsoft Learn, Azure availability zones overview (no charge between zones)',
    url: "https://aws.amazon.com/ec2/pricing/on-demand/",
    asOf: "2026",
    confidence: "high",
  },
  egressPrice: {
    id: "egressPrice",
    name: "AWS EC2 on-demand pricing, Data transfer out",
    title: "Internet egress to a SaaS backend: $0.09 per GB (AWS, first tier)",
    citation:
      "AWS EC2 on-demand pricing, Data Transfer out to the internet (first 10 TB/month after 100 GB free), as quoted in the alterNAT README and AWS's S3 pricing page (read 2026-09-20)",
    url: "https://aws.amazon.com/ec2/pricing/on-demand/",
    asOf: "2026",
    confidence: "high",
    note: "Exports go gzip-compressed from the Collector (its OTLP exporters compress by default). A NAT gateway on the way adds $0.045 per GB processed.",
  },
  newRelicUsers: {
    id: "newRelicUsers",
    name: "New Relic docs, Pricing and billing",
    title: "New Relic users: 1 full platform user (the free tier includes one; basic users are free)",
    citation:
      "New Relic docs, Pricing and billing (user types: basic users free, core and full platform users billable)",
    url: "https://docs.newrelic.com/docs/accounts/accounts-billing/new-relic-one-pricing-billing/new-relic-one-pricing-billing/",
    asOf: "2026",
    confidence: "medium",
    note: "Per-user prices beyond the free one are not priced here: the figures we found come from an unconfirmed transcription.",
  },
  saasOtlpAuth: {
    id: "saasOtlpAuth",
    name: "Honeycomb, Grafana Cloud, New Relic and Datadog OTLP docs; OTLP exporter spec",
    title: "SaaS OTLP intakes take an API key in a header: the Secret named otlp-auth holds it",
    citation:
      'Honeycomb docs, Send Data with OpenTelemetry (x-honeycomb-team); Grafana Cloud docs, Direct export or a collector (OTEL_EXPORTER_OTLP_HEADERS "Authorization=Basic <base64 of instance id:token>" to the OTLP gateway); New Relic docs, New Relic OTLP endpoint (api-key); Datadog docs, Datadog OTLP Traces Intake Endpoint (dd-api-key); OpenTelemetry specification, OTLP exporter, Specifying headers via environment variables (percent-encoded values)',
    url: "https://opentelemetry.io/docs/specs/otel/protocol/exporter/",
    asOf: "2026-12-07",
    confidence: "high",
    note: "The Secret's otlp-headers key holds the whole OTEL_EXPORTER_OTLP_HEADERS value; an empty name means no credentials, which a SaaS endpoint refuses.",
  },
} as const satisfies Record<string, Source>

/** Id of a source in {@link SOURCES}. */
export type SourceId = keyof typeof SOURCES
