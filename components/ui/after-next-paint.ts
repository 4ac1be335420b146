/**
 * Runs `work` once the browser has painted the next frame, so it does not delay what the user
 * sees. Returns a function that cancels it if it has not run yet (an effect's cleanup).
 *
 * @example
 * useEffect(() => afterNextPaint(() => saveDraft(values)), [values])
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  // A task queued from inside the frame's animation callbacks runs after that frame is painted.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
