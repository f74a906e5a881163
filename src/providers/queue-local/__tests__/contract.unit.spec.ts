import { describeQueueContract } from "../../../modules/queue/__tests__/contract"
import { LocalQueueProvider } from "../service"

const quiet = { info: () => undefined, warn: () => undefined, error: console.error }

describeQueueContract("local", async () => new LocalQueueProvider({}, quiet))

describe("LocalQueueProvider", () => {
  it("warns at startup that jobs do not survive a restart", () => {
    const warn = jest.fn()
    new LocalQueueProvider({}, { ...quiet, warn })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("do not survive a restart"))
  })

  it("rejects bad options, naming them", () => {
    expect(() => new LocalQueueProvider({ completedRetentionCount: -1 }, quiet)).toThrow("completedRetentionCount")
  })

  it("forgets completed jobs beyond the retention count", async () => {
    const provider = new LocalQueueProvider({ completedRetentionCount: 2 }, quiet)
    await provider.consume("q", async () => undefined)
    for (const id of ["a", "b", "c"]) await provider.push("q", "j", {}, { jobId: id })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await provider.counts("q")).completed).toBe(2)
    expect(await provider.push("q", "j", {}, { jobId: "a" })).toEqual({ id: "a", duplicate: false })
    expect(await provider.push("q", "j", {}, { jobId: "c" })).toEqual({ id: "c", duplicate: true })
    await provider.close()
  })
})
