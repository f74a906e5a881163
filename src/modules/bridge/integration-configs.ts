import type {
  MailgunConfig,
  MeilisearchConfig,
  OpenAIConfig,
  OpenSearchConfig,
  StrapiConfig,
  TwilioConfig,
} from "./integrations"

/**
 * Config type of each built-in integration, for `bridge.integrations.<name>.read()`.
 * Extend it by declaration merging when registering an integration of your own.
 */
export interface IntegrationConfigs {
  mailgun: MailgunConfig
  twilio: TwilioConfig
  meilisearch: MeilisearchConfig
  opensearch: OpenSearchConfig
  openai: OpenAIConfig
  strapi: StrapiConfig
}
