import type { SearchDocument, SearchSchema } from "@medusajs/framework/types"
import { indexOptionError } from "./errors"

/** Fields a store adds beside CommerceBridge's, and how a row fills them. */
export interface IndexFieldsAddition<Row> {
  /** The added fields, as `search.*` builders: `{ brand: search.keyword().filterable().facetable() }`. */
  definitions: SearchSchema
  /**
   * What `query.graph` reads for them, beside what the index reads already: `["metadata"]`.
   * @defaultValue []
   */
  graph?: string[]
  /** The added fields' values for one row; `document` is what CommerceBridge built for it. */
  document: (row: Row, document: SearchDocument) => Record<string, unknown>
}

/** A field set of the store's own, instead of CommerceBridge's. */
export interface IndexFieldsReplacement<Row> {
  /** Every field of the index, as `search.*` builders; `id` is required (it keys the documents). */
  definitions: SearchSchema
  /**
   * What `query.graph` reads beside what the index reads already.
   * @defaultValue []
   */
  graph?: string[]
  /** The whole document of one row; `document` is what CommerceBridge would have indexed. */
  document: (row: Row, document: SearchDocument) => SearchDocument
}

/** The `fields` option of every factory: either `add` fields to CommerceBridge's, or `replace` them. */
export interface IndexFieldsOption<Row = Record<string, any>> {
  add?: IndexFieldsAddition<Row>
  replace?: IndexFieldsReplacement<Row>
}

const isBuilder = (value: unknown) => typeof (value as { parse?: unknown } | null)?.parse === "function"

/** Checks the `fields` option's shape, naming the bad part (`fields.add.document`). */
export function validateFieldsOption(kind: string, option: IndexFieldsOption<any> | undefined): void {
  if (option === undefined) return
  const invalid = (message: string) => indexOptionError(kind, message)
  if (typeof option !== "object" || option === null) throw invalid("fields must be { add } or { replace }")
  const keys = Object.keys(option).filter((key) => (option as Record<string, unknown>)[key] !== undefined)
  const unknown = keys.find((key) => key !== "add" && key !== "replace")
  if (unknown) throw invalid(`fields.${unknown} is not an option; use fields.add or fields.replace`)
  if (option.add && option.replace) throw invalid("fields: pass either fields.add or fields.replace, not both")
  if (!option.add && !option.replace) throw invalid("fields must be { add } or { replace }")
  const mode = option.add ? "add" : "replace"
  const part = (option.add ?? option.replace)!
  if (typeof part.definitions !== "object" || part.definitions === null || !Object.keys(part.definitions).length) {
    throw invalid(`fields.${mode}.definitions must name at least one field`)
  }
  const notBuilt = Object.entries(part.definitions).find(([, value]) => !isBuilder(value))
  if (notBuilt) {
    throw invalid(`fields.${mode}.definitions.${notBuilt[0]} is not a search field (build it with search.keyword(), search.text(), …)`)
  }
  if (mode === "replace" && !part.definitions.id) throw invalid("fields.replace.definitions must declare id, which keys the documents")
  if (typeof part.document !== "function") throw invalid(`fields.${mode}.document must be a function of the row`)
  if (part.graph !== undefined && (!Array.isArray(part.graph) || part.graph.some((path) => typeof path !== "string" || !path))) {
    throw invalid(`fields.${mode}.graph must be a list of query.graph field paths`)
  }
}

/** The index's field schema: CommerceBridge's, with the store's added, or the store's alone. */
export function composeSchema(kind: string, base: SearchSchema, option: IndexFieldsOption<any> | undefined): SearchSchema {
  if (option?.replace) return option.replace.definitions
  if (!option?.add) return base
  const taken = Object.keys(option.add.definitions).find((name) => name in base)
  if (taken) throw indexOptionError(kind, `fields.add.definitions.${taken} is already a field of the ${kind} index; use fields.replace to change it`)
  return { ...base, ...option.add.definitions }
}

/** What `query.graph` reads: the index's own paths and the store's. */
export function composeGraph(base: string[], option: IndexFieldsOption<any> | undefined): string[] {
  const extra = option?.add?.graph ?? option?.replace?.graph ?? []
  return [...new Set([...base, ...extra])]
}

/** One row's document: CommerceBridge's, with the store's fields added, or the store's own. */
export function composeDocument<Row>(row: Row, document: SearchDocument, option: IndexFieldsOption<Row> | undefined): SearchDocument {
  if (option?.replace) return option.replace.document(row, document)
  if (option?.add) return { ...document, ...option.add.document(row, document), id: document.id }
  return document
}
