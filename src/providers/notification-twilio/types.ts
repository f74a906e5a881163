import type { TwilioConfig } from "../../modules/bridge/integrations/twilio"
import type { SharedProviderOptions } from "../../notifications/provider-support"

/** Options of the Twilio notification provider (channels `sms` and `whatsapp`). */
export interface TwilioProviderOptions extends TwilioConfig, SharedProviderOptions {
  /**
   * Milliseconds a call to Twilio may take before it counts as a (transient) failure.
   * @defaultValue 10000
   */
  timeoutMs?: number
}

/** Twilio-specific parts of a notification, in its `provider_data`. */
export interface TwilioProviderData {
  /** Public URLs of images to send as MMS / WhatsApp media. */
  mediaUrls?: string[]
}

export const DEFAULT_TWILIO_TIMEOUT_MS = 10_000
