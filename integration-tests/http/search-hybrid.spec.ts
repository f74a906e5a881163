import { startMeilisearchFixture } from "../__fixtures__/meilisearch/server"
import { startOpenAIFixture } from "../__fixtures__/openai"
import { fixedPort } from "../helpers/local-server"
import { hybridEnv, hybridSuite } from "./search-hybrid-cases"

jest.setTimeout(180 * 1000)

// Offsets of their own: every spec runs in the one jest process, and other specs use pid-based ports too.
const MEILI_PORT = fixedPort(15011)
const OPENAI_PORT = fixedPort(17021)
Object.assign(process.env, { SEARCH_PROVIDER: "meilisearch", MEILISEARCH_HOST: `http://127.0.0.1:${MEILI_PORT}`, ...hybridEnv(OPENAI_PORT) })
hybridSuite(startMeilisearchFixture({ port: MEILI_PORT }), startOpenAIFixture({ port: OPENAI_PORT }))
