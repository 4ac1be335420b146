import { describe, expect, it } from "vitest"

import { NewestRequest } from "@/lib/import/newest-request"

describe("NewestRequest: only the newest plan's answer is applied", () => {
  it("numbers requests 1, 2, 3 and accepts the newest", () => {
    const requests = new NewestRequest<string>()
    expect(requests.next("ratio 0.5")).toBe(1)
    expect(requests.next("ratio 0.25")).toBe(2)
    expect(requests.next("ratio 0.75")).toBe(3)
    expect(requests.answered(3)).toBe("ratio 0.75")
  })

  it("drops the answers to a burst's older requests, in whatever order they arrive", () => {
    const requests = new NewestRequest<{ ratio: number }>()
    const sent = [0.5, 0.25, 0.75, 0.1].map((ratio) => requests.next({ ratio }))
    expect(sent).toEqual([1, 2, 3, 4])
    expect(requests.answered(2)).toBeUndefined()
    expect(requests.answered(4)).toEqual({ ratio: 0.1 })
    expect(requests.answered(1)).toBeUndefined()
    expect(requests.answered(3)).toBeUndefined()
  })

  it("has no answer before the first request, and none for a number never sent", () => {
    const requests = new NewestRequest<string>()
    expect(requests.answered(0)).toBeUndefined()
    requests.next("a")
    expect(requests.answered(2)).toBeUndefined()
  })

  it("turns an answer stale as soon as a newer request is made", () => {
    const requests = new NewestRequest<string>()
    const first = requests.next("a")
    expect(requests.answered(first)).toBe("a")
    requests.next("b")
    expect(requests.answered(first)).toBeUndefined()
  })
})
