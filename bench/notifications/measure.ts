export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** Calls `fire` `rate` times a second for `seconds`, without waiting for each call, then waits for all. */
export async function steady(rate: number, seconds: number, fire: (n: number) => Promise<unknown>): Promise<void> {
  const calls: Promise<unknown>[] = []
  const start = Date.now()
  for (let n = 0; n < rate * seconds; n++) {
    const wait = start + (n * 1000) / rate - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    calls.push(fire(n))
  }
  await Promise.all(calls)
}
