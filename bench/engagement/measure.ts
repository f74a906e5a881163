/**
 * Figures of one bulk run, from the wall clock and from what the OpenAI fixture received.
 */
export const WINDOW_MS = 60_000
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places

/** The most requests received in any rolling minute (the window the provider's limiter and OpenAI's own limits count in). */
export function busiestWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last] - sorted[first] >= WINDOW_MS) first++
    best = Math.max(best, last - first + 1)
  }
  return best
}

export interface RunInput {
  label: string
  /** How the products were driven: the real queue worker, or the bench calling the bulk job handler. */
  path: "queue" | "direct"
  bulkConcurrency: number
  /** Requests the provider keeps in flight. */
  providerConcurrency: number
  /** 0: no limit. */
  requestsPerMinute: number
  /** 0: no limit. */
  tokensPerMinute: number
  products: number
  wallMs: number
  /** The queue path: the start workflow (estimate, run record, enqueue), inside wallMs. */
  startMs?: number
  /** Receive times (ms) of the fixture's chat completions. */
  requestTimes: number[]
  maxInFlight: number
  done: number
  failed: number
  retries: number
  /** Tokens the provider's limiter reserves per request (prompt estimate + max output tokens). */
  reservedTokensPerRequest: number
  /** Tokens the fixture reported as used, all requests. */
  usedTokens: number
  latencyMs: number
}

export function figures(run: RunInput) {
  const minutes = run.wallMs / WINDOW_MS
  const requests = run.requestTimes.length
  const requestsPerMin = requests / minutes
  const inFlight = Math.min(run.bulkConcurrency, run.providerConcurrency)
  const concurrencyCeiling = (inFlight * WINDOW_MS) / run.latencyMs
  const tokenCap = run.tokensPerMinute ? run.tokensPerMinute / run.reservedTokensPerRequest : Infinity
  const ceiling = Math.min(concurrencyCeiling, run.requestsPerMinute || Infinity, tokenCap)
  const busiest = busiestWindow(run.requestTimes)
  const usedPerRequest = requests ? run.usedTokens / requests : 0
  return {
    label: run.label,
    path: run.path,
    bulk_concurrency: run.bulkConcurrency,
    provider_concurrency: run.providerConcurrency,
    rpm_limit: run.requestsPerMinute || null,
    tpm_limit: run.tokensPerMinute || null,
    products: run.products,
    wall_s: round(run.wallMs / 1000),
    start_workflow_s: run.startMs === undefined ? null : round(run.startMs / 1000, 2),
    products_per_min: round(run.products / minutes),
    requests,
    requests_per_min: round(requestsPerMin),
    /** Achieved requests/min over the whole run ÷ the RPM limit (can pass 100 % on runs of a few minutes: see README). */
    rpm_share_avg_pct: run.requestsPerMinute ? round((100 * requestsPerMin) / run.requestsPerMinute) : null,
    busiest_minute_requests: busiest,
    /** The busiest rolling minute ÷ the RPM limit: how much of the limit the run actually used. */
    rpm_share_busiest_pct: run.requestsPerMinute ? round((100 * busiest) / run.requestsPerMinute) : null,
    reserved_tokens_per_request: run.reservedTokensPerRequest,
    used_tokens_per_request: Math.round(usedPerRequest),
    /** Tokens the limiter reserved in the busiest minute ÷ the TPM limit. */
    tpm_share_reserved_pct: run.tokensPerMinute ? round((100 * busiest * run.reservedTokensPerRequest) / run.tokensPerMinute) : null,
    /** Tokens the answers reported as used in the busiest minute ÷ the TPM limit. */
    tpm_share_used_pct: run.tokensPerMinute ? round((100 * busiest * usedPerRequest) / run.tokensPerMinute) : null,
    max_in_flight: run.maxInFlight,
    /** min(in flight × 60 s ÷ latency, RPM limit, TPM limit ÷ reserved tokens per request). */
    ceiling_per_min: round(ceiling),
    concurrency_ceiling_per_min: round(concurrencyCeiling),
    of_ceiling_pct: round((100 * run.products) / minutes / ceiling),
    done: run.done,
    failed: run.failed,
    retries: run.retries,
  }
}

export type Figures = ReturnType<typeof figures>
