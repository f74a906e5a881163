import type {
  Logger,
  ProviderSearchQuery,
  ResolvedSearchIndexDefinition,
  SearchDeleteDocumentsInput,
  SearchDocument,
  SearchIndexInfo,
  SearchResult,
  SearchTask,
} from "@medusajs/framework/types"
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type { MeiliSearch as MeiliSearchClient } from "meilisearch" with { "resolution-mode": "import" }
import { degradationWarner, searchOrDegrade } from "../../lib/search-degradation"
import { datePaths } from "../../lib/search-fields"
import { defaultTextEmbedder, embedTextValues, queryVectorOrKeywords, semanticMetadata, semanticWarner, TextEmbedder, vectorFields } from "../../search-embeddings/provider-vectors"
import { batchesByBytes, toEngineDocument, withVectors } from "./documents"
import { meilisearchError } from "./errors"
import { compileMeilisearchFilter } from "./filters"
import { planSearch, toSearchResult } from "./query"
import { embedderName, meilisearchSettings } from "./settings"
import { DEFAULT_MEILISEARCH_OPTIONS, MeilisearchProviderOptions } from "./types"

// The client's types describe its ES module build only; its CommonJS build exports the same class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MeiliSearch }: { MeiliSearch: typeof MeiliSearchClient } = require("meilisearch")

type EnqueuedTask = { taskUid: number; indexUid: string | null }

/**
 * Medusa Search Module provider on Meilisearch, with the official client. Writes are asynchronous
 * in Meilisearch: every write returns a task (several uids joined by "," when a write was split into
 * batches) that `waitForTask` follows to the end.
 */
export class MeilisearchSearchService extends AbstractSearchProviderService {
  static identifier = "commerce-bridge-meilisearch"

  private readonly client: MeiliSearchClient
  private readonly options: Required<Omit<MeilisearchProviderOptions, "embedder">>
  /** Date paths of each index seen, so documents and filters convert dates the same way. */
  private readonly dates = new Map<string, string[]>()
  private readonly warnDegraded: (error: unknown) => void
  /** Embeds `search_options.vector.query` (and text written to an `embed` field) through CommerceBridge's cached embeddings. */
  private readonly embedder: () => TextEmbedder
  private readonly warnSemantic: (error: unknown) => void

  static validateOptions(options: Partial<MeilisearchProviderOptions>) {
    if (!options?.host) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Meilisearch search provider: option "host" is required')
    }
    if (!/^https?:\/\//.test(options.host)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'Meilisearch search provider: option "host" must be an http(s) URL')
    }
  }

  constructor(container: { logger?: Logger }, options: MeilisearchProviderOptions) {
    super()
    const embedder = options?.embedder
    this.embedder = embedder ? () => embedder : defaultTextEmbedder
    MeilisearchSearchService.validateOptions(options)
    const { embedder: _embedder, ...connection } = options
    this.options = { ...DEFAULT_MEILISEARCH_OPTIONS, apiKey: "", ...connection }
    this.warnDegraded = degradationWarner(MeilisearchSearchService.identifier, container.logger ?? console)
    this.warnSemantic = semanticWarner(MeilisearchSearchService.identifier, container.logger ?? console)
    this.client = new MeiliSearch({ host: options.host, apiKey: options.apiKey, timeout: this.options.timeoutMs })
  }

  async upsertIndex({ index }: { index: ResolvedSearchIndexDefinition }): Promise<SearchTask> {
    const uid = this.uid(index.physical_name)
    this.dates.set(index.physical_name, datePaths(index.fields))
    return this.call(async () => {
      await this.client.createIndex(uid, { primaryKey: index.primary_key }).waitTask({ timeout: this.options.taskTimeoutMs })
      return this.task(index.physical_name, [await this.client.index(uid).updateSettings(meilisearchSettings(index) as any)])
    })
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTask> {
    return this.call(async () => this.task(index, [await this.client.deleteIndex(this.uid(index))]))
  }

  async listIndexes(): Promise<SearchIndexInfo[]> {
    return this.call(async () => {
      const { results } = await this.client.getIndexes({ limit: 1000 })
      const ours = results.filter((index) => index.uid.startsWith(this.options.indexPrefix))
      return Promise.all(
        ours.map(async (index) => ({
          name: index.uid.slice(this.options.indexPrefix.length),
          provider: MeilisearchSearchService.identifier,
          document_count: (await index.getStats()).numberOfDocuments,
          created_at: index.createdAt,
          updated_at: index.updatedAt,
        }))
      )
    })
  }

  async upsertDocuments({ index, definition, documents }: { index: string; definition: ResolvedSearchIndexDefinition; documents: SearchDocument[] }): Promise<SearchTask> {
    const dates = datePaths(definition.fields)
    this.dates.set(index, dates)
    const vectors = vectorFields(definition).map((field) => ({ path: field.path, embedder: embedderName(field.path) }))
    const embedded = await embedTextValues(documents, definition, this.embedder)
    const converted = embedded.map((document) => withVectors(toEngineDocument(document, dates), vectors))
    return this.call(async () => {
      const target = this.client.index(this.uid(index))
      const tasks: EnqueuedTask[] = []
      for (const batch of batchesByBytes(converted, this.options.maxBatchBytes)) {
        tasks.push(await target.addDocuments(batch, { primaryKey: definition.primary_key }))
      }
      return this.task(index, tasks)
    })
  }

  async deleteDocuments({ index, filters }: SearchDeleteDocumentsInput): Promise<SearchTask> {
    const target = this.client.index(this.uid(index))
    const ids = idsOnly(filters)
    return this.call(async () =>
      this.task(index, [await (ids ? target.deleteDocuments(ids) : target.deleteDocuments({ filter: compileMeilisearchFilter(filters) }))])
    )
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTask> {
    return this.call(async () => this.task(index, [await this.client.index(this.uid(index)).deleteAllDocuments()]))
  }

  async search(input: ProviderSearchQuery): Promise<SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query, with its facet probes, in one multi-search round trip; empty degraded results while Meilisearch is unreachable. */
  async searchMany(inputs: ProviderSearchQuery[]): Promise<SearchResult[]> {
    const semantic = await Promise.all(inputs.map((input) => queryVectorOrKeywords(input, this.embedder, this.warnSemantic)))
    const plans = inputs.map((input, i) => planSearch(input, this.uid(input.index.physical_name), this.datesOf(input.index), semantic[i].vector))
    return searchOrDegrade(
      inputs,
      async () => {
        const { results } = await this.client.multiSearch({ queries: plans.flatMap((plan) => plan.queries) as any[] })
        let offset = 0
        return plans.map((plan, i) => {
          const responses = results.slice(offset, (offset += plan.queries.length))
          const result = toSearchResult(inputs[i], plan, responses as any[], this.datesOf(inputs[i].index))
          const metadata = semanticMetadata(semantic[i])
          return metadata ? { ...result, provider_metadata: { ...result.provider_metadata, ...metadata } } : result
        })
      },
      { warn: this.warnDegraded, mapError: (error) => this.vendorError(error) }
    )
  }

  async waitForTask(task: SearchTask, options: { timeout_ms?: number } = {}): Promise<SearchTask> {
    if (!task.id) return task
    const uids = task.id.split(",").map(Number)
    const done = await this.call(() => this.client.tasks.waitForTasks(uids, { timeout: options.timeout_ms ?? this.options.taskTimeoutMs, interval: this.options.taskPollIntervalMs }))
    const failed = done.find((entry) => entry.status === "failed" || entry.status === "canceled")
    if (failed) {
      return { ...task, status: "failed", error: { message: failed.error?.message ?? `Meilisearch task ${failed.uid} ${failed.status}`, code: failed.error?.code } }
    }
    return { ...task, status: "succeeded" }
  }

  private uid(index: string): string {
    return `${this.options.indexPrefix}${index}`
  }

  private datesOf(index: ResolvedSearchIndexDefinition): string[] {
    const known = this.dates.get(index.physical_name)
    if (known) return known
    const dates = datePaths(index.fields)
    this.dates.set(index.physical_name, dates)
    return dates
  }

  private task(index: string, enqueued: EnqueuedTask[]): SearchTask {
    return { id: enqueued.map((task) => task.taskUid).join(","), index, status: "enqueued" }
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw this.vendorError(error)
    }
  }

  private vendorError(error: unknown) {
    return meilisearchError(error, this.options.host, [this.options.apiKey])
  }
}

/** The ids of a filter that selects documents by id alone (`{ id: [...] }`, `{ id: "x" }`, `{ id: { $in } }`). */
function idsOnly(filters: SearchDeleteDocumentsInput["filters"]): string[] | undefined {
  const keys = Object.keys(filters)
  if (keys.length !== 1 || keys[0] !== "id") return undefined
  const value = filters.id as unknown
  if (typeof value === "string") return [value]
  if (Array.isArray(value)) return value.map(String)
  const $in = (value as { $in?: unknown[] })?.$in
  return Array.isArray($in) && Object.keys(value as object).length === 1 ? $in.map(String) : undefined
}
