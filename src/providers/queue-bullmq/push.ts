import type { Job, Queue } from "bullmq"
import type IORedis from "ioredis"
import type { ChainableCommander } from "ioredis"
import type { PushResult } from "../../modules/queue/types"
import { decodeId } from "./mapping"

const isNoScript = (result: unknown): result is Error => result instanceof Error && result.message.startsWith("NOSCRIPT")

/** A job to add; `keyed` when its id is the caller's idempotency key (a generated id is never a duplicate). */
export interface NewJob {
  job: Job
  keyed: boolean
}

/**
 * Adds the jobs in one MULTI/EXEC: an EXISTS before each keyed add tells a duplicate idempotency key
 * apart atomically (BullMQ's add returns the existing job's id without saying it was one).
 */
export async function addJobs(connection: IORedis, queue: Queue, jobs: NewJob[]): Promise<PushResult[]> {
  let results = await addInTransaction(queue, jobs)
  if (results.some(isNoScript)) {
    // Redis lost its script cache (SCRIPT FLUSH, a failover behind a proxy) while our connection
    // lived, and ioredis re-sends a script's source only outside MULTI. Load the scripts, then add
    // the jobs that failed again (the others were added: a transaction does not roll back).
    const scripts = Object.values(connection.scriptsSet as Record<string, { lua: string }>)
    await Promise.all(scripts.map((script) => connection.script("LOAD", script.lua)))
    const retried = await addInTransaction(queue, jobs.filter((_, index) => isNoScript(results[index])))
    results = results.map((result) => (isNoScript(result) ? retried.shift()! : result))
  }
  return results.map((result) => {
    if (result instanceof Error) throw result
    return result
  })
}

async function addInTransaction(queue: Queue, jobs: NewJob[]): Promise<(PushResult | Error)[]> {
  const client = await queue.client
  const transaction = client.multi()
  // BullMQ's transaction type omits EXISTS; underneath it is the ioredis MULTI of our connection.
  const commander = transaction as unknown as ChainableCommander
  for (const { job, keyed } of jobs) {
    if (keyed) commander.exists(queue.toKey(job.id!))
    // Queues the add on the transaction; the returned promise settles with nothing to report.
    job.addJob(transaction).catch(() => undefined)
  }
  const replies = (await transaction.exec()) ?? []
  const expected = jobs.reduce((count, { keyed }) => count + (keyed ? 2 : 1), 0)
  if (replies.length !== expected) throw new Error(`Queue ${queue.name}: the push transaction was aborted`)
  let reply = 0
  return jobs.map(({ job, keyed }) => {
    const [existsError, exists] = keyed ? replies[reply++] : [null, 0]
    const [addError, added] = replies[reply++]
    const refused = typeof added === "number" && added < 0 ? new Error(`Queue ${queue.name}: BullMQ refused job ${job.name} (code ${added})`) : null
    return existsError ?? addError ?? refused ?? { id: decodeId(job.id!), duplicate: exists === 1 }
  })
}
