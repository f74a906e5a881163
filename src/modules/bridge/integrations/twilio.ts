import { basicAuth, expectSuccess, joinUrl, probe } from "../../../lib/http-probe"
import type { IntegrationDescriptor } from "../types"

export interface TwilioConfig {
  accountSid?: string
  authToken?: string
  apiKeySid?: string
  apiKeySecret?: string
  from?: string
  messagingServiceSid?: string
  whatsappFrom?: string
  statusCallbackUrl?: string
  baseUrl?: string
}

const INACTIVE_ACCOUNT_STATES = ["suspended", "closed"]

/** Twilio accepts the account's auth token or an API key pair. */
export function twilioCredentials(config: TwilioConfig): [string, string] {
  if (config.apiKeySid && config.apiKeySecret) {
    return [config.apiKeySid, config.apiKeySecret]
  }
  if (config.authToken) {
    return [config.accountSid!, config.authToken]
  }
  throw new Error("Twilio needs authToken, or apiKeySid with apiKeySecret")
}

export const twilio: IntegrationDescriptor<TwilioConfig> = {
  name: "twilio",
  label: "Twilio",
  kind: "sms",
  description: "SMS and WhatsApp messages through the Twilio Messages API.",
  fields: [
    { key: "accountSid", label: "Account SID", type: "string", required: true },
    { key: "authToken", label: "Auth token", type: "string", secret: true },
    { key: "apiKeySid", label: "API key SID", type: "string", description: "Use with the API key secret instead of the auth token." },
    { key: "apiKeySecret", label: "API key secret", type: "string", secret: true },
    { key: "from", label: "From number", type: "string", description: "E.164, e.g. +15005550006" },
    { key: "messagingServiceSid", label: "Messaging service SID", type: "string" },
    { key: "whatsappFrom", label: "WhatsApp sender", type: "string" },
    { key: "statusCallbackUrl", label: "Status callback URL", type: "url" },
    { key: "baseUrl", label: "API base URL", type: "url", default: "https://api.twilio.com" },
  ],
  requireOneOf: [["authToken"], ["apiKeySid", "apiKeySecret"]],
  async check({ config, signal }) {
    const [user, password] = twilioCredentials(config)
    const url = joinUrl(config.baseUrl!, `2010-04-01/Accounts/${encodeURIComponent(config.accountSid!)}.json`)
    const response = await probe(url, { signal, headers: basicAuth(user, password) })
    expectSuccess(response, "Twilio")
    const state = (response.body as { status?: string })?.status ?? null
    if (state && INACTIVE_ACCOUNT_STATES.includes(state)) {
      return { status: "down", message: `Twilio account is ${state}`, details: { account_status: state } }
    }
    return { status: "up", details: { account_status: state } }
  },
}
