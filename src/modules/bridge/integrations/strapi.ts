import { expectSuccess, joinUrl, probe } from "../../../lib/http-probe"
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
    { key: "webhookSecret", label: "Webhook signing secret", type: "string", secret: true },
  ],
  async check({ config, signal }) {
    const response = await probe(joinUrl(config.url!, "_health"), { signal })
    expectSuccess(response, "Strapi")
    return { status: "up" }
  },
}
