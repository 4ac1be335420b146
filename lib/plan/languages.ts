// The SDK languages the model knows. Below fields.ts (which re-exports them) so that samplers.ts,
// which fields.ts depends on, can key its per-language knowledge without a cycle.

/** SDK languages the plan can name. */
export const LANGUAGES = ["python", "node", "java", "go", "dotnet"] as const
export type Language = (typeof LANGUAGES)[number]
