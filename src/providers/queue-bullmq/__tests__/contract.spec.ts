import { describeQueueContract } from "../../../modules/queue/__tests__/contract"
import { adminConnection, deletePrefix, REDIS_URL, testLogger, uniquePrefix } from "./helpers"
import { BullMQQueueProvider } from "../service"

jest.setTimeout(30_000)

const admin = adminConnection()
const prefixes: string[] = []
const loggers: ReturnType<typeof testLogger>[] = []

afterEach(async () => {
  // The suite closed the provider already (inner afterEach hooks run first).
  for (const prefix of prefixes.splice(0)) await deletePrefix(admin, prefix)
  // With a healthy Redis nothing goes wrong in the background.
  expect(loggers.splice(0).flatMap((logger) => logger.messages.filter((m) => m.startsWith("error")))).toEqual([])
})
afterAll(() => admin.quit())

describeQueueContract("bullmq", async () => {
  const prefix = uniquePrefix()
  prefixes.push(prefix)
  const logger = testLogger()
  loggers.push(logger)
  return new BullMQQueueProvider({ redisUrl: REDIS_URL, prefix }, logger)
})
