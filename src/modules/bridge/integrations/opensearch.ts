import { basicAuth, expectSuccess, joinUrl, probe } from "../../../lib/http-probe"
import type { IntegrationDescriptor } from "../types"

export interface OpenSearchConfig {
  node?: string
  username?: string
  password?: string
  indexPrefix?: string
}

export const opensearch: IntegrationDescriptor<OpenSearchConfig> = {
  name: "opensearch",
  label: "OpenSearch",
  kind: "search",
  description: "Product search on an OpenSearch cluster.",
  fields: [
    { key: "node", label: "Node URL", type: "url", required: true },
    { key: "username", label: "Username", type: "string" },
    { key: "password", label: "Password", type: "string", secret: true },
    { key: "indexPrefix", label: "Index prefix", type: "string", default: "" },
  ],
  async check({ config, signal }) {
    const headers = config.username ? basicAuth(config.username, config.password ?? "") : undefined
    const response = await probe(joinUrl(config.node!, "_cluster/health"), { signal, headers })
    expectSuccess(response, "OpenSearch")
    const body = response.body as { status?: string; cluster_name?: string }
    const details = { cluster_name: body?.cluster_name ?? null, cluster_status: body?.status ?? null }
    if (body?.status === "red") {
      return { status: "down", message: "OpenSearch cluster status is red", details }
    }
    return { status: "up", details }
  },
}
