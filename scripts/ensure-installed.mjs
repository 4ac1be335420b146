#!/usr/bin/env node
// Installs what `npm start` and `npm test` need on a fresh clone, and nothing when it is already there.
//   node scripts/ensure-installed.mjs            → node_modules matches package-lock.json and patches/ (npm ci if not;
//                                                  its postinstall applies the patches)
//   node scripts/ensure-installed.mjs --browser  → also a Chromium for Playwright (Debian's package if absent)
import { execFileSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"

const root = join(import.meta.dirname, "..")
const stampFile = join(root, "node_modules", ".tracebudget-lock-hash")

function run(command, args) {
  console.log(`> ${command} ${args.join(" ")}`)
  execFileSync(command, args, { cwd: root, stdio: "inherit" })
}

/** The lockfile and the patches applied to packages after install (patches/, by patch-package). */
function installHash() {
  const hash = createHash("sha256").update(readFileSync(join(root, "package-lock.json")))
  const patches = join(root, "patches")
  if (existsSync(patches))
    for (const name of readdirSync(patches).sort()) hash.update(name).update(readFileSync(join(patches, name)))
  return hash.digest("hex")
}

function ensureDependencies() {
  const lockHash = installHash()
  const installed = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : ""
  if (installed === lockHash && existsSync(join(root, "node_modules", ".bin", "next"))) return
  console.log("Dependencies are missing or older than package-lock.json or patches/: installing them with npm ci.")
  run("npm", ["ci", "--no-audit", "--no-fund"])
  writeFileSync(stampFile, `${lockHash}\n`)
}

function playwrightHasOwnChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)("@playwright/test")
    return existsSync(chromium.executablePath())
  } catch {
    return false
  }
}

function ensureChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return
    throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`)
  }
  if (existsSync("/usr/bin/chromium") || playwrightHasOwnChromium()) return
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  if (!existsSync("/usr/bin/apt-get")) {
    throw new Error("No Chromium found. Install Chromium and set CHROMIUM_PATH to it, then run npm test again.")
  }
  console.log("No Chromium found: installing Debian's chromium package for the browser tests.")
  const sudo = isRoot ? [] : ["sudo"]
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  for (const args of [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
  ]) {
    const [command, ...rest] = [...sudo, ...args]
    console.log(`> ${command} ${rest.join(" ")}`)
    execFileSync(command, rest, { stdio: "inherit", env })
  }
}

try {
  ensureDependencies()
  if (process.argv.includes("--browser")) ensureChromium()
} catch (error) {
  console.error(`\nSet-up failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
