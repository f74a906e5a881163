import { container as applicationContainer } from "@medusajs/framework"
import type { Context, Logger } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { BudgetStatus, budgetStatus, monthStart, roundUsd } from "../../engagement/budget"
import { resolveEngagementOptions, ResolvedEngagementOptions } from "../../engagement/options"
import { EngagementProviders } from "../../engagement/provider"
import { OpenAIEngagementProvider } from "../../providers/engagement-openai"
import { startEngagementWorker } from "../../engagement/worker"
import type { CommerceBridgeOptions } from "../bridge/types"
import { Engagement } from "./models/engagement"
import { EngagementBulkRun } from "./models/engagement-bulk-run"
import { BulkRunRecord, EngagementRecord, REUSABLE_STATUSES, Usage } from "./types"

type SqlManager = { execute(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> }

/**
 * Every engagement (generated text under review) and every bulk run, with what they cost.
 * Its worker drafts the products of bulk runs, one queued job per product.
 */
export default class EngagementModuleService extends MedusaService({ Engagement, EngagementBulkRun }) {
  readonly settings: ResolvedEngagementOptions
  /** The OpenAI provider for the integration's current settings. */
  readonly providers: EngagementProviders
  private readonly logger: Logger

  constructor(container: { logger: Logger } & Record<string, unknown>, options: CommerceBridgeOptions = {}) {
    super(...arguments)
    this.logger = container.logger
    this.settings = resolveEngagementOptions(options.engagement)
    // The key comes from the integration at use; the client's limits are checked at startup.
    OpenAIEngagementProvider.validateOptions({ ...this.settings.client, apiKey: "checked-at-use" })
    this.providers = new EngagementProviders(this.settings.client, this.logger)
  }

  __hooks = {
    // A bulk job spans modules (queue, bridge, product, this one): registered with the application's container.
    onApplicationStart: async () => {
      try {
        await startEngagementWorker(applicationContainer, this.settings)
      } catch (error) {
        this.logger.error(`CommerceBridge engagement: could not start the bulk worker: ${(error as Error).message}`)
      }
    },
    onApplicationShutdown: async () => {
      this.providers.close()
    },
  }

  async retrieveEngagementRecord(id: string): Promise<EngagementRecord> {
    return (await this.retrieveEngagement(id)) as unknown as EngagementRecord
  }

  async retrieveBulkRunRecord(id: string): Promise<BulkRunRecord> {
    return (await this.retrieveEngagementBulkRun(id)) as unknown as BulkRunRecord
  }

  /** The newest engagement with this input whose text is still good to hand out (not rejected, not failed). */
  async findReusable(inputHash: string): Promise<EngagementRecord | undefined> {
    const [row] = await this.listEngagements(
      { input_hash: inputHash, status: REUSABLE_STATUSES },
      { take: 1, order: { created_at: "DESC" } }
    )
    return row as unknown as EngagementRecord | undefined
  }

  /** Tokens and dollars spent since `since` (every generation counts, failed ones included). */
  @InjectManager()
  async usageSince(since: Date, @MedusaContext() context: Context = {}): Promise<Usage> {
    const manager = context.manager as unknown as SqlManager
    const [row] = await manager.execute(
      `select count(*) as engagements, coalesce(sum(tokens_in), 0) as tokens_in, coalesce(sum(tokens_out), 0) as tokens_out,
              coalesce(sum(cost_usd::numeric), 0) as cost_usd
         from commerce_bridge_engagement where created_at >= ? and deleted_at is null`,
      [since]
    )
    return {
      engagements: Number(row.engagements),
      tokens_in: Number(row.tokens_in),
      tokens_out: Number(row.tokens_out),
      cost_usd: roundUsd(Number(row.cost_usd)),
    }
  }

  async monthToDateUsage(now: Date = new Date()): Promise<Usage> {
    return this.usageSince(monthStart(now))
  }

  /** This month's spend against `budgetUsd` (null or undefined: no limit). */
  async budget(budgetUsd: number | null | undefined, now: Date = new Date()): Promise<BudgetStatus> {
    return budgetStatus(budgetUsd, (await this.monthToDateUsage(now)).cost_usd)
  }

  /** Puts new content into a draft; anything past review keeps what was approved. */
  async updateDraftContent(id: string, content: Record<string, unknown>): Promise<EngagementRecord> {
    const engagement = await this.retrieveEngagementRecord(id)
    if (engagement.status !== "draft") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Engagement ${id} is ${engagement.status}: only a draft can be edited`)
    }
    await this.updateEngagements({ id, content } as any)
    return this.retrieveEngagementRecord(id)
  }

  /**
   * Counts a bulk run's products from their engagements (so concurrent jobs never lose an update)
   * and completes the run once every product has a draft or a failure.
   */
  @InjectManager()
  async refreshBulkRun(id: string, @MedusaContext() context: Context = {}): Promise<BulkRunRecord> {
    const manager = context.manager as unknown as SqlManager
    const [row] = await manager.execute(
      `select count(*) filter (where status <> 'failed') as done, count(*) filter (where status = 'failed') as failed,
              coalesce(sum(cost_usd::numeric), 0) as cost_usd
         from commerce_bridge_engagement where bulk_run_id = ? and deleted_at is null`,
      [id]
    )
    const run = await this.retrieveBulkRunRecord(id)
    const done = Number(row.done)
    const failed = Number(row.failed)
    const finished = done + failed >= run.product_count && run.status !== "cancelled"
    await this.updateEngagementBulkRuns({
      id,
      done,
      failed,
      actual_cost_usd: roundUsd(Number(row.cost_usd)),
      ...(finished && run.status !== "completed" ? { status: "completed", completed_at: new Date() } : {}),
    } as any)
    return this.retrieveBulkRunRecord(id)
  }
}
