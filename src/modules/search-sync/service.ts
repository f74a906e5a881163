import { container as applicationContainer } from "@medusajs/framework"
import type { Logger } from "@medusajs/framework/types"
import { REINDEX_PRODUCTS } from "../../search-sync/events"
import { resolveSearchSyncOptions, ResolvedSearchSyncOptions, SEARCH_SYNC_QUEUE, searchSyncRetryOptions } from "../../search-sync/options"
import type { SearchSyncJobData } from "../../search-sync/sync-job"
import { startSearchSyncWorker } from "../../search-sync/worker"
import type { CommerceBridgeOptions } from "../bridge/types"
import { QUEUE_MODULE } from "../queue"
import type QueueModuleService from "../queue/service"

/** Keeps CommerceBridge's search indexes in step with the catalogue through the worker queue. */
export default class SearchSyncModuleService {
  readonly settings: ResolvedSearchSyncOptions
  private readonly logger: Logger

  constructor(container: { logger: Logger }, options: CommerceBridgeOptions = {}) {
    this.logger = container.logger
    this.settings = resolveSearchSyncOptions(options.search)
  }

  __hooks = {
    // Index writes span modules (queue, Search Module, query): registered with the application's container.
    onApplicationStart: async () => {
      try {
        await startSearchSyncWorker(applicationContainer, this.settings)
      } catch (error) {
        this.logger.error(`CommerceBridge search: could not start the search-sync worker: ${(error as Error).message}`)
      }
    },
  }

  /** Queues the rewrite of what a store event changed. */
  async queueEvent(event: string, data: Record<string, unknown>): Promise<string> {
    const job: SearchSyncJobData = { event, data }
    const { id } = await this.queues().push(SEARCH_SYNC_QUEUE, event, job, searchSyncRetryOptions(this.settings))
    return id
  }

  /** Queues the rewrite of these products in every kept index. */
  queueProducts(ids: string[]): Promise<string> {
    return this.queueEvent(REINDEX_PRODUCTS, { ids })
  }

  private queues(): QueueModuleService {
    return applicationContainer.resolve<QueueModuleService>(QUEUE_MODULE)
  }
}
