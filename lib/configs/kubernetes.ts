import type { PlanInput } from "@/lib/plan/fields"

import { daprCaveats, daprConfigurationName } from "./dapr"
import { buildOtelEnv, endpointCaveats, envCaveats, saasAuthCaveats, type EnvVar } from "./env"
import { CONFIG_TITLES, type ConfigResult } from "./types"
import { renderYaml } from "./yaml"

/** A Kubernetes `apps/v1` Deployment, as far as the generator fills it in. */
export interface Deployment {
  apiVersion: "apps/v1"
  kind: "Deployment"
  metadata: { name: string; namespace: string; labels: { app: string } }
  spec: {
    replicas: number
    selector: { matchLabels: { app: string } }
    template: {
      metadata: { labels: { app: string }; annotations?: Record<string, string> }
      spec: {
        containers: [{ name: string; image: string; ports: [{ containerPort: number }]; env: ContainerEnvVar[] }]
      }
    }
  }
}

/**
 * A literal value for a container's `env[].value`, which the kubelet expands: `$(NAME)` becomes
 * the value of an earlier variable and `$$` a single `$` (Kubernetes
 * third_party/forked/golang/expansion/expand.go). Every `$` doubled reads back as itself, so
 * `health$` and `$(OTEL_SERVICE_NAME)` reach the app as typed.
 *
 * @example
 * escapeKubeletExpansion("^/health$,$(OTEL_SERVICE_NAME)") //=> "^/health$$,$$(OTEL_SERVICE_NAME)"
 */
export function escapeKubeletExpansion(value: string): string {
  return value.replace(/\$/g, "$$$$")
}

/** A container's env entry: a literal value, or a key of a Secret (`valueFrom.secretKeyRef`). */
export type ContainerEnvVar =
  { name: string; value: string } | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } }

/**
 * The SDK environment as container env entries: each value escaped for the kubelet, and a secret
 * read from its Secret rather than written into the manifest.
 *
 * @example
 * containerEnv([{ name: "A", value: "x$" }, { name: "H", value: "k=PLACEHOLDER", secretKeyRef: { name: "s", key: "k" } }])
 * //=> [{ name: "A", value: "x$$" }, { name: "H", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }]
 */
export function containerEnv(env: EnvVar[]): ContainerEnvVar[] {
  return env.map(({ name, value, secretKeyRef }) =>
    secretKeyRef
      ? { name, valueFrom: { secretKeyRef: { ...secretKeyRef } } }
      : { name, value: escapeKubeletExpansion(value) }
  )
}

/**
 * The Dapr sidecar annotations for the pod template, or undefined when Dapr is off. Every value is a
 * string (annotations are `map[string]string`).
 *
 * @example
 * daprAnnotations(DEFAULT_INPUT)
 * //=> { "dapr.io/enabled": "true", "dapr.io/app-id": "task-api", "dapr.io/app-port": "8000",
 * //     "dapr.io/config": "task-api-tracing" }
 */
export function daprAnnotations(input: PlanInput): Record<string, string> | undefined {
  if (!input.daprEnabled) return undefined
  return {
    "dapr.io/enabled": "true",
    "dapr.io/app-id": input.serviceName,
    "dapr.io/app-port": String(input.containerPort),
    "dapr.io/config": daprConfigurationName(input),
  }
}

/**
 * The plan's app as a Deployment: name, namespace and `app` label from the service name, replicas,
 * one container with its image, port and the SDK environment, and the Dapr annotations on the pod
 * template when Dapr is on.
 *
 * @example
 * buildDeployment(DEFAULT_INPUT).spec.template.metadata.annotations?.["dapr.io/config"]
 * //=> "task-api-tracing"
 */
export function buildDeployment(input: PlanInput): Deployment {
  const labels = { app: input.serviceName }
  const annotations = daprAnnotations(input)
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: input.serviceName, namespace: input.namespace, labels: { ...labels } },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: annotations ? { labels: { ...labels }, annotations } : { labels: { ...labels } },
        spec: {
          containers: [
            {
              name: input.serviceName,
              image: input.image,
              ports: [{ containerPort: input.containerPort }],
              env: containerEnv(buildOtelEnv(input)),
            },
          ],
        },
      },
    },
  }
}

/**
 * The Deployment as YAML for `kubectl apply`; every `env[].value` and annotation is a quoted string.
 *
 * @example
 * renderDeployment(DEFAULT_INPUT).includes('value: "0.1"') //=> true
 */
export function renderDeployment(input: PlanInput): string {
  return renderYaml([{ value: buildDeployment(input) }])
}

/**
 * The Kubernetes Deployment config for a plan.
 *
 * @example
 * deploymentSnippet(DEFAULT_INPUT).available //=> true
 */
export function deploymentSnippet(input: PlanInput): ConfigResult {
  const title = CONFIG_TITLES.k8s
  const daprNote = input.daprEnabled
    ? [
        `dapr.io/config names the Dapr Configuration "${daprConfigurationName(input)}", which must exist in namespace "${input.namespace}" before the pod starts: daprd fails with "error loading configuration" otherwise. Apply dapr-config.yaml first.`,
        ...daprCaveats(input),
      ]
    : []
  return {
    id: "k8s",
    title,
    available: true,
    snippet: {
      id: "k8s",
      title,
      filename: "deployment.yaml",
      language: "yaml",
      content: renderDeployment(input),
      applyNote: `kubectl apply -f deployment.yaml (creates or updates Deployment "${input.serviceName}" in namespace "${input.namespace}").`,
      caveats: [
        ...envCaveats(input),
        ...endpointCaveats(input),
        ...saasAuthCaveats(input, "manifest"),
        ...daprNote,
        ...expansionNote(input),
      ],
    },
  }
}

/** Why a value shows `$$` where the form has `$`: said only when one does. */
function expansionNote(input: PlanInput): string[] {
  return buildOtelEnv(input).some(({ value, secretKeyRef }) => !secretKeyRef && value.includes("$"))
    ? [
        "The kubelet expands $(VAR) in env values, so each $ is written as $$ (its literal $); the app reads what you typed.",
      ]
    : []
}
