// What the page loads on the first change, another config tab or "Download JSON", not with the
// page: the plan's validator (Zod), the model that builds a plan, and the config writers (with the
// YAML writer). The first load needs none of them: the server validated the plan, built it and
// wrote the first tab's snippet. Why: docs/decisions/0003-on-demand-zod.md.

// First import: it must run before any Zod schema is built (see the file).
import "./zod-without-eval"

export { buildPlan } from "@/lib/plan/build-plan"
export { parsePlanInput } from "@/lib/plan/parse"
export { configAvailabilityFor, configFor, planDocument } from "@/lib/configs/plan-configs"
