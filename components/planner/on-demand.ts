// What the page loads on the first change, another config tab or "Download JSON", not with the
// page: the plan's validator (Zod) and the config writers (with the YAML writer). The first load
// needs neither: the server validated the plan and wrote the first tab's snippet.

// First import: it must run before any Zod schema is built (see the file).
import "./zod-without-eval"

export { parsePlanInput } from "@/lib/plan/parse"
export { configAvailabilityFor, configFor, planDocument } from "@/lib/plan/plan-configs"
