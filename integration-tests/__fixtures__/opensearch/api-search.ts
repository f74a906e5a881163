/** Search APIs: _search, _msearch and _count. */

import { isPlainObject } from "./objects"
import { illegalArgument, jsonParseFailure, OpenSearchError } from "./errors"
import { ApiRequest, jsonBody, ok, route } from "./router"
import { count, search } from "./search"

/** Search parameters a msearch header line may carry, passed on like URL parameters. */
const HEADER_PARAMS = ["ignore_unavailable", "allow_no_indices", "track_total_hits", "rest_total_hits_as_int"]

function parseLine(line: string): Record<string, unknown> {
  if (!line.trim()) return {}
  try {
    const parsed = JSON.parse(line)
    if (!isPlainObject(parsed)) throw illegalArgument("msearch body must be an object")
    return parsed
  } catch (error) {
    if (error instanceof OpenSearchError) throw error
    throw jsonParseFailure((error as Error).message)
  }
}

/** NDJSON header/body pairs; every search answers for itself in `responses`, with its own status. */
function multiSearch({ cluster, route: { index }, rawBody, params }: ApiRequest) {
  const started = Date.now()
  if (rawBody.length && !rawBody.endsWith("\n")) throw illegalArgument("The msearch request must be terminated by a newline [\\n]")
  const lines = rawBody.split("\n").slice(0, -1)
  if (lines.length % 2) throw illegalArgument("msearch request must have an even number of lines (header and body)")
  const responses = []
  for (let i = 0; i < lines.length; i += 2) {
    const header = parseLine(lines[i])
    const body = parseLine(lines[i + 1])
    const searchParams = new URLSearchParams(params)
    for (const name of HEADER_PARAMS) if (header[name] !== undefined) searchParams.set(name, String(header[name]))
    const target = Array.isArray(header.index) ? header.index.join(",") : (header.index as string | undefined) ?? index
    try {
      responses.push({ ...search(cluster, target, body, searchParams), status: 200 })
    } catch (error) {
      if (!(error instanceof OpenSearchError)) throw error
      responses.push({ ...error.toBody() })
    }
  }
  if (!responses.length) throw illegalArgument("Validation Failed: 1: no requests added;")
  return ok({ took: Date.now() - started, responses })
}

export const SEARCH_ROUTES = [
  route("GET,POST /_search", (request) => ok(search(request.cluster, undefined, jsonBody(request), request.params))),
  route("GET,POST /:index/_search", (request) => ok(search(request.cluster, request.route.index, jsonBody(request), request.params))),
  route("GET,POST /_msearch", multiSearch),
  route("GET,POST /:index/_msearch", multiSearch),
  route("GET,POST /_count", (request) => ok(count(request.cluster, undefined, jsonBody(request), request.params))),
  route("GET,POST /:index/_count", (request) => ok(count(request.cluster, request.route.index, jsonBody(request), request.params))),
]
