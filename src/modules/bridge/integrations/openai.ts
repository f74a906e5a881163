import { bearerAuth, expectSuccess, joinUrl, probe } from "../../../lib/http-probe"
import type { IntegrationDescriptor } from "../types"

export interface OpenAIConfig {
  apiKey?: string
  baseUrl?: string
  model?: string
  monthlyBudgetUsd?: number
}

export const openai: IntegrationDescriptor<OpenAIConfig> = {
  name: "openai",
  label: "OpenAI",
  kind: "ai",
  description: "Drafts product copy, SEO text and customer messages; any OpenAI-compatible server.",
  fields: [
    { key: "apiKey", label: "API key", type: "string", secret: true, required: true },
    { key: "baseUrl", label: "Base URL", type: "url", default: "https://api.openai.com/v1" },
    { key: "model", label: "Model", type: "string", default: "gpt-4o-mini" },
    { key: "monthlyBudgetUsd", label: "Monthly budget (USD)", type: "number" },
  ],
  async check({ config, signal }) {
    const url = joinUrl(config.baseUrl!, `models/${encodeURIComponent(config.model!)}`)
    const response = await probe(url, { signal, headers: bearerAuth(config.apiKey!) })
    if (response.status === 404) {
      return { status: "down", message: `Model ${config.model} is not available to this key` }
    }
    expectSuccess(response, "OpenAI")
    return { status: "up", details: { model: config.model } }
  },
}
