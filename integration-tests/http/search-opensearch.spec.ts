import { startOpenSearchFixture } from "../__fixtures__/opensearch/server"
import { searchSyncSuite } from "./search-sync-cases"

jest.setTimeout(180 * 1000)

const port = 40000 + ((process.pid + 7919) % 20000)
Object.assign(process.env, { SEARCH_PROVIDER: "opensearch", OPENSEARCH_NODE: `http://127.0.0.1:${port}` })
searchSyncSuite(startOpenSearchFixture({ port }))
