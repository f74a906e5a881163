import { bearerAuth, expectSuccess, joinUrl, probe } from "../../../lib/http-probe"
import type { IntegrationDescriptor } from "../types"

export interface StrapiConfig {
  url?: string
  apiToken?: string
  webhookSecret?: string
}

export const strapi: IntegrationDescriptor<StrapiConfig> = {
  name: "strapi",
  label: "Strapi",
  kind: "cms",
  description: "Keeps CMS content and the catalogue in step, both ways.",
  fields: [
    { key: "url", label: "Strapi URL", type: "url", required: true },
    { key: "apiToken", label: "API token", type: "string", secret: true, required: true },
    { key: "webhookSecret", label: "Webhook signing secret", type: "string", secret: true, description: "Verifies Strapi's requests to /webhooks/strapi/*." },
  ],
  /** The CommerceBridge plugin's status route: it tells a rejected token (401/403) from a Strapi without the plugin (404). */
  async check({ config, signal }) {
    const response = await probe(joinUrl(config.url!, "api/commerce-bridge/status"), { signal, headers: bearerAuth(config.apiToken!) })
    if (response.status === 401 || response.status === 403) {
      return { status: "down", message: `API token rejected (HTTP ${response.status})` }
    }
    if (response.status === 404) {
      return { status: "down", message: "the CommerceBridge plugin is not installed in Strapi" }
    }
    expectSuccess(response, "Strapi")
    const data = (response.body as { data?: { plugin?: string; version?: string } })?.data
    return { status: "up", details: { plugin_version: data?.version ?? null } }
  },
}
