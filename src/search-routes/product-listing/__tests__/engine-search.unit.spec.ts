import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { degradedSearchResult } from "../../../lib/search-degradation"
import { productIndexFields } from "../../../search-indexes/product/fields"
import { resolveProductIndexOptions } from "../../../search-indexes/product/options"
import { searchProductIds } from "../engine-search"
import type { ProductListingRequest } from "../types"

jest.mock("../../../search-sync/kept-indexes", () => ({
  keptIndexes: () => [
    { name: "product_de_de", entity: "product", locale: "de-DE", base: "product" },
    { name: "product", entity: "product" },
  ],
}))

const fields = productIndexFields(resolveProductIndexOptions({ currencies: ["eur"] })).toFields()

function requestWith(search: jest.Mock, params: Record<string, unknown> = {}, { searchModule = true } = {}) {
  const logger = { warn: jest.fn() }
  const services: Record<string, unknown> = {
    [Modules.SEARCH]: searchModule ? { getIndex: () => ({ name: "product", fields }) } : undefined,
    [ContainerRegistrationKeys.QUERY]: { search },
    [ContainerRegistrationKeys.LOGGER]: logger,
  }
  const req = {
    scope: { resolve: (key: string) => services[key] },
    validatedQuery: { offset: 0, limit: 2, ...params },
    publishable_key_context: { key: "pk", sales_channel_ids: ["sc_1"] },
    requestId: "req_1",
  } as unknown as ProductListingRequest
  return { req, logger }
}

const answer = (ids: string[], count: number | null, extra: object = {}) => ({
  data: [],
  search_result: { hits: ids.map((id) => ({ id, document: { id } })), metadata: { skip: 0, take: 2, count }, ...extra },
})

describe("searchProductIds", () => {
  // Failures are logged at most once a minute: each case starts a minute after the last.
  let clock = Date.now()
  beforeEach(() => jest.spyOn(Date, "now").mockReturnValue((clock += 120_000)))
  afterEach(() => jest.restoreAllMocks())

  it("answers the engine's page of ids, in its order, with its count", async () => {
    const search = jest.fn().mockResolvedValue(answer(["prod_b", "prod_a"], 7))
    const { req } = requestWith(search, { q: "linen", order: "-title" })
    expect(await searchProductIds(req)).toEqual({ ids: ["prod_b", "prod_a"], count: 7 })
    expect(search).toHaveBeenCalledWith(
      expect.objectContaining({
        entity: "product",
        fields: ["id"],
        filters: expect.objectContaining({ q: "linen", status: "published", sales_channel_ids: { $overlaps: ["sc_1"] } }),
        pagination: { skip: 0, take: 2, order: { title: "DESC" } },
      })
    )
  })

  it("falls back when the provider answers a degraded result", async () => {
    const degraded = degradedSearchResult({ pagination: { skip: 0, take: 2 } } as any)
    const search = jest.fn().mockResolvedValue({ data: [], search_result: degraded })
    expect(await searchProductIds(requestWith(search).req)).toEqual({ fallback: "engine_unreachable" })
  })

  it("falls back when the engine cannot be reached, or fails otherwise, and logs no message", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED http://admin:secret@search.internal"), { code: "ECONNREFUSED" })
    const unreachable = requestWith(jest.fn().mockRejectedValue(refused))
    expect(await searchProductIds(unreachable.req)).toEqual({ fallback: "engine_unreachable" })
    expect(unreachable.logger.warn).toHaveBeenCalledWith(expect.stringContaining("ECONNREFUSED"))
    expect(unreachable.logger.warn).toHaveBeenCalledWith(expect.not.stringContaining("secret"))

    const failed = requestWith(jest.fn().mockRejectedValue(new TypeError("customer typed: secret query")))
    expect(await searchProductIds(failed.req)).toEqual({ fallback: "engine_error" })
    // Within the minute of the first warning: not logged again.
    expect(failed.logger.warn).not.toHaveBeenCalled()
  })

  it("does not search a param the index cannot answer, nor without a search module", async () => {
    const search = jest.fn()
    expect(await searchProductIds(requestWith(search, { title: "Linen shirt" }).req)).toEqual({ fallback: "unsupported:title" })
    expect(await searchProductIds(requestWith(search, {}, { searchModule: false }).req)).toEqual({ fallback: "no_index" })
    expect(search).not.toHaveBeenCalled()
  })
})
