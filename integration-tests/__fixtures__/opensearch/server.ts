/** The HTTP face of the OpenSearch fixture: auth, scripted faults, an unreachable mode, and the request log. */

import type { IncomingMessage, ServerResponse } from "http"
import type { Socket } from "net"
import zlib from "zlib"
import { readBody, sendJson, startLocalServer } from "../../helpers/local-server"
import { FaultScript, ScriptedFault, sendFault } from "../fault-script"
import { INDEX_ROUTES } from "./api-indices"
import { DOCUMENT_ROUTES } from "./api-documents"
import { SEARCH_ROUTES } from "./api-search"
import { Cluster } from "./cluster"
import { faultBody, OpenSearchError, withLocation } from "./errors"
import { ApiResponse, dispatch } from "./router"
import { StoredIndex } from "./store"

export type { ScriptedFault }

export interface OpenSearchFixtureOptions {
  /** With both set, every request needs HTTP Basic auth, as with the security plugin enabled. */
  username?: string
  password?: string
  /** A fixed port, for a config that must name the node before the fixture starts (default: a free one). */
  port?: number
}

export interface RequestLogEntry {
  method: string
  path: string
  query: Record<string, string>
}

export interface OpenSearchFixture {
  url: string
  /** Live state by index name: `mappings`, `settings`, `aliases`, `documents` (realtime) and `searchable` (as of the last refresh). */
  indices: ReadonlyMap<string, StoredIndex>
  /** Every HTTP request that reached the fixture, including refused, faulted and dropped ones. */
  requests: { readonly count: number; readonly log: readonly RequestLogEntry[] }
  /** Answers the next `count` authenticated requests with `fault` (default body: OpenSearch's error shape). */
  failNext(count: number, fault: ScriptedFault): void
  /** While down, every connection is destroyed without an answer, so clients see a connection error. */
  setDown(down: boolean): void
  /** Deletes all indices and clears faults, the request log and the down state. */
  reset(): void
  close(): Promise<void>
}

const ROUTES = [...SEARCH_ROUTES, ...DOCUMENT_ROUTES, ...INDEX_ROUTES]

export async function startOpenSearchFixture(options: OpenSearchFixtureOptions = {}): Promise<OpenSearchFixture> {
  const cluster = new Cluster()
  const script = new FaultScript()
  const log: RequestLogEntry[] = []
  const sockets = new Set<Socket>()
  let down = false
  const expectedAuth =
    options.username !== undefined && options.password !== undefined
      ? `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`
      : undefined

  const server = await startLocalServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, internalError(error))
    })
  }, options.port)

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url!, "http://fixture")
    log.push({ method: req.method!, path: url.pathname, query: Object.fromEntries(url.searchParams) })
    if (down) return void req.socket.destroy()
    track(req.socket)
    const rawBody = await readRequestBody(req)
    if (expectedAuth && req.headers.authorization !== expectedAuth) {
      // The security plugin's challenge: plain text, not an OpenSearch JSON error.
      res.writeHead(401, { "content-type": "text/plain; charset=UTF-8", "www-authenticate": 'Basic realm="OpenSearch Security"' })
      return void res.end("Unauthorized")
    }
    const fault = script.take()
    if (fault) return sendFault(res, fault, (statusText) => faultBody(fault.status, statusText))
    let response: ApiResponse
    try {
      response = await dispatch(ROUTES, { method: req.method!, path: url.pathname, params: url.searchParams, rawBody, cluster })
    } catch (error) {
      if (!(error instanceof OpenSearchError)) throw error
      response = { status: error.status, body: withLocation(error, rawBody).toBody() }
    }
    respond(res, req.method!, response)
  }

  function track(socket: Socket) {
    if (sockets.has(socket)) return
    sockets.add(socket)
    socket.once("close", () => sockets.delete(socket))
  }

  return {
    url: server.url,
    indices: cluster.indices,
    requests: {
      get count() {
        return log.length
      },
      log,
    },
    failNext: (count, fault) => script.failNext(count, fault),
    setDown(value) {
      down = value
      if (down) for (const socket of sockets) socket.destroy()
    },
    reset() {
      cluster.clear()
      script.reset()
      log.length = 0
      down = false
    },
    async close() {
      cluster.clear()
      await server.close()
    },
  }
}

async function readRequestBody(req: IncomingMessage): Promise<string> {
  const body = await readBody(req)
  const encoding = req.headers["content-encoding"]
  if (encoding === "gzip") return zlib.gunzipSync(body).toString("utf8")
  if (encoding === "deflate") return zlib.inflateSync(body).toString("utf8")
  return body.toString("utf8")
}

function respond(res: ServerResponse, method: string, { status, body, text, headers = {} }: ApiResponse) {
  if (method === "HEAD" || (body === undefined && text === undefined)) {
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": "0", ...headers })
    return void res.end()
  }
  if (text !== undefined) {
    res.writeHead(status, { "content-type": "text/plain; charset=UTF-8", ...headers })
    return void res.end(text)
  }
  sendJson(res, status, body)
}

const internalError = (error: unknown) => {
  const cause = { type: "exception", reason: `OpenSearch fixture bug: ${error instanceof Error ? error.stack : String(error)}` }
  return { error: { root_cause: [cause], ...cause }, status: 500 }
}
