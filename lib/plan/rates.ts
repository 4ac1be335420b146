// The standard rates on their own, light: the page's slider steps through them without loading
// the model (build-plan.ts), which re-exports them.

/**
 * The rates every plan is compared across (as root sampling probabilities), highest first.
 *
 * @example
 * STANDARD_RATIOS.at(-1) //=> 0.0001  (0.01 %)
 */
export const STANDARD_RATIOS = [1, 0.5, 0.25, 0.1, 0.05, 0.01, 0.001, 0.0001] as const
