import { badRequest } from "./errors"
import type { MeiliState } from "./state"
import type { TaskJob, TaskQueue } from "./tasks"

/** Route table plumbing shared by the `routes-*.ts` files. */

/** Who may call a route: anyone, the search key (and above), the admin key (and above), or only the master key. */
export type Access = "public" | "search" | "admin" | "master"

export interface Request {
  method: string
  params: string[]
  query: URLSearchParams
  rawBody: Buffer
  contentType: string
  /** The JSON body; malformed JSON is a 400 `malformed_payload`. */
  json(): unknown
}

export interface Reply {
  status: number
  body?: unknown
}

export interface Route {
  method: string
  pattern: RegExp
  access: Access
  handle(request: Request): Reply
}

export interface Engine {
  state: MeiliState
  tasks: TaskQueue
  masterKey?: string
  apiKeys: { uid: string; name: string; description: string; key: string; actions: string[] }[]
}

/** `"/indexes/:uid/documents/:id"` → a route whose handler receives the decoded `:params` in order. */
export function route(method: string, path: string, handle: Route["handle"], access: Access = "admin"): Route {
  const pattern = new RegExp(`^${path.replace(/:[a-zA-Z]+/g, "([^/]+)")}/?$`)
  return { method, pattern, access, handle }
}

export const ok = (body: unknown): Reply => ({ status: 200, body })

/** Enqueues a task and answers 202 with the summarized task, as every Meilisearch write does. */
export function enqueue(
  engine: Engine,
  type: string,
  indexUid: string | null,
  details: Record<string, unknown>,
  job: TaskJob,
  query?: URLSearchParams
): Reply {
  const customMetadata = query?.get("customMetadata") ?? undefined
  return { status: 202, body: engine.tasks.enqueue(type, indexUid, details, job, customMetadata) }
}

export function parseJson(raw: Buffer): unknown {
  const text = raw.toString("utf8")
  if (text.trim() === "") return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw badRequest("malformed_payload", `The json payload provided is malformed. \`${(error as Error).message}\`.`)
  }
}

/** Numeric query parameters such as `offset` and `limit`. */
export function integerParam(query: URLSearchParams, name: string, fallback: number, code: string): number {
  const text = query.get(name)
  if (text === null) return fallback
  if (!/^\d+$/.test(text)) throw badRequest(code, `Invalid value in parameter \`${name}\`: could not parse \`${text}\` as a positive integer`)
  return Number(text)
}
