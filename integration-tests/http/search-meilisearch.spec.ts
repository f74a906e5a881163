import { startMeilisearchFixture } from "../__fixtures__/meilisearch/server"
import { searchSyncSuite } from "./search-sync-cases"
import { fixedPort } from "../helpers/local-server"

jest.setTimeout(180 * 1000)

const port = fixedPort(0)
Object.assign(process.env, { SEARCH_PROVIDER: "meilisearch", MEILISEARCH_HOST: `http://127.0.0.1:${port}` })
searchSyncSuite(startMeilisearchFixture({ port }))
