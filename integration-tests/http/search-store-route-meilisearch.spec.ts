import { startMeilisearchFixture } from "../__fixtures__/meilisearch/server"
import { storeRouteSuite } from "./search-store-route-cases"
import { fixedPort } from "../helpers/local-server"

jest.setTimeout(240 * 1000)

const port = fixedPort(7)
Object.assign(process.env, { SEARCH_PROVIDER: "meilisearch", MEILISEARCH_HOST: `http://127.0.0.1:${port}` })
storeRouteSuite(
  startMeilisearchFixture({ port }).then((fixture) => ({
    // The fixture destroys every socket while down, as an unreachable engine does.
    takeDown: () => {
      fixture.setDown(true)
      return () => fixture.setDown(false)
    },
    reset: () => fixture.reset(),
    close: () => fixture.close(),
  }))
)
