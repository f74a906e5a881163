import { FeatureFlag, search } from "@medusajs/framework/utils"
import { categorySearchIndex, categorySearchIndexes } from "../category"
import { toCategoryDocument } from "../category/documents"
import type { CategoryRow } from "../category/graph"
import { resolveCategoryIndexOptions } from "../category/options"
import { collectionSearchIndex, collectionSearchIndexes } from "../collection"
import { toCollectionDocument } from "../collection/documents"
import { resolveCollectionIndexOptions } from "../collection/options"
import { CATEGORY_SYNC_EVENT, COLLECTION_SYNC_EVENT } from "../sync-event"

const NOW = new Date("2026-11-22T12:00:00.000Z")

const cardigans: CategoryRow = {
  id: "pcat_cardigans",
  name: "Cardigans",
  handle: "cardigans",
  description: "",
  is_active: true,
  is_internal: false,
  rank: 2,
  parent_category_id: "pcat_knitwear",
  mpath: "pcat_clothing.pcat_knitwear.pcat_cardigans",
  created_at: "2026-11-01T10:00:00.000Z",
  updated_at: new Date("2026-11-02T10:00:00.000Z"),
  cms_content: { description: "Buttoned knits for every season", seo_title: "Cardigans", seo_description: null },
}
const ancestors = new Map([
  ["pcat_clothing", { id: "pcat_clothing", name: "Clothing", handle: "clothing" }],
  ["pcat_knitwear", { id: "pcat_knitwear", name: "Knitwear", handle: "knitwear" }],
])

describe("toCategoryDocument", () => {
  it("holds what a storefront lists and filters categories on, its path and the editors' text", () => {
    expect(toCategoryDocument(cardigans, resolveCategoryIndexOptions(), ancestors, new Map(), NOW)).toEqual({
      id: "pcat_cardigans",
      name: "Cardigans",
      handle: "cardigans",
      description: null,
      is_active: true,
      is_internal: false,
      rank: 2,
      parent_category_id: "pcat_knitwear",
      depth: 2,
      ancestor_ids: ["pcat_clothing", "pcat_knitwear"],
      ancestor_names: ["Clothing", "Knitwear"],
      ancestor_handles: ["clothing", "knitwear"],
      content: { description: "Buttoned knits for every season", seo_title: "Cardigans", seo_description: null },
      created_at: "2026-11-01T10:00:00.000Z",
      updated_at: "2026-11-02T10:00:00.000Z",
      indexed_at: "2026-11-22T12:00:00.000Z",
    })
  })

  it("is at depth 0 without a parent, and carries each configured locale's translation", () => {
    const root: CategoryRow = { ...cardigans, id: "pcat_clothing", name: "Clothing", parent_category_id: null, mpath: "pcat_clothing", cms_content: null }
    const translations = new Map([["pcat_clothing", { "de-DE": { name: "Kleidung", description: undefined } }]])
    const document = toCategoryDocument(root, resolveCategoryIndexOptions({ locales: ["de-DE", "fr-FR"] }), new Map(), translations, NOW)
    expect(document).toMatchObject({ depth: 0, ancestor_ids: [], parent_category_id: null, content: { description: null } })
    expect(document.translations).toEqual({ de_de: { name: "Kleidung", description: null }, fr_fr: { name: null, description: null } })
  })

  it("holds the locale's text in a locale index, ancestors included, falling back to the base text", () => {
    const translations = new Map([
      ["pcat_cardigans", { "de-DE": { name: "Strickjacken", description: undefined } }],
      ["pcat_knitwear", { "de-DE": { name: "Strickwaren", description: undefined } }],
    ])
    const document = toCategoryDocument(cardigans, resolveCategoryIndexOptions({ locale: "de-DE" }), ancestors, translations, NOW)
    expect(document).toMatchObject({ name: "Strickjacken", description: null, ancestor_names: ["Clothing", "Strickwaren"] })
    expect(document).not.toHaveProperty("translations")
  })
})

describe("toCollectionDocument", () => {
  const winter = { id: "pcol_winter", title: "Winter", handle: "winter", created_at: "2026-11-01T10:00:00.000Z", updated_at: "2026-11-03T10:00:00.000Z" }

  it("holds the title, handle, dates and the editors' text", () => {
    expect(toCollectionDocument(winter, resolveCollectionIndexOptions(), {}, NOW)).toEqual({
      id: "pcol_winter",
      title: "Winter",
      handle: "winter",
      content: { description: null, seo_title: null, seo_description: null },
      created_at: "2026-11-01T10:00:00.000Z",
      updated_at: "2026-11-03T10:00:00.000Z",
      indexed_at: "2026-11-22T12:00:00.000Z",
    })
  })

  it("translates the title per configured locale, and holds it as the title in a locale index", () => {
    const translations = { "de-DE": { title: "Winterkollektion" } }
    expect(toCollectionDocument(winter, resolveCollectionIndexOptions({ locales: ["de-DE"] }), translations).translations).toEqual({ de_de: { title: "Winterkollektion" } })
    expect(toCollectionDocument(winter, resolveCollectionIndexOptions({ locale: "de-DE" }), translations).title).toBe("Winterkollektion")
    expect(toCollectionDocument(winter, resolveCollectionIndexOptions({ locale: "fr-FR" }), translations).title).toBe("Winter")
  })
})

describe("category and collection options", () => {
  it("default to indexes named after the entity, without locales; a locale index is named after its locale", () => {
    expect(resolveCategoryIndexOptions()).toEqual({ name: "category", locales: [] })
    expect(resolveCollectionIndexOptions()).toEqual({ name: "collection", locales: [] })
    expect(resolveCategoryIndexOptions({ locale: "de-DE" }).name).toBe("category_de_de")
    expect(resolveCategoryIndexOptions({ locale: "de-DE", name: "rubriken" }).name).toBe("rubriken")
  })

  it.each([
    [{ name: "Categories" }, 'CommerceBridge category search index: name: "Categories" must be lowercase'],
    [{ locales: ["german!"] }, 'locales: "german!" is not a locale code'],
    [{ locale: "de DE" }, 'locale: "de DE" is not a locale code'],
    [{ provider: "" }, "provider must be a provider id"],
    [{ settings: "fast" }, "settings must be an object"],
    [{ fields: {} }, "fields must be { add } or { replace }"],
    [{ fields: { remove: ["rank"] } }, "fields.remove is not an option"],
    [{ fields: { add: { definitions: { a: search.keyword() }, document: () => ({}) }, replace: { definitions: { id: search.keyword() }, document: (row: any) => row } } }, "either fields.add or fields.replace, not both"],
    [{ fields: { add: { definitions: {}, document: () => ({}) } } }, "fields.add.definitions must name at least one field"],
    [{ fields: { add: { definitions: { brand: "keyword" }, document: () => ({}) } } }, "fields.add.definitions.brand is not a search field"],
    [{ fields: { add: { definitions: { brand: search.keyword() } } } }, "fields.add.document must be a function"],
    [{ fields: { add: { definitions: { brand: search.keyword() }, graph: "metadata", document: () => ({}) } } }, "fields.add.graph must be a list"],
    [{ fields: { replace: { definitions: { name: search.text() }, document: (row: any) => row } } }, "fields.replace.definitions must declare id"],
  ])("names the bad option %#", (options, message) => {
    let error: any
    try {
      categorySearchIndex(options as any)
    } catch (caught) {
      error = caught
    }
    expect(error).toMatchObject({ type: "invalid_data", message: expect.stringContaining(message) })
  })

  it("refuses an added field that is already one of the index's, and localeIndexes on the singular factory", () => {
    const add = { definitions: { name: search.keyword() }, document: () => ({}) }
    expect(() => categorySearchIndex({ fields: { add } })).toThrow("fields.add.definitions.name is already a field of the category index; use fields.replace")
    expect(() => collectionSearchIndex({ localeIndexes: true } as any)).toThrow("localeIndexes: use collectionSearchIndexes()")
  })
})

/** Runs a definition's `consume` on a fake `query.graph` holding `tables` (entity → rows). */
async function consume(definition: ReturnType<typeof categorySearchIndex>, event: string, ids: string[], tables: Record<string, any[]>) {
  const graph = jest.fn(async ({ entity, filters }: { entity: string; filters: Record<string, any> }) => {
    const rows = (tables[entity] ?? []).filter((row) =>
      Object.entries(filters ?? {}).every(([key, value]) => (Array.isArray(value) ? value.includes(row[key]) : typeof value !== "string" || row[key] === value))
    )
    return { data: rows }
  })
  const container = { query: { graph }, logger: { warn: jest.fn() } }
  const mutations = await definition.consume!({ name: event, data: { ids } } as any, { container, index: { ...definition, primary_key: "id" } } as any)
  return { mutations, graph }
}

describe("categorySearchIndex", () => {
  const tables = {
    product_category: [
      cardigans,
      { ...cardigans, id: "pcat_knitwear", name: "Knitwear", handle: "knitwear", parent_category_id: "pcat_clothing", mpath: "pcat_clothing.pcat_knitwear" },
      { ...cardigans, id: "pcat_clothing", name: "Clothing", handle: "clothing", parent_category_id: null, mpath: "pcat_clothing" },
    ],
    translation: [
      { reference: "product_category", reference_id: "pcat_cardigans", locale_code: "de-DE", translations: { name: "Strickjacken" } },
      { reference: "product_category", reference_id: "pcat_knitwear", locale_code: "de-DE", translations: { name: "Strickwaren" } },
    ],
  }

  it("consumes its sync event, reading the categories, their ancestors and translations back", async () => {
    const definition = categorySearchIndex({ locales: ["de-DE"] })
    expect(definition).toMatchObject({ name: "category", entity: "product_category", events: [CATEGORY_SYNC_EVENT], commerce_bridge: { entity: "category" } })
    const { mutations } = await consume(definition, CATEGORY_SYNC_EVENT, ["pcat_cardigans"], tables)
    expect(mutations).toEqual([
      {
        action: "upsert",
        documents: [
          expect.objectContaining({ id: "pcat_cardigans", ancestor_names: ["Clothing", "Knitwear"], translations: { de_de: { name: "Strickjacken", description: null } } }),
        ],
      },
    ])
  })

  it("adds a store's fields, read through query.graph, to the definition and the documents", async () => {
    const definition = categorySearchIndex({
      fields: { add: { definitions: { featured: search.boolean().filterable() }, graph: ["metadata"], document: (row: any) => ({ featured: row.metadata?.featured === true }) } },
    })
    expect(definition.fields.toFields()).toMatchObject({ featured: { type: "boolean", filterable: true }, name: { type: "text" } })
    const rows = { ...tables, product_category: [{ ...cardigans, metadata: { featured: true } }] }
    const { mutations, graph } = await consume(definition, CATEGORY_SYNC_EVENT, ["pcat_cardigans"], rows)
    expect((graph.mock.calls[0][0] as any).fields).toEqual(expect.arrayContaining(["mpath", "metadata"]))
    expect((mutations[0] as any).documents[0]).toMatchObject({ id: "pcat_cardigans", name: "Cardigans", featured: true })
  })

  it("replaces the field set with the store's own", async () => {
    const definition = categorySearchIndex({
      fields: { replace: { definitions: { id: search.keyword().filterable(), label: search.text().searchable() }, document: (row, base) => ({ id: row.id, label: `${base.ancestor_names}/${row.name}` }) } },
    })
    expect(Object.keys(definition.fields.toFields())).toEqual(["id", "label"])
    const { mutations } = await consume(definition, CATEGORY_SYNC_EVENT, ["pcat_cardigans"], tables)
    expect((mutations[0] as any).documents).toEqual([{ id: "pcat_cardigans", label: "Clothing,Knitwear/Cardigans" }])
  })

  it("defines one locale index per locale where the Translation Module is on, holding that locale's names", async () => {
    expect(categorySearchIndexes({ locales: ["de-DE"], localeIndexes: true }).map((index) => index.name)).toEqual(["category"])
    FeatureFlag.setFlag("translation", true)
    try {
      const [base, german] = categorySearchIndexes({ locales: ["de-DE"], localeIndexes: true })
      expect([base.name, german.name]).toEqual(["category", "category_de_de"])
      expect(german.commerce_bridge).toEqual({ entity: "category", locale: "de-DE", base: "category" })
      const { mutations } = await consume(german, CATEGORY_SYNC_EVENT, ["pcat_cardigans"], tables)
      expect((mutations[0] as any).documents[0]).toMatchObject({ name: "Strickjacken", ancestor_names: ["Clothing", "Strickwaren"] })
    } finally {
      FeatureFlag.setFlag("translation", false)
    }
  })
})

describe("collectionSearchIndex", () => {
  it("consumes its own sync event, and defines locale indexes like the others", () => {
    expect(collectionSearchIndex()).toMatchObject({ name: "collection", entity: "product_collection", events: [COLLECTION_SYNC_EVENT] })
    FeatureFlag.setFlag("translation", true)
    try {
      expect(collectionSearchIndexes({ name: "looks", locales: ["de-DE", "fr-FR"], localeIndexes: true }).map((index) => index.name)).toEqual([
        "looks",
        "looks_de_de",
        "looks_fr_fr",
      ])
    } finally {
      FeatureFlag.setFlag("translation", false)
    }
  })
})
