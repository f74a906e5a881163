import { badRequest, MeiliError } from "./errors"
import { Engine, enqueue, integerParam, ok, Route, route } from "./router"
import { filterTasks, listTasks, requireTaskFilters } from "./tasks"

export const FIXTURE_VERSION = { commitSha: "meilisearch-fixture", commitDate: "2025-01-01T00:00:00Z", pkgVersion: "1.22.0" }

/** Health, version, tasks, keys and experimental features. */
export function systemRoutes(engine: Engine): Route[] {
  const { state, tasks } = engine
  const originalFilter = (query: URLSearchParams) => `?${query.toString()}`

  return [
    route("GET", "/health", () => ok({ status: "available" }), "public"),
    route("GET", "/version", () => ok(FIXTURE_VERSION)),

    route("GET", "/tasks", ({ query }) => ok(listTasks(tasks.tasks, query))),
    route("GET", "/tasks/:uid", ({ params: [uid] }) => {
      const task = /^\d+$/.test(uid) ? tasks.get(Number(uid)) : undefined
      if (!task) throw new MeiliError(404, "task_not_found", `Task \`${uid}\` not found.`)
      return ok(task)
    }),
    route("POST", "/tasks/cancel", ({ query }) => {
      requireTaskFilters(query, "cancel")
      const matched = filterTasks(tasks.tasks, query)
      return enqueue(engine, "taskCancelation", null, { matchedTasks: matched.length, canceledTasks: null, originalFilter: originalFilter(query) }, (task) => ({
        canceledTasks: tasks.cancel(matched, task.uid),
      }))
    }),
    route("DELETE", "/tasks", ({ query }) => {
      requireTaskFilters(query, "delete")
      const matched = filterTasks(tasks.tasks, query)
      return enqueue(engine, "taskDeletion", null, { matchedTasks: matched.length, deletedTasks: null, originalFilter: originalFilter(query) }, () => ({
        deletedTasks: tasks.remove(matched),
      }))
    }),

    route("GET", "/keys", ({ query }) => {
      const offset = integerParam(query, "offset", 0, "invalid_api_key_offset")
      const limit = integerParam(query, "limit", 20, "invalid_api_key_limit")
      const keys = engine.apiKeys.map((key) => ({
        ...key,
        indexes: ["*"],
        expiresAt: null,
        createdAt: FIXTURE_VERSION.commitDate,
        updatedAt: FIXTURE_VERSION.commitDate,
      }))
      return ok({ results: keys.slice(offset, offset + limit), offset, limit, total: keys.length })
    }, "master"),

    route("GET", "/experimental-features", () => ok(state.experimentalFeatures)),
    route("PATCH", "/experimental-features", ({ json }) => {
      const patch = json() as Record<string, unknown>
      for (const [name, value] of Object.entries(patch ?? {})) {
        if (!(name in state.experimentalFeatures)) throw badRequest("bad_request", `Unknown field \`${name}\``)
        if (typeof value === "boolean") state.experimentalFeatures[name] = value
      }
      return ok(state.experimentalFeatures)
    }),
  ]
}
