import type { BulkRunRecord } from "../../../../modules/engagement/types"

/** A bulk run with its progress. */
export function bulkRunView(run: BulkRunRecord) {
  const settled = run.done + run.failed
  return {
    ...run,
    progress: {
      total: run.product_count,
      done: run.done,
      failed: run.failed,
      remaining: Math.max(run.product_count - settled, 0),
      percent: run.product_count ? Math.floor((settled / run.product_count) * 100) : 100,
    },
  }
}
