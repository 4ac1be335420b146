export * from "./env"
export * from "./format"
export * from "./types"
export * from "./yaml"
