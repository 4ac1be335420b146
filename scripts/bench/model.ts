// Model bench: median time per call of the pure core, in-process (no server, no browser).
import { buildPlan, compareRates } from "@/lib/plan/build-plan"
import { configFor, planDocument } from "@/lib/configs/plan-configs"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

export interface ModelFigure {
  name: string
  medianMs: number
  calls: number
}

/** Median of `samples` timings, each the mean of a batch of calls (timer resolution is ~µs). */
function medianMs(run: () => unknown, samples = 41, batch = 20): number {
  for (let i = 0; i < 50; i++) run() // warm the JIT
  const times: number[] = []
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < batch; i++) run()
    times.push(Number(process.hrtime.bigint() - start) / 1e6 / batch)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}

const TWO_YEARS: PlanInput = { ...DEFAULT_INPUT, growthPercentPerMonth: 5, horizonMonths: 24 }
const DEFAULT_PLAN = buildPlan(DEFAULT_INPUT)
const TEN_YEARS_RETENTION: PlanInput = {
  ...DEFAULT_INPUT,
  retentionDays: 3650,
  growthPercentPerMonth: 5,
  horizonMonths: 60,
}

export function benchModel(): ModelFigure[] {
  const cases: [string, () => unknown][] = [
    ["buildPlan (default plan)", () => buildPlan(DEFAULT_INPUT)],
    ["buildPlan (2-year horizon, 5 %/month)", () => buildPlan(TWO_YEARS)],
    ["buildPlan (3,650-day retention, 5-year horizon)", () => buildPlan(TEN_YEARS_RETENTION)],
    ["compareRates (8 rates)", () => compareRates(DEFAULT_INPUT)],
    ["planDocument: plan + all nine config snippets (what the API answers)", () => planDocument(DEFAULT_INPUT)],
    ["configFor one snippet (Kubernetes Deployment, the largest)", () => configFor(DEFAULT_PLAN, "k8s")],
  ]
  return cases.map(([name, run]) => ({ name, medianMs: medianMs(run), calls: 41 * 20 }))
}
