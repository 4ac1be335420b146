/**
 * Small ports of the readers TraceBudget's text snippets are written for, so tests can read the
 * files back the way their consumers do. Each covers the subset of syntax the generators emit
 * (comment lines and one `NAME='value'` binding per line) and throws on anything else.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

/**
 * compose-go's dotenv parser (compose-spec/compose-go `dotenv/parser.go`, `extractVarValue`):
 * a single-quoted value ends at the first `'` not preceded by `\`, and is kept as is (no escapes,
 * no interpolation); unquoted values end at `#`.
 */
export function readDotenvLikeCompose(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split("\n")) {
    const trimmed = line.trimStart()
    if (trimmed === "" || trimmed.startsWith("#")) continue
    const match = /^(?:export\s+)?([A-Za-z0-9_.]+)\s*[=:]\s*(.*)$/.exec(trimmed)
    if (!match) throw new Error(`compose-go: unexpected line ${JSON.stringify(line)}`)
    const [, key = "", src = ""] = match
    if (!src.startsWith("'")) {
      if (src.startsWith('"')) throw new Error("double-quoted values are not ported")
      out[key] = (src.split("#")[0] ?? "").trimEnd()
      continue
    }
    let end = -1
    for (let i = 1; i < src.length; i++) {
      if (src[i] === "'" && src[i - 1] !== "\\") {
        end = i
        break
      }
    }
    if (end === -1) throw new Error(`compose-go: unterminated quoted value ${src}`)
    out[key] = src.slice(1, end)
  }
  return out
}

/**
 * python-dotenv's parser (theskumar/python-dotenv `parser.py` and `main.py`): a single-quoted value
 * is `'((?:\\'|[^'])*)'`, then `\\` and `\'` are decoded, then `${NAME}` / `${NAME:-default}` are
 * expanded (python-dotenv interpolates even single-quoted values) from earlier bindings; the real
 * one also looks in the process environment, the port has none.
 */
export function readDotenvLikePythonDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split(/\r\n|\n|\r/)) {
    const trimmed = line.trimStart()
    if (trimmed === "" || trimmed.startsWith("#")) continue
    const match = /^(?:export[^\S\r\n]+)?([^=#\s]+)[^\S\r\n]*=[^\S\r\n]*(.*)$/.exec(trimmed)
    if (!match) throw new Error(`python-dotenv: unexpected line ${JSON.stringify(line)}`)
    const [, key = "", src = ""] = match
    const quoted = /^'((?:\\'|[^'])*)'/.exec(src)
    if (!quoted) throw new Error(`python-dotenv: only single-quoted values are ported: ${src}`)
    const decoded = (quoted[1] ?? "").replace(/\\[\\']/g, (escape) => escape.slice(1))
    out[key] = decoded.replace(
      /\$\{([^}:]*)(?::-([^}]*))?\}/g,
      (_, name: string, fallback?: string) => out[name] ?? fallback ?? ""
    )
  }
  return out
}

const python = spawnSync("python3", ["-c", "import dotenv"], { encoding: "utf8" })
/** Whether the real python-dotenv can be run on this machine (it is not a project dependency). */
export const HAS_PYTHON_DOTENV = python.status === 0

/** Reads a .env text with the real python-dotenv (`dotenv_values`), when it is installed. */
export function readDotenvWithPython(text: string): Record<string, string | null> {
  const result = spawnSync(
    "python3",
    [
      "-c",
      "import io, json, sys; from dotenv import dotenv_values; print(json.dumps(dotenv_values(stream=io.StringIO(sys.stdin.read()))))",
    ],
    { input: text, encoding: "utf8" }
  )
  if (result.status !== 0) throw new Error(result.stderr)
  return JSON.parse(result.stdout) as Record<string, string | null>
}

/**
 * Sources a shell snippet in the real POSIX sh with an empty environment and returns the variables
 * it exported (read with `env -0`, so values may hold any character but NUL).
 */
export function readShellExports(script: string): Record<string, string> {
  const result = spawnSync("sh", ["-s"], {
    input: `${script}\nexec env -0\n`,
    // Only PATH, so the output is exactly what the script exported (Next types NODE_ENV as required).
    env: { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`sh failed: ${result.stderr}`)
  const exported: Record<string, string> = {}
  for (const entry of result.stdout.split("\0")) {
    const at = entry.indexOf("=")
    if (at <= 0) continue
    const name = entry.slice(0, at)
    if (name === "PATH" || name === "PWD" || name === "SHLVL" || name === "_" || name === "OLDPWD") continue
    exported[name] = entry.slice(at + 1)
  }
  return exported
}

/** Node reads a .env file itself from 20.6 on (`node --env-file`). */
export const HAS_NODE_ENV_FILE = (() => {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number)
  return major > 20 || (major === 20 && minor >= 6)
})()

/** The environment `node --env-file=FILE` starts with, as the real Node reads the file (only PATH besides). */
export function readDotenvWithNode(text: string): Record<string, string> {
  const directory = mkdtempSync(join(tmpdir(), "tracebudget-env-"))
  const file = join(directory, "otel.env")
  try {
    writeFileSync(file, text)
    const result = spawnSync(
      process.execPath,
      [`--env-file=${file}`, "-e", "process.stdout.write(JSON.stringify(process.env))"],
      {
        env: { PATH: "/usr/bin:/bin" } as unknown as NodeJS.ProcessEnv,
        encoding: "utf8",
      }
    )
    if (result.status !== 0) throw new Error(`node --env-file failed: ${result.stderr}`)
    const read = JSON.parse(result.stdout) as Record<string, string>
    delete read.PATH
    return read
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
