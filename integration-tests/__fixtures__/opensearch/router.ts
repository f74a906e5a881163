/** A small route table for the REST API: `"GET,HEAD /:index/_doc/:id"` → handler. */

import { Cluster } from "./cluster"
import { illegalArgument, jsonParseFailure, OpenSearchError, unsupported } from "./errors"
import { StoredIndex } from "./store"

export interface ApiRequest {
  method: string
  path: string
  params: URLSearchParams
  /** Path parameters by name, URI-decoded. */
  route: Record<string, string>
  rawBody: string
  cluster: Cluster
}

export interface ApiResponse {
  status: number
  /** JSON unless `text` is set; omitted for HEAD. */
  body?: unknown
  text?: string
  headers?: Record<string, string>
}

export type Handler = (request: ApiRequest) => ApiResponse | Promise<ApiResponse>

interface Route {
  methods: string[]
  pattern: RegExp
  names: string[]
  handler: Handler
}

/** `:index` never matches an API name such as `_search` (index names cannot start with `_`), except `_all`. */
const SEGMENT: Record<string, string> = { index: "((?:[^/_][^/]*)|_all)", default: "([^/]+)" }

export function route(spec: string, handler: Handler): Route {
  const [methods, path] = spec.split(" ")
  const names: string[] = []
  const pattern = path
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      names.push(segment.slice(1))
      return SEGMENT[segment.slice(1)] ?? SEGMENT.default
    })
    .join("/")
  return { methods: methods.split(","), pattern: new RegExp(`^${pattern || "/"}$`), names, handler }
}

export async function dispatch(routes: Route[], request: Omit<ApiRequest, "route">): Promise<ApiResponse> {
  let pathMatched = false
  for (const { methods, pattern, names, handler } of routes) {
    const match = pattern.exec(request.path)
    if (!match) continue
    pathMatched = true
    if (!methods.includes(request.method)) continue
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]))
    return handler({ ...request, route: params })
  }
  if (pathMatched) {
    const allowed = routes.filter(({ pattern }) => pattern.test(request.path)).flatMap(({ methods }) => methods)
    return {
      status: 405,
      body: { error: `Incorrect HTTP method for uri [${request.path}] and method [${request.method}], allowed: [${[...new Set(allowed)].join(", ")}]`, status: 405 },
    }
  }
  throw unsupported(`${request.method} ${request.path}`)
}

/** The JSON body, or undefined when there is none. */
export function jsonBody(request: ApiRequest): Record<string, unknown> | undefined {
  if (!request.rawBody.trim()) return undefined
  try {
    return JSON.parse(request.rawBody)
  } catch (error) {
    throw jsonParseFailure((error as Error).message)
  }
}

export const ok = (body: unknown, status = 200): ApiResponse => ({ status, body })

/** The `refresh` parameter of write APIs: "true" (or bare `?refresh`), "false", or "wait_for". */
export function refreshPolicy(params: URLSearchParams): "true" | "false" | "wait_for" {
  const value = params.get("refresh")
  if (value === null || value === "false") return "false"
  if (value === "" || value === "true") return "true"
  if (value === "wait_for") return "wait_for"
  throw illegalArgument(`Unknown value for refresh: [${value}].`)
}

/** Applies the refresh policy to the indices a write touched; resolves once the write is visible as promised. */
export async function applyRefreshPolicy(policy: ReturnType<typeof refreshPolicy>, indices: Iterable<StoredIndex>) {
  if (policy === "true") for (const index of indices) index.refresh()
  if (policy === "wait_for") await Promise.all([...indices].map((index) => index.waitForRefresh()))
}

export const isOpenSearchError = (error: unknown): error is OpenSearchError => error instanceof OpenSearchError
