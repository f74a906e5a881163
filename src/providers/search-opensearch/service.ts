import type {
  Logger,
  ProviderSearchQuery,
  ResolvedSearchIndexDefinition,
  SearchDeleteDocumentsInput,
  SearchDocument,
  SearchFieldDefinition,
  SearchIndexInfo,
  SearchResult,
  SearchTask,
} from "@medusajs/framework/types"
import { AbstractSearchProviderService } from "@medusajs/framework/utils"
import { Client } from "@opensearch-project/opensearch"
import { degradationWarner, degradedSearchResult, isEngineUnreachable, searchOrDegrade } from "../../lib/search-degradation"
import { BulkAction, bulkBatches, bulkFailures, deleteAction, failedBulkTask, idsOnly, indexAction } from "./documents"
import { errorFromBody, openSearchError } from "./errors"
import { compileOpenSearchFilter } from "./filters"
import { fieldsFromMapping, notAllowed, openSearchIndexSettings, openSearchMappings } from "./mappings"
import { searchBody } from "./query"
import { combineHybrid, hybridBodies } from "./hybrid"
import { defaultTextEmbedder, embedTextValues, queryVectorOrKeywords, semanticMetadata, semanticWarner, TextEmbedder } from "../../search-embeddings/provider-vectors"
import { SearchResponse, toSearchResult } from "./results"
import { DEFAULT_OPENSEARCH_OPTIONS, OpenSearchProviderOptions, validateOpenSearchOptions } from "./types"

type Fields = Record<string, SearchFieldDefinition>

/**
 * Medusa Search Module provider on OpenSearch, with the official client. OpenSearch applies writes
 * inline but makes them searchable at the next refresh: unless `refresh: "wait_for"`, writes return an
 * `enqueued` task and `waitForTask` refreshes the index. A bulk write with failed items returns a
 * `failed` task carrying the first item's error (the module raises it); the other items stay indexed.
 */
export class OpenSearchSearchService extends AbstractSearchProviderService {
  static identifier = "commerce-bridge-opensearch"

  private readonly client: Client
  private readonly options: Required<Omit<OpenSearchProviderOptions, "username" | "password" | "embedder">> & Omit<OpenSearchProviderOptions, "embedder">
  /** Fields and primary key of each index seen, for deletes by filter (which arrive without the definition). */
  private readonly definitions = new Map<string, { fields: Fields; primaryKey: string }>()
  private readonly warnDegraded: (error: unknown) => void
  /** Embeds `search_options.vector.query` (and text written to an `embed` field) through CommerceBridge's cached embeddings. */
  private readonly embedder: () => TextEmbedder
  private readonly warnSemantic: (error: unknown) => void

  static validateOptions(options: Partial<OpenSearchProviderOptions>) {
    validateOpenSearchOptions(options)
  }

  constructor(container: { logger?: Logger }, options: OpenSearchProviderOptions) {
    super()
    OpenSearchSearchService.validateOptions(options)
    const { embedder, ...connection } = options
    this.embedder = embedder ? () => embedder : defaultTextEmbedder
    this.options = { ...DEFAULT_OPENSEARCH_OPTIONS, ...connection }
    this.warnDegraded = degradationWarner(OpenSearchSearchService.identifier, container.logger ?? console)
    this.warnSemantic = semanticWarner(OpenSearchSearchService.identifier, container.logger ?? console)
    this.client = new Client({
      node: options.node,
      ...(options.username ? { auth: { username: options.username, password: options.password ?? "" } } : {}),
      requestTimeout: this.options.timeoutMs,
      // One retry rides out a dropped keep-alive socket or a 502/503/504; more would hide an outage behind timeouts.
      maxRetries: 1,
    })
  }

  async upsertIndex({ index }: { index: ResolvedSearchIndexDefinition }): Promise<SearchTask> {
    if (index.settings?.distinct_attribute) throw notAllowed(`"distinct_attribute" needs field collapsing, which this provider does not use yet`)
    this.remember(index.physical_name, index.fields, index.primary_key)
    const mappings = openSearchMappings(index)
    const settings = openSearchIndexSettings(index)
    await this.call(async () => {
      try {
        await this.client.indices.create({ index: this.uid(index.physical_name), body: { mappings, ...(settings ? { settings } : {}) } as any })
      } catch (error) {
        if ((error as any)?.meta?.body?.error?.type !== "resource_already_exists_exception") throw error
        // Additive only: OpenSearch refuses a changed field type (INVALID_DATA); the module gives a changed definition a new physical index.
        await this.client.indices.putMapping({ index: this.uid(index.physical_name), body: mappings as any })
      }
    })
    return { index: index.physical_name, status: "succeeded" }
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTask> {
    await this.call(async () => {
      try {
        await this.client.indices.delete({ index: this.uid(index) })
      } catch (error) {
        if ((error as any)?.meta?.statusCode !== 404) throw error
      }
    })
    this.definitions.delete(index)
    return { index, status: "succeeded" }
  }

  /** Indexes under the prefix; counts are of products (`_cat`'s `docs.count` also counts nested objects). */
  async listIndexes(): Promise<SearchIndexInfo[]> {
    return this.call(async () => {
      const { body: rows } = await this.client.cat.indices({ format: "json" })
      const prefix = this.options.indexPrefix
      const names = (rows as { index: string }[]).map(({ index }) => index).filter((name) => name.startsWith(prefix) && !name.startsWith("."))
      if (!names.length) return []
      const { body } = await this.client.msearch({ body: names.flatMap((index) => [{ index }, { size: 0, track_total_hits: true }]) as any })
      return names.map((name, i) => ({
        name: name.slice(prefix.length),
        provider: OpenSearchSearchService.identifier,
        document_count: (body.responses[i] as any)?.hits?.total?.value ?? 0,
      }))
    })
  }

  async upsertDocuments({ index, definition, documents }: { index: string; definition: ResolvedSearchIndexDefinition; documents: SearchDocument[] }): Promise<SearchTask> {
    this.remember(index, definition.fields, definition.primary_key)
    const key = definition.primary_key
    const embedded = await embedTextValues(documents, definition, this.embedder)
    return this.bulk(index, embedded.map((document) => indexAction(this.uid(index), String(document[key] ?? document.id), document)))
  }

  async deleteDocuments({ index, filters }: SearchDeleteDocumentsInput): Promise<SearchTask> {
    const known = this.definitions.get(index)
    const ids = idsOnly(filters, known?.primaryKey)
    if (ids) return this.bulk(index, ids.map((id) => deleteAction(this.uid(index), id)))
    const fields = known?.fields ?? (await this.mappedFields(index))
    return this.deleteByQuery(index, compileOpenSearchFilter(filters, fields) ?? { match_all: {} })
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTask> {
    return this.deleteByQuery(index, { match_all: {} })
  }

  async search(input: ProviderSearchQuery): Promise<SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /**
   * Every query in one `_msearch` round trip. While OpenSearch is unreachable — or answers one entry 503, as
   * when none of its index's shards is available — the query gets an empty degraded result.
   */
  async searchMany(inputs: ProviderSearchQuery[]): Promise<SearchResult[]> {
    if (!inputs.length) return []
    const semantic = await Promise.all(inputs.map((input) => queryVectorOrKeywords(input, this.embedder, this.warnSemantic)))
    const bodies = inputs.map((input, i) => {
      const vector = semantic[i].vector
      return vector ? hybridBodies(input, vector) : [searchBody({ ...input, search_options: { ...input.search_options, vector: undefined } })]
    })
    const lines = inputs.flatMap((input, i) => bodies[i].flatMap((body) => [{ index: this.uid(input.index.physical_name) }, body]))
    return searchOrDegrade(
      inputs,
      async () => {
        const { body } = await this.client.msearch({ body: lines as any })
        let offset = 0
        return inputs.map((input, i) => {
          const responses = (body.responses as any[]).slice(offset, (offset += bodies[i].length))
          const failed = responses.find((response) => response.error)
          if (failed) {
            if (!isEngineUnreachable(failed)) throw errorFromBody(failed.status, failed)
            this.warnDegraded(failed)
            return degradedSearchResult(input)
          }
          const vector = semantic[i].vector
          const result = toSearchResult(input, vector ? combineHybrid(input, vector, responses as SearchResponse[]) : (responses[0] as SearchResponse))
          const metadata = semanticMetadata(semantic[i])
          return metadata ? { ...result, provider_metadata: { ...result.provider_metadata, ...metadata } } : result
        })
      },
      { warn: this.warnDegraded, mapError: (error) => this.vendorError(error) }
    )
  }

  /** Writes are applied already; refreshing the index makes them searchable. */
  async waitForTask(task: SearchTask, options: { timeout_ms?: number } = {}): Promise<SearchTask> {
    if (task.status !== "enqueued" || !task.index) return task
    await this.call(() => this.client.indices.refresh({ index: this.uid(task.index!) }, options.timeout_ms ? { requestTimeout: options.timeout_ms } : {}))
    return { ...task, status: "succeeded" }
  }

  private async bulk(index: string, actions: BulkAction[]): Promise<SearchTask> {
    if (!actions.length) return { index, status: "succeeded" }
    const failures = await this.call(async () => {
      const failed: ReturnType<typeof bulkFailures> = []
      for (const batch of bulkBatches(actions, this.options.maxBatchBytes)) {
        const { body } = await this.client.bulk({ body: batch.flat() as any, ...(this.options.refresh ? { refresh: "wait_for" as const } : {}) })
        if (body.errors) failed.push(...bulkFailures(body.items as any[]))
      }
      return failed
    })
    return failures.length ? failedBulkTask(index, failures, actions.length) : this.written(index)
  }

  /** `_delete_by_query` sees the last refresh, so refresh first: documents written since are deleted too. */
  private async deleteByQuery(index: string, query: object): Promise<SearchTask> {
    await this.call(async () => {
      await this.client.indices.refresh({ index: this.uid(index) })
      // On a version conflict the document was rewritten after the delete was decided: the newer write wins.
      await this.client.deleteByQuery({ index: this.uid(index), body: { query } as any, conflicts: "proceed", ...(this.options.refresh ? { refresh: true } : {}) })
    })
    return this.written(index)
  }

  private written(index: string): SearchTask {
    return this.options.refresh === "wait_for" ? { index, status: "succeeded" } : { id: `refresh:${index}`, index, status: "enqueued" }
  }

  private async mappedFields(index: string): Promise<Fields> {
    const { body } = await this.call(() => this.client.indices.getMapping({ index: this.uid(index) }))
    return fieldsFromMapping((Object.values(body)[0] as any)?.mappings?.properties)
  }

  private remember(index: string, fields: Fields, primaryKey: string) {
    this.definitions.set(index, { fields, primaryKey })
  }

  private uid(index: string): string {
    return `${this.options.indexPrefix}${index}`
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw this.vendorError(error)
    }
  }

  private vendorError(error: unknown) {
    return openSearchError(error, this.options.node, [this.options.password])
  }
}
