// Types for scripts/compile-hints.mjs (a plain Node script, so the tests can import it).
export declare const COMPILE_HINT: "//# allFunctionsCalledOnLoad"

export interface SourceMapLike {
  version: number
  mappings?: string
  sections?: { offset: { line: number; column: number }; map: unknown }[]
  [key: string]: unknown
}

export declare function shiftSourceMap<T extends SourceMapLike>(map: T, lines: number): T

export declare function addCompileHints(distDir?: string): { file: string; bytes: number; changed: boolean }[]
