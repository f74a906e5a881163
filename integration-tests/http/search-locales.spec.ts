import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminHeaders } from "../helpers/admin"
import { Catalogue, createProduct, setUpCatalogue } from "../helpers/catalogue"
import { eventually } from "../helpers/eventually"
import { buildProductIndex } from "../helpers/search"

jest.setTimeout(180 * 1000)

// The default engine (PostgreSQL), with Medusa's Translation Module switched on.
Object.assign(process.env, { MEDUSA_FF_TRANSLATION: "true", COMMERCE_BRIDGE_SEARCH_LOCALES: "de-DE" })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let catalogue: Catalogue
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      catalogue = await setUpCatalogue(getContainer())
      admin = await createAdminHeaders(getContainer(), api)
      await buildProductIndex(getContainer())
    })

    const storeSearch = async (filters: Record<string, unknown>) => {
      const { data } = await api.post(
        "/store/search",
        { entity: "product", filters, fields: ["id", "title", "translations.de_de.title"] },
        { headers: { "x-publishable-api-key": catalogue.publishableKey } }
      )
      return data.results[0].hits.map((hit: any) => hit.document)
    }

    it("indexes a product's German translation as it is saved, and finds the product by it", async () => {
      const product = await createProduct(api, admin, catalogue, { title: "Alpaca cardigan", eur: 129 })
      await eventually(async () => expect(await storeSearch({ q: "alpaca" })).toHaveLength(1))

      await api.post(
        "/admin/translations/batch",
        { create: [{ reference_id: product.id, reference: "product", locale_code: "de-DE", translations: { title: "Alpaka-Strickjacke" } }] },
        admin
      )
      await eventually(async () => {
        expect(await storeSearch({ q: "Strickjacke" })).toEqual([
          expect.objectContaining({ title: "Alpaca cardigan", translations: { de_de: { title: "Alpaka-Strickjacke" } } }),
        ])
      })
    })
  },
})
