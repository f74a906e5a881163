import { container } from "@medusajs/framework"
import type { ISearchModuleService } from "@medusajs/framework/types"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { asValue } from "@medusajs/framework/awilix"
import { fixtureEmbedding } from "../__fixtures__/openai/embeddings"
import { SEARCH_EMBEDDINGS_MODULE_KEY, TextEmbedder } from "../../src/search-embeddings/provider-vectors"
import { INDEX } from "./contract-index"
import { contractEngines } from "./engines"
import { ContractContext, dropDatabase, migrateAndSeed, nextPrefix, remainingIndexes, RUN_ID, searchModuleConfig } from "./harness"
import { queryCases } from "./query-cases"
import { semanticCases } from "./semantic-cases"
import { writeCases } from "./write-cases"

// Fixture engines apply writes on real timers, and every test boots the module on a fresh schema.
jest.setTimeout(60_000)

const runPrefix = `cbc_${RUN_ID}_`
const engines = contractEngines(runPrefix)

// Where every provider finds its embedder in an app: the search-embeddings module, here answered with the
// OpenAI fixture's deterministic embeddings (no server needed for what only the engines are tested on).
const embedder: TextEmbedder = { embed: async (texts, model) => texts.map((text) => fixtureEmbedding(text, model.dimensions)) }
beforeAll(() => container.register(SEARCH_EMBEDDINGS_MODULE_KEY, asValue(embedder)))

describe(`Search contract, run against: ${engines.map((engine) => engine.name).join("; ")}`, () => {
  describe.each(engines.map((engine, i) => [engine.name, engine, i] as const))("%s", (_name, engine, i) => {
    const dbName = `cb_search_contract_${RUN_ID}_${i}`
    beforeAll(() => engine.start())
    afterAll(async () => {
      await engine.stop()
      await dropDatabase(dbName)
    })

    moduleIntegrationTestRunner<ISearchModuleService>({
      ...searchModuleConfig(engine, dbName),
      hooks: { beforeModuleInit: async () => engine.usePrefix(nextPrefix(runPrefix)) },
      testSuite: ({ service, MikroOrmWrapper }) => {
        const ctx: ContractContext = { service, engine, probe: () => engine.probe(MikroOrmWrapper.getManager()), firstPlan: [] }

        // Nested, so they run inside the runner's module lifecycle (its afterEach shuts the module down).
        describe("through the Search Module", () => {
          beforeEach(() => migrateAndSeed(ctx))
          afterEach(async () => {
            await service.deleteIndex(INDEX)
            expect(await remainingIndexes(ctx, [])).toEqual([])
          })

          writeCases(ctx)
          queryCases(ctx)
          semanticCases(ctx)
        })
      },
    })
  })
})
