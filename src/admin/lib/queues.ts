/** The shapes of /admin/commerce-bridge/queues, as the admin uses them (dates arrive as strings). */
import type { QueueCounts, QueueSummary } from "../../modules/queue/types"

export type { QueueCounts, QueueSummary }

export interface DeadLetter {
  id: string
  queue: string
  name: string
  payload_preview: string
  attempts: { attempt: number; error: string; failed_at: string }[]
  created_at: string
  dead_at: string
}

export interface QueueDetail {
  queue: QueueSummary
  dead_letters: DeadLetter[]
  count: number
  offset: number
  limit: number
}

export const COUNT_COLUMNS: { key: Exclude<keyof QueueCounts, "paused">; label: string }[] = [
  { key: "waiting", label: "Waiting" },
  { key: "active", label: "Active" },
  { key: "delayed", label: "Delayed" },
  { key: "completed", label: "Completed" },
  { key: "failed", label: "Retrying" },
  { key: "dead", label: "Dead-lettered" },
]
