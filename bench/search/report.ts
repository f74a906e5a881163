/** What the bench's child processes measure, and how they hand it to bench/search/index.ts. */
import { spawn } from "child_process"
import path from "path"

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

const MARK = "RESULT "

/** Called once by a child: its result as one line on stdout (progress goes to stderr). */
export function reportResult(result: unknown) {
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`)
}

/** Runs `bench/search/<script>` in a fresh Node process and returns what it reported. */
export function runChild<T>(script: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(__dirname, script), ...args], {
      cwd: path.join(__dirname, "..", ".."),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    })
    let out = ""
    child.stdout.on("data", (chunk) => (out += chunk))
    child.on("error", reject)
    child.on("exit", (code) => {
      const line = out.split("\n").find((candidate) => candidate.startsWith(MARK))
      if (code === 0 && line) return resolve(JSON.parse(line.slice(MARK.length)))
      process.stderr.write(out)
      reject(new Error(`bench/search/${script} ${args.join(" ")} exited with ${code}`))
    })
  })
}
