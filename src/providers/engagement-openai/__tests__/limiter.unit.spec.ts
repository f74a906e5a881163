import { RequestLimiter } from "../limiter"

/** Acquires in order, recording when each one started (in the limiter's clock). */
function track(limiter: RequestLimiter, tokens: number[]) {
  const started: number[] = []
  const releases: (() => void)[] = []
  const all = tokens.map((amount, index) =>
    limiter.acquire(amount).then((release) => {
      started[index] = Date.now()
      releases[index] = release
    })
  )
  return { started, releases, all: Promise.all(all) }
}

describe("RequestLimiter with fake time", () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }))
  afterEach(() => jest.useRealTimers())

  it("keeps at most `concurrency` in flight; a release lets the next one start", async () => {
    const limiter = new RequestLimiter({ concurrency: 2, requestsPerWindow: 0, tokensPerWindow: 0 })
    const { started, releases } = track(limiter, [1, 1, 1])
    await jest.advanceTimersByTimeAsync(0)
    expect(started.filter(Boolean)).toHaveLength(2)
    expect(limiter).toMatchObject({ active: 2, pending: 1 })

    releases[0]()
    releases[0]() // a second release of the same slot is ignored
    await jest.advanceTimersByTimeAsync(0)

    expect(started[2]).toBe(1_000_000)
    expect(limiter).toMatchObject({ active: 2, pending: 0 })
  })

  it("starts at most `requestsPerWindow` in any rolling window", async () => {
    const limiter = new RequestLimiter({ concurrency: 10, requestsPerWindow: 2, tokensPerWindow: 0, windowMs: 60_000 })
    const { started } = track(limiter, [1, 1, 1, 1, 1])
    await jest.advanceTimersByTimeAsync(59_999)
    expect(started.filter(Boolean)).toEqual([1_000_000, 1_000_000])

    await jest.advanceTimersByTimeAsync(1)
    expect(started.slice(2).filter(Boolean)).toEqual([1_060_000, 1_060_000])
    await jest.advanceTimersByTimeAsync(60_000)
    expect(started[4]).toBe(1_120_000)
  })

  it("starts at most `tokensPerWindow` tokens in any rolling window, first come first served", async () => {
    const limiter = new RequestLimiter({ concurrency: 10, requestsPerWindow: 0, tokensPerWindow: 1000 })
    const first = track(limiter, [600])
    await jest.advanceTimersByTimeAsync(30_000)
    const later = track(limiter, [600, 100])

    await jest.advanceTimersByTimeAsync(29_999)
    expect(first.started).toEqual([1_000_000])
    // 100 tokens would fit, but they queue behind the 600 that do not.
    expect(later.started.filter(Boolean)).toEqual([])

    await jest.advanceTimersByTimeAsync(1)
    expect(later.started).toEqual([1_060_000, 1_060_000])
  })

  it("lets one request larger than the token budget through once the window is empty", async () => {
    const limiter = new RequestLimiter({ concurrency: 10, requestsPerWindow: 0, tokensPerWindow: 100 })
    const { started } = track(limiter, [50, 5000])
    await jest.advanceTimersByTimeAsync(60_000)
    expect(started).toEqual([1_000_000, 1_060_000])
  })

  it("close() rejects waiting and later requests", async () => {
    const limiter = new RequestLimiter({ concurrency: 1, requestsPerWindow: 0, tokensPerWindow: 0 })
    await limiter.acquire(1)
    const waiting = limiter.acquire(1)

    limiter.close(new Error("closed"))

    await expect(waiting).rejects.toThrow("closed")
    await expect(limiter.acquire(1)).rejects.toThrow("closed")
  })
})

describe("RequestLimiter with a tiny real window", () => {
  it("spaces requests to `requestsPerWindow` per window", async () => {
    const limiter = new RequestLimiter({ concurrency: 10, requestsPerWindow: 2, tokensPerWindow: 0, windowMs: 200 })
    const { started, all } = track(limiter, [1, 1, 1, 1, 1])
    await all

    // Node timers may fire a millisecond before the clock shows the delay passed: 2 ms of slack.
    expect(started[1] - started[0]).toBeLessThan(50)
    expect(started[2] - started[0]).toBeGreaterThanOrEqual(198)
    expect(started[4] - started[2]).toBeGreaterThanOrEqual(198)
    expect(started[4] - started[0]).toBeLessThan(800)
  })
})
