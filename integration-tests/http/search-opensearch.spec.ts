import { startOpenSearchFixture } from "../__fixtures__/opensearch/server"
import { searchSyncSuite } from "./search-sync-cases"
import { fixedPort } from "../helpers/local-server"

jest.setTimeout(180 * 1000)

const port = fixedPort(7919)
Object.assign(process.env, { SEARCH_PROVIDER: "opensearch", OPENSEARCH_NODE: `http://127.0.0.1:${port}` })
searchSyncSuite(startOpenSearchFixture({ port }))
