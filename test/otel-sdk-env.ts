import { TracerProvider, type Sampler } from "@opentelemetry/sdk-trace"

// The JS SDK 3.x builds its sampler from OTEL_TRACES_SAMPLER in sdk-node's create-from-env (the
// function NodeSDK.start() calls), which the package does not export; a TracerProvider alone no
// longer reads the environment (opentelemetry-js sdk-node 0.301.2, dist/create-from-env.mjs).
const createFromEnv = (await import(
  /* @vite-ignore */ `${process.cwd()}/node_modules/@opentelemetry/sdk-node/dist/create-from-env.mjs`
)) as { createSamplerFromEnv: () => Sampler | undefined }

/** The sampler sdk-node reads from the environment, or undefined when it names none it can read. */
export const createSamplerFromEnv = (): Sampler | undefined => createFromEnv.createSamplerFromEnv()

/**
 * The sampler a NodeSDK would run with: the environment's, or, when that gives none, the
 * TracerProvider's own default, read back from a tracer it built (so the default is the SDK's).
 */
export function sdkSampler(): Sampler {
  const fromEnv = createSamplerFromEnv()
  const tracer = new TracerProvider(fromEnv ? { sampler: fromEnv } : {}).getTracer("read-back")
  return (tracer as unknown as { _sampler: Sampler })._sampler
}
