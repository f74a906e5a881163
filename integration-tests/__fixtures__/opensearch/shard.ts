/** A search-time view of one index (each fixture index has exactly one primary shard). */

import type { IndexAnalysisSettings } from "./analysis"
import { wildcardRegExp } from "./analysis"
import { leafFieldPaths, ResolvedField, resolveField } from "./mapping"
import { compileQuery, Query } from "./query"
import { computeFieldStats, FieldStats } from "./scoring"
import { nestSettings, StoredIndex } from "./store"
import { DocContext, nestedContexts } from "./values"

export class Shard {
  readonly analysisSettings: IndexAnalysisSettings
  private readonly fields = new Map<string, ResolvedField | undefined>()
  private readonly statsByField = new Map<string, FieldStats>()
  private readonly compiled = new WeakMap<object, Query>()
  private topLevel?: DocContext[]

  constructor(readonly index: StoredIndex) {
    this.analysisSettings = (nestSettings(index.settings).index ?? {}) as IndexAnalysisSettings
  }

  get name() {
    return this.index.name
  }

  field(path: string): ResolvedField | undefined {
    if (!this.fields.has(path)) this.fields.set(path, resolveField(this.index.mappings, path))
    return this.fields.get(path)
  }

  /** Field names matching a pattern such as `*` or `title*` (as multi_match's `fields` allows). */
  fieldsMatching(pattern: string): string[] {
    if (!pattern.includes("*")) return [pattern]
    const regexp = wildcardRegExp(pattern)
    return leafFieldPaths(this.index.mappings).filter((path) => regexp.test(path))
  }

  /** The searchable (refreshed) documents, in indexing order. */
  documents(): DocContext[] {
    this.topLevel ??= [...this.index.searchable.values()]
      .sort((a, b) => a.order - b.order)
      .map((doc) => ({ shard: this, doc, source: doc.source, nestedPath: null }))
    return this.topLevel
  }

  /** Every context of a nested scope across the shard (the documents themselves for null). */
  contextsAt(nestedPath: string | null): DocContext[] {
    if (nestedPath === null) return this.documents()
    const parentScope = this.field(nestedPath)?.nestedPath ?? null
    return this.contextsAt(parentScope).flatMap((ctx) => nestedContexts(ctx, nestedPath))
  }

  stats(field: ResolvedField): FieldStats {
    let stats = this.statsByField.get(field.path)
    if (!stats) this.statsByField.set(field.path, (stats = computeFieldStats(this.contextsAt(field.nestedPath), field)))
    return stats
  }

  compile(query: unknown): Query {
    if (typeof query !== "object" || query === null) return compileQuery(query, this)
    let compiled = this.compiled.get(query)
    if (!compiled) this.compiled.set(query, (compiled = compileQuery(query, this)))
    return compiled
  }
}
