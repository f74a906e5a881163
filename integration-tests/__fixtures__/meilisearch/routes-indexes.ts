import { assertValidIndexUid, badRequest, invalidType } from "./errors"
import { Engine, enqueue, integerParam, ok, Route, route } from "./router"
import { defaultSettings, resetAllDetails, settingForRoute, validateSetting, validateSettingsPatch } from "./settings"
import { indexView } from "./state"

/** `/indexes`, `/indexes/:uid`, stats and settings. */
export function indexRoutes(engine: Engine): Route[] {
  const { state, tasks } = engine

  const primaryKeyFrom = (body: Record<string, unknown>) => {
    const primaryKey = body.primaryKey ?? null
    if (primaryKey !== null && typeof primaryKey !== "string") throw invalidType("invalid_index_primary_key", "primaryKey", "a string", primaryKey)
    return primaryKey as string | null
  }
  const objectBody = (json: unknown) => {
    if (json === null || typeof json !== "object" || Array.isArray(json)) throw invalidType("bad_request", "", "an object", json)
    return json as Record<string, unknown>
  }

  return [
    route("GET", "/indexes", ({ query }) => {
      const offset = integerParam(query, "offset", 0, "invalid_index_offset")
      const limit = integerParam(query, "limit", 20, "invalid_index_limit")
      const all = [...state.indexes.values()].sort((a, b) => (a.uid < b.uid ? -1 : 1)).map(indexView)
      return ok({ results: all.slice(offset, offset + limit), offset, limit, total: all.length })
    }),
    route("POST", "/indexes", (request) => {
      const body = objectBody(request.json())
      if (body.uid === undefined) throw badRequest("missing_index_uid", "Missing field `uid`")
      assertValidIndexUid(body.uid, ".uid")
      const uid = body.uid
      const primaryKey = primaryKeyFrom(body)
      return enqueue(engine, "indexCreation", uid, { primaryKey }, () => state.createIndex(uid, primaryKey), request.query)
    }),
    route("GET", "/indexes/:uid", ({ params: [uid] }) => ok(indexView(state.index(uid)))),
    route("PATCH", "/indexes/:uid", (request) => {
      const [uid] = request.params
      const primaryKey = primaryKeyFrom(objectBody(request.json() ?? {}))
      return enqueue(engine, "indexUpdate", uid, { primaryKey }, () => state.updateIndex(uid, primaryKey), request.query)
    }),
    route("DELETE", "/indexes/:uid", (request) => {
      const [uid] = request.params
      return enqueue(engine, "indexDeletion", uid, { deletedDocuments: 0 }, () => state.deleteIndex(uid), request.query)
    }),
    route("GET", "/indexes/:uid/stats", ({ params: [uid] }) => ok(state.stats(state.index(uid), tasks.isIndexing(uid)))),
    route("GET", "/stats", () => {
      const indexes = Object.fromEntries([...state.indexes.values()].map((index) => [index.uid, state.stats(index, tasks.isIndexing(index.uid))]))
      const databaseSize = Object.values(indexes).reduce((size, stats) => size + stats.rawDocumentDbSize, 0)
      const lastUpdate = tasks.tasks.filter((task) => task.finishedAt).at(-1)?.finishedAt ?? null
      return ok({ databaseSize, usedDatabaseSize: databaseSize, lastUpdate, indexes })
    }),

    route("GET", "/indexes/:uid/settings", ({ params: [uid] }) => ok(state.index(uid).settings)),
    route("PATCH", "/indexes/:uid/settings", (request) => {
      const [uid] = request.params
      const patch = validateSettingsPatch(request.json())
      return enqueue(engine, "settingsUpdate", uid, patch, () => state.updateSettings(uid, patch), request.query)
    }),
    route("DELETE", "/indexes/:uid/settings", (request) => {
      const [uid] = request.params
      const resetAll = Object.fromEntries(Object.keys(defaultSettings()).map((name) => [name, null]))
      return enqueue(engine, "settingsUpdate", uid, resetAllDetails(), () => state.updateSettings(uid, resetAll), request.query)
    }),
    route("GET", "/indexes/:uid/settings/:setting", ({ params: [uid, segment] }) => {
      const name = settingForRoute(segment)
      return name ? ok(state.index(uid).settings[name]) : { status: 404 }
    }),
    ...["PUT", "PATCH", "DELETE"].map((method) =>
      route(method, "/indexes/:uid/settings/:setting", (request) => {
        const [uid, segment] = request.params
        const name = settingForRoute(segment)
        if (!name) return { status: 404 }
        const value = method === "DELETE" ? null : request.json()
        validateSetting(name, value)
        const details = { [name]: value ?? defaultSettings()[name] }
        return enqueue(engine, "settingsUpdate", uid, details, () => state.updateSettings(uid, { [name]: value }), request.query)
      })
    ),
  ]
}
