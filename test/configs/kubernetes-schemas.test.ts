import { describe, expect, it } from "vitest"
import { Deployment } from "kubernetes-models/apps/v1/Deployment"

import { unknownFields, validateKubernetesObject } from "./kubernetes-schemas"

/** A minimal valid Deployment, written by hand from the apps/v1 API reference. */
const DEPLOYMENT = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: {
    name: "otel-collector",
    namespace: "observability",
    labels: { "app.kubernetes.io/name": "otel-collector" },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { "app.kubernetes.io/name": "otel-collector" } },
    template: {
      metadata: { labels: { "app.kubernetes.io/name": "otel-collector" } },
      spec: {
        containers: [
          {
            name: "otel-collector",
            image: "otel/opentelemetry-collector-contrib:0.158.0",
            resources: { requests: { cpu: "1", memory: "2Gi" } },
          },
        ],
      },
    },
  },
}

describe("validateKubernetesObject", () => {
  it("accepts a valid Deployment", () => {
    expect(validateKubernetesObject(DEPLOYMENT)).toEqual([])
  })

  it("finds a typo'd field kubectl's strict validation would refuse, at any depth", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest edited as loose JSON
    const typo = structuredClone(DEPLOYMENT) as Record<string, any>
    typo.spec.replica = 3
    typo.spec.template.spec.containers[0].imagePullPolicyy = "Always"
    typo.spec.template.spec.containers[0].resources.request = { cpu: "1" }
    expect(validateKubernetesObject(typo)).toEqual([
      "apps/v1/Deployment: unknown field /spec/template/spec/containers/0/resources/request",
      "apps/v1/Deployment: unknown field /spec/template/spec/containers/0/imagePullPolicyy",
      "apps/v1/Deployment: unknown field /spec/replica",
    ])
  })

  it("reports the kind's own schema errors (a string where an integer goes)", () => {
    const wrong = { ...DEPLOYMENT, spec: { ...DEPLOYMENT.spec, replicas: "2" } }
    expect(validateKubernetesObject(wrong)).toEqual(["apps/v1/Deployment: /spec/replicas must be integer"])
  })

  it("refuses a kind it has no class for, so none goes unchecked", () => {
    expect(validateKubernetesObject({ apiVersion: "apps/v1", kind: "StatefulSet" })).toEqual([
      "apps/v1/StatefulSet: no kubernetes-models class registered for this kind",
    ])
  })

  it("treats map keys (labels) as known and still checks what lies under known fields", () => {
    expect(unknownFields(Deployment, { metadata: { labels: { any: "x" }, annotation: {} } }, "test")).toEqual([
      "/metadata/annotation",
    ])
  })
})
