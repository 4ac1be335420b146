import { describe, expect, it } from "vitest"

import {
  DEFAULT_INPUT,
  DEFAULT_SOURCE,
  FIELD_LABELS,
  FIELDS,
  fieldSpec,
  fieldsInSection,
  FOLLOWERS,
  FORM_SECTIONS,
  PLAN_FIELDS,
} from "@/lib/plan/fields"
import {
  DRAWN_BY_SECTION,
  FORM_ROWS,
  sectionFields,
  sectionRows,
  withUnplacedFields,
  type BehaviourSection,
  type RegistrySection,
} from "@/lib/plan/form-layout"
import { parsePlanInput } from "@/lib/plan/parse"
import { planInputSchema } from "@/lib/plan/schema"
import { SOURCES } from "@/lib/sources"

/** The messages the API gives for one field set to `value`. */
function messages(field: string, value: unknown): string[] {
  const result = parsePlanInput({ [field]: value }, { unknownKeys: "reject" })
  return result.success ? [] : result.issues.map((issue) => issue.message)
}

describe("the field registry", () => {
  it("lists the 54 fields in URL and API order", () => {
    expect(PLAN_FIELDS).toHaveLength(54)
    expect(PLAN_FIELDS.slice(0, 5)).toEqual(["rps", "peakRps", "retentionDays", "sampler", "ratio"])
    expect(PLAN_FIELDS.at(-1)).toBe("otlpAuthSecret")
    expect(Object.keys(planInputSchema.parse({}))).toEqual(PLAN_FIELDS)
  })

  it("derives the defaults, sources and labels other code reads", () => {
    expect(DEFAULT_INPUT).toEqual({
      rps: 5000,
      peakRps: 5000,
      retentionDays: 7,
      sampler: "parentbased_traceidratio",
      ratio: 0.1,
      spansPerTrace: 30,
      spanBytes: 500,
      backend: "tempo",
      apmHosts: 10,
      tempoVersion: "3.x",
      datadogCommitment: "annual",
      newRelicFullUsers: 1,
      computeUsdPerVcpuMonth: 29.53,
      computeUsdPerGbMonth: 3.24,
      collectorUsdPerCoreMonth: 0,
      zones: 3,
      interZoneUsdPerGb: 0.02,
      egressUsdPerGb: 0.09,
      serviceName: "task-api",
      namespace: "default",
      environment: "production",
      language: "python",
      otlpEndpoint: "http://otel-collector.observability.svc.cluster.local:4317",
      protocol: "grpc",
      daprEnabled: true,
      daprIngress: true,
      entryPoint: "sidecar",
      daprSamplingRate: 0.1,
      replicas: 3,
      image: "registry.example.com/task-api:1.0.0",
      containerPort: 8000,
      excludeHealthChecks: true,
      excludedUrls: "health,metrics,readiness",
      probesPerReplica: 3,
      probeIntervalSeconds: 10,
      growthPercentPerMonth: 0,
      horizonMonths: 12,
      topology: null,
      errorRate: 0.01,
      slowRate: 0.05,
      slowThresholdMs: 1000,
      endpoints: null,
      tailSampling: false,
      redMetrics: "prometheusremotewrite",
      tailKeepErrors: true,
      tailKeepSlow: true,
      tailBaselinePercent: 10,
      tailSpansPerSecond: 0,
      tailDecisionWaitSeconds: 30,
      keepAllErrors: true,
      minTracesPerMinutePerEndpoint: 1,
      // No budget: absent.
      budgetUsdPerMonth: undefined,
      storageCapBytes: 0,
      otlpAuthSecret: "otlp-auth",
    })
    expect("budgetUsdPerMonth" in DEFAULT_INPUT).toBe(true)
    expect(planInputSchema.parse({})).toEqual(DEFAULT_INPUT)
    expect(DEFAULT_SOURCE.apmHosts).toBe("datadogApmHosts")
    expect(DEFAULT_SOURCE.topology).toBe("spansPerTrace")
    expect(FIELD_LABELS.tailSpansPerSecond).toBe("Rate limit")
    for (const field of PLAN_FIELDS) expect(SOURCES[DEFAULT_SOURCE[field]].id).toBe(DEFAULT_SOURCE[field])
  })

  it("puts every field in exactly one form section", () => {
    const placed = FORM_SECTIONS.flatMap((section) => fieldsInSection(section))
    expect([...placed].sort()).toEqual([...PLAN_FIELDS].sort())
    expect(fieldsInSection("backend")).toEqual([
      "backend",
      "apmHosts",
      "tempoVersion",
      "datadogCommitment",
      "newRelicFullUsers",
      "computeUsdPerVcpuMonth",
      "computeUsdPerGbMonth",
      "collectorUsdPerCoreMonth",
      "zones",
      "interZoneUsdPerGb",
      "egressUsdPerGb",
    ])
  })

  it("has the peak follow the average, and Dapr's rate the sampler's head rate (test/plan/dapr-entry.test.ts)", () => {
    expect(FOLLOWERS).toEqual([["peakRps", "rps"]])
    expect(planInputSchema.parse({ rps: "700", ratio: "0.3" })).toMatchObject({ peakRps: 700, daprSamplingRate: 0.3 })
  })

  it("keeps each default and example inside its field's bounds, and enum defaults among the values", () => {
    for (const field of PLAN_FIELDS) {
      const spec = fieldSpec(field)
      if (spec.kind === "enum") expect(spec.values).toContain(spec.default)
      if (spec.kind === "text" || spec.kind === "special") expect(spec.rule).not.toBe("")
      if (!("bounds" in spec)) continue
      // An optional field's default is "none" (undefined): only its example has bounds to keep.
      for (const value of [spec.default, Number(spec.example)].filter((value) => value !== undefined)) {
        expect(value, field).toBeLessThanOrEqual(spec.bounds.max)
        if (spec.bounds.exclusiveMin) expect(value, field).toBeGreaterThan(spec.bounds.min)
        else expect(value, field).toBeGreaterThanOrEqual(spec.bounds.min)
        if (spec.kind === "integer") expect(Number.isInteger(value), field).toBe(true)
      }
      expect(planInputSchema.safeParse({ [field]: spec.example }).success, field).toBe(true)
    }
  })

  it("gives every field a meaning for the docs", () => {
    for (const field of PLAN_FIELDS) expect(FIELDS[field].doc.length, field).toBeGreaterThan(10)
  })
})

describe("messages worded by the registry", () => {
  it("words bounds with the entry's unit, unit of one and asides", () => {
    expect(messages("retentionDays", 0)).toEqual(["Retention must be at least 1 day."])
    expect(messages("retentionDays", 4000)).toEqual(["Retention must be at most 3,650 days (10 years)."])
    expect(messages("probeIntervalSeconds", 0)).toEqual([
      "Probe interval must be at least 1 second (Kubernetes periodSeconds minimum).",
    ])
    expect(messages("spanBytes", 0)).toEqual(["Bytes per span must be greater than 0."])
    expect(messages("collectorUsdPerCoreMonth", -1)).toEqual(["Collector cost per core must be 0 or more."])
    expect(messages("budgetUsdPerMonth", 2e12)).toEqual(["Monthly budget must be at most 1,000,000,000,000 USD."])
  })

  it("reads an optional number left empty as none, and 0 as a value of its own", () => {
    const budget = (value: unknown) => {
      const result = parsePlanInput(value === undefined ? {} : { budgetUsdPerMonth: value }, { unknownKeys: "reject" })
      return result.success ? result.data.budgetUsdPerMonth : result.issues.map((issue) => issue.message)
    }
    expect(budget(undefined)).toBeUndefined()
    expect(budget("")).toBeUndefined()
    expect(budget("  ")).toBeUndefined()
    expect(budget(null)).toBeUndefined()
    expect(budget("0")).toBe(0)
    expect(budget(0)).toBe(0)
    expect(budget("50")).toBe(50)
    expect(budget(-1)).toEqual(["Monthly budget must be 0 or more."])
    expect(budget("fifty")).toEqual(["Monthly budget must be a number, e.g. 500 (5,000, 5k and 1.2M work too)."])
  })

  it("gives one message for both bounds where the entry has a range, with its subject", () => {
    expect(messages("growthPercentPerMonth", -51)).toEqual([
      "Traffic growth must be between -50 % and 200 % per month.",
    ])
    expect(messages("horizonMonths", 61)).toEqual(["Planning horizon must be between 1 and 60 months."])
    expect(messages("containerPort", 0)).toEqual(["Container port must be between 1 and 65,535."])
    expect(messages("ratio", -0.1)).toEqual(["Sampling ratio must be between 0 and 1 (0.1 keeps 10 %)."])
  })

  it("reads a fraction's percentage as a hint, and words other fractions from the example", () => {
    expect(messages("errorRate", 2)).toEqual(["Error rate is a fraction between 0 and 1: for 2 %, type 0.02."])
    expect(messages("slowRate", 101)).toEqual(["Slow requests is a fraction between 0 and 1 (0.05 = 5 %)."])
  })

  it("checks whole numbers first, or after the bounds where the entry says so", () => {
    expect(messages("retentionDays", 0.5)).toEqual(["Retention must be a whole number of days."])
    expect(messages("slowThresholdMs", -0.5)).toEqual([
      "Slow threshold must be greater than 0 ms.",
      "Slow threshold must be a whole number of ms.",
    ])
    expect(messages("tailSpansPerSecond", 1.5)).toEqual(["Rate limit must be a whole number of spans per second."])
  })
})

describe("the form's layout", () => {
  it("lays out only fields of the section, each once", () => {
    for (const section of Object.keys(FORM_ROWS) as RegistrySection[]) {
      const laidOut = FORM_ROWS[section].flat()
      expect(new Set(laidOut).size, section).toBe(laidOut.length)
      for (const field of laidOut) expect(FIELDS[field].section, field).toBe(section)
    }
    for (const section of Object.keys(DRAWN_BY_SECTION) as BehaviourSection[])
      for (const field of DRAWN_BY_SECTION[section]) expect(FIELDS[field].section, field).toBe(section)
  })

  it("gives a field no layout names a row of its own at the section's end", () => {
    expect(withUnplacedFields([["rps"]], ["peakRps"], ["rps", "peakRps", "retentionDays", "ratio"])).toEqual([
      ["rps"],
      ["retentionDays"],
      ["ratio"],
    ])
    // The backend section draws every field itself, the prices in their own fold.
    expect(sectionRows("backend")).toEqual([])
    expect(sectionRows("traffic")).toEqual([
      ["rps"],
      ["peakRps"],
      ["retentionDays"],
      ["growthPercentPerMonth", "horizonMonths"],
    ])
  })

  it("keeps today's rows: the goals' budget and cap side by side, then rates and threshold in three", () => {
    expect(sectionRows("goals").map((row) => row.length)).toEqual([2, 1, 1, 1, 1, 3])
    expect(sectionFields("service")).toEqual([
      "serviceName",
      "namespace",
      "language",
      "otlpEndpoint",
      "protocol",
      "image",
      "containerPort",
      // Not laid out in FORM_ROWS: a row of its own at the section's end.
      "otlpAuthSecret",
    ])
  })
})
