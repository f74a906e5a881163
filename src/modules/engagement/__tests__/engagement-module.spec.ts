import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ENGAGEMENT_MODULE } from ".."
import type EngagementModuleService from "../service"
import type { NewEngagement } from "../types"

jest.setTimeout(60 * 1000)

const draft = (overrides: Partial<NewEngagement> = {}): NewEngagement => ({
  kind: "seo",
  subject_type: "product",
  subject_id: "prod_1",
  locale: "en",
  tone: "friendly",
  status: "draft",
  content: { seo_title: "T", seo_description: "D" },
  model: "gpt-4o-mini",
  prompt_version: "seo@1",
  input_hash: "hash-a",
  tokens_in: 100,
  tokens_out: 50,
  cost_usd: 0.000045,
  ...overrides,
})

moduleIntegrationTestRunner<EngagementModuleService>({
  moduleName: ENGAGEMENT_MODULE,
  resolve: "./src/modules/engagement",
  moduleOptions: { engagement: { monthlyBudgetUsd: 1 } },
  testSuite: ({ service }) => {
    it("reuses the newest engagement with the same input, never a rejected or failed one", async () => {
      await service.createEngagements([draft({ status: "rejected" }), draft({ status: "failed", content: null })] as any[])
      expect(await service.findReusable("hash-a")).toBeUndefined()

      const [applied] = (await service.createEngagements([draft({ status: "applied" })] as any[])) as any[]
      const found = await service.findReusable("hash-a")
      expect(found).toMatchObject({ id: applied.id, content: { seo_title: "T", seo_description: "D" } })
      expect(await service.findReusable("hash-b")).toBeUndefined()
    })

    it("sums this month's tokens and dollars from the first of the month, UTC", async () => {
      await service.createEngagements([draft(), draft({ cost_usd: 0.5, tokens_in: 1000, tokens_out: 500 }), draft({ status: "failed", cost_usd: 0 })] as any[])
      const usage = await service.monthToDateUsage()
      expect(usage).toEqual({ engagements: 3, tokens_in: 1200, tokens_out: 600, cost_usd: 0.500045 })
      expect(await service.usageSince(new Date(Date.now() + 60_000))).toEqual({ engagements: 0, tokens_in: 0, tokens_out: 0, cost_usd: 0 })

      expect(service.settings.monthlyBudgetUsd).toBe(1)
      expect(await service.budget(0.5)).toEqual({ budget_usd: 0.5, spent_usd: 0.500045, left_usd: 0 })
      expect(await service.budget(undefined)).toEqual({ budget_usd: null, spent_usd: 0.500045, left_usd: null })
    })

    it("edits only a draft's content", async () => {
      const [one] = (await service.createEngagements([draft()] as any[])) as any[]
      const edited = await service.updateDraftContent(one.id, { seo_title: "Better", seo_description: "D" })
      expect(edited.content).toEqual({ seo_title: "Better", seo_description: "D" })
      await service.updateEngagements({ id: one.id, status: "applied" } as any)
      await expect(service.updateDraftContent(one.id, { seo_title: "Later" })).rejects.toThrow(`Engagement ${one.id} is applied: only a draft can be edited`)
    })

    it("counts a bulk run's progress from its engagements and completes it when every product is settled", async () => {
      const run = (await service.createEngagementBulkRuns({ kind: "seo", locale: "en", tone: "friendly", model: "gpt-4o-mini", product_count: 3, estimated_cost_usd: 0.01 } as any)) as any
      await service.createEngagements([draft({ bulk_run_id: run.id, subject_id: "prod_1" }), draft({ bulk_run_id: run.id, subject_id: "prod_2", status: "failed", cost_usd: 0 })] as any[])
      expect(await service.refreshBulkRun(run.id)).toMatchObject({ done: 1, failed: 1, status: "queued", completed_at: null })

      await service.createEngagements([draft({ bulk_run_id: run.id, subject_id: "prod_3", cost_usd: 0.001 })] as any[])
      const finished = await service.refreshBulkRun(run.id)
      expect(finished).toMatchObject({ done: 2, failed: 1, status: "completed" })
      expect(finished.actual_cost_usd).toBeCloseTo(0.001045, 9)
      expect(finished.completed_at).toBeInstanceOf(Date)
    })
  },
})
