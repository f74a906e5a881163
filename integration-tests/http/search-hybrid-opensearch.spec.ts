import { startOpenAIFixture } from "../__fixtures__/openai"
import { startOpenSearchFixture } from "../__fixtures__/opensearch/server"
import { fixedPort } from "../helpers/local-server"
import { hybridEnv, hybridSuite } from "./search-hybrid-cases"

jest.setTimeout(180 * 1000)

const OPENSEARCH_PORT = fixedPort(15013)
const OPENAI_PORT = fixedPort(17023)
Object.assign(process.env, { SEARCH_PROVIDER: "opensearch", OPENSEARCH_NODE: `http://127.0.0.1:${OPENSEARCH_PORT}`, ...hybridEnv(OPENAI_PORT) })
hybridSuite(startOpenSearchFixture({ port: OPENSEARCH_PORT }), startOpenAIFixture({ port: OPENAI_PORT }))
