import { assertValidIndexUid, badRequest, invalidType, MeiliError } from "./errors"
import { searchRequestFromBody, searchRequestFromQuery } from "./params"
import { Engine, ok, Route, route } from "./router"
import { searchIndex } from "./search"

/** `/indexes/:uid/search` (POST and GET) and `/multi-search`. */
export function searchRoutes(engine: Engine): Route[] {
  const { state } = engine
  return [
    route("POST", "/indexes/:uid/search", ({ params: [uid], json }) => {
      const request = searchRequestFromBody(json() ?? {})
      return ok(searchIndex(state, state.index(uid), request))
    }, "search"),
    route("GET", "/indexes/:uid/search", ({ params: [uid], query }) => {
      return ok(searchIndex(state, state.index(uid), searchRequestFromQuery(query)))
    }, "search"),
    route("POST", "/multi-search", ({ json }) => {
      const body = json() as { queries?: unknown; federation?: unknown } | undefined
      if (!body || !Array.isArray(body.queries)) throw invalidType("bad_request", "queries", "an array", body?.queries)
      if (body.federation != null) {
        throw new MeiliError(501, "fixture_unsupported", "The Meilisearch fixture does not implement federated multi-search.", "internal")
      }
      const results = body.queries.map((query, position) => {
        const where = `Inside \`.queries[${position}]\`: `
        try {
          const { indexUid } = (query ?? {}) as { indexUid?: unknown }
          if (indexUid === undefined) throw badRequest("missing_index_uid", "Missing field `indexUid`")
          assertValidIndexUid(indexUid, `.queries[${position}].indexUid`)
          const request = searchRequestFromBody(query, ["indexUid", "federationOptions"])
          return { indexUid, ...searchIndex(state, state.index(indexUid), request) }
        } catch (error) {
          throw error instanceof MeiliError && !error.message.startsWith("Invalid value at `.queries") ? error.within(where) : error
        }
      })
      return ok({ results })
    }, "search"),
  ]
}
