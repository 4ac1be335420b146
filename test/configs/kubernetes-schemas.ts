/**
 * Kubernetes schema checks for generated manifests, with kubernetes-models 5.1.0 (the API's
 * OpenAPI schemas compiled to validators, one class per kind):
 * - `validateKubernetesObject` runs the kind's `.validate()` (types, required fields, enums) and
 *   then looks for fields the schema does not know, as kubectl's default strict field validation
 *   does (the API server would otherwise drop them silently, or refuse the apply).
 * - The unknown-field walk asks the kind's own compiled schema: each key of each object in the
 *   manifest is given a value no schema type accepts; a key the schema knows makes the validator
 *   report an error at that key's path, an unknown key does not. kubernetes-models ships the
 *   schemas compiled only, so this black-box walk stands in for a walk over the JSON. A field
 *   whose schema accepts any value would read as unknown (a false failure, never a false pass);
 *   none of the generated kinds has one.
 */
import { ConfigMap } from "kubernetes-models/v1/ConfigMap"
import { Namespace } from "kubernetes-models/v1/Namespace"
import { Service } from "kubernetes-models/v1/Service"
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount"
import { Deployment } from "kubernetes-models/apps/v1/Deployment"
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler"
import { CronJob } from "kubernetes-models/batch/v1/CronJob"
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget"
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role"
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding"

interface ValidatingModel {
  validate(): void
}
type ModelClass = new (data: never) => ValidatingModel

/** The built-in kinds the configs emit, by `apiVersion/kind`. */
export const KUBERNETES_KINDS: Record<string, ModelClass> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "v1/ServiceAccount": ServiceAccount,
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "batch/v1/CronJob": CronJob,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "rbac.authorization.k8s.io/v1/Role": Role,
  "rbac.authorization.k8s.io/v1/RoleBinding": RoleBinding,
}

/** Custom resources, checked against their CRDs elsewhere (crd-schemas.ts). */
export const CUSTOM_API_GROUPS = ["dapr.io/", "opentelemetry.io/"]

interface AjvError {
  instancePath: string
  message?: string
}

/** The validator's errors for an object, or [] when it is valid. */
function schemaErrors(model: ModelClass, value: unknown): AjvError[] {
  try {
    new model(value as never).validate()
    return []
  } catch (error) {
    const errors = (error as { errors?: AjvError[] }).errors
    if (!errors) throw error
    return errors
  }
}

/** What no schema type accepts: not a string, number, boolean, object, array or null. */
const PROBE = Symbol("unknown-field-probe")

function withValueAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node = copy
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  node[path.at(-1)!] = value
  return copy
}

const pointer = (path: (string | number)[]) =>
  path.map((step) => `/${String(step).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")

/** Whether the kind's schema knows the key at this path, remembered per kind and index-free path. */
const knownFields = new Map<string, boolean>()

/**
 * Paths (JSON pointers) of fields the kind's schema does not know.
 *
 * @example
 * unknownFields(Deployment, { spec: { replicas: 1, replica: 1 } }) //=> ["/spec/replica"]
 */
export function unknownFields(model: ModelClass, value: unknown, kindKey = model.name): string[] {
  const unknown: string[] = []
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, index]))
      return
    }
    if (node === null || typeof node !== "object") return
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key]
      const memoKey = `${kindKey}${pointer(childPath.map((step) => (typeof step === "number" ? "*" : step)))}`
      let known = knownFields.get(memoKey)
      if (known === undefined) {
        const at = pointer(childPath)
        known = schemaErrors(model, withValueAt(value, childPath, PROBE)).some(
          ({ instancePath }) => instancePath === at || instancePath.startsWith(`${at}/`)
        )
        // Keys of a free-form map (labels, ConfigMap data) are each checked once; the memo holds the first answer.
        knownFields.set(memoKey, known)
      }
      if (!known) unknown.push(pointer(childPath))
      else walk(child, childPath)
    }
  }
  walk(value, [])
  return unknown
}

/**
 * Problems with one Kubernetes object: the kind's schema errors, then its unknown fields. An
 * unknown apiVersion/kind is a problem too, so that a new kind cannot go unchecked.
 *
 * @example
 * validateKubernetesObject({ apiVersion: "v1", kind: "Namespace", metadata: { name: "a", lables: {} } })
 * //=> ["v1/Namespace: unknown field /metadata/lables"]
 */
export function validateKubernetesObject(value: unknown): string[] {
  const { apiVersion, kind } = value as { apiVersion?: string; kind?: string }
  const id = `${apiVersion}/${kind}`
  const model = KUBERNETES_KINDS[id]
  if (!model) return [`${id}: no kubernetes-models class registered for this kind`]
  const errors = schemaErrors(model, value).map(({ instancePath, message }) => `${id}: ${instancePath} ${message}`)
  if (errors.length > 0) return errors
  return unknownFields(model, value, id).map((path) => `${id}: unknown field ${path}`)
}

/** Whether a parsed YAML document is a Kubernetes object (it names an apiVersion and a kind). */
export function isKubernetesObject(value: unknown): value is { apiVersion: string; kind: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { apiVersion?: unknown }).apiVersion === "string" &&
    typeof (value as { kind?: unknown }).kind === "string"
  )
}

/** Whether an object is a custom resource (Dapr, the OpenTelemetry Operator). */
export function isCustomResource(value: { apiVersion: string }): boolean {
  return CUSTOM_API_GROUPS.some((group) => value.apiVersion.startsWith(group))
}
