import { z } from "zod"

import { SOURCES, type SourceId } from "@/lib/sources"

import { BACKEND_IDS, BACKENDS, type BackendId } from "./backends"
import { SAMPLERS, type Sampler } from "./samplers"

/** Highest request rate accepted: a billion requests per second is beyond any single system. */
export const MAX_RPS = 1e9
export const MAX_RETENTION_DAYS = 3650
export const MAX_SPANS_PER_TRACE = 100_000
/** 1 MB per span: far above Tempo's 5 MB per whole-trace default limit divided by any real span count. */
export const MAX_SPAN_BYTES = 1_000_000
export const MAX_APM_HOSTS = 100_000

/** Every field of a plan's input, in form order. These names are the URL and API contract. */
export const PLAN_FIELDS = [
  "rps",
  "peakRps",
  "retentionDays",
  "sampler",
  "ratio",
  "spansPerTrace",
  "spanBytes",
  "backend",
  "apmHosts",
] as const

export type PlanField = (typeof PLAN_FIELDS)[number]

/** A plan's input once validated and normalized: every field present. */
export interface PlanInput {
  rps: number
  peakRps: number
  retentionDays: number
  sampler: Sampler
  ratio: number
  spansPerTrace: number
  spanBytes: number
  backend: BackendId
  apmHosts: number
}

/** The seed scenario and cited defaults: what a plan uses for every field it is not given. */
export const DEFAULT_INPUT: PlanInput = {
  rps: 5000,
  peakRps: 5000,
  retentionDays: 7,
  sampler: "parentbased_traceidratio",
  ratio: 0.1,
  spansPerTrace: 30,
  spanBytes: 500,
  backend: "tempo",
  apmHosts: 10,
}

/** Where each default comes from (shown beside the field and returned by the API). */
export const DEFAULT_SOURCE: Record<PlanField, SourceId> = {
  rps: "seedScenario",
  peakRps: "seedScenario",
  retentionDays: "seedScenario",
  sampler: "seedScenario",
  ratio: "seedScenario",
  spansPerTrace: "spansPerTrace",
  spanBytes: "spanBytes",
  backend: "defaultBackend",
  apmHosts: "datadogApmHosts",
}

/** Labels a person reads, used in the form and in every message. */
export const FIELD_LABELS: Record<PlanField, string> = {
  rps: "Requests per second",
  peakRps: "Peak requests per second",
  retentionDays: "Retention",
  sampler: "Sampler",
  ratio: "Sampling ratio",
  spansPerTrace: "Spans per trace",
  spanBytes: "Bytes per span",
  backend: "Backend",
  apmHosts: "Datadog APM hosts",
}

const count = (n: number) => n.toLocaleString("en-US")

/** Turns text from a form or a URL into a number, leaving anything unparseable for zod to reject. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value
  const trimmed = value.trim()
  if (trimmed === "") return value
  const parsed = Number(trimmed)
  return Number.isNaN(parsed) ? value : parsed
}

/** Trims and lowercases enum text so `ParentBased_TraceIdRatio ` is read as the spec name. */
function toEnumText(value: unknown): unknown {
  return typeof value === "string" ? value.trim().toLowerCase() : value
}

function numberField(field: PlanField, example: string) {
  const label = FIELD_LABELS[field]
  return z.number({
    error: (issue) => {
      if (issue.input === "") return `Enter ${label.toLowerCase()}, e.g. ${example}.`
      if (typeof issue.input === "number") return `${label} must be a finite number.`
      return `${label} must be a number, e.g. ${example} (digits only, no commas or units).`
    },
  })
}

const rpsSchema = numberField("rps", "5000")
  .positive({ error: "Requests per second must be greater than 0." })
  .max(MAX_RPS, { error: `Requests per second must be at most ${count(MAX_RPS)}.` })

const peakRpsSchema = numberField("peakRps", "8000")
  .positive({ error: "Peak requests per second must be greater than 0." })
  .max(MAX_RPS, { error: `Peak requests per second must be at most ${count(MAX_RPS)}.` })

const retentionDaysSchema = numberField("retentionDays", "7")
  .int({ error: "Retention must be a whole number of days." })
  .min(1, { error: "Retention must be at least 1 day." })
  .max(MAX_RETENTION_DAYS, { error: `Retention must be at most ${count(MAX_RETENTION_DAYS)} days (10 years).` })

const samplerSchema = z.enum(SAMPLERS, {
  error: (issue) =>
    `Unknown sampler ${JSON.stringify(issue.input)}. Use one of: ${SAMPLERS.join(", ")}.`,
})

const ratioSchema = numberField("ratio", "0.1")
  .min(0, { error: "Sampling ratio must be between 0 and 1 (0.1 keeps 10 %)." })
  .max(1, {
    error: (issue) =>
      typeof issue.input === "number" && issue.input <= 100
        ? `Sampling ratio is a fraction between 0 and 1: ${issue.input} % is ${issue.input / 100}.`
        : "Sampling ratio must be between 0 and 1 (0.1 keeps 10 %).",
  })

const spansPerTraceSchema = numberField("spansPerTrace", "30")
  .min(1, { error: "Spans per trace must be at least 1 (the root span)." })
  .max(MAX_SPANS_PER_TRACE, { error: `Spans per trace must be at most ${count(MAX_SPANS_PER_TRACE)}.` })

const spanBytesSchema = numberField("spanBytes", "500")
  .positive({ error: "Bytes per span must be greater than 0." })
  .max(MAX_SPAN_BYTES, { error: `Bytes per span must be at most ${count(MAX_SPAN_BYTES)} (1 MB).` })

const backendSchema = z.enum(BACKEND_IDS, {
  error: (issue) =>
    `Unknown backend ${JSON.stringify(issue.input)}. Use one of: ${BACKEND_IDS.join(", ")}.`,
})

const apmHostsSchema = numberField("apmHosts", "10")
  .int({ error: "Datadog APM hosts must be a whole number." })
  .min(1, { error: "Datadog APM hosts must be at least 1." })
  .max(MAX_APM_HOSTS, { error: `Datadog APM hosts must be at most ${count(MAX_APM_HOSTS)}.` })

/**
 * The one schema for a plan's input: the page URL, the form, the API and the config generators
 * all parse through it. Text is accepted for every field (URLs and forms carry text); missing
 * fields take {@link DEFAULT_INPUT}, and a missing `peakRps` equals `rps`.
 *
 * @example
 * planInputSchema.parse({ rps: "10000" }).peakRps //=> 10000
 */
export const planInputSchema = z
  .strictObject({
    rps: z.preprocess(toNumber, rpsSchema.default(DEFAULT_INPUT.rps)),
    peakRps: z.preprocess(toNumber, peakRpsSchema.optional()),
    retentionDays: z.preprocess(toNumber, retentionDaysSchema.default(DEFAULT_INPUT.retentionDays)),
    sampler: z.preprocess(toEnumText, samplerSchema.default(DEFAULT_INPUT.sampler)),
    ratio: z.preprocess(toNumber, ratioSchema.default(DEFAULT_INPUT.ratio)),
    spansPerTrace: z.preprocess(toNumber, spansPerTraceSchema.default(DEFAULT_INPUT.spansPerTrace)),
    spanBytes: z.preprocess(toNumber, spanBytesSchema.default(DEFAULT_INPUT.spanBytes)),
    backend: z.preprocess(toEnumText, backendSchema.default(DEFAULT_INPUT.backend)),
    apmHosts: z.preprocess(toNumber, apmHostsSchema.default(DEFAULT_INPUT.apmHosts)),
  })
  .check((ctx) => {
    const { rps, peakRps } = ctx.value
    if (peakRps !== undefined && peakRps < rps) {
      ctx.issues.push({
        code: "custom",
        input: peakRps,
        path: ["peakRps"],
        message: `Peak requests per second (${count(peakRps)}) must be at least the average (${count(rps)}).`,
      })
    }
  })
  // Rebuilt in PLAN_FIELDS order, so the API echoes fields in the order the docs list them.
  .transform(
    (value): PlanInput => ({
      rps: value.rps,
      peakRps: value.peakRps ?? value.rps,
      retentionDays: value.retentionDays,
      sampler: value.sampler,
      ratio: value.ratio,
      spansPerTrace: value.spansPerTrace,
      spanBytes: value.spanBytes,
      backend: value.backend,
      apmHosts: value.apmHosts,
    })
  )

/** The text shown beside a default: its source's title and date. */
export function describeDefault(field: PlanField): string {
  const source = SOURCES[DEFAULT_SOURCE[field]]
  return `${source.title} (as of ${source.asOf})`
}

/** Label of a backend, for messages and the form. */
export function backendLabel(id: BackendId): string {
  return BACKENDS[id].label
}
