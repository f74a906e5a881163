import type { IntegrationDescriptor } from "../types"
import { mailgun } from "./mailgun"
import { meilisearch } from "./meilisearch"
import { openai } from "./openai"
import { opensearch } from "./opensearch"
import { queue } from "./queue"
import { strapi } from "./strapi"
import { twilio } from "./twilio"

export const BUILT_IN_INTEGRATIONS: IntegrationDescriptor<any>[] = [queue, mailgun, twilio, meilisearch, opensearch, openai, strapi]

export type { MailgunConfig } from "./mailgun"
export type { MeilisearchConfig } from "./meilisearch"
export type { OpenAIConfig } from "./openai"
export type { OpenSearchConfig } from "./opensearch"
export type { StrapiConfig } from "./strapi"
export type { TwilioConfig } from "./twilio"
