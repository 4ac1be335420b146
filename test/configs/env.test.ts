import fc from "fast-check"
import { describe, expect, it } from "vitest"

import {
  buildOtelEnv,
  dotenvSnippet,
  envCaveats,
  isDotenvSafe,
  quoteDotenvValue,
  quoteShellValue,
  renderDotenv,
  renderShell,
  samplerArgument,
  shellSnippet,
} from "@/lib/configs"
import { SAMPLERS } from "@/lib/plan/samplers"
import { DEFAULT_INPUT, type PlanInput } from "@/lib/plan/schema"

import { hostileString, planInput, PROPERTY_TIMEOUT_MS } from "../arbitraries"
import {
  HAS_NODE_ENV_FILE,
  HAS_PYTHON_DOTENV,
  readDotenvWithNode,
  readDotenvLikeCompose,
  readDotenvLikePythonDotenv,
  readDotenvWithPython,
  readShellExports,
} from "./readers"

const asRecord = (input: PlanInput) => Object.fromEntries(buildOtelEnv(input).map(({ name, value }) => [name, value]))

describe("buildOtelEnv", () => {
  it("writes the default plan's SDK environment, protocol always explicit", () => {
    expect(buildOtelEnv(DEFAULT_INPUT)).toStrictEqual([
      { name: "OTEL_SERVICE_NAME", value: "task-api" },
      { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://otel-collector.observability.svc.cluster.local:4317" },
      { name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: "grpc" },
      { name: "OTEL_TRACES_SAMPLER", value: "parentbased_traceidratio" },
      { name: "OTEL_TRACES_SAMPLER_ARG", value: "0.1" },
      { name: "OTEL_RESOURCE_ATTRIBUTES", value: "deployment.environment.name=production,service.namespace=default" },
      { name: "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS", value: "health,metrics,readiness" },
    ])
  })

  it.each([
    ["always_on", undefined],
    ["always_off", undefined],
    ["traceidratio", "0.25"],
    ["parentbased_always_on", undefined],
    ["parentbased_always_off", undefined],
    ["parentbased_traceidratio", "0.25"],
    ["xray", undefined],
    [
      "jaeger_remote",
      "endpoint=http://otel-collector.observability.svc.cluster.local:14250,pollingIntervalMs=60000,initialSamplingRate=0.25",
    ],
    [
      "parentbased_jaeger_remote",
      "endpoint=http://otel-collector.observability.svc.cluster.local:14250,pollingIntervalMs=60000,initialSamplingRate=0.25",
    ],
  ] as const)("gives %s the argument %s", (sampler, expected) => {
    const input = { ...DEFAULT_INPUT, sampler, ratio: 0.25 }
    expect(samplerArgument(input)).toBe(expected)
    expect(asRecord(input).OTEL_TRACES_SAMPLER_ARG).toBe(expected)
  })

  it("writes a tiny ratio as a plain decimal, never 1e-7", () => {
    expect(asRecord({ ...DEFAULT_INPUT, ratio: 1e-7 }).OTEL_TRACES_SAMPLER_ARG).toBe("0.0000001")
  })

  it("points the Jaeger sampler at the OTLP host's scheme, on port 5779", () => {
    expect(
      samplerArgument({ ...DEFAULT_INPUT, sampler: "jaeger_remote", otlpEndpoint: "https://jaeger.example.com:4317/x" })
    ).toBe("endpoint=https://jaeger.example.com:5779,pollingIntervalMs=60000,initialSamplingRate=0.1")
  })

  it("writes the sampler name in lowercase exactly as the spec lists it", () => {
    for (const sampler of SAMPLERS) expect(asRecord({ ...DEFAULT_INPUT, sampler }).OTEL_TRACES_SAMPLER).toBe(sampler)
  })

  it("sets the FastAPI excluded-URL variable only for Python with health checks excluded", () => {
    expect(asRecord(DEFAULT_INPUT).OTEL_PYTHON_FASTAPI_EXCLUDED_URLS).toBe("health,metrics,readiness")
    expect(asRecord({ ...DEFAULT_INPUT, excludeHealthChecks: false })).not.toHaveProperty(
      "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS"
    )
    for (const language of ["node", "java", "go", "dotnet"] as const) {
      expect(Object.keys(asRecord({ ...DEFAULT_INPUT, language })).filter((name) => name.includes("EXCLUDED"))).toEqual(
        []
      )
    }
  })
})

describe("envCaveats", () => {
  it("warns that the JS SDK falls back to parentbased_always_on for samplers it does not know", () => {
    expect(envCaveats({ ...DEFAULT_INPUT, language: "node", sampler: "xray" })[0]).toBe(
      "The JS SDK does not know OTEL_TRACES_SAMPLER=xray: it logs an error and falls back to parentbased_always_on, so every root is kept (100 %). Configure the AWS X-Ray sampler in code."
    )
  })

  it("warns that Java's autoconfigure throws without the Jaeger remote sampler extension", () => {
    expect(envCaveats({ ...DEFAULT_INPUT, language: "java", sampler: "jaeger_remote" })[0]).toBe(
      "Java's autoconfigure throws on a sampler name no provider registers: jaeger_remote needs opentelemetry-sdk-extension-jaeger-remote-sampler on the classpath (the Java agent bundles it)."
    )
  })

  // opentelemetry-java v1.65.0 TracerProviderConfiguration.configureSampler throws ConfigurationException;
  // opentelemetry-java-instrumentation v2.31.0 AgentStarterImpl.start logs it and installs no instrumentation.
  it("warns that with xray the Java agent fails to start and the service runs untraced", () => {
    expect(envCaveats({ ...DEFAULT_INPUT, language: "java", sampler: "xray" })[0]).toBe(
      "Java's autoconfigure throws on a sampler name no provider registers: the Java agent then fails to start and the service runs untraced. xray needs the AWS X-Ray sampler provider on the classpath (the AWS distribution of the Java agent has it)."
    )
  })

  // opentelemetry-dotnet core-1.18.0 TracerProviderSdk.GetSampler: event 54 "… is invalid and will be ignored",
  // then the default ParentBasedSampler(AlwaysOnSampler).
  it("warns that .NET ignores a Jaeger remote name and keeps every root", () => {
    expect(envCaveats({ ...DEFAULT_INPUT, language: "dotnet", sampler: "parentbased_jaeger_remote" })[0]).toBe(
      "The .NET SDK reads only the six basic sampler names from the environment: OTEL_TRACES_SAMPLER=parentbased_jaeger_remote is logged as invalid and ignored, and the default parentbased_always_on (100 % of roots) stays. Configure a Jaeger remote sampler in code."
    )
  })

  it("polls Jaeger v2's sampling port when the apps send to Jaeger, and says where Jaeger v1 serves it", () => {
    const toJaeger = {
      ...DEFAULT_INPUT,
      sampler: "parentbased_jaeger_remote" as const,
      otlpEndpoint: "http://jaeger-collector.monitoring.svc.cluster.local:4317",
    }
    expect(samplerArgument(toJaeger)).toBe(
      "endpoint=http://jaeger-collector.monitoring.svc.cluster.local:5779,pollingIntervalMs=60000,initialSamplingRate=0.1"
    )
    expect(envCaveats(toJaeger).join("\n")).toContain(
      "The sampler endpoint uses port 5779, Jaeger v2's gRPC sampling port, on the OTLP endpoint's host. The Jaeger v1 collector serves gRPC sampling on 14250"
    )
  })

  it("polls the Collector's jaegerremotesampling extension when the apps send to the Collector", () => {
    expect(envCaveats({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote" }).join("\n")).toContain(
      "The sampler polls port 14250 on otel-collector.observability.svc.cluster.local, the Collector: its jaegerremotesampling extension (otelcol-contrib) serves the Jaeger strategies there, as the Collector config sets up."
    )
  })

  it("polls the Collector, not another backend's intake, which serves no strategies", () => {
    for (const otlpEndpoint of [
      "http://tempo-distributor.tempo.svc.cluster.local:4317",
      "https://api.honeycomb.io:443",
    ]) {
      expect(samplerArgument({ ...DEFAULT_INPUT, sampler: "parentbased_jaeger_remote", otlpEndpoint })).toBe(
        "endpoint=http://otel-collector.observability.svc.cluster.local:14250,pollingIntervalMs=60000,initialSamplingRate=0.1"
      )
    }
  })

  it("says Python reads the excluded URLs at import time", () => {
    expect(envCaveats(DEFAULT_INPUT).join("\n")).toContain("is read when FastAPI's instrumentation is imported")
  })

  it.each([
    ["node", "ignoreIncomingRequestHook"],
    ["java", "RuleBasedRoutingSampler"],
    ["go", "Go has no standard excluded-URL environment variable"],
    ["dotnet", ".NET has no standard excluded-URL environment variable"],
  ] as const)("tells %s how to exclude health checks without an env var", (language, expected) => {
    expect(envCaveats({ ...DEFAULT_INPUT, language }).join("\n")).toContain(expected)
  })

  it("says nothing about excluded URLs when health checks are traced", () => {
    expect(envCaveats({ ...DEFAULT_INPUT, excludeHealthChecks: false })).toEqual([])
  })

  it("warns against plain traceidratio, naming Dapr when the sidecar is on", () => {
    expect(envCaveats({ ...DEFAULT_INPUT, sampler: "traceidratio", excludeHealthChecks: false })).toEqual([
      "traceidratio ignores the parent's decision and each service decides again from the trace id. SDKs read it differently (Python and Go alike; Java, JS and .NET each their own way), so traces break across services of other languages or other rates, the Dapr sidecar included unless its rate is the app's (it reads the id as Go does). Use parentbased_traceidratio.",
    ])
    // Java's TraceIdRatioBased reads the low 64 bits as a signed number (test/plan/ratio-hash.test.ts).
    expect(
      envCaveats({ ...DEFAULT_INPUT, language: "java", sampler: "traceidratio", excludeHealthChecks: false }).join("\n")
    ).toMatch(/, the Dapr sidecar included \(it reads the id as Go does\)\. Use parentbased_traceidratio\.$/m)
  })
})

describe("renderDotenv and renderShell", () => {
  it("writes the default plan as single-quoted dotenv lines", () => {
    expect(renderDotenv(DEFAULT_INPUT)).toBe(
      [
        "# OpenTelemetry SDK settings for task-api (TraceBudget)",
        "OTEL_SERVICE_NAME='task-api'",
        "OTEL_EXPORTER_OTLP_ENDPOINT='http://otel-collector.observability.svc.cluster.local:4317'",
        "OTEL_EXPORTER_OTLP_PROTOCOL='grpc'",
        "OTEL_TRACES_SAMPLER='parentbased_traceidratio'",
        "OTEL_TRACES_SAMPLER_ARG='0.1'",
        "OTEL_RESOURCE_ATTRIBUTES='deployment.environment.name=production,service.namespace=default'",
        "OTEL_PYTHON_FASTAPI_EXCLUDED_URLS='health,metrics,readiness'",
        "",
      ].join("\n")
    )
  })

  it("writes the default plan as sh exports", () => {
    expect(renderShell(DEFAULT_INPUT).split("\n").slice(1, 3)).toEqual([
      "export OTEL_SERVICE_NAME='task-api'",
      "export OTEL_EXPORTER_OTLP_ENDPOINT='http://otel-collector.observability.svc.cluster.local:4317'",
    ])
  })

  it("is read back as the intended environment by Compose's and python-dotenv's parsers", () => {
    const text = renderDotenv(DEFAULT_INPUT)
    expect(readDotenvLikeCompose(text)).toStrictEqual(asRecord(DEFAULT_INPUT))
    expect(readDotenvLikePythonDotenv(text)).toStrictEqual(asRecord(DEFAULT_INPUT))
  })

  it.runIf(HAS_PYTHON_DOTENV)("is read back as the intended environment by the real python-dotenv", () => {
    expect(readDotenvWithPython(renderDotenv(DEFAULT_INPUT))).toStrictEqual(asRecord(DEFAULT_INPUT))
  })

  it.runIf(HAS_PYTHON_DOTENV)(
    "reads back generated plans with the real python-dotenv exactly as the port does",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          const result = dotenvSnippet(input)
          if (result.available) expect(readDotenvWithPython(result.snippet.content)).toStrictEqual(asRecord(input))
        }),
        { numRuns: 15 }
      )
      for (const [value, expected] of [
        ["a\\\\b", "a\\b"],
        ["/v${TRACEBUDGET_UNSET}x", "/vx"],
        ["^/health$,\\d+#x", "^/health$,\\d+#x"],
      ]) {
        expect(readDotenvWithPython(`X='${value}'`)).toStrictEqual({ X: expected })
        expect(readDotenvLikePythonDotenv(`X='${value}'`)).toStrictEqual({ X: expected })
      }
    },
    PROPERTY_TIMEOUT_MS
  )

  it.runIf(HAS_NODE_ENV_FILE)(
    "is read back as the intended environment by the real node --env-file, which the apply note offers Node apps",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          const result = dotenvSnippet({ ...input, language: "node" })
          if (result.available)
            expect(readDotenvWithNode(result.snippet.content)).toStrictEqual(asRecord({ ...input, language: "node" }))
        }),
        { numRuns: 15 }
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    "is exported as the intended environment by the real sh with set -a, which the apply note offers Java, Go and .NET apps",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          const result = dotenvSnippet(input)
          if (result.available)
            expect(readShellExports(`set -a\n${result.snippet.content}\nset +a`)).toStrictEqual(asRecord(input))
        }),
        { numRuns: 25 }
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it("says how an app in its language loads the file outside Compose", () => {
    const note = (language: PlanInput["language"]) => {
      const result = dotenvSnippet({ ...DEFAULT_INPUT, language })
      return result.available ? result.snippet.applyNote : result.reason
    }
    expect(note("python")).toBe(
      'Save as .env beside docker-compose.yaml (or keep otel.env and set env_file: otel.env), or load it with python-dotenv (load_dotenv("otel.env")) before the SDK starts.'
    )
    expect(note("node")).toContain("or start the app with node --env-file=otel.env (Node 20.6 and later).")
    for (const language of ["java", "go", "dotnet"] as const)
      expect(note(language)).toContain("or export it in the shell that starts the app: set -a; . ./otel.env; set +a.")
  })

  it("is exported as the intended environment by the real sh", () => {
    expect(readShellExports(renderShell(DEFAULT_INPUT))).toStrictEqual(asRecord(DEFAULT_INPUT))
  })

  it(
    "reads back every generated plan through both dotenv parsers, or refuses the plan",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          const result = dotenvSnippet(input)
          const safe = buildOtelEnv(input).every(({ value }) => isDotenvSafe(value))
          expect(result.available).toBe(safe)
          if (!result.available) return
          expect(readDotenvLikeCompose(result.snippet.content)).toStrictEqual(asRecord(input))
          expect(readDotenvLikePythonDotenv(result.snippet.content)).toStrictEqual(asRecord(input))
        }),
        { numRuns: 200 }
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    "exports every generated plan exactly through the real sh",
    () => {
      fc.assert(
        fc.property(planInput, (input) => {
          const result = shellSnippet(input)
          expect(result.available).toBe(true)
          if (result.available) expect(readShellExports(result.snippet.content)).toStrictEqual(asRecord(input))
        }),
        { numRuns: 50 }
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  describe("edge cases", () => {
    it.each([
      ["a\\\\b", "a\\b"],
      ["/v${HOME}", "/v"],
    ])("refuses %j, which python-dotenv would read as %j", (value, pythonReads) => {
      expect(isDotenvSafe(value)).toBe(false)
      expect(readDotenvLikePythonDotenv(`X='${value}'`).X).toBe(pythonReads)
      expect(readDotenvLikeCompose(`X='${value}'`).X).toBe(value)
    })

    it("refuses a trailing backslash, which leaves Compose's quoted value unterminated", () => {
      expect(isDotenvSafe("health\\")).toBe(false)
      expect(() => readDotenvLikeCompose("X='health\\'")).toThrow("unterminated")
      expect(() => quoteDotenvValue("health\\")).toThrow(RangeError)
    })

    it("keeps $, regex escapes and # literally inside single quotes", () => {
      const value = "^/health$,\\d+#x"
      expect(readDotenvLikeCompose(`X=${quoteDotenvValue(value)}`).X).toBe(value)
      expect(readDotenvLikePythonDotenv(`X=${quoteDotenvValue(value)}`).X).toBe(value)
    })

    it("makes the dotenv snippet unavailable, with the reason, when a value cannot be carried", () => {
      const result = dotenvSnippet({ ...DEFAULT_INPUT, excludedUrls: "a\\\\b" })
      expect(result).toStrictEqual({
        id: "dotenv",
        title: "Environment file",
        available: false,
        reason:
          'OTEL_PYTHON_FASTAPI_EXCLUDED_URLS contains a quote, a line break, "\\\\", a trailing "\\" or "${", which Compose and python-dotenv read differently; use the shell snippet instead.',
      })
    })

    it(
      "single-quotes any text for sh, whatever it holds",
      () => {
        fc.assert(
          fc.property(
            hostileString.filter((v) => !v.includes("\0") && v.isWellFormed()),
            (value) => {
              expect(readShellExports(`export X=${quoteShellValue(value)}`)).toStrictEqual({ X: value })
            }
          ),
          { numRuns: 40 }
        )
      },
      PROPERTY_TIMEOUT_MS
    )
  })
})
