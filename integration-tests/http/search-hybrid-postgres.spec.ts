import { startOpenAIFixture } from "../__fixtures__/openai"
import { fixedPort } from "../helpers/local-server"
import { hybridEnv, hybridSuite } from "./search-hybrid-cases"

jest.setTimeout(180 * 1000)

// PostgreSQL is the store's own database: nothing to start or reset.
const OPENAI_PORT = fixedPort(17025)
Object.assign(process.env, { SEARCH_PROVIDER: "postgres", ...hybridEnv(OPENAI_PORT) })
hybridSuite(Promise.resolve({ reset: () => {}, close: async () => {} }), startOpenAIFixture({ port: OPENAI_PORT }))
