import { describe, expect, it } from "vitest"

import * as route from "@/app/api/[...path]/route"

describe("any other path under /api", () => {
  it.each([["GET"], ["POST"], ["PUT"], ["PATCH"], ["DELETE"], ["OPTIONS"]] as const)(
    "answers %s with a JSON 404 naming the API's routes, uncached",
    async (method) => {
      const response = await route[method](new Request("http://localhost/api/plans?rps=1", { method }))
      expect(response.status).toBe(404)
      expect(response.headers.get("content-type")).toBe("application/json")
      expect(response.headers.get("cache-control")).toBe("no-store")
      expect(await response.json()).toEqual({
        error: "There is no API at /api/plans. The API is GET or POST /api/plan, and GET /api/health.",
        issues: [
          {
            path: "",
            message: "There is no API at /api/plans. The API is GET or POST /api/plan, and GET /api/health.",
          },
        ],
      })
    }
  )
})
