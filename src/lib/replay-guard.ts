/**
 * Remembers values (webhook tokens, signatures) for a while so the same signed request is accepted
 * once. Per instance: a replay to another instance is still bounded by the timestamp window.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>()

  constructor(private readonly ttlMs: number, private readonly maxEntries = 100_000) {}

  /** True the first time a value is offered within the window. */
  firstUse(value: string, now = Date.now()): boolean {
    this.evict(now)
    if (this.seen.has(value)) return false
    if (this.seen.size >= this.maxEntries) this.seen.delete(this.seen.keys().next().value!)
    this.seen.set(value, now + this.ttlMs)
    return true
  }

  private evict(now: number) {
    for (const [value, expires] of this.seen) {
      if (expires > now) break // insertion order is expiry order
      this.seen.delete(value)
    }
  }
}
