import { EngagementError } from "./errors"

/** Midnight UTC of the first day of `now`'s month: where this month's spend starts. */
export function monthStart(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
}

export interface BudgetStatus {
  /** null: no limit. */
  budget_usd: number | null
  spent_usd: number
  /** null: no limit; never below 0. */
  left_usd: number | null
}

export function budgetStatus(budgetUsd: number | undefined | null, spentUsd: number): BudgetStatus {
  const budget = typeof budgetUsd === "number" && Number.isFinite(budgetUsd) ? budgetUsd : null
  return { budget_usd: budget, spent_usd: roundUsd(spentUsd), left_usd: budget === null ? null : roundUsd(Math.max(budget - spentUsd, 0)) }
}

/** Refuses a generation once this month's spend reached the budget. */
export function assertBudgetLeft(status: BudgetStatus): void {
  if (status.budget_usd !== null && status.spent_usd >= status.budget_usd) {
    throw new EngagementError(
      402,
      "budget_spent",
      `Monthly AI budget of ${usd(status.budget_usd)} spent (${usd(status.spent_usd)} this month); raise it in Settings → Integrations → OpenAI or wait for the next month`
    )
  }
}

/** Refuses a bulk run whose estimate is more than the budget has left. */
export function assertBudgetCovers(status: BudgetStatus, estimatedUsd: number): void {
  assertBudgetLeft(status)
  if (status.left_usd !== null && estimatedUsd > status.left_usd) {
    throw new EngagementError(
      402,
      "budget_insufficient",
      `This run is estimated at ${usd(estimatedUsd)}, but only ${usd(status.left_usd)} of the monthly AI budget of ${usd(status.budget_usd!)} is left`
    )
  }
}

/** Dollars to a millionth: token prices are quoted per million tokens. */
export function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/** $1.50, or $0.0003 for amounts below a cent. */
export function usd(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return `$${Number(value.toPrecision(2))}`
  return `$${value.toFixed(2)}`
}
