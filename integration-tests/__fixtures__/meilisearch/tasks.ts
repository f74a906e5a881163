import { badRequest, MeiliError, MeiliErrorBody } from "./errors"

/** Meilisearch's asynchronous task queue: enqueued → processing → succeeded | failed | canceled, one task at a time. */

export type TaskStatus = "enqueued" | "processing" | "succeeded" | "failed" | "canceled"

export interface FixtureTask {
  uid: number
  batchUid: number | null
  indexUid: string | null
  status: TaskStatus
  type: string
  canceledBy: number | null
  details: Record<string, unknown>
  error: MeiliErrorBody | null
  duration: string | null
  enqueuedAt: string
  startedAt: string | null
  finishedAt: string | null
  customMetadata?: string
}

export interface SummarizedTask {
  taskUid: number
  indexUid: string | null
  status: "enqueued"
  type: string
  enqueuedAt: string
}

/** Runs the task's effect; returns details to merge into the task, or throws a MeiliError to fail it. */
export type TaskJob = (task: FixtureTask) => Record<string, unknown> | void

/** Cancelation and deletion tasks jump the queue, as in Meilisearch. */
const PRIORITY_TYPES = new Set(["taskCancelation", "taskDeletion"])

export class TaskQueue {
  readonly tasks: FixtureTask[] = []
  private readonly jobs = new Map<number, TaskJob>()
  private nextUid = 0
  private running = false
  private generation = 0
  private timer: NodeJS.Timeout | undefined
  private idleWaiters: (() => void)[] = []

  constructor(private readonly stepMs: number) {}

  enqueue(type: string, indexUid: string | null, details: Record<string, unknown>, job: TaskJob, customMetadata?: string): SummarizedTask {
    const task: FixtureTask = {
      uid: this.nextUid++,
      batchUid: null,
      indexUid,
      status: "enqueued",
      type,
      canceledBy: null,
      details,
      error: null,
      duration: null,
      enqueuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      ...(customMetadata === undefined ? {} : { customMetadata }),
    }
    this.tasks.push(task)
    this.jobs.set(task.uid, job)
    this.pump()
    return { taskUid: task.uid, indexUid, status: "enqueued", type, enqueuedAt: task.enqueuedAt }
  }

  get(uid: number): FixtureTask | undefined {
    return this.tasks.find((task) => task.uid === uid)
  }

  isIndexing(indexUid: string): boolean {
    return this.tasks.some((task) => task.indexUid === indexUid && task.status === "processing")
  }

  /** Resolves once nothing is enqueued or processing. */
  idle(): Promise<void> {
    if (!this.running && !this.tasks.some((task) => task.status === "enqueued")) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Marks still-enqueued tasks as canceled by `byUid`. */
  cancel(tasks: FixtureTask[], byUid: number): number {
    const now = new Date().toISOString()
    const cancelable = tasks.filter((task) => task.status === "enqueued")
    for (const task of cancelable) {
      Object.assign(task, { status: "canceled", canceledBy: byUid, finishedAt: now, duration: null })
      this.jobs.delete(task.uid)
    }
    return cancelable.length
  }

  /** Forgets finished tasks. */
  remove(tasks: FixtureTask[]): number {
    const finished = new Set(tasks.filter((task) => !["enqueued", "processing"].includes(task.status)))
    for (let i = this.tasks.length - 1; i >= 0; i--) if (finished.has(this.tasks[i])) this.tasks.splice(i, 1)
    return finished.size
  }

  clear() {
    this.generation++
    clearTimeout(this.timer)
    this.tasks.length = 0
    this.jobs.clear()
    this.nextUid = 0
    this.running = false
    this.notifyIdle()
  }

  private pump() {
    if (this.running) return
    const enqueued = this.tasks.filter((task) => task.status === "enqueued")
    const task = enqueued.find((candidate) => PRIORITY_TYPES.has(candidate.type)) ?? enqueued[0]
    if (!task) return this.notifyIdle()
    this.running = true
    const generation = this.generation
    const later = (step: () => void) => {
      this.timer = setTimeout(() => generation === this.generation && step(), this.stepMs)
    }
    later(() => {
      Object.assign(task, { status: "processing", batchUid: task.uid, startedAt: new Date().toISOString() })
      later(() => {
        this.finish(task)
        this.running = false
        this.pump()
      })
    })
  }

  private finish(task: FixtureTask) {
    const job = this.jobs.get(task.uid)
    this.jobs.delete(task.uid)
    try {
      const details = job?.(task)
      if (details) task.details = { ...task.details, ...details }
      task.status = "succeeded"
    } catch (error) {
      task.status = "failed"
      task.error = (error instanceof MeiliError ? error : new MeiliError(500, "internal", String(error), "internal")).toJSON()
    }
    const finishedAt = new Date()
    task.finishedAt = finishedAt.toISOString()
    task.duration = `PT${((finishedAt.getTime() - Date.parse(task.startedAt!)) / 1000).toFixed(3)}S`
  }

  private notifyIdle() {
    const waiters = this.idleWaiters.splice(0)
    waiters.forEach((resolve) => resolve())
  }
}

const TASK_FILTERS = [
  "uids",
  "batchUids",
  "indexUids",
  "statuses",
  "types",
  "canceledBy",
  "beforeEnqueuedAt",
  "afterEnqueuedAt",
  "beforeStartedAt",
  "afterStartedAt",
  "beforeFinishedAt",
  "afterFinishedAt",
]

/** The tasks matching `GET /tasks`-style query filters (`*` matches everything). */
export function filterTasks(tasks: FixtureTask[], query: URLSearchParams): FixtureTask[] {
  const list = (name: string) => {
    const raw = query.get(name)
    if (raw === null) return undefined
    const values = raw.split(",").map((value) => value.trim())
    return values.includes("*") ? undefined : values
  }
  const inList = (name: string, value: unknown) => {
    const values = list(name)
    return !values || values.includes(String(value))
  }
  const date = (name: string) => (query.get(name) ? Date.parse(query.get(name)!) : undefined)
  const dateWithin = (value: string | null, after?: number, before?: number) =>
    (after === undefined || (value !== null && Date.parse(value) > after)) && (before === undefined || (value !== null && Date.parse(value) < before))
  return tasks.filter(
    (task) =>
      inList("uids", task.uid) &&
      inList("batchUids", task.batchUid) &&
      inList("indexUids", task.indexUid) &&
      inList("statuses", task.status) &&
      inList("types", task.type) &&
      inList("canceledBy", task.canceledBy) &&
      dateWithin(task.enqueuedAt, date("afterEnqueuedAt"), date("beforeEnqueuedAt")) &&
      dateWithin(task.startedAt, date("afterStartedAt"), date("beforeStartedAt")) &&
      dateWithin(task.finishedAt, date("afterFinishedAt"), date("beforeFinishedAt"))
  )
}

/** `GET /tasks`: newest first (or oldest first with `reverse=true`), paginated by `from`/`limit`/`next`. */
export function listTasks(tasks: FixtureTask[], query: URLSearchParams) {
  const limit = query.has("limit") ? Number(query.get("limit")) : 20
  const from = query.has("from") ? Number(query.get("from")) : null
  const reverse = query.get("reverse") === "true"
  const matching = filterTasks(tasks, query).sort((a, b) => (reverse ? a.uid - b.uid : b.uid - a.uid))
  const startAt = from === null ? matching : matching.filter((task) => (reverse ? task.uid >= from : task.uid <= from))
  const page = startAt.slice(0, limit)
  return {
    results: page,
    total: matching.length,
    limit,
    from: page[0]?.uid ?? null,
    next: startAt[limit]?.uid ?? null,
  }
}

/** Cancel/delete need at least one filter, as in Meilisearch. */
export function requireTaskFilters(query: URLSearchParams, action: "cancel" | "delete") {
  if (TASK_FILTERS.some((name) => query.has(name))) return
  throw badRequest(
    "missing_task_filters",
    `Query parameters to filter the tasks to ${action} are missing. Available query parameters are: ${TASK_FILTERS.map((name) => `\`${name}\``).join(", ")}.`
  )
}
