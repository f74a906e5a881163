import { bearerAuth, expectSuccess, joinUrl, probe } from "../../../lib/http-probe"
import type { IntegrationDescriptor } from "../types"

export interface MeilisearchConfig {
  host?: string
  apiKey?: string
  indexPrefix?: string
}

export const meilisearch: IntegrationDescriptor<MeilisearchConfig> = {
  name: "meilisearch",
  label: "Meilisearch",
  kind: "search",
  description: "Typo-tolerant product search on a Meilisearch server.",
  fields: [
    { key: "host", label: "Host", type: "url", required: true },
    { key: "apiKey", label: "Admin API key", type: "string", secret: true },
    { key: "indexPrefix", label: "Index prefix", type: "string", default: "" },
  ],
  async check({ config, signal }) {
    const health = await probe(joinUrl(config.host!, "health"), { signal })
    expectSuccess(health, "Meilisearch")
    const headers = config.apiKey ? bearerAuth(config.apiKey) : undefined
    const version = await probe(joinUrl(config.host!, "version"), { signal, headers })
    expectSuccess(version, "Meilisearch")
    return { status: "up", details: { version: (version.body as { pkgVersion?: string })?.pkgVersion ?? null } }
  },
}
