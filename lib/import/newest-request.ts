/**
 * Numbers the requests sent to a worker and accepts only the answer to the newest: after a burst of
 * plan changes, answers to the older plans (still on their way) are dropped, so the page never
 * steps back to a plan that is no longer the one in the form.
 *
 * @example
 * const requests = new NewestRequest<string>()
 * const first = requests.next("ratio 0.5")
 * const second = requests.next("ratio 0.25")
 * requests.answered(first) //=> undefined (stale)
 * requests.answered(second) //=> "ratio 0.25"
 */
export class NewestRequest<Request> {
  private sequence = 0
  private newest: Request | undefined

  /** Records a new request; returns the number to send with it. */
  next(request: Request): number {
    this.sequence += 1
    this.newest = request
    return this.sequence
  }

  /** The request an answer numbered `sequence` belongs to, or undefined when a newer one was sent since. */
  answered(sequence: number): Request | undefined {
    return sequence === this.sequence ? this.newest : undefined
  }
}
