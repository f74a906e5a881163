import { randomUUID } from "crypto"
import { MinHeap } from "./heap"
import {
  AttemptRecord,
  backoffDelay,
  ConsumeOptions,
  DEFAULT_PUSH_OPTIONS,
  DeadLetter,
  isPermanent,
  JobHandler,
  PushOptions,
  QueueCounts,
  QueueJob,
} from "../../modules/queue/types"

type State = "waiting" | "delayed" | "active" | "completed" | "dead"

interface LocalJob {
  id: string
  name: string
  data: unknown
  options: PushOptions & typeof DEFAULT_PUSH_OPTIONS
  state: State
  attemptsMade: number
  attempts: AttemptRecord[]
  createdAt: Date
  finishedAt?: Date
  order: number
  timer?: NodeJS.Timeout
}

export interface LocalQueueLimits {
  completedRetentionMs: number
  completedRetentionCount: number
}

let sequence = 0
const THROUGHPUT_WINDOW_MS = 24 * 60 * 60 * 1000

/** One in-process queue: the same state machine as the BullMQ provider, held in memory. */
export class LocalQueue {
  private readonly jobs = new Map<string, LocalJob>()
  /** Exactly the waiting jobs: no priority first, then priority 1, 2, …, each in push order. */
  private readonly waiting = new MinHeap<LocalJob>((a, b) => rank(a) < rank(b) || (rank(a) === rank(b) && a.order < b.order))
  private readonly completedOrder: LocalJob[] = []
  private readonly completions: number[] = []
  private readonly rateWindow: number[] = []
  private handler?: JobHandler<any>
  private consumeOptions: ConsumeOptions = {}
  private running = 0
  private paused = false
  private closed = false
  private rateTimer?: NodeJS.Timeout
  private readonly idle = new Set<() => void>()

  constructor(
    readonly name: string,
    private readonly limits: LocalQueueLimits,
    private readonly onBackgroundError: (error: unknown) => void
  ) {}

  push(name: string, data: unknown, options: PushOptions = {}): { id: string; duplicate: boolean } {
    const id = options.jobId ?? randomUUID()
    if (this.jobs.has(id)) {
      return { id, duplicate: true }
    }
    const job: LocalJob = {
      id,
      name,
      data: structuredClone(data),
      options: { ...DEFAULT_PUSH_OPTIONS, ...options },
      state: "waiting",
      attemptsMade: 0,
      attempts: [],
      createdAt: new Date(),
      order: sequence++,
    }
    this.jobs.set(id, job)
    this.schedule(job, options.delayMs ?? 0)
    return { id, duplicate: false }
  }

  consume(handler: JobHandler<any>, options: ConsumeOptions) {
    this.handler = handler
    this.consumeOptions = options
    this.pump()
  }

  fetch(size: number): QueueJob[] {
    const batch: QueueJob[] = []
    while (!this.paused && batch.length < size) {
      const job = this.next()
      if (!job) break
      batch.push(this.start(job))
    }
    return batch
  }

  commit(id: string) {
    const job = this.activeJob(id)
    this.complete(job)
  }

  fail(id: string, error: Error): "retrying" | "dead" {
    return this.failAttempt(this.activeJob(id), error)
  }

  pause() {
    this.paused = true
  }

  resume() {
    this.paused = false
    this.pump()
  }

  counts(): QueueCounts {
    const counts: QueueCounts = { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0, dead: 0, paused: this.paused }
    for (const job of this.jobs.values()) {
      counts[job.state]++
      if (job.state === "delayed" && job.attemptsMade > 0) counts.failed++
    }
    return counts
  }

  throughput(minutes: number): number {
    const since = Date.now() - minutes * 60_000
    return this.completions.filter((at) => at >= since).length / minutes
  }

  deadLetters(): DeadLetter[] {
    return [...this.jobs.values()]
      .filter((job) => job.state === "dead")
      .sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime() || b.order - a.order)
      .map((job) => ({
        id: job.id,
        queue: this.name,
        name: job.name,
        data: structuredClone(job.data),
        attempts: job.attempts.map((attempt) => ({ ...attempt })),
        created_at: job.createdAt,
        dead_at: job.finishedAt!,
      }))
  }

  replay(ids?: string[]): number {
    return this.deadJobs(ids).map((job) => {
      job.attemptsMade = 0
      job.attempts = []
      job.finishedAt = undefined
      this.schedule(job, 0)
    }).length
  }

  discard(ids?: string[]): number {
    return this.deadJobs(ids).map((job) => this.jobs.delete(job.id)).length
  }

  /** Stops starting jobs and resolves once no job is active or `timeoutMs` passed. */
  async close(timeoutMs: number) {
    this.closed = true
    clearTimeout(this.rateTimer)
    this.jobs.forEach((job) => clearTimeout(job.timer))
    if (this.running > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs)
        this.idle.add(() => (clearTimeout(timer), resolve()))
      })
    }
  }

  private deadJobs(ids?: string[]): LocalJob[] {
    const selected = ids ? ids.map((id) => this.jobs.get(id)) : [...this.jobs.values()]
    return selected.filter((job): job is LocalJob => job?.state === "dead")
  }

  private schedule(job: LocalJob, delayMs: number) {
    clearTimeout(job.timer)
    if (delayMs > 0) {
      job.state = "delayed"
      job.timer = setTimeout(() => this.makeWaiting(job), delayMs)
    } else {
      this.makeWaiting(job)
    }
  }

  private makeWaiting(job: LocalJob) {
    job.state = "waiting"
    this.waiting.push(job)
    this.pump()
  }

  private next(): LocalJob | undefined {
    return this.waiting.pop()
  }

  private pump() {
    const handler = this.handler
    if (!handler) return
    const concurrency = this.consumeOptions.concurrency ?? 1
    while (!this.paused && !this.closed && this.running < concurrency && this.rateAllows()) {
      const job = this.next()
      if (!job) return
      this.run(handler, job)
    }
  }

  private rateAllows(): boolean {
    const limit = this.consumeOptions.rateLimit
    if (!limit) return true
    const now = Date.now()
    while (this.rateWindow.length && this.rateWindow[0] <= now - limit.durationMs) this.rateWindow.shift()
    if (this.rateWindow.length < limit.max) return true
    clearTimeout(this.rateTimer)
    this.rateTimer = setTimeout(() => this.pump(), this.rateWindow[0] + limit.durationMs - now)
    return false
  }

  private run(handler: JobHandler<any>, job: LocalJob) {
    this.running++
    this.rateWindow.push(Date.now())
    const queueJob = this.start(job)
    Promise.resolve()
      .then(() => handler(queueJob))
      .then(
        () => this.complete(job),
        (error: Error) => this.failAttempt(job, error)
      )
      .catch(this.onBackgroundError)
      .finally(() => {
        this.running--
        if (this.running === 0) this.idle.forEach((notify) => notify())
        this.pump()
      })
  }

  private start(job: LocalJob): QueueJob {
    job.state = "active"
    job.attemptsMade++
    return {
      id: job.id,
      queue: this.name,
      name: job.name,
      data: structuredClone(job.data),
      attempt: job.attemptsMade,
      max_attempts: job.options.attempts,
      created_at: job.createdAt,
    }
  }

  private complete(job: LocalJob) {
    job.state = "completed"
    job.finishedAt = new Date()
    this.completions.push(job.finishedAt.getTime())
    this.completedOrder.push(job)
    this.prune(job.finishedAt.getTime())
  }

  private failAttempt(job: LocalJob, error: Error): "retrying" | "dead" {
    job.attempts.push({ attempt: job.attemptsMade, error: error?.message ?? String(error), failed_at: new Date() })
    if (isPermanent(error) || job.attemptsMade >= job.options.attempts) {
      job.state = "dead"
      job.finishedAt = new Date()
      return "dead"
    }
    this.schedule(job, backoffDelay(job.options.backoff, job.attemptsMade, error))
    return "retrying"
  }

  private activeJob(id: string): LocalJob {
    const job = this.jobs.get(id)
    if (job?.state !== "active") {
      throw new Error(`Job ${id} of queue ${this.name} is not active`)
    }
    return job
  }

  /** Completed jobs stay for a while so their idempotency keys keep working. */
  private prune(now: number) {
    const { completedRetentionCount, completedRetentionMs } = this.limits
    const order = this.completedOrder
    while (order.length && (order.length > completedRetentionCount || order[0].finishedAt!.getTime() < now - completedRetentionMs)) {
      this.jobs.delete(order.shift()!.id)
    }
    while (this.completions.length && this.completions[0] < now - THROUGHPUT_WINDOW_MS) this.completions.shift()
  }
}

const rank = (job: LocalJob) => job.options.priority ?? 0
