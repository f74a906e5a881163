import crypto from "crypto"
import type { IncomingMessage, ServerResponse } from "http"
import { readBody, sendJson, startLocalServer } from "../../helpers/local-server"
import { FaultScript, ScriptedFault, sendFault } from "../fault-script"
import type { Doc } from "./documents"
import { assertValidIndexUid, errorBody, invalidApiKey, MeiliError, missingAuthorization } from "./errors"
import { Access, Engine, parseJson, Route } from "./router"
import { documentRoutes } from "./routes-documents"
import { indexRoutes } from "./routes-indexes"
import { searchRoutes } from "./routes-search"
import { systemRoutes } from "./routes-system"
import { FixtureIndex, MeiliState } from "./state"
import { FixtureTask, TaskQueue } from "./tasks"

export interface MeilisearchFixtureOptions {
  /** Without one, every route is open, as with a Meilisearch started without a master key. */
  masterKey?: string
  /** How long a task stays enqueued, then processing (default 5 ms each). */
  taskDelayMs?: number
  /** A fixed port, for a config that must name the host before the fixture starts (default: a free one). */
  port?: number
}

export interface MeilisearchFixture {
  url: string
  masterKey: string | undefined
  /** The default search and admin API keys, derived from the master key like Meilisearch does (absent without one). */
  apiKeys: { search?: string; admin?: string }
  /** Live state: uid → index with its documents (keyed by id as a string) and settings. */
  indexes: ReadonlyMap<string, FixtureIndex>
  /** Live task list, oldest first. */
  tasks: readonly FixtureTask[]
  /** Requests received since start (or the last reset), including faulted, refused and dropped ones. */
  readonly requests: number
  readonly requestLog: readonly { method: string; path: string }[]
  /** The documents of an index, in insertion order (empty when the index does not exist). */
  documents(indexUid: string): Doc[]
  /** Resolves once no task is enqueued or processing. */
  waitForTasks(): Promise<void>
  /** The next `count` requests, whatever they are, get this answer instead. */
  failNext(count: number, fault: ScriptedFault): void
  setLatency(ms: number): void
  /** While down, every request is answered by destroying its socket, like an unreachable engine. */
  setDown(down: boolean): void
  /** Drops indexes, tasks (uids restart at 0), faults, latency, the down state and the request count. */
  reset(): void
  close(): Promise<void>
}

const DEFAULT_KEYS = [
  { uid: "74c9c733-3368-4738-bbe5-1d18a5fecb37", name: "Default Search API Key", description: "Use it to search from the frontend", actions: ["search"] },
  {
    uid: "20f7e4c4-612c-4dd1-b783-7934cc038213",
    name: "Default Admin API Key",
    description: "Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend",
    actions: ["*"],
  },
]

export async function startMeilisearchFixture(options: MeilisearchFixtureOptions = {}): Promise<MeilisearchFixture> {
  const { masterKey } = options
  const apiKeys = masterKey
    ? DEFAULT_KEYS.map((key) => ({ ...key, key: crypto.createHmac("sha256", masterKey).update(key.uid).digest("hex") }))
    : []
  const engine: Engine = { state: new MeiliState(), tasks: new TaskQueue(options.taskDelayMs ?? 5), masterKey, apiKeys }
  const routes: Route[] = [...systemRoutes(engine), ...indexRoutes(engine), ...documentRoutes(engine), ...searchRoutes(engine)]
  const script = new FaultScript()
  let down = false

  const server = await startLocalServer((req, res) => {
    if (down) return void req.socket.destroy()
    handle(req, res).catch((error) => {
      const meiliError = error instanceof MeiliError ? error : new MeiliError(500, "internal", String(error?.stack ?? error), "internal")
      sendJson(res, meiliError.status, meiliError.toJSON())
    })
  }, options.port)

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const rawBody = await readBody(req)
    await script.delay()
    const fault = script.take()
    if (fault) {
      return sendFault(res, fault, (message) => (fault.status >= 500 ? errorBody("internal", message, "internal") : errorBody("bad_request", message)))
    }
    const url = new URL(req.url!, "http://fixture")
    const candidates = routes.filter((candidate) => candidate.pattern.test(url.pathname))
    const found = candidates.find((candidate) => candidate.method === req.method)
    if (!found) {
      res.writeHead(candidates.length ? 405 : 404, { "x-fixture-unhandled-route": `${req.method} ${url.pathname}` }).end()
      return
    }
    authorize(found.access, req.headers.authorization)
    const params = found.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent)
    if (url.pathname.startsWith("/indexes/")) assertValidIndexUid(params[0])
    const reply = found.handle({
      method: req.method!,
      params,
      query: url.searchParams,
      rawBody,
      contentType: req.headers["content-type"] ?? "application/json",
      json: () => parseJson(rawBody),
    })
    if (reply.body === undefined) res.writeHead(reply.status).end()
    else sendJson(res, reply.status, reply.body)
  }

  function authorize(access: Access, header: string | undefined) {
    if (access === "public") return
    if (!masterKey) {
      if (access !== "master") return
      throw new MeiliError(
        401,
        "missing_master_key",
        "Meilisearch is running without a master key. To access this API endpoint, you must have set a master key at launch.",
        "auth"
      )
    }
    const key = /^Bearer (.+)$/.exec(header ?? "")?.[1]
    if (!key) throw missingAuthorization()
    if (key === masterKey) return
    const apiKey = apiKeys.find((candidate) => candidate.key === key)
    const allowed = apiKey && access !== "master" && (access === "search" || apiKey.actions.includes("*"))
    if (!allowed) throw invalidApiKey()
  }

  return {
    url: server.url,
    masterKey,
    apiKeys: { search: apiKeys[0]?.key, admin: apiKeys[1]?.key },
    indexes: engine.state.indexes,
    tasks: engine.tasks.tasks,
    get requests() {
      return server.requests.length
    },
    get requestLog() {
      return server.requests.map(({ method, url }) => ({ method, path: new URL(url, "http://fixture").pathname }))
    },
    documents: (indexUid) => [...(engine.state.indexes.get(indexUid)?.documents.values() ?? [])],
    waitForTasks: () => engine.tasks.idle(),
    failNext: (count, fault) => script.failNext(count, fault),
    setLatency: (ms) => script.setLatency(ms),
    setDown(value) {
      down = value
    },
    reset() {
      engine.tasks.clear()
      engine.state.reset()
      server.requests.length = 0
      script.reset()
      down = false
    },
    async close() {
      engine.tasks.clear()
      await server.close()
    },
  }
}
