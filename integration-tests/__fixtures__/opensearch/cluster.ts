/** The single-node cluster: its indices and aliases, and how index expressions resolve against them. */

import { wildcardRegExp } from "./analysis"
import { isPlainObject } from "./objects"
import { aliasesNotFound, illegalArgument, indexNotFound, invalidIndexName, resourceAlreadyExists, validationFailed } from "./errors"
import { normalizeMappings } from "./mapping"
import { flattenSettings, StoredIndex } from "./store"

export interface ResolveOptions {
  ignoreUnavailable?: boolean
  allowNoIndices?: boolean
  resourceType?: string
}

export class Cluster {
  readonly indices = new Map<string, StoredIndex>()

  /** PUT /:index with `{ settings, mappings, aliases }`. */
  create(name: string, body: Record<string, unknown> = {}): StoredIndex {
    validateIndexName(name)
    const existing = this.indices.get(name)
    if (existing) throw resourceAlreadyExists(name, existing.uuid)
    if (this.aliasTargets(name)) throw invalidIndexName(name, "already exists as alias")
    const settings = {
      "index.number_of_shards": "1",
      "index.number_of_replicas": "1",
      ...flattenSettings(body.settings),
    }
    const index = new StoredIndex(name, normalizeMappings(body.mappings), settings)
    index.settings["index.uuid"] = index.uuid
    index.settings["index.creation_date"] = String(index.createdAt)
    index.settings["index.provided_name"] = name
    for (const [alias, options] of Object.entries(isPlainObject(body.aliases) ? body.aliases : {})) {
      index.aliases.set(alias, isPlainObject(options) ? options : {})
    }
    this.indices.set(name, index)
    return index
  }

  delete(expression: string): StoredIndex[] {
    const targets = this.resolve(expression, { allowNoIndices: true })
    for (const index of targets) {
      index.dispose()
      this.indices.delete(index.name)
    }
    return targets
  }

  /** Concrete indices for a comma-separated expression of names, aliases, wildcards and `_all`. */
  resolve(expression: string | undefined, options: ResolveOptions = {}): StoredIndex[] {
    const found = new Map<string, StoredIndex>()
    for (const part of (expression || "_all").split(",").map((p) => p.trim()).filter(Boolean)) {
      if (part === "_all" || part.includes("*")) {
        const pattern = wildcardRegExp(part === "_all" ? "*" : part)
        const matches = [...this.indices.values()].filter(
          (index) => pattern.test(index.name) || [...index.aliases.keys()].some((alias) => pattern.test(alias))
        )
        if (!matches.length && options.allowNoIndices === false) throw indexNotFound(part, options.resourceType)
        for (const index of matches) found.set(index.name, index)
        continue
      }
      const targets = this.indices.has(part) ? [this.indices.get(part)!] : this.aliasTargets(part)
      if (!targets) {
        if (options.ignoreUnavailable) continue
        throw indexNotFound(part, options.resourceType)
      }
      for (const index of targets) found.set(index.name, index)
    }
    return [...found.values()]
  }

  /**
   * The index a write to `name` lands in. A missing index is auto-created (action.auto_create_index), except for
   * deletes, which OpenSearch never lets create an index.
   */
  writeIndex(name: string, autoCreate = true): StoredIndex {
    const index = this.indices.get(name)
    if (index) return index
    const targets = this.aliasTargets(name)
    if (!targets) {
      if (!autoCreate) throw indexNotFound(name, "index_expression")
      return this.create(name)
    }
    const designated = targets.filter((target) => target.aliases.get(name)?.is_write_index === true)
    if (designated.length === 1) return designated[0]
    if (targets.length === 1 && targets[0].aliases.get(name)?.is_write_index !== false) return targets[0]
    throw illegalArgument(
      `no write index is defined for alias [${name}]. The write index may be explicitly disabled using is_write_index=false ` +
        "or the alias points to multiple indices without one being designated as a write index"
    )
  }

  aliasTargets(alias: string): StoredIndex[] | undefined {
    const targets = [...this.indices.values()].filter((index) => index.aliases.has(alias))
    return targets.length ? targets : undefined
  }

  /** POST /_aliases `{ actions: [{ add | remove | remove_index: {...} }] }`, applied atomically. */
  updateAliases(actions: unknown) {
    if (!Array.isArray(actions) || !actions.length) throw illegalArgument("No action specified")
    const plan: Array<() => void> = []
    for (const action of actions) {
      const [kind, spec] = Object.entries(action as Record<string, any>)[0] ?? []
      const indexNames: string[] = [spec?.index, ...(spec?.indices ?? [])].filter(Boolean)
      if (!indexNames.length) throw validationFailed("index is missing")
      const indices = this.resolve(indexNames.join(","))
      const aliases: string[] = [spec?.alias, ...(spec?.aliases ?? [])].filter(Boolean)
      if (kind !== "remove_index" && !aliases.length) throw validationFailed("alias is missing")
      if (kind === "add") {
        const { index: _i, indices: _is, alias: _a, aliases: _as, ...options } = spec
        plan.push(() => indices.forEach((index) => aliases.forEach((alias) => index.aliases.set(alias, options))))
      } else if (kind === "remove") {
        for (const index of indices) {
          for (const alias of aliases) {
            if (!index.aliases.has(alias)) throw aliasesNotFound(alias)
            plan.push(() => index.aliases.delete(alias))
          }
        }
      } else if (kind === "remove_index") {
        plan.push(() => indices.forEach((index) => this.delete(index.name)))
      } else {
        throw illegalArgument(`Unsupported action [${kind}]`)
      }
    }
    plan.forEach((step) => step())
  }

  clear() {
    for (const index of this.indices.values()) index.dispose()
    this.indices.clear()
  }
}

/** OpenSearch's index name rules (MetadataCreateIndexService.validateIndexOrAliasName). */
export function validateIndexName(name: string) {
  if (/[\\/*?"<>| ,]/.test(name)) throw invalidIndexName(name, 'must not contain the following characters [ , ", *, \\, <, |, ,, >, /, ?]')
  if (name.includes("#")) throw invalidIndexName(name, "must not contain '#'")
  if (name.includes(":")) throw invalidIndexName(name, "must not contain ':'")
  if (/^[_\-+]/.test(name)) throw invalidIndexName(name, "must not start with '_', '-', or '+'")
  if (name === "." || name === "..") throw invalidIndexName(name, "must not be '.' or '..'")
  if (Buffer.byteLength(name) > 255) throw invalidIndexName(name, `index name is too long, (${Buffer.byteLength(name)} > 255)`)
  if (name.toLowerCase() !== name) throw invalidIndexName(name, "must be lowercase")
}
