/**
 * What the kubelet does to a container's `env[].value` before the process sees it, written after
 * Kubernetes' third_party/forked/golang/expansion/expand.go (kubernetes/kubernetes@fde22c3f):
 * `$(NAME)` becomes the value of a variable defined earlier (or stays as written when there is
 * none), `$$` becomes `$`, an unclosed `$(` and any other `$x` stay as they are.
 */
export function kubeletExpand(value: string, earlier: Record<string, string>): string {
  let out = ""
  let i = 0
  while (i < value.length) {
    const char = value[i]!
    if (char !== "$" || i + 1 >= value.length) {
      out += char
      i += 1
      continue
    }
    const next = value[i + 1]!
    if (next === "$") {
      out += "$"
      i += 2
    } else if (next === "(") {
      const close = value.indexOf(")", i + 2)
      if (close < 0) {
        out += "$("
        i += 2
      } else {
        const name = value.slice(i + 2, close)
        out += Object.hasOwn(earlier, name) ? earlier[name] : `$(${name})`
        i = close + 1
      }
    } else {
      out += `$${next}`
      i += 2
    }
  }
  return out
}

type EnvEntry =
  { name: string; value: string } | { name: string; valueFrom: { secretKeyRef: { name: string; key: string } } }

/**
 * A container's env as the process sees it: each value expanded against the ones before it; a
 * Secret's key (valueFrom.secretKeyRef) is read from `secrets` ("secret/key" → value), unexpanded
 * as the kubelet leaves it.
 */
export function kubeletEnvironment(env: EnvEntry[], secrets: Record<string, string> = {}): Record<string, string> {
  const seen: Record<string, string> = {}
  for (const entry of env) {
    if ("valueFrom" in entry) {
      const { name, key } = entry.valueFrom.secretKeyRef
      const value = secrets[`${name}/${key}`]
      if (value === undefined) throw new Error(`Secret ${name} has no key ${key} in this test`)
      seen[entry.name] = value
    } else {
      seen[entry.name] = kubeletExpand(entry.value, seen)
    }
  }
  return seen
}
