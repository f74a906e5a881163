import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { maskContactData } from "../../../../lib/redact"
import type { SearchLastSync } from "./types"

type SyncRow = {
  name: string
  status: SearchLastSync["status"]
  documents_synced: number
  started_at: Date | null
  completed_at: Date | null
  error: string | null
}

/**
 * The latest run of each named index, read from the Search Module's own tables (not exposed to
 * `query.graph`). A run writes a main sync row, then a catch-up row under the same `job_id`; the main
 * row stays `processing` until the whole run is over and carries its progress, so it is the one shown.
 */
export async function lastSyncs(knex: Knex, names: string[]): Promise<Map<string, SearchLastSync>> {
  if (!names.length) return new Map()
  const { rows } = await knex.raw<{ rows: SyncRow[] }>(
    `with runs as (
       select i.name, s.job_id, s.status, s.documents_synced, s.started_at, s.completed_at, s.error, s.created_at, s.id,
              first_value(s.job_id) over (partition by i.name order by s.created_at desc, s.id desc) as latest_job_id
         from search_index_sync s
         join search_index_version v on v.id = s.search_index_version_id and v.deleted_at is null
         join search_index i on i.id = v.search_index_id and i.deleted_at is null
        where s.deleted_at is null and i.name = any(?)
     )
     select distinct on (name) name, status, documents_synced, started_at, completed_at, error
       from runs
      where job_id is not distinct from latest_job_id
      order by name, created_at asc, id asc`,
    [names]
  )
  return new Map(
    rows.map((row) => [
      row.name,
      {
        status: row.status,
        documents_synced: Number(row.documents_synced),
        started_at: isoOrNull(row.started_at),
        completed_at: isoOrNull(row.completed_at),
        // A failed write's message may name the engine's URL: credentials in it are masked.
        error: row.error === null ? null : maskContactData(row.error).slice(0, 500),
      },
    ])
  )
}

export const isoOrNull = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null)
