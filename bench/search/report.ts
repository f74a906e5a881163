/** What the bench's child processes measure, and how they hand it to bench/search/index.ts. */
import { runChildIn } from "../child"

export interface WriteFigures {
  engine: string
  /** `reindex`: the Search Module's reindex; `single`: one provider write + wait per document. */
  mode: "reindex" | "single"
  documents: number
  seconds: number
  docs_per_s: number
  /** HTTP requests the engine received (null for PostgreSQL, which speaks SQL). */
  http_requests: number | null
  http_requests_per_10k: number | null
  /** SQL statements sent: the provider's own for PostgreSQL, the module's bookkeeping for every engine. */
  sql_statements: number
  sql_statements_per_10k: number
}

export interface LatencyFigures {
  /** Where the queries entered: the provider, the Search Module, or `POST /store/search` over HTTP. */
  path: "provider" | "module" | "route"
  queries: number
  p50_ms: number
  p95_ms: number
  mean_ms: number
}

export { reportResult } from "../child"

/** Runs `bench/search/<script>` in a fresh Node process and returns what it reported. */
export function runChild<T>(script: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  return runChildIn<T>(__dirname, script, args, env)
}
