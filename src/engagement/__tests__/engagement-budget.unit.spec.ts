import { assertBudgetCovers, assertBudgetLeft, budgetStatus, monthStart, usd } from "../budget"
import { inputHash, HashedInput } from "../input-hash"

describe("engagement budget", () => {
  it("counts the month from midnight UTC of its first day", () => {
    expect(monthStart(new Date("2026-03-31T23:59:59-05:00")).toISOString()).toBe("2026-04-01T00:00:00.000Z")
    expect(monthStart(new Date("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-01-01T00:00:00.000Z")
  })

  it("reports what is left, never below zero, and no limit without a budget", () => {
    expect(budgetStatus(10, 2.5)).toEqual({ budget_usd: 10, spent_usd: 2.5, left_usd: 7.5 })
    expect(budgetStatus(1, 1.2)).toEqual({ budget_usd: 1, spent_usd: 1.2, left_usd: 0 })
    expect(budgetStatus(undefined, 3)).toEqual({ budget_usd: null, spent_usd: 3, left_usd: null })
    expect(budgetStatus(0.3, 0.1 + 0.2).left_usd).toBe(0)
  })

  it("stops generation once the budget is spent, with the budget and the month's spend in the message", () => {
    expect(() => assertBudgetLeft(budgetStatus(5, 4.99))).not.toThrow()
    expect(() => assertBudgetLeft(budgetStatus(null, 1e6))).not.toThrow()
    expect(() => assertBudgetLeft(budgetStatus(5, 5))).toThrow("Monthly AI budget of $5.00 spent ($5.00 this month)")
    expect(() => assertBudgetLeft(budgetStatus(5, 5))).toThrow(expect.objectContaining({ status: 402, code: "budget_spent" }))
  })

  it("refuses a bulk run whose estimate is more than what is left", () => {
    expect(() => assertBudgetCovers(budgetStatus(1, 0.5), 0.5)).not.toThrow()
    expect(() => assertBudgetCovers(budgetStatus(1, 0.5), 0.51)).toThrow("estimated at $0.51, but only $0.50 of the monthly AI budget of $1.00 is left")
  })

  it("shows amounts below a cent with two significant digits", () => {
    expect([usd(0), usd(0.000123), usd(0.0049), usd(12.345)]).toEqual(["$0.00", "$0.00012", "$0.0049", "$12.35"])
  })
})

describe("engagement input hash", () => {
  const input: HashedInput = { kind: "seo", promptVersion: "seo@1", model: "gpt-4o-mini", locale: "en", tone: "friendly", system: "S", prompt: "P" }

  it("is the same for the same input and differs when anything that shapes the answer changes", () => {
    expect(inputHash(input)).toBe(inputHash({ ...input }))
    expect(inputHash(input)).toMatch(/^[0-9a-f]{64}$/)
    const changes: Partial<HashedInput>[] = [
      { kind: "campaign" },
      { promptVersion: "seo@2" },
      { model: "gpt-4o" },
      { locale: "de" },
      { tone: "formal" },
      { system: "S2" },
      { prompt: "P2" },
    ]
    const hashes = new Set(changes.map((change) => inputHash({ ...input, ...change })))
    expect(hashes.size).toBe(changes.length)
    expect(hashes.has(inputHash(input))).toBe(false)
  })

  it("cannot be forged by moving text between fields", () => {
    expect(inputHash({ ...input, system: "SP", prompt: "" })).not.toBe(inputHash({ ...input, system: "S", prompt: "P" }))
  })
})
