import { describe, expect, it } from "vitest"

import { formatEndpoints, parseEndpoints } from "@/lib/plan/endpoints"
import { parsePlanInput } from "@/lib/plan/parse"

describe("endpoints", () => {
  it("reads name:share pairs, splitting at the last colon", () => {
    expect(parseEndpoints("GET /tasks:0.6~grpc:/tasks.v1.Tasks/Get:0.3")).toEqual({
      success: true,
      data: [
        { name: "GET /tasks", share: 0.6 },
        { name: "grpc:/tasks.v1.Tasks/Get", share: 0.3 },
      ],
    })
  })

  it("writes back what it reads", () => {
    expect(formatEndpoints([{ name: "GET /tasks", share: 0.6 }])).toBe("GET /tasks:0.6")
  })

  it("names a pair without a share", () => {
    expect(parseEndpoints("GET /tasks")).toEqual({
      success: false,
      error: 'Endpoint "GET /tasks" needs a share after a colon, e.g. GET /tasks:0.6.',
    })
  })

  it("refuses shares that add up to more than all traffic", () => {
    expect(parsePlanInput({ endpoints: "a:0.7~b:0.4" }, { unknownKeys: "reject" })).toMatchObject({
      success: false,
      issues: [{ path: "endpoints", message: "Endpoint shares add up to more than 1 (100 % of traffic)." }],
    })
  })

  it("accepts a list of objects from a JSON body", () => {
    expect(parsePlanInput({ endpoints: [{ name: "GET /tasks", share: 1 }] }, { unknownKeys: "reject" })).toMatchObject({
      success: true,
      data: { endpoints: [{ name: "GET /tasks", share: 1 }] },
    })
  })
})
