// How long the dry run takes on 100,000 traces, per plan change (`npx tsx scripts/dry-run-speed.ts`).
// Not a timed test: the figures depend on the machine; docs/performance.md keeps a run of it.
import { dryRun } from "@/lib/import/dry-run"
import { tailTraceIdHashes } from "@/lib/import/tail-policies"
import type { TraceRecords } from "@/lib/import/trace-records"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

const TRACES = 100_000
const ENDPOINTS = 50
const SERVICES = 12

/** Synthetic records: ids from a 32-bit LCG, 3 services a trace, every 50th an error. */
function syntheticRecords(count: number): TraceRecords {
  let state = 0x2545f491
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0)
  const ids = new Uint32Array(count * 4).map(() => next())
  const serviceStart = Uint32Array.from({ length: count + 1 }, (_, i) => i * 3)
  const hashes = tailTraceIdHashes(ids, count)
  return {
    count,
    truncatedTraces: 0,
    ids,
    tailHashHi: hashes.hi,
    tailHashLo: hashes.lo,
    spans: new Uint32Array(count).fill(30),
    isError: Uint8Array.from({ length: count }, (_, i) => (i % 50 === 0 ? 1 : 0)),
    rootDurationMs: Float64Array.from({ length: count }, (_, i) => (i % 20 === 0 ? 1500 : 80)),
    traceDurationMs: Float64Array.from({ length: count }, (_, i) => (i % 20 === 0 ? 1500 : 80)),
    endpoint: Uint32Array.from({ length: count }, (_, i) => i % ENDPOINTS),
    serviceStart,
    serviceIds: Uint32Array.from({ length: count * 3 }, (_, i) => (i + Math.floor(i / 3)) % SERVICES),
    endpoints: Array.from({ length: ENDPOINTS }, (_, i) => `GET /route/${i}`),
    services: Array.from({ length: SERVICES }, (_, i) => `service-${i}`),
  }
}

function time(label: string, run: () => unknown, repeat = 5): void {
  const runs: number[] = []
  for (let i = 0; i < repeat; i++) {
    const started = performance.now()
    run()
    runs.push(performance.now() - started)
  }
  runs.sort((a, b) => a - b)
  console.log(`${label}: median ${runs[Math.floor(repeat / 2)]?.toFixed(1)} ms (min ${runs[0]?.toFixed(1)})`)
}

const records = syntheticRecords(TRACES)
const plans: [string, PlanInput][] = [
  ["Dapr decides (Go sampler)", DEFAULT_INPUT],
  ["Node app decides", { ...DEFAULT_INPUT, daprEnabled: false, language: "node" }],
  ["Java app decides", { ...DEFAULT_INPUT, daprEnabled: false, language: "java" }],
  [
    "tail sampling, rate limit",
    { ...DEFAULT_INPUT, tailSampling: true, tailBaselinePercent: 10, tailSpansPerSecond: 20_000 },
  ],
]
const hashing = performance.now()
tailTraceIdHashes(records.ids, TRACES)
console.log(
  `tail hashes of ${TRACES.toLocaleString("en")} ids (once, in the worker): ${(performance.now() - hashing).toFixed(1)} ms`
)
for (const [label, input] of plans)
  time(`${TRACES.toLocaleString("en")} traces, ${label}`, () => dryRun(records, input))
