import type { ISearchModuleService, MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { keptProductIndexes } from "../../../../search-sync/kept-indexes"
import { isoOrNull } from "./last-sync"
import { INDEXED_AT, readIndex } from "./read-index"
import type { ProductIndexState, ProductSearchStatusResponse } from "./types"

/** The product's id and last change, or a 404 naming it. */
export async function retrieveProduct(container: MedusaContainer, id: string): Promise<{ id: string; updated_at: Date }> {
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "updated_at"], filters: { id } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product "${id}" was not found`)
  }
  return data[0] as { id: string; updated_at: Date }
}

/** Whether, when and how freshly the product is indexed in each index CommerceBridge keeps. */
export async function productSearchStatus(container: MedusaContainer, id: string): Promise<ProductSearchStatusResponse> {
  const product = await retrieveProduct(container, id)
  const search = container.resolve<ISearchModuleService | undefined>(Modules.SEARCH, { allowUnregistered: true })
  const indexes = search ? await Promise.all(keptProductIndexes().map((name) => productInIndex(search, name, product))) : []
  return { product: { id: product.id, updated_at: new Date(product.updated_at).toISOString() }, indexes }
}

async function productInIndex(search: ISearchModuleService, name: string, product: { id: string; updated_at: Date }): Promise<ProductIndexState> {
  const read = await readIndex<{ updated_at?: string; indexed_at?: string }>(search, {
    entity: name,
    filters: { id: product.id },
    fields: ["updated_at", INDEXED_AT],
    pagination: { take: 1 },
  })
  const document = read.ok ? read.result.hits[0]?.document : undefined
  return {
    name,
    indexed: Boolean(document),
    indexed_at: isoOrNull(document?.indexed_at),
    up_to_date: Boolean(document?.updated_at) && new Date(document!.updated_at!).getTime() === new Date(product.updated_at).getTime(),
    degraded: !read.ok,
    message: read.ok ? null : read.message,
  }
}
