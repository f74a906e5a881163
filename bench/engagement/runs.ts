/**
 * One bulk `product_description` run, two ways:
 * - `queueRun`: exactly what `POST /admin/commerce-bridge/engagements/bulk` does (the start workflow:
 *   estimate, run record, one job per product on the `engagement` queue), drafted by the store's own
 *   BullMQ worker (`engagement.concurrency`), with the store's own OpenAI provider or one built with
 *   the limits under test in its place;
 * - `directRun`: the run recorded the same way (the real estimate, then the record the workflow's step
 *   writes), its products drafted by the bench calling the store's bulk job handler `concurrency` at a
 *   time, with an OpenAI provider built with the limits under test in place of the store's.
 * Both time to the last product and read what the fixture received.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Client } from "pg"
import type { OpenAIFixture } from "../../integration-tests/__fixtures__/openai"
import { runBulkEngagementJob } from "../../src/engagement/bulk-job"
import { estimateEngagementBulkRun } from "../../src/engagement/estimate"
import { ENGAGEMENT_QUEUE } from "../../src/engagement/options"
import { ENGAGEMENT_MODULE } from "../../src/modules/engagement"
import type EngagementModuleService from "../../src/modules/engagement/service"
import type { BulkRunRecord } from "../../src/modules/engagement/types"
import { OpenAIEngagementProvider } from "../../src/providers/engagement-openai"
import type { OpenAIEngagementOptions } from "../../src/providers/engagement-openai/types"
import { startEngagementBulkRunWorkflow } from "../../src/workflows/start-engagement-bulk-run"

const KIND = "product_description" as const
const ATTEMPTS = 3
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface Outcome {
  wallMs: number
  /** The start workflow's own time (queue path), inside wallMs. */
  startMs?: number
  run: BulkRunRecord
  retries: number
}

const engagementsOf = (container: MedusaContainer) => container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)

/**
 * The admin route's path: the start workflow, then the store's queue worker until the run completes; with
 * the store's own provider, or one built with `providerOptions` in its place.
 */
export async function queueRun(
  container: MedusaContainer,
  productIds: string[],
  instructions: string,
  timeoutMs: number,
  providerOptions?: OpenAIEngagementOptions
): Promise<Outcome> {
  return withProvider(container, providerOptions, async () => {
    const started = Date.now()
    const { result } = await startEngagementBulkRunWorkflow(container).run({ input: { kind: KIND, product_ids: productIds, instructions } })
    const startMs = Date.now() - started
    const engagements = engagementsOf(container)
    for (;;) {
      const run = await engagements.retrieveBulkRunRecord(result.run.id)
      if (run.status === "completed") return { wallMs: new Date(run.completed_at!).getTime() - started, startMs, run, retries: 0 }
      if (Date.now() - started > timeoutMs) throw new Error(`bulk run ${run.id} not done after ${timeoutMs} ms: ${run.done} done, ${run.failed} failed`)
      await sleep(100)
    }
  })
}

/** Runs `work` with a new provider (its rate limiter empty) standing in for the store's; none: the store's own. */
async function withProvider<T>(container: MedusaContainer, options: OpenAIEngagementOptions | undefined, work: () => Promise<T>): Promise<T> {
  if (!options) return work()
  const provider = new OpenAIEngagementProvider(options, container.resolve(ContainerRegistrationKeys.LOGGER))
  const providers = engagementsOf(container).providers
  const storeProvider = providers.forSettings
  providers.forSettings = () => provider
  try {
    return await work()
  } finally {
    providers.forSettings = storeProvider
    provider.close()
  }
}

/**
 * The bulk job handler driven `concurrency` at a time, with a provider built with `providerOptions`
 * (its rate limiter empty). A job that throws is tried again, as the queue would.
 */
export async function directRun(
  container: MedusaContainer,
  productIds: string[],
  instructions: string,
  concurrency: number,
  providerOptions: OpenAIEngagementOptions
): Promise<Outcome> {
  const engagements = engagementsOf(container)
  return withProvider(container, providerOptions, async () => {
    const estimate = await estimateEngagementBulkRun(container, { kind: KIND, product_ids: productIds, instructions })
    const created = (await engagements.createEngagementBulkRuns({
      kind: KIND,
      locale: estimate.locale,
      tone: estimate.tone,
      instructions,
      model: estimate.model,
      product_count: estimate.products,
      estimated_cost_usd: estimate.estimated_cost_usd,
      requested_by: null,
    } as any)) as unknown as BulkRunRecord
    const pending = [...productIds]
    const retries = { count: 0 }
    const started = Date.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let productId = pending.shift(); productId; productId = pending.shift()) await draft(container, created.id, productId, retries)
      })
    )
    const wallMs = Date.now() - started
    return { wallMs, run: await engagements.retrieveBulkRunRecord(created.id), retries: retries.count }
  })
}

/** One product through the bulk job handler, with the queue's attempts. */
async function draft(container: MedusaContainer, runId: string, productId: string, retries: { count: number }) {
  for (let attempt = 1; ; attempt++) {
    const job = {
      id: `${runId}:${productId}`,
      queue: ENGAGEMENT_QUEUE,
      name: "draft-product",
      data: { run_id: runId, product_id: productId },
      attempt,
      max_attempts: ATTEMPTS,
      created_at: new Date(),
    }
    try {
      return await runBulkEngagementJob(container, job)
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error
      retries.count++
      await sleep(Number((error as { retryAfterMs?: number }).retryAfterMs) || 1000)
    }
  }
}

/** What the fixture saw: receive times, peak in flight, the limiter's token reservation per request. */
export function fixtureView(fixture: OpenAIFixture) {
  const chats = fixture.requests.filter((request) => request.status === 200)
  const reserved = chats.map(({ body }) => {
    const text = body.messages.map((message: { content?: unknown }) => String(message.content ?? "")).join("")
    return Math.ceil((text + JSON.stringify(body.response_format)).length / 4) + Number(body.max_completion_tokens)
  })
  return {
    requestTimes: chats.map((request) => request.receivedAt.getTime()),
    rejected: fixture.requests.length - chats.length,
    maxInFlight: fixture.maxInFlight,
    reservedTokensPerRequest: reserved.length ? Math.round(reserved.reduce((a, b) => a + b, 0) / reserved.length) : 0,
  }
}

/** The bench database, straight: tokens a run used, and clearing drafts so every run starts from the same table sizes. */
export class BenchDatabase {
  private constructor(private readonly client: Client) {}

  static async open(url: string) {
    const client = new Client({ connectionString: url })
    await client.connect()
    return new BenchDatabase(client)
  }

  async usedTokens(runId: string): Promise<number> {
    const { rows } = await this.client.query(
      "select coalesce(sum(tokens_in + tokens_out), 0)::int as tokens from commerce_bridge_engagement where bulk_run_id = $1",
      [runId]
    )
    return rows[0].tokens
  }

  async clearDrafts() {
    await this.client.query("delete from commerce_bridge_engagement")
  }

  close() {
    return this.client.end()
  }
}
