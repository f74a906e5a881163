/** Document APIs: single-document CRUD, _bulk, _delete_by_query and _refresh. */

import { parseBulk, runBulk } from "./bulk"
import { deleteDocument, indexDocument, updateDocument, WriteOptions, WriteOutcome } from "./documents"
import { unsupported, validationFailed, versionConflict } from "./errors"
import { matchingDocuments } from "./search"
import { sourceFilter } from "./source-filter"
import { ApiRequest, ApiResponse, applyRefreshPolicy, jsonBody, ok, refreshPolicy, route } from "./router"

const writeOptions = (params: URLSearchParams): WriteOptions => ({
  ifSeqNo: params.get("if_seq_no") ?? undefined,
  ifPrimaryTerm: params.get("if_primary_term") ?? undefined,
  version: params.get("version") ?? undefined,
})

/** Runs a single-document write, then honours ?refresh (adding `forced_refresh: true` as OpenSearch does). */
async function write(request: ApiRequest, perform: () => WriteOutcome): Promise<ApiResponse> {
  const policy = refreshPolicy(request.params)
  const { index, status, body } = perform()
  await applyRefreshPolicy(policy, [index])
  return ok(policy === "true" ? { ...body, forced_refresh: true } : body, status)
}

function putDocument(request: ApiRequest, opType: "index" | "create") {
  const { index, id } = request.route
  const effective = request.params.get("op_type") === "create" ? "create" : opType
  return write(request, () => indexDocument(request.cluster, index, id, jsonBody(request), effective, writeOptions(request.params)))
}

function getDocument({ cluster, route: { index, id }, params, method }: ApiRequest): ApiResponse {
  const target = cluster.writeIndex(index, false)
  if (params.get("refresh") === "true") target.refresh()
  // GET is realtime by default: it sees writes that search won't until the next refresh.
  const realtime = params.get("realtime") !== "false"
  const document = (realtime ? target.documents : target.searchable).get(id)
  if (method === "HEAD") return { status: document ? 200 : 404 }
  if (!document) return ok({ _index: target.name, _id: id, found: false }, 404)
  const filter = sourceFilter(undefined, params)
  return ok({
    _index: target.name,
    _id: id,
    _version: document.version,
    _seq_no: document.seqNo,
    _primary_term: 1,
    found: true,
    ...(filter && { _source: filter(document.source) }),
  })
}

async function bulk(request: ApiRequest): Promise<ApiResponse> {
  const policy = refreshPolicy(request.params)
  const items = parseBulk(request.rawBody, request.route.index)
  const { body, touched } = runBulk(request.cluster, items)
  await applyRefreshPolicy(policy, touched)
  if (policy === "true") {
    for (const item of body.items) {
      const result = Object.values(item)[0] as Record<string, unknown>
      if (!result.error) result.forced_refresh = true
    }
  }
  return ok(body)
}

/** Deletes what the query matches in the refreshed view; documents changed since then are version conflicts. */
async function deleteByQuery(request: ApiRequest): Promise<ApiResponse> {
  const started = Date.now()
  const policy = refreshPolicy(request.params)
  if (request.params.get("wait_for_completion") === "false") throw unsupported("asynchronous delete_by_query (wait_for_completion=false)")
  const body = jsonBody(request) ?? {}
  if (body.query === undefined) throw validationFailed("query is missing")
  const proceedOnConflicts = (request.params.get("conflicts") ?? body.conflicts) === "proceed"
  const maxDocs = Number(request.params.get("max_docs") ?? body.max_docs ?? Infinity)
  const matches = matchingDocuments(request.cluster, request.route.index, body.query).slice(0, maxDocs)
  let deleted = 0
  let conflicts = 0
  const failures: unknown[] = []
  const touched = new Set(matches.map(({ shard }) => shard.index))
  for (const { shard, doc } of matches) {
    const index = shard.index
    const live = index.documents.get(doc.id)
    if (live && live.seqNo === doc.seqNo) {
      index.remove(doc.id)
      deleted++
      continue
    }
    conflicts++
    const current = live ? `. current document has seqNo [${live.seqNo}] and primary term [1]` : " but no document was found"
    const cause = versionConflict(index.name, index.uuid, `[${doc.id}]: version conflict, required seqNo [${doc.seqNo}], primary term [1]${current}`).cause
    failures.push({ index: index.name, id: doc.id, cause, status: 409 })
    if (!proceedOnConflicts) break
  }
  await applyRefreshPolicy(policy, touched)
  const response = {
    took: Date.now() - started, timed_out: false, total: matches.length, deleted, batches: 1, version_conflicts: conflicts,
    noops: 0, retries: { bulk: 0, search: 0 }, throttled_millis: 0, requests_per_second: -1.0, throttled_until_millis: 0,
    failures: proceedOnConflicts ? [] : failures,
  }
  return ok(response, failures.length && !proceedOnConflicts ? 409 : 200)
}

function refresh({ cluster, route: { index } }: ApiRequest) {
  const targets = cluster.resolve(index, { allowNoIndices: true })
  for (const target of targets) target.refresh()
  const total = targets.reduce((sum, target) => sum + 1 + target.numberOfReplicas(), 0)
  return ok({ _shards: { total, successful: targets.length, failed: 0 } })
}

export const DOCUMENT_ROUTES = [
  route("GET,POST /_refresh", refresh),
  route("GET,POST /:index/_refresh", refresh),
  route("POST,PUT /_bulk", bulk),
  route("POST,PUT /:index/_bulk", bulk),
  route("POST /:index/_delete_by_query", deleteByQuery),
  route("POST /:index/_doc", (request) => putDocument(request, "index")),
  route("PUT,POST /:index/_doc/:id", (request) => putDocument(request, "index")),
  route("PUT,POST /:index/_create/:id", (request) => putDocument(request, "create")),
  route("GET,HEAD /:index/_doc/:id", getDocument),
  route("DELETE /:index/_doc/:id", (request) =>
    write(request, () => deleteDocument(request.cluster, request.route.index, request.route.id, writeOptions(request.params)))
  ),
  route("POST /:index/_update/:id", (request) =>
    write(request, () => updateDocument(request.cluster, request.route.index, request.route.id, jsonBody(request), writeOptions(request.params)))
  ),
]
