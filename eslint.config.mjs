import { defineConfig, globalIgnores } from "eslint/config"
import nextVitals from "eslint-config-next/core-web-vitals"
import nextTypescript from "eslint-config-next/typescript"

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "next", "next/*", "recharts", "@/components/*", "@/app/*"],
              message: "lib/ is the pure core: no React, Next, chart or UI imports.",
            },
          ],
        },
      ],
    },
  },
  {
    // The one-way core: the model (lib/plan) sits below the config writers (lib/configs), which
    // read plans; the plan-and-configs assembly lives in lib/configs/plan-configs.ts. Repeats the
    // pattern above because a later no-restricted-imports entry replaces, not extends, an earlier one.
    files: ["lib/plan/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "next", "next/*", "recharts", "@/components/*", "@/app/*"],
              message: "lib/ is the pure core: no React, Next, chart or UI imports.",
            },
            {
              group: [
                "@/lib/configs",
                "@/lib/configs/*",
                "../configs",
                "../configs/*",
                "../../configs",
                "../../configs/*",
              ],
              message:
                "lib/plan is the model and never imports lib/configs (the config writers read plans, not the reverse): move model knowledge into lib/plan, or the assembly into lib/configs.",
            },
          ],
        },
      ],
    },
  },
])
