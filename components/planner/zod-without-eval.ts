import { z } from "zod"

// Zod probes for eval with `new Function("")` when it builds an object schema; under the page's
// CSP the probe is blocked and reported as a violation even though Zod copes. Turning the JIT off
// skips the probe. Browser only: the server keeps the JIT. Imported first by on-demand.ts so it
// runs before lib/plan/schema.ts builds its schemas (docs/decisions/0003-on-demand-zod.md).
if (typeof window !== "undefined") z.config({ jitless: true })
