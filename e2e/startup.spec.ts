import { expect, test } from "@playwright/test"

// npm run build marks the framework chunks every page runs at startup with V8's compile hint
// (scripts/compile-hints.mjs); Chrome then compiles them while they stream in. This checks the
// build the tests run against, as served.
const COMPILE_HINT = "//# allFunctionsCalledOnLoad"

test("the startup scripts the page loads are served with the compile hint on the framework, not on our own code", async ({
  request,
}) => {
  const html = await (await request.get("/")).text()
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .filter(([, attributes = ""]) => !/\bnoModule\b/i.test(attributes))
    .map(([, attributes = ""]) => /\bsrc="([^"]+\.js)"/.exec(attributes)?.[1])
    .filter((src): src is string => src !== undefined)
  const scripts = await Promise.all(sources.map(async (src) => ({ src, code: await (await request.get(src)).text() })))
  const hinted = (code: string) => code.startsWith(`${COMPILE_HINT}\n`)

  const reactDom = scripts.filter(({ code }) => code.includes("hydrateRoot"))
  expect(reactDom.length).toBeGreaterThan(0)
  for (const { src, code } of reactDom) expect(hinted(code), src).toBe(true)

  const form = scripts.filter(({ code }) => code.includes("Requests per second"))
  expect(form.length).toBeGreaterThan(0)
  for (const { src, code } of form) expect(hinted(code), src).toBe(false)
})
