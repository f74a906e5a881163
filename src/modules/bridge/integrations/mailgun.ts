import { basicAuth, expectSuccess, joinUrl, probe } from "../../../lib/http-probe"
import type { IntegrationDescriptor } from "../types"

export interface MailgunConfig {
  apiKey?: string
  domain?: string
  from?: string
  region?: "us" | "eu"
  baseUrl?: string
  webhookSigningKey?: string
}

const REGION_URLS = { us: "https://api.mailgun.net", eu: "https://api.eu.mailgun.net" }

export function mailgunBaseUrl(config: MailgunConfig): string {
  return config.baseUrl ?? REGION_URLS[config.region ?? "us"]
}

export const mailgun: IntegrationDescriptor<MailgunConfig> = {
  name: "mailgun",
  label: "Mailgun",
  kind: "email",
  description: "Transactional email through the Mailgun Messages API.",
  fields: [
    { key: "apiKey", label: "API key", type: "string", secret: true, required: true },
    { key: "domain", label: "Sending domain", type: "string", required: true },
    { key: "from", label: "From address", type: "string", required: true, description: 'e.g. "Shop <orders@example.com>"' },
    { key: "region", label: "Region", type: "select", options: ["us", "eu"], default: "us" },
    { key: "baseUrl", label: "API base URL", type: "url", description: "Overrides the region's URL." },
    { key: "webhookSigningKey", label: "Webhook signing key", type: "string", secret: true },
  ],
  async check({ config, signal }) {
    const url = joinUrl(mailgunBaseUrl(config), `v3/domains/${encodeURIComponent(config.domain!)}`)
    const response = await probe(url, { signal, headers: basicAuth("api", config.apiKey!) })
    expectSuccess(response, "Mailgun")
    const state = (response.body as { domain?: { state?: string } })?.domain?.state
    return { status: "up", details: { domain_state: state ?? null } }
  },
}
