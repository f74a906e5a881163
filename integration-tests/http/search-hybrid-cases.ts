import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { OpenAIFixture } from "../__fixtures__/openai"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import type BridgeModuleService from "../../src/modules/bridge/service"
import { SEARCH_EMBEDDINGS_MODULE } from "../../src/modules/search-embeddings"
import type SearchEmbeddingsModuleService from "../../src/modules/search-embeddings/service"
import { createAdminHeaders } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { buildProductIndex } from "../helpers/search"
import { ensureRegions } from "../../src/scripts/seed/store-setup"

const PRODUCTS = ["Grey couch", "Blue running shoes", "Oak dining table", "Coffee mug"]

/** The engine under test, started by its spec: a fixture to reset between tests, or nothing for PostgreSQL. */
export interface HybridEngine {
  reset(): void
  close(): Promise<void>
}

/** The env every hybrid spec sets before the app boots, beside its engine's own. */
export const hybridEnv = (openaiPort: number) => ({
  OPENAI_API_KEY: "sk-test",
  OPENAI_BASE_URL: `http://127.0.0.1:${openaiPort}/v1`,
  OPENAI_MODEL: "gpt-4o-mini",
  COMMERCE_BRIDGE_SEARCH_SEMANTIC_DIMENSIONS: "64",
  COMMERCE_BRIDGE_SEARCH_ATTEMPTS: "20",
  COMMERCE_BRIDGE_SEARCH_BACKOFF_MS: "100",
})

/**
 * Hybrid search through the store API on one engine: the product index embeds each product through the
 * OpenAI fixture, and `POST /store/search` answers `search_options.vector` queries.
 */
export function hybridSuite(engineStarting: Promise<HybridEngine>, openaiStarting: Promise<OpenAIFixture>) {
  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      let openai: OpenAIFixture
      let catalogue: Catalogue
      let admin: { headers: Record<string, string> }

      beforeAll(async () => {
        openai = await openaiStarting
      })
      afterAll(async () => {
        await Promise.all([openai.close(), (await engineStarting).close()])
      })

      beforeEach(async () => {
        ;(await engineStarting).reset()
        openai.reset()
        await getContainer().resolve<BridgeModuleService>(BRIDGE_MODULE).configureIntegration("openai", { enabled: true })
        catalogue = await setUpCatalogue(getContainer())
        await buildProductIndex(getContainer())
        admin = await createAdminHeaders(getContainer(), api)
      })

      const storeSearch = (body: Record<string, unknown>) =>
        api.post("/store/search", { entity: "product", fields: ["id", "title"], ...body }, { headers: { "x-publishable-api-key": catalogue.publishableKey } })
      const titles = (response: any) => response.data.results[0].hits.map((hit: any) => hit.document.title)
      const createAll = async () => {
        for (const title of PRODUCTS) await createProduct(api, admin, catalogue, { title, eur: 50 })
        await eventually(async () => expect(titles(await storeSearch({ filters: {} })).sort()).toEqual([...PRODUCTS].sort()))
      }

      it("ranks a semantically close product first, where keyword search finds nothing", async () => {
        await createAll()
        expect(titles(await storeSearch({ filters: { q: "sofa" } }))).toEqual([])
        const hybrid = await storeSearch({ filters: { q: "sofa" }, search_options: { vector: { query: "sofa", semantic_ratio: 0.8 } } })
        expect(titles(hybrid)[0]).toBe("Grey couch")
        const sneakers = await storeSearch({ search_options: { vector: { query: "sneakers", semantic_ratio: 1 } } })
        expect(titles(sneakers)[0]).toBe("Blue running shoes")

        const bad = await storeSearch({ filters: { q: "sofa" }, search_options: { vector: { query: "sofa", semantic_ratio: 1.5 } } }).catch((error) => error.response)
        expect(bad.status).toBe(400)
        expect(JSON.stringify(bad.data)).toContain("semantic_ratio")
      })

      it("answers the drop-in product listing by meaning with semantic_ratio, with Medusa's own products and prices", async () => {
        await createAll()
        const europe = (await ensureRegions(getContainer()))["Europe"]
        const list = (params: Record<string, unknown>) =>
          api.get("/store/commerce-bridge/products", { params: { fields: "id,title,*variants.calculated_price", region_id: europe, ...params }, headers: { "x-publishable-api-key": catalogue.publishableKey } }).catch((error) => error.response)
        const keyword = await list({ q: "sofa" })
        expect([keyword.status, keyword.data.products]).toEqual([200, []])

        const hybrid = await list({ q: "sofa", semantic_ratio: "0.8", limit: 2 })
        expect(hybrid.status).toBe(200)
        expect(hybrid.headers["x-commerce-bridge-search"]).toBe("engine")
        expect(hybrid.headers["x-commerce-bridge-semantic"]).toBe("hybrid")
        expect(hybrid.data.products[0]).toMatchObject({ title: "Grey couch", variants: [expect.objectContaining({ calculated_price: expect.objectContaining({ calculated_amount: 50 }) })] })
        expect(hybrid.data).toMatchObject({ offset: 0, limit: 2, count: PRODUCTS.length })

        const ordered = await list({ q: "sofa", semantic_ratio: "0.8", order: "title" })
        expect([ordered.status, ordered.headers["x-commerce-bridge-search-reason"]]).toEqual([200, "unsupported:semantic_ratio"])
        const bad = await list({ q: "sofa", semantic_ratio: "2" })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("semantic_ratio")
      })

      it("computes embeddings once: a reindex of unchanged products sends no embeddings request", async () => {
        await createAll()
        const embeddings = getContainer().resolve<SearchEmbeddingsModuleService>(SEARCH_EMBEDDINGS_MODULE)

        // Without the cache: every product's text is embedded again, in batches.
        await embeddings.deleteSearchEmbeddings((await embeddings.listSearchEmbeddings({}, { select: ["id"] })).map((row: { id: string }) => row.id))
        openai.reset()
        embeddings.resetStats()
        await buildProductIndex(getContainer())
        const cold = { requests: openai.embeddingRequests.length, inputs: openai.embeddedInputs, tokens: openai.embeddingTokens, stats: embeddings.stats }
        expect(cold.requests).toBeGreaterThanOrEqual(1)
        expect(cold.requests).toBeLessThan(PRODUCTS.length)
        expect(cold.inputs).toBe(PRODUCTS.length)
        expect(cold.stats).toMatchObject({ requests: cold.requests, tokens: cold.tokens, embedded: PRODUCTS.length })

        // With the cache: nothing is sent.
        openai.reset()
        embeddings.resetStats()
        await buildProductIndex(getContainer())
        const warm = { requests: openai.embeddingRequests.length, tokens: openai.embeddingTokens, stats: embeddings.stats }
        expect(warm.requests).toBe(0)
        expect(warm.stats).toMatchObject({ requests: 0, tokens: 0, embedded: 0 })
        expect(warm.stats.cacheHits).toBeGreaterThanOrEqual(PRODUCTS.length)
        // eslint-disable-next-line no-console
        console.log(`embedding cost per reindex of ${PRODUCTS.length} products: without cache ${JSON.stringify(cold)}; with cache ${JSON.stringify(warm)}`)
        const hybrid = await storeSearch({ search_options: { vector: { query: "couch", semantic_ratio: 1 } } })
        expect(titles(hybrid)[0]).toBe("Grey couch")
      })
    },
  })
}
