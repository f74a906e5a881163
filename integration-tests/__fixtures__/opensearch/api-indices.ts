/** Cluster and index APIs: info, health, _cat/indices, index create/get/delete, mappings, settings, aliases. */

import crypto from "crypto"
import { isPlainObject } from "./objects"
import { aliasesNotFound, illegalArgument, OpenSearchError, parseException } from "./errors"
import { mergeMappings, normalizeMappings } from "./mapping"
import { ApiRequest, jsonBody, ok, route } from "./router"
import { flattenSettings, nestSettings, StoredIndex } from "./store"

const CLUSTER_NAME = "opensearch-fixture"
const CLUSTER_UUID = crypto.randomBytes(16).toString("base64url").slice(0, 22)

const info = () =>
  ok({
    name: "fixture-node",
    cluster_name: CLUSTER_NAME,
    cluster_uuid: CLUSTER_UUID,
    version: {
      distribution: "opensearch",
      number: "2.19.1",
      build_type: "tar",
      build_hash: "0000000000000000000000000000000000000000",
      build_date: "2025-02-27T00:00:00.000000000Z",
      build_snapshot: false,
      lucene_version: "9.12.1",
      minimum_wire_compatibility_version: "7.10.0",
      minimum_index_compatibility_version: "7.0.0",
    },
    tagline: "The OpenSearch Project: https://opensearch.org/",
  })

/** A single node can't host replicas, so an index with replicas is yellow (as on a one-node dev cluster). */
const healthOf = (index: StoredIndex) => (index.numberOfReplicas() > 0 ? "yellow" : "green")
const HEALTH_RANK: Record<string, number> = { green: 0, yellow: 1, red: 2 }

function clusterHealth({ cluster, route: { index }, params }: ApiRequest) {
  let indices: StoredIndex[]
  let status = "green"
  try {
    indices = cluster.resolve(index)
  } catch (error) {
    if (!(error instanceof OpenSearchError)) throw error
    indices = []
    status = "red"
  }
  for (const target of indices) if (HEALTH_RANK[healthOf(target)] > HEALTH_RANK[status]) status = healthOf(target)
  const wanted = params.get("wait_for_status")
  // OpenSearch would wait up to `timeout` (30s) first; the fixture answers the timeout at once.
  const timedOut = status === "red" || (wanted !== null && HEALTH_RANK[status] > HEALTH_RANK[wanted])
  const primaries = indices.length
  const unassigned = indices.reduce((sum, target) => sum + target.numberOfReplicas(), 0)
  return ok(
    {
      cluster_name: CLUSTER_NAME, status, timed_out: timedOut, number_of_nodes: 1, number_of_data_nodes: 1,
      discovered_master: true, discovered_cluster_manager: true, active_primary_shards: primaries, active_shards: primaries,
      relocating_shards: 0, initializing_shards: 0, unassigned_shards: unassigned, delayed_unassigned_shards: 0,
      number_of_pending_tasks: 0, number_of_in_flight_fetch: 0, task_max_waiting_in_queue_millis: 0,
      active_shards_percent_as_number: primaries + unassigned ? (100 * primaries) / (primaries + unassigned) : 100,
    },
    timedOut ? 408 : 200
  )
}

const formatBytes = (bytes: number) =>
  bytes < 1024 ? `${bytes}b` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)}kb` : `${(bytes / 1024 ** 2).toFixed(1)}mb`

/** _cat/indices: JSON rows of strings with ?format=json, otherwise a whitespace-aligned table (`?v` adds headers). */
function catIndices({ cluster, route: { index }, params }: ApiRequest) {
  const rows = cluster.resolve(index ?? "*", { allowNoIndices: true }).map((target) => {
    const bytes = [...target.searchable.values()].reduce((sum, doc) => sum + JSON.stringify(doc.source).length, 0)
    return {
      health: healthOf(target), status: "open", index: target.name, uuid: target.uuid, pri: "1",
      rep: String(target.numberOfReplicas()), "docs.count": String(target.luceneDocCount()), "docs.deleted": "0",
      "store.size": formatBytes(bytes), "pri.store.size": formatBytes(bytes),
    }
  })
  const columns = params.get("h")?.split(",") ?? Object.keys(rows[0] ?? { health: 0, status: 0, index: 0, uuid: 0, pri: 0, rep: 0, "docs.count": 0, "docs.deleted": 0, "store.size": 0, "pri.store.size": 0 })
  const selected = rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column as keyof typeof row]])))
  if (params.get("format") === "json") return ok(selected)
  const table = [...(params.has("v") ? [columns] : []), ...selected.map((row) => columns.map((column) => String(row[column] ?? "")))]
  const widths = columns.map((_, i) => Math.max(...table.map((line) => line[i].length)))
  return { status: 200, text: table.map((line) => line.map((cell, i) => cell.padEnd(widths[i])).join(" ").trimEnd() + "\n").join("") }
}

const CREATE_INDEX_KEYS = ["settings", "mappings", "aliases"]

function createIndex(request: ApiRequest) {
  const body = jsonBody(request) ?? {}
  for (const key of Object.keys(body)) {
    if (!CREATE_INDEX_KEYS.includes(key)) throw parseException(`unknown key [${key}] for create index`)
  }
  request.cluster.create(request.route.index, body)
  return ok({ acknowledged: true, shards_acknowledged: true, index: request.route.index })
}

const describe = (target: StoredIndex) => ({
  aliases: Object.fromEntries(target.aliases),
  mappings: target.mappings,
  settings: nestSettings(target.settings),
})

function putMapping(request: ApiRequest) {
  const update = normalizeMappings(jsonBody(request))
  const targets = request.cluster.resolve(request.route.index)
  for (const target of targets) target.mappings = mergeMappings(target.mappings, update)
  return ok({ acknowledged: true })
}

/** Settings that can only be set at index creation. */
const STATIC_SETTINGS = ["index.number_of_shards", "index.uuid", "index.creation_date", "index.provided_name", "index.version.created"]

function putSettings(request: ApiRequest) {
  const update = flattenSettings(jsonBody(request))
  const targets = request.cluster.resolve(request.route.index)
  const refused = Object.keys(update).filter((key) => STATIC_SETTINGS.includes(key))
  if (refused.length) {
    throw illegalArgument(`Can't update non dynamic settings [[${refused.join(", ")}]] for open indices [${targets.map((t) => `[${t.name}/${t.uuid}]`).join(", ")}]`)
  }
  for (const target of targets) Object.assign(target.settings, update)
  return ok({ acknowledged: true })
}

function getAliases({ cluster, route: { index, name }, method }: ApiRequest) {
  const targets = cluster.resolve(index, { allowNoIndices: true })
  const names = name?.split(",")
  const found = targets
    .map((target) => [target.name, [...target.aliases].filter(([alias]) => !names || names.includes(alias))] as const)
    .filter(([, aliases]) => !names || aliases.length)
  const missing = names?.filter((alias) => !found.some(([, aliases]) => aliases.some(([a]) => a === alias))) ?? []
  if (method === "HEAD") return { status: missing.length || (names && !found.length) ? 404 : 200 }
  const body = Object.fromEntries(found.map(([target, aliases]) => [target, { aliases: Object.fromEntries(aliases) }]))
  if (missing.length) return ok({ error: `alias [${missing.join(",")}] missing`, status: 404, ...body }, 404)
  return ok(body)
}

function putAlias(request: ApiRequest) {
  const options = jsonBody(request) ?? {}
  const { index, name } = request.route
  for (const target of request.cluster.resolve(index)) target.aliases.set(name, isPlainObject(options) ? options : {})
  return ok({ acknowledged: true })
}

function deleteAlias({ cluster, route: { index, name } }: ApiRequest) {
  const targets = cluster.resolve(index)
  if (!targets.some((target) => target.aliases.has(name))) throw aliasesNotFound(name)
  for (const target of targets) target.aliases.delete(name)
  return ok({ acknowledged: true })
}

export const INDEX_ROUTES = [
  route("GET,HEAD /", info),
  route("GET /_cluster/health", clusterHealth),
  route("GET /_cluster/health/:target", (request) => clusterHealth({ ...request, route: { index: request.route.target } })),
  route("GET /_cat/indices", catIndices),
  route("GET /_cat/indices/:target", (request) => catIndices({ ...request, route: { index: request.route.target } })),
  route("POST /_aliases", (request) => {
    request.cluster.updateAliases(jsonBody(request)?.actions)
    return ok({ acknowledged: true })
  }),
  route("GET,HEAD /_alias", getAliases),
  route("GET,HEAD /_alias/:name", getAliases),
  route("GET,HEAD /:index/_alias", getAliases),
  route("GET,HEAD /:index/_alias/:name", getAliases),
  route("PUT,POST /:index/_alias/:name", putAlias),
  route("PUT,POST /:index/_aliases/:name", putAlias),
  route("DELETE /:index/_alias/:name", deleteAlias),
  route("DELETE /:index/_aliases/:name", deleteAlias),
  route("GET /_mapping", ({ cluster }) => ok(Object.fromEntries([...cluster.indices.values()].map((t) => [t.name, { mappings: t.mappings }])))),
  route("GET /:index/_mapping", ({ cluster, route: { index } }) =>
    ok(Object.fromEntries(cluster.resolve(index).map((t) => [t.name, { mappings: t.mappings }])))
  ),
  route("PUT,POST /:index/_mapping", putMapping),
  route("GET /_settings", ({ cluster }) => ok(Object.fromEntries([...cluster.indices.values()].map((t) => [t.name, { settings: nestSettings(t.settings) }])))),
  route("GET /:index/_settings", ({ cluster, route: { index } }) =>
    ok(Object.fromEntries(cluster.resolve(index).map((t) => [t.name, { settings: nestSettings(t.settings) }])))
  ),
  route("PUT /:index/_settings", putSettings),
  route("PUT /:index", createIndex),
  route("HEAD /:index", ({ cluster, route: { index } }) => {
    try {
      return { status: cluster.resolve(index, { allowNoIndices: false }).length ? 200 : 404 }
    } catch {
      return { status: 404 }
    }
  }),
  route("GET /:index", ({ cluster, route: { index } }) => ok(Object.fromEntries(cluster.resolve(index).map((t) => [t.name, describe(t)])))),
  route("DELETE /:index", ({ cluster, route: { index } }) => {
    cluster.delete(index)
    return ok({ acknowledged: true })
  }),
]
