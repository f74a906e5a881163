import type { Logger, ProviderSearchQuery, ResolvedSearchIndexDefinition, SearchDocument, SearchResult, SearchTask } from "@medusajs/framework/types"
import { projectDocument } from "@medusajs/framework/utils"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { tableNameForIndex, toWhereClause } from "@medusajs/search-postgres/dist/utils"
import { valueAt } from "../../lib/search-fields"
import {
  defaultTextEmbedder,
  embedTextValues,
  QueryVector,
  queryVectorOrKeywords,
  requestedVectorField,
  semanticMetadata,
  semanticWarner,
  TextEmbedder,
  VectorField,
  vectorFields,
} from "../../search-embeddings/provider-vectors"
import { CANDIDATES_PER_HIT, embeddingSql, MIN_CANDIDATES, signsSql, unitLength, vectorColumns, withoutPaths, withoutVectorFields } from "./vectors"

type Dependencies = ConstructorParameters<typeof PostgresSearchService>[0]
type StoredIndex = Awaited<ReturnType<PostgresSearchService["retrieve"]>>
type VectorSearch = Parameters<PostgresSearchService["searchVector"]>[0]

export interface SemanticPostgresSearchOptions {
  /** `english` (default) or another text search configuration, as for Medusa's provider. */
  language?: string
  /**
   * Embeds query text and text written to an `embed` field: CommerceBridge's cached search-embeddings module
   * by default; or an embedder of ours; or Medusa's provider option, a function of one text.
   */
  embedder?: TextEmbedder | ((text: string) => Promise<number[]>)
}

/** Rows written per vector `UPDATE`, as Medusa's provider writes documents. */
const WRITE_CHUNK = 200

/**
 * Medusa's PostgreSQL search provider (native engine: tsvector, pg_trgm) plus vector fields on plain
 * PostgreSQL, where Medusa's own provider ignores them unless it runs on Lakebase. Each vector is kept at
 * unit length in a `real[]` column beside its sign bits: a query picks the rows closest by Hamming
 * distance on the signs, then ranks those by exact cosine. Hybrid queries fuse keyword and vector ranks
 * with Medusa's own reciprocal-rank fusion. No extension is needed, so it runs wherever Medusa does.
 */
export class SemanticPostgresSearchService extends PostgresSearchService {
  private readonly textEmbedder: () => TextEmbedder
  private readonly warnSemantic: (error: unknown) => void

  constructor(dependencies: Dependencies & { logger?: Logger }, options: SemanticPostgresSearchOptions = {}) {
    const { embedder, ...postgres } = options
    super(dependencies, { ...postgres, engine: "native" })
    const given = typeof embedder === "function" ? { embed: (texts: string[]) => Promise.all(texts.map(embedder)) } : embedder
    this.textEmbedder = given ? () => given : defaultTextEmbedder
    this.warnSemantic = semanticWarner(PostgresSearchService.identifier, dependencies.logger ?? console)
  }

  async upsertIndex({ index }: { index: ResolvedSearchIndexDefinition }): Promise<SearchTask> {
    const task = await super.upsertIndex({ index: { ...index, fields: withoutVectorFields(index.fields) } })
    const fields = vectorFields(index)
    if (fields.length) {
      const columns = fields.flatMap(({ path }) => {
        const { embedding, signs } = vectorColumns(path)
        return [`ADD COLUMN IF NOT EXISTS "${embedding}" real[]`, `ADD COLUMN IF NOT EXISTS "${signs}" bit varying`]
      })
      await this.manager_.execute(`ALTER TABLE "${tableNameForIndex(index.physical_name)}" ${columns.join(", ")}`)
    }
    return task
  }

  async upsertDocuments({ index, definition, documents }: { index: string; definition: ResolvedSearchIndexDefinition; documents: SearchDocument[] }): Promise<SearchTask> {
    const fields = vectorFields(definition)
    if (!fields.length) return super.upsertDocuments({ index, definition, documents })
    const embedded = await embedTextValues(documents, definition, this.textEmbedder)
    // Checked before anything is written: a bad vector fails the whole batch.
    const vectors = fields.map((field) => ({ field, rows: embedded.map((document) => storedVector(document, field, definition.primary_key)) }))
    const paths = fields.map((field) => field.path)
    const stripped = embedded.map((document) => withoutPaths(document, paths))
    const task = await super.upsertDocuments({ index, definition: { ...definition, fields: withoutVectorFields(definition.fields) }, documents: stripped })
    // Medusa's provider names an index's table after its physical name (see upsertIndex): no catalog read needed.
    for (const { field, rows } of vectors) await this.writeVectors(tableNameForIndex(index), field, rows)
    return task
  }

  async search(input: ProviderSearchQuery): Promise<SearchResult> {
    const planned = await queryVectorOrKeywords(input, this.textEmbedder, this.warnSemantic)
    const result = planned.vector
      ? await this.searchSemantic(input, planned.vector)
      : await super.search({ ...input, search_options: { ...input.search_options, vector: undefined } })
    const metadata = semanticMetadata(planned)
    return metadata ? { ...result, provider_metadata: { ...result.provider_metadata, ...metadata } } : result
  }

  private async writeVectors(table: string, field: VectorField, rows: StoredVector[]) {
    const { embedding, signs } = vectorColumns(field.path)
    for (let offset = 0; offset < rows.length; offset += WRITE_CHUNK) {
      const chunk = rows.slice(offset, offset + WRITE_CHUNK)
      const values = chunk.map(({ vector }) => (vector ? `(?, ${embeddingSql(vector)}, ${signsSql(vector)})` : "(?, NULL::real[], NULL::varbit)"))
      await this.manager_.execute(
        `UPDATE "${table}" AS t SET "${embedding}" = v.embedding, "${signs}" = v.signs
         FROM (VALUES ${values.join(", ")}) AS v(id, embedding, signs) WHERE t."id" = v.id`,
        chunk.map(({ id }) => id)
      )
    }
  }

  /** Medusa's `search`, for a query with a vector: the vector half alone, or fused with the keyword half. */
  private async searchSemantic(input: ProviderSearchQuery, vector: QueryVector): Promise<SearchResult> {
    const started = Date.now()
    const catalog = await this.retrieve(input.index.physical_name)
    const options = input.search_options ?? {}
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const distinct = options.distinct ?? input.index.settings.distinct_attribute
    const withKeyword = Boolean(input.q?.trim()) && vector.semanticRatio < 1
    // The fused count is taken below: Medusa's hybrid count reads the vector column from its own plan, which has none here.
    const query = { input: { ...input, search_options: { ...options, count: "none" as const } }, catalog, queryEmbedding: vector.vector, distinct, skip, take }
    const { hitRows } = withKeyword ? await this.searchHybrid({ ...query, semanticRatio: vector.semanticRatio }) : await this.searchVector(query)
    // Facets count every document within the filters, as Medusa's count does: any with a vector is a match.
    const facets = await this.resolveFacets({
      table: catalog.table_name,
      plan: catalog.plan,
      scopeWhere: this.buildFacetScope({ input, catalog, useKeyword: false, useVector: false }),
      requests: options.facets,
    })
    return {
      hits: hitRows.map((row) => ({
        id: row.id,
        score: options.include_score ? Number(row.score) : undefined,
        document: projectDocument(typeof row.document === "string" ? JSON.parse(row.document) : row.document, input.attributes_to_retrieve),
      })),
      facets,
      metadata: {
        skip,
        take,
        count: options.count === "none" ? null : await this.countSemantic(input, catalog, vector.field, withKeyword, distinct),
        query: input.q,
        processing_time_ms: Date.now() - started,
      },
    }
  }

  /** The nearest rows: the closest by sign bits (with the filters), ranked by exact cosine, then paged as Medusa pages. */
  protected async searchVector({ input, catalog, queryEmbedding, distinct, skip, take }: VectorSearch) {
    // `queryVector` checked the field before this search ran.
    const field = requestedVectorField(input)!
    const { embedding, signs } = vectorColumns(field.path)
    const query = unitLength(queryEmbedding)
    const filter = toWhereClause(input.filters, catalog.plan)
    const candidates = Math.max((skip + take) * CANDIDATES_PER_HIT, MIN_CANDIDATES)
    return this.executeQuery({
      table: catalog.table_name,
      rankSql: () => `(SELECT sum(a::float8 * b) FROM unnest("${embedding}", ${embeddingSql(query)}) AS u(a, b))`,
      conditionsSql: (params) => {
        params.push(...(filter?.params ?? []), candidates)
        return [
          `"id" IN (SELECT "id" FROM "${catalog.table_name}" WHERE "${signs}" IS NOT NULL${filter?.sql ? ` AND (${filter.sql})` : ""}
            ORDER BY bit_count("${signs}" # ${signsSql(query)}), "id" LIMIT ?)`,
        ]
      },
      orderSql: this.resolveOrderBy(input, catalog.plan, true),
      minScore: input.search_options?.min_score,
      distinctExpr: this.resolveDistinct(distinct, catalog.plan, input.index.name),
      count: false,
      take,
      skip,
    })
  }

  /** As Medusa counts a vector search: every row (or distinct value) with a vector, or in a hybrid matching the text, within the filters. */
  private async countSemantic(input: ProviderSearchQuery, catalog: StoredIndex, field: VectorField, withKeyword: boolean, distinct?: string): Promise<number> {
    const params: unknown[] = []
    const hasVector = `"${vectorColumns(field.path).signs}" IS NOT NULL`
    const match = withKeyword ? this.keywordFragments({ query: input, catalog }).matchSql?.(params) : undefined
    const conditions = [match ? `(${match} OR ${hasVector})` : hasVector]
    const filter = toWhereClause(input.filters, catalog.plan)
    if (filter?.sql) {
      conditions.push(`(${filter.sql})`)
      params.push(...filter.params)
    }
    const distinctExpr = this.resolveDistinct(distinct, catalog.plan, input.index.name)
    const counted = distinctExpr ? `COUNT(DISTINCT ${distinctExpr})` : "COUNT(*)"
    const [row] = await this.manager_.execute(`SELECT ${counted}::int AS count FROM "${catalog.table_name}" WHERE ${conditions.join(" AND ")}`, params)
    return Number(row?.count ?? 0)
  }
}

interface StoredVector {
  id: string
  /** At unit length; none when the document holds no vector. */
  vector?: number[]
}

function storedVector(document: SearchDocument, field: VectorField, primaryKey: string): StoredVector {
  const value = valueAt(document, field.path)
  return { id: String(valueAt(document, primaryKey)), vector: Array.isArray(value) && value.length ? unitLength(value) : undefined }
}

