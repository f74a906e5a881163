import { Doc, pickFields } from "./documents"
import { badRequest, invalidType, MeiliError } from "./errors"
import { matchesFilter, parseFilter } from "./filter"
import { Engine, enqueue, integerParam, ok, Request, Route, route } from "./router"

/** `/indexes/:uid/documents` and its fetch/delete variants. */
export function documentRoutes(engine: Engine): Route[] {
  const { state } = engine

  const addOrUpdate = (mode: "replace" | "update") => (request: Request) => {
    const [uid] = request.params
    const docs = documentsFromBody(request)
    const primaryKey = request.query.get("primaryKey")
    const job = () => state.addDocuments(uid, docs, primaryKey, mode)
    return enqueue(engine, "documentAdditionOrUpdate", uid, { receivedDocuments: docs.length, indexedDocuments: null }, job, request.query)
  }

  /** `GET /documents` and `POST /documents/fetch` share offset/limit/fields/filter/ids. */
  const fetchDocuments = (uid: string, options: { offset: number; limit: number; fields?: string[]; filter?: unknown; ids?: unknown[] }) => {
    const index = state.index(uid)
    const filter = state.compileFilter(index, options.filter, "invalid_document_filter")
    const ids = options.ids?.map(String)
    const matching = [...index.documents.entries()]
      .filter(([id, doc]) => (!ids || ids.includes(id)) && (!filter || matchesFilter(doc, filter)))
      .map(([, doc]) => doc)
    const results = matching.slice(options.offset, options.offset + options.limit).map((doc) => pickFields(doc, options.fields ?? ["*"]))
    return ok({ results, offset: options.offset, limit: options.limit, total: matching.length })
  }

  return [
    route("POST", "/indexes/:uid/documents", addOrUpdate("replace")),
    route("PUT", "/indexes/:uid/documents", addOrUpdate("update")),
    route("GET", "/indexes/:uid/documents", ({ params: [uid], query }) =>
      fetchDocuments(uid, {
        offset: integerParam(query, "offset", 0, "invalid_document_offset"),
        limit: integerParam(query, "limit", 20, "invalid_document_limit"),
        fields: query.get("fields")?.split(",").map((field) => field.trim()),
        filter: query.get("filter") ?? undefined,
        ids: query.get("ids")?.split(","),
      })
    ),
    route("POST", "/indexes/:uid/documents/fetch", (request) => {
      const body = (request.json() ?? {}) as Record<string, unknown>
      const whole = (name: string, fallback: number) => {
        const value = body[name] ?? fallback
        if (!Number.isInteger(value) || (value as number) < 0) throw invalidType(`invalid_document_${name}`, name, "a positive integer", value)
        return value as number
      }
      return fetchDocuments(request.params[0], {
        offset: whole("offset", 0),
        limit: whole("limit", 20),
        fields: (body.fields as string[] | null) ?? undefined,
        filter: body.filter ?? undefined,
        ids: (body.ids as unknown[] | null) ?? undefined,
      })
    }),
    route("GET", "/indexes/:uid/documents/:id", ({ params: [uid, id], query }) => {
      const doc = state.index(uid).documents.get(id)
      if (!doc) throw new MeiliError(404, "document_not_found", `Document \`${id}\` not found.`)
      return ok(pickFields(doc, query.get("fields")?.split(",").map((field) => field.trim()) ?? ["*"]))
    }),
    route("DELETE", "/indexes/:uid/documents/:id", (request) => {
      const [uid, id] = request.params
      const details = { providedIds: 1, deletedDocuments: null, originalFilter: null }
      return enqueue(engine, "documentDeletion", uid, details, () => state.deleteDocuments(uid, [id]), request.query)
    }),
    route("POST", "/indexes/:uid/documents/delete-batch", (request) => {
      const [uid] = request.params
      const ids = request.json()
      if (!Array.isArray(ids)) throw invalidType("invalid_document_ids", "", "an array", ids)
      const details = { providedIds: ids.length, deletedDocuments: null, originalFilter: null }
      return enqueue(engine, "documentDeletion", uid, details, () => state.deleteDocuments(uid, ids), request.query)
    }),
    route("POST", "/indexes/:uid/documents/delete", (request) => {
      const [uid] = request.params
      const { filter } = (request.json() ?? {}) as { filter?: unknown }
      if (filter === undefined || filter === null) throw badRequest("missing_document_filter", "Missing field `filter`")
      parseSyntaxNow(filter)
      const details = { providedIds: 0, deletedDocuments: null, originalFilter: JSON.stringify(filter) }
      return enqueue(engine, "documentDeletion", uid, details, () => state.deleteDocumentsByFilter(uid, filter), request.query)
    }),
    route("DELETE", "/indexes/:uid/documents", (request) => {
      const [uid] = request.params
      return enqueue(engine, "documentDeletion", uid, { deletedDocuments: null }, () => state.clearDocuments(uid), request.query)
    }),
  ]
}

/** A filter's syntax is checked when the deletion is enqueued; filterability only when the task runs. */
function parseSyntaxNow(filter: unknown) {
  try {
    parseFilter(filter)
  } catch (error) {
    throw badRequest("invalid_document_filter", (error as Error).message)
  }
}

/** JSON (an array or one object) or NDJSON, as the documents routes accept. */
function documentsFromBody(request: Request): Doc[] {
  const malformed = (reason: string) => badRequest("malformed_payload", `The \`json\` payload provided is malformed. \`${reason}\`.`)
  if (request.contentType.includes("csv")) {
    throw new MeiliError(415, "invalid_content_type", "The fixture only accepts `application/json` and `application/x-ndjson` documents.")
  }
  let parsed: unknown
  try {
    const text = request.rawBody.toString("utf8")
    parsed = request.contentType.includes("ndjson")
      ? text.split("\n").filter((line) => line.trim()).map((line) => JSON.parse(line))
      : JSON.parse(text)
  } catch (error) {
    throw malformed((error as Error).message)
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed]
  if (docs.some((doc) => doc === null || typeof doc !== "object" || Array.isArray(doc))) {
    throw malformed("Couldn't serialize document value: data are neither an object nor a list of objects")
  }
  return docs as Doc[]
}
