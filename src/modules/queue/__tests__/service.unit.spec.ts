import QueueModuleService from "../service"
import { eventually, sleep } from "./contract"

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() } as any

const serviceFor = (worker_mode: "shared" | "worker" | "server") =>
  new QueueModuleService({ logger }, { queue: { provider: "local" } }, { worker_mode })

describe("QueueModuleService", () => {
  it.each(["shared", "worker"] as const)("consumes jobs in %s mode", async (mode) => {
    const service = serviceFor(mode)
    const seen: unknown[] = []
    await service.registerHandler("orders", async (job) => void seen.push(job.data))
    await service.push("orders", "placed", { id: 1 })
    await eventually(() => expect(seen).toEqual([{ id: 1 }]))
    expect((await service.listQueues())[0]).toMatchObject({ name: "orders", consumed: true })
    await service.close()
  })

  it("pushes but does not consume in server mode", async () => {
    const service = serviceFor("server")
    const handler = jest.fn()
    await service.registerHandler("orders", handler)
    await service.push("orders", "placed", { id: 1 })
    await sleep(100)
    expect(handler).not.toHaveBeenCalled()
    expect(await service.counts("orders")).toMatchObject({ waiting: 1 })
    expect((await service.listQueues())[0]).toMatchObject({ consumed: false })
    await service.close()
  })

  it("refuses a second handler for the same queue", async () => {
    const service = serviceFor("shared")
    await service.registerHandler("orders", async () => undefined)
    await expect(service.registerHandler("orders", async () => undefined)).rejects.toThrow("already has a handler")
    await service.close()
  })

  it.each([
    [{ attempts: 0 }, "attempts"],
    [{ delayMs: -1 }, "delayMs"],
    [{ priority: 0 }, "priority"],
    [{ jobId: "" }, "jobId"],
    [{ backoff: { type: "exponential", delayMs: 10, jitter: 2 } }, "backoff.jitter"],
    [{ retries: 3 }, "retries"],
  ])("rejects push options %j naming the field", async (options, field) => {
    const service = serviceFor("shared")
    await expect(service.push("orders", "placed", {}, options as any)).rejects.toThrow(field)
    await service.close()
  })

  it("rejects bad queue names, job names, batch sizes and consume options", async () => {
    const service = serviceFor("shared")
    await expect(service.push("a:b", "x", {})).rejects.toThrow("queue name")
    await expect(service.push("orders", "", {})).rejects.toThrow("job name")
    await expect(service.pushBulk("orders", [{ name: "x", data: 1, options: { attempts: -1 } }])).rejects.toThrow("jobs.0.job options")
    await expect(service.fetchBatch("orders", 0)).rejects.toThrow("batch size")
    await expect(service.registerHandler("orders", async () => undefined, { concurrency: 0 })).rejects.toThrow("concurrency")
    await service.close()
  })

  it("answers NOT_FOUND for unknown queues and dead letters", async () => {
    const service = serviceFor("shared")
    await expect(service.counts("nope")).rejects.toThrow("Queue nope was not found")
    await service.push("orders", "placed", {})
    await expect(service.replay("orders", ["missing"])).rejects.toThrow("No dead-lettered job missing")
    expect(await service.replay("orders")).toBe(0)
    await service.close()
  })

  it("closes when the application shuts down", async () => {
    const service = serviceFor("shared")
    let finished = false
    await service.registerHandler("slow", async () => {
      await sleep(100)
      finished = true
    })
    await service.push("slow", "x", {})
    await sleep(20)
    await service.__hooks.onApplicationShutdown()
    expect(finished).toBe(true)
  })
})
