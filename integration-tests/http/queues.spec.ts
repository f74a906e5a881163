import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { randomUUID } from "crypto"
import { QUEUE_MODULE } from "../../src/modules/queue"
import type QueueModuleService from "../../src/modules/queue/service"
import { PermanentJobError } from "../../src/modules/queue/types"
import { adminConnection, deletePrefix } from "../../src/providers/queue-bullmq/__tests__/helpers"
import { createAdminHeaders, responseOf } from "../helpers/admin"
import { eventually } from "../helpers/eventually"

jest.setTimeout(120 * 1000)

// Read by medusa-config.ts, which the runner loads before it applies its `env` option.
process.env.COMMERCE_BRIDGE_QUEUE_REDIS_URL = process.env.REDIS_TEST_URL
process.env.COMMERCE_BRIDGE_QUEUE_PREFIX = `{cbtest-${randomUUID().slice(0, 8)}}`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let queue: string
    const queues = () => getContainer().resolve<QueueModuleService>(QUEUE_MODULE)
    const base = () => `/admin/commerce-bridge/queues/${queue}`

    /** A queue whose jobs fail permanently while `broken` says so, with `count` jobs dead-lettered. */
    async function deadLetteredQueue(count: number, state = { broken: true }) {
      await queues().registerHandler(queue, async (job) => {
        if (state.broken) throw new PermanentJobError(`mailbox full for ${(job.data as any).email}`)
      })
      for (let i = 0; i < count; i++) {
        await queues().push(queue, "send-email", { email: `jane${i}@example.com`, apiKey: "sk-live-123", order: i })
      }
      await eventually(async () => expect((await queues().counts(queue)).dead).toBe(count))
      return state
    }

    beforeEach(async () => {
      admin = await createAdminHeaders(getContainer(), api)
      queue = `http-${randomUUID().slice(0, 8)}`
    })

    // Runs after the runner has shut the app down, which closes the queue's connections.
    afterAll(async () => {
      const redis = adminConnection()
      await deletePrefix(redis, process.env.COMMERCE_BRIDGE_QUEUE_PREFIX!)
      redis.disconnect()
    })

    it("runs on BullMQ with Redis when a Redis URL is configured", async () => {
      const { data } = await api.get("/admin/commerce-bridge/queues", admin)
      expect(data).toMatchObject({ provider: "bullmq", consumes_jobs: true })
    })

    it("lists queues with counts and throughput", async () => {
      await queues().registerHandler(queue, async () => undefined)
      await queues().pushBulk(queue, [1, 2, 3].map((n) => ({ name: "noop", data: { n } })))
      await eventually(async () => expect((await queues().counts(queue)).completed).toBe(3))
      const { data } = await api.get("/admin/commerce-bridge/queues", admin)
      const summary = data.queues.find((q: any) => q.name === queue)
      expect(summary).toMatchObject({ consumed: true, counts: { completed: 3, waiting: 0, dead: 0, paused: false } })
      expect(summary.throughput_per_minute).toBeGreaterThan(0)
    })

    it("shows dead letters with every attempt's error and a masked payload preview", async () => {
      await deadLetteredQueue(1)
      const { data } = await api.get(base(), admin)
      expect(data.queue.counts.dead).toBe(1)
      expect(data.count).toBe(1)
      const [letter] = data.dead_letters
      expect(letter).toMatchObject({ name: "send-email", attempts: [expect.objectContaining({ attempt: 1 })] })
      expect(letter.payload_preview).toContain('"order":0')
      const body = JSON.stringify(data)
      expect(body).not.toContain("jane0@example.com")
      expect(body).not.toContain("sk-live-123")
    })

    it("replays a selection and then all dead letters", async () => {
      const state = await deadLetteredQueue(3)
      const { data: page } = await api.get(`${base()}?limit=2`, admin)
      expect(page.dead_letters).toHaveLength(2)
      state.broken = false

      const { data: one } = await api.post(`${base()}/dead-letters/replay`, { ids: [page.dead_letters[0].id] }, admin)
      expect(one.replayed).toBe(1)
      await eventually(async () => expect(await queues().counts(queue)).toMatchObject({ dead: 2, completed: 1 }))

      const { data: all } = await api.post(`${base()}/dead-letters/replay`, { all: true }, admin)
      expect(all.replayed).toBe(2)
      await eventually(async () => expect(await queues().counts(queue)).toMatchObject({ dead: 0, completed: 3 }))
    })

    it("discards dead letters", async () => {
      await deadLetteredQueue(2)
      const { data } = await api.post(`${base()}/dead-letters/discard`, { all: true }, admin)
      expect(data).toMatchObject({ discarded: 2, queue: { counts: { dead: 0 } } })
    })

    it("pauses and resumes a queue", async () => {
      const seen: unknown[] = []
      await queues().registerHandler(queue, async (job) => void seen.push(job.data))
      const { data: paused } = await api.post(`${base()}/pause`, {}, admin)
      expect(paused.queue.counts.paused).toBe(true)
      await queues().push(queue, "later", { n: 1 })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(seen).toEqual([])
      const { data: resumed } = await api.post(`${base()}/resume`, {}, admin)
      expect(resumed.queue.counts.paused).toBe(false)
      await eventually(() => expect(seen).toEqual([{ n: 1 }]))
    })

    it("answers 404 for an unknown queue, job or action", async () => {
      await deadLetteredQueue(1)
      expect((await responseOf(api.get("/admin/commerce-bridge/queues/no-such-queue", admin))).status).toBe(404)
      expect((await responseOf(api.post("/admin/commerce-bridge/queues/no-such-queue/pause", {}, admin))).status).toBe(404)
      const unknownJob = await responseOf(api.post(`${base()}/dead-letters/replay`, { ids: ["no-such-job"] }, admin))
      expect(unknownJob.status).toBe(404)
      expect(unknownJob.data.message).toContain("no-such-job")
      expect((await responseOf(api.post(`${base()}/explode`, {}, admin))).status).toBe(404)
    })

    it.each([
      [{}, "ids"],
      [{ ids: [] }, "ids"],
      [{ ids: ["a"], all: true }, "ids"],
      [{ all: false }, "all"],
      [{ everything: true }, "everything"],
    ])("answers 400 naming the field for dead-letter body %j", async (body, field) => {
      await deadLetteredQueue(1)
      const response = await responseOf(api.post(`${base()}/dead-letters/replay`, body, admin))
      expect(response.status).toBe(400)
      expect(response.data.message).toContain(field)
    })

    it("answers 400 for bad paging and 401 without a session", async () => {
      await deadLetteredQueue(1)
      const bad = await responseOf(api.get(`${base()}?limit=1000`, admin))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("limit")
      expect((await responseOf(api.get("/admin/commerce-bridge/queues"))).status).toBe(401)
    })

    it("refuses bad push options, naming the field", async () => {
      await expect(queues().push(queue, "x", {}, { attempts: 0 })).rejects.toThrow("attempts")
      await expect(queues().push(queue, "x", {}, { backoff: { type: "linear" as any, delayMs: 1 } })).rejects.toThrow("backoff.type")
      await expect(queues().push("bad:name", "x", {})).rejects.toThrow("queue name")
    })

    it("reports the queue in the integration registry's health", async () => {
      await deadLetteredQueue(1)
      const { data } = await api.post("/admin/commerce-bridge/integrations/queue/check", {}, admin)
      expect(data.integration).toMatchObject({ enabled: true, health: { status: "up", details: { provider: "bullmq" } } })
      expect(data.integration.health.details.dead).toBeGreaterThanOrEqual(1)
      expect(data.integration.health.details.ping_ms).toEqual(expect.any(Number))
    })
  },
})
