import type { Attachment, Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type MailgunClass from "mailgun.js" with { "resolution-mode": "import" }
import { mailgunBaseUrl, MailgunConfig } from "../../modules/bridge/integrations/mailgun"
import { ClientForSettings, contentOf, requireOptions, VendorSettings } from "../../notifications/provider-support"
import { TemplateRenderer } from "../../notifications/renderer"
import { mailgunFailure } from "./errors"
import { DEFAULT_MAILGUN_TIMEOUT_MS, MAILGUN_BATCH_LIMIT, MailgunProviderData, MailgunProviderOptions } from "./types"

// mailgun.js types its ESM build only; its CommonJS build exports the same class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mailgun: typeof MailgunClass = require("mailgun.js")
type MailgunClient = ReturnType<MailgunClass["client"]>

export interface BatchRecipient {
  to: string
  variables: Record<string, unknown>
}

/** Email through Mailgun's Messages API with the official `mailgun.js` client. */
export class MailgunNotificationService extends AbstractNotificationProviderService {
  static identifier = "commerce-bridge-mailgun"

  private readonly settings: VendorSettings<MailgunConfig>
  private readonly clients = new ClientForSettings<MailgunClient>()
  private renderer?: TemplateRenderer

  static validateOptions(options: MailgunProviderOptions) {
    requireOptions("Mailgun", options as any, ["apiKey", "domain", "from"])
    if (options.region && !["us", "eu"].includes(options.region)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Mailgun notification provider: option "region" must be "us" or "eu"`)
    }
  }

  constructor(
    container: { logger: Logger } & Record<string, unknown>,
    private readonly options: MailgunProviderOptions = {}
  ) {
    super()
    this.settings = new VendorSettings(container, "mailgun", options)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const config = await this.settings.read()
    const content = await contentOf(notification, () => (this.renderer ??= new TemplateRenderer({ templatesDir: this.options.templatesDir })))
    const extra = (notification.provider_data ?? {}) as MailgunProviderData
    const recipients = notification.to.split(",").map((to) => to.trim()).filter(Boolean)
    if (recipients.length > MAILGUN_BATCH_LIMIT) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Mailgun takes at most ${MAILGUN_BATCH_LIMIT} recipients per message`)
    }
    const message = {
      from: notification.from || config.from!,
      to: recipients,
      subject: content.subject ?? "",
      ...(content.html ? { html: content.html } : {}),
      ...(content.text ? { text: content.text } : {}),
      ...(notification.attachments?.length ? { attachment: notification.attachments.map(toMailgunAttachment) } : {}),
      ...trackingFields(extra),
      ...(extra.recipientVariables ? { "recipient-variables": JSON.stringify(extra.recipientVariables) } : {}),
      ...Object.fromEntries(Object.entries(extra.variables ?? {}).map(([key, value]) => [`v:${key}`, value])),
    }
    try {
      const result = await this.client(config).messages.create(config.domain!, message as any)
      return { id: messageId(result.id) }
    } catch (error) {
      throw mailgunFailure(error, [...(await this.settings.secrets(["apiKey", "webhookSigningKey"])), ...recipients])
    }
  }

  /**
   * One message to many recipients, each with their own variables (`%recipient.first_name%`):
   * Mailgun's batch sending, at most 1000 recipients a call. Returns the message id of each call.
   */
  async sendBatch(recipients: BatchRecipient[], content: { subject: string; html?: string; text?: string; tags?: string[] }): Promise<string[]> {
    const ids: string[] = []
    for (let start = 0; start < recipients.length; start += MAILGUN_BATCH_LIMIT) {
      const chunk = recipients.slice(start, start + MAILGUN_BATCH_LIMIT)
      const { id } = await this.send({
        to: chunk.map((recipient) => recipient.to).join(","),
        channel: "email",
        template: "batch",
        content: { subject: content.subject, html: content.html, text: content.text },
        provider_data: {
          tags: content.tags,
          recipientVariables: Object.fromEntries(chunk.map((recipient) => [recipient.to, recipient.variables])),
        },
      })
      ids.push(id!)
    }
    return ids
  }

  private client(config: MailgunConfig): MailgunClient {
    const url = mailgunBaseUrl(config)
    const timeout = this.options.timeoutMs ?? DEFAULT_MAILGUN_TIMEOUT_MS
    return this.clients.get(`${url}|${config.apiKey}`, () => new Mailgun(FormData).client({ username: "api", key: config.apiKey!, url, timeout }))
  }
}

function trackingFields(extra: MailgunProviderData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {}
  if (extra.tags?.length) fields["o:tag"] = extra.tags.slice(0, 3)
  if (extra.tracking !== undefined) fields["o:tracking"] = yesNo(extra.tracking)
  if (extra.trackingClicks !== undefined) fields["o:tracking-clicks"] = extra.trackingClicks === "htmlonly" ? "htmlonly" : yesNo(extra.trackingClicks)
  if (extra.trackingOpens !== undefined) fields["o:tracking-opens"] = yesNo(extra.trackingOpens)
  return fields
}

const yesNo = (value: boolean) => (value ? "yes" : "no")

/** A typed Blob: with the built-in FormData, mailgun.js sends a bare Buffer as application/octet-stream. */
function toMailgunAttachment(attachment: Attachment) {
  const type = attachment.content_type ?? "application/octet-stream"
  return { data: new Blob([Buffer.from(attachment.content, "base64")], { type }), filename: attachment.filename }
}

/** Mailgun answers "<id@domain>" and its webhooks say "id@domain": keep the bare form. */
export function messageId(id: string | undefined): string {
  return (id ?? "").replace(/^<|>$/g, "")
}
