import type { ISearchModuleService, MedusaContainer, SearchQuery } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { degradedSearchResult } from "../../src/lib/search-degradation"
import { storeRouteSuite } from "./search-store-route-cases"

jest.setTimeout(240 * 1000)

// The default engine (PostgreSQL). It cannot be stopped apart from the store's own database, so "down" is
// the Search Module answering as CommerceBridge's providers do while their engine is unreachable.
const takeDown = (container: MedusaContainer) => {
  const search = container.resolve<ISearchModuleService>(Modules.SEARCH)
  const spy = jest
    .spyOn(search, "searchMany")
    .mockImplementation(async (queries: SearchQuery[]) => queries.map((query) => degradedSearchResult(query as any)))
  return () => spy.mockRestore()
}

storeRouteSuite(Promise.resolve({ takeDown }))
