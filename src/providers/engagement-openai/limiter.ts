export interface RequestLimiterOptions {
  /** Requests in flight at once. */
  concurrency: number
  /** Requests started in any rolling window; 0 for no limit. */
  requestsPerWindow: number
  /** Tokens started in any rolling window; 0 for no limit. A single larger request waits for an empty window. */
  tokensPerWindow: number
  /** @defaultValue 60000 (a minute) */
  windowMs?: number
}

interface Waiter {
  tokens: number
  resolve: (release: () => void) => void
  reject: (error: Error) => void
}

/**
 * Paces requests in this process, first come first served: a request waits (never fails) until a
 * slot is free and starting it keeps the rolling window within its request and token budgets.
 */
export class RequestLimiter {
  private readonly windowMs: number
  private readonly started: { at: number; tokens: number }[] = []
  private readonly waiting: Waiter[] = []
  private inFlight = 0
  private timer?: NodeJS.Timeout
  private closedWith?: Error

  constructor(private readonly options: RequestLimiterOptions) {
    this.windowMs = options.windowMs ?? 60_000
  }

  get active(): number {
    return this.inFlight
  }

  get pending(): number {
    return this.waiting.length
  }

  /** Resolves when the request may start; call the returned function once it has finished. */
  acquire(tokens: number): Promise<() => void> {
    if (this.closedWith) return Promise.reject(this.closedWith)
    return new Promise((resolve, reject) => {
      this.waiting.push({ tokens, resolve, reject })
      this.pump()
    })
  }

  /** Rejects every waiting request with `error`; later acquires are rejected too. Idempotent. */
  close(error: Error) {
    this.closedWith ??= error
    clearTimeout(this.timer)
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.closedWith)
  }

  private pump() {
    clearTimeout(this.timer)
    this.timer = undefined
    while (this.waiting.length && this.inFlight < this.options.concurrency) {
      const now = Date.now()
      this.forgetBefore(now - this.windowMs)
      const wait = this.waitFor(this.waiting[0].tokens, now)
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), wait)
        return
      }
      const { tokens, resolve } = this.waiting.shift()!
      this.inFlight++
      this.started.push({ at: now, tokens })
      resolve(this.releaser())
    }
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      this.inFlight--
      this.pump()
    }
  }

  private forgetBefore(cutoff: number) {
    while (this.started.length && this.started[0].at <= cutoff) this.started.shift()
  }

  /** Milliseconds until a request of `tokens` fits in the window (0: now). */
  private waitFor(tokens: number, now: number): number {
    const { requestsPerWindow, tokensPerWindow } = this.options
    let until = now
    if (requestsPerWindow && this.started.length >= requestsPerWindow) {
      until = this.started[this.started.length - requestsPerWindow].at + this.windowMs
    }
    if (tokensPerWindow) {
      let used = this.started.reduce((sum, entry) => sum + entry.tokens, 0)
      for (const entry of this.started) {
        if (used === 0 || used + tokens <= tokensPerWindow) break
        used -= entry.tokens
        until = Math.max(until, entry.at + this.windowMs)
      }
    }
    return until - now
  }
}
