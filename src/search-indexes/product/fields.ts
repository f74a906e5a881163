import { search } from "@medusajs/framework/utils"
import { cmsContentField, timestampFields } from "../shared/common-fields"
import { localeKey, ResolvedProductIndexOptions } from "./options"

const priceRange = () =>
  search.object({
    min: search.float().filterable().sortable().facetable({ types: ["range", "stats"] }),
    max: search.float().filterable().sortable(),
  })

const translatedText = () =>
  search.object({
    title: search.text().searchable({ weight: 5 }),
    subtitle: search.text().searchable({ weight: 2 }),
    description: search.text().searchable(),
  })

/**
 * What a product document holds: what storefronts search, filter, facet and sort on.
 * `status` and `sales_channel_ids` are the names `/store/search` narrows on (published, the key's channels).
 */
export function productIndexFields(options: ResolvedProductIndexOptions) {
  return search.define(productFieldSchema(options))
}

/** The field builders of `productIndexFields`, which the `fields` option adds to or replaces. */
export function productFieldSchema(options: ResolvedProductIndexOptions) {
  const prices = Object.fromEntries(options.currencies.map((code) => [code, priceRange()]))
  const translations = Object.fromEntries(options.locales.map((locale) => [localeKey(locale), translatedText()]))
  return {
    id: search.keyword().filterable(),
    title: search.text().searchable({ weight: 5 }).sortable(),
    subtitle: search.text().searchable({ weight: 2 }),
    handle: search.keyword().filterable(),
    description: search.text().searchable(),
    status: search.keyword().filterable(),
    thumbnail: search.keyword(),
    tags: search.keyword().array().searchable({ weight: 2 }).filterable().facetable(),
    tag_ids: search.keyword().array().filterable(),
    type: search.keyword().searchable().filterable().facetable(),
    type_id: search.keyword().filterable(),
    collection: search.keyword().searchable().filterable().facetable(),
    collection_id: search.keyword().filterable(),
    category_ids: search.keyword().array().filterable(),
    categories: search.keyword().array().searchable({ weight: 2 }).filterable().facetable(),
    sales_channel_ids: search.keyword().array().filterable(),
    variants: search
      .object({
        id: search.keyword(),
        sku: search.keyword().searchable({ weight: 3 }).filterable(),
        title: search.text(),
      })
      .array(),
    option_values: search.keyword().array().filterable().facetable(),
    prices: search.object(prices),
    in_stock: search.boolean().filterable().facetable(),
    inventory_quantity: search.integer().filterable().sortable(),
    content: cmsContentField(),
    ...(options.locales.length ? { translations: search.object(translations) } : {}),
    ...timestampFields(),
  }
}
