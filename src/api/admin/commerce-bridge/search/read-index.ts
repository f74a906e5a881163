import type { ISearchModuleService, SearchQuery, SearchResult } from "@medusajs/framework/types"
import { safeErrorMessage } from "../../../../lib/redact"

/** The field CommerceBridge's product documents stamp on every write. */
export const INDEXED_AT = "indexed_at"

export type IndexRead<T> = { ok: true; result: SearchResult<T> } | { ok: false; degraded: boolean; message: string }

/**
 * One search for the admin's status views. An unreachable engine answers empty with
 * `provider_metadata.degraded`; that, or any failure, is reported instead of a made-up count.
 */
export async function readIndex<T = Record<string, unknown>>(search: ISearchModuleService, query: SearchQuery): Promise<IndexRead<T>> {
  try {
    const result = await search.search<T>(query)
    const metadata = result.provider_metadata
    if (metadata?.degraded === true) {
      return { ok: false, degraded: true, message: typeof metadata.message === "string" ? metadata.message : "The search engine is unreachable." }
    }
    return { ok: true, result }
  } catch (error) {
    return { ok: false, degraded: false, message: safeErrorMessage(error) }
  }
}
