import type { MailgunConfig } from "../../modules/bridge/integrations/mailgun"
import type { SharedProviderOptions } from "../../notifications/provider-support"

/** Options of the Mailgun notification provider (channel `email`). */
export interface MailgunProviderOptions extends MailgunConfig, SharedProviderOptions {
  /**
   * Milliseconds a call to Mailgun may take before it counts as a (transient) failure.
   * @defaultValue 10000
   */
  timeoutMs?: number
}

/** Mailgun-specific parts of a notification, in its `provider_data`. */
export interface MailgunProviderData {
  /** `o:tag`, at most 3 per message. */
  tags?: string[]
  /** `o:tracking`, `o:tracking-clicks`, `o:tracking-opens`. */
  tracking?: boolean
  trackingClicks?: boolean | "htmlonly"
  trackingOpens?: boolean
  /** Batch sending: `to` lists the recipients, each gets its own copy with `%recipient.<key>%` filled. */
  recipientVariables?: Record<string, Record<string, unknown>>
  /** Custom `v:` variables, echoed back in webhooks. */
  variables?: Record<string, string>
}

export const MAILGUN_BATCH_LIMIT = 1000

export const DEFAULT_MAILGUN_TIMEOUT_MS = 10_000
