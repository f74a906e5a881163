import { describeQueueContract } from "../../../modules/queue/__tests__/contract"
import { adminConnection, deletePrefix, REDIS_URL, testLogger, uniquePrefix } from "./helpers"
import { BullMQQueueProvider } from "../service"

jest.setTimeout(30_000)

const admin = adminConnection()
const prefixes: string[] = []

afterEach(async () => {
  // The suite closed the provider already (inner afterEach hooks run first).
  for (const prefix of prefixes.splice(0)) await deletePrefix(admin, prefix)
})
afterAll(() => admin.quit())

describeQueueContract("bullmq", async () => {
  const prefix = uniquePrefix()
  prefixes.push(prefix)
  return new BullMQQueueProvider({ redisUrl: REDIS_URL, prefix }, testLogger())
})
