import { createHash } from "crypto"
import type { MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { MEDUSA_ENTITIES, StrapiEntity } from "./entities"

/** The Medusa-owned fields of a Strapi entry: the only ones Medusa ever writes. */
export interface CatalogueDocument {
  medusa_id: string
  handle: string
  title: string
}

type Row = Record<string, unknown> & { id: string }

export function catalogueDocument(entity: StrapiEntity, row: Row): CatalogueDocument {
  const title = row[MEDUSA_ENTITIES[entity].titleField]
  return { medusa_id: row.id, handle: String(row.handle ?? ""), title: String(title ?? "") }
}

/** sha256 of the document's fields in a fixed order, so the same catalogue values always hash alike. */
export function catalogueHash(document: CatalogueDocument): string {
  return createHash("sha256").update(JSON.stringify([document.medusa_id, document.handle, document.title])).digest("hex")
}

/** Documents whose hash differs from the one last pushed (absent: never pushed). */
export function changedDocuments(documents: CatalogueDocument[], pushed: Map<string, string | null>): CatalogueDocument[] {
  return documents.filter((document) => pushed.get(document.medusa_id) !== catalogueHash(document))
}

const fieldsOf = (entity: StrapiEntity) => ["id", "handle", MEDUSA_ENTITIES[entity].titleField]

/** The documents of these ids; ids that no longer exist are left out. */
export async function readDocuments(query: RemoteQueryFunction, entity: StrapiEntity, ids: string[]): Promise<CatalogueDocument[]> {
  if (!ids.length) return []
  const { data } = await query.graph({ entity: MEDUSA_ENTITIES[entity].graph, fields: fieldsOf(entity), filters: { id: ids } } as any)
  return (data as Row[]).map((row) => catalogueDocument(entity, row))
}

/** One page of an entity in id order, after `cursor` (the last id of the previous page). */
export async function readDocumentPage(
  query: RemoteQueryFunction,
  entity: StrapiEntity,
  cursor: string | null,
  take: number
): Promise<CatalogueDocument[]> {
  const { data } = await query.graph({
    entity: MEDUSA_ENTITIES[entity].graph,
    fields: fieldsOf(entity),
    filters: cursor ? { id: { $gt: cursor } } : {},
    pagination: { take, order: { id: "ASC" } },
  } as any)
  return (data as Row[]).map((row) => catalogueDocument(entity, row))
}

export async function countEntities(query: RemoteQueryFunction, entity: StrapiEntity): Promise<number> {
  const { metadata } = await query.graph({ entity: MEDUSA_ENTITIES[entity].graph, fields: ["id"], pagination: { skip: 0, take: 1 } } as any)
  return metadata?.count ?? 0
}

const ENTITY_LABELS: Record<StrapiEntity, string> = { product: "Product", category: "Product category", collection: "Product collection" }

/** Throws NOT_FOUND (a 404 naming the id) unless the catalogue holds this entry. */
export async function assertCatalogueEntry(container: MedusaContainer, entity: StrapiEntity, id: string): Promise<void> {
  const query = container.resolve<RemoteQueryFunction>(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: MEDUSA_ENTITIES[entity].graph, fields: ["id"], filters: { id } } as any)
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${ENTITY_LABELS[entity]} ${id} was not found`)
}
