import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import twilio from "twilio"
import { TwilioConfig, twilioCredentials } from "../../modules/bridge/integrations/twilio"
import { VendorDeliveryError } from "../../notifications/delivery-errors"
import { ClientForSettings, contentOf, requireOptions, VendorSettings } from "../../notifications/provider-support"
import { TemplateRenderer } from "../../notifications/renderer"
import { twilioFailure } from "./errors"
import { RetryAfterRequestClient } from "./http-client"
import { DEFAULT_TWILIO_TIMEOUT_MS, TwilioProviderData, TwilioProviderOptions } from "./types"

type TwilioClient = ReturnType<typeof twilio>
const DEFAULT_BASE_URL = "https://api.twilio.com"

/** SMS and WhatsApp through Twilio's Messages API with the official `twilio` client. */
export class TwilioNotificationService extends AbstractNotificationProviderService {
  static identifier = "commerce-bridge-twilio"

  private readonly settings: VendorSettings<TwilioConfig>
  private readonly clients = new ClientForSettings<TwilioClient>()
  private renderer?: TemplateRenderer

  static validateOptions(options: TwilioProviderOptions) {
    requireOptions("Twilio", options as any, ["accountSid"])
    if (options.useIntegrationSettings) return
    if (!options.authToken && !(options.apiKeySid && options.apiKeySecret)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Twilio notification provider: option "authToken" (or "apiKeySid" with "apiKeySecret") is required`)
    }
    if (!options.from && !options.messagingServiceSid && !options.whatsappFrom) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Twilio notification provider: option "from" (or "messagingServiceSid") is required`)
    }
  }

  constructor(
    container: { logger: Logger } & Record<string, unknown>,
    private readonly options: TwilioProviderOptions = {}
  ) {
    super()
    this.settings = new VendorSettings(container, "twilio", options)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const config = await this.settings.read()
    const content = await contentOf(notification, () => (this.renderer ??= new TemplateRenderer({ templatesDir: this.options.templatesDir })))
    const extra = (notification.provider_data ?? {}) as TwilioProviderData
    const parties = addressing(notification.channel, notification.to, notification.from, config)
    try {
      const message = await this.client(config).messages.create({
        ...parties,
        body: content.text,
        ...(extra.mediaUrls?.length ? { mediaUrl: extra.mediaUrls } : {}),
        ...(config.statusCallbackUrl ? { statusCallback: config.statusCallbackUrl } : {}),
      })
      return { id: message.sid }
    } catch (error) {
      // Twilio echoes the number it refused; short national numbers escape the generic phone mask.
      throw twilioFailure(error, [...(await this.settings.secrets(["authToken", "apiKeySecret"])), notification.to, parties.to])
    }
  }

  private client(config: TwilioConfig): TwilioClient {
    const [user, password] = twilioCredentials(config)
    const baseUrl = config.baseUrl || DEFAULT_BASE_URL
    const timeout = this.options.timeoutMs ?? DEFAULT_TWILIO_TIMEOUT_MS
    return this.clients.get(`${baseUrl}|${config.accountSid}|${user}|${password}`, () => {
      const client = twilio(user, password, { accountSid: config.accountSid, httpClient: new RetryAfterRequestClient({ timeout }) })
      // The SDK has no base-URL option; its API domain takes one (a regional or test endpoint).
      if (baseUrl !== DEFAULT_BASE_URL) client.api.baseUrl = baseUrl
      return client
    })
  }
}

/** To and From for the channel: WhatsApp addresses carry a `whatsapp:` prefix on both sides. */
function addressing(channel: string, to: string, from: string | null | undefined, config: TwilioConfig) {
  if (channel === "whatsapp") {
    const sender = from || config.whatsappFrom
    if (!sender) throw new VendorDeliveryError("Twilio", "permanent", "whatsappFrom is not configured")
    return { to: withPrefix(to), from: withPrefix(sender) }
  }
  if (from) return { to, from }
  if (config.messagingServiceSid) return { to, messagingServiceSid: config.messagingServiceSid }
  if (config.from) return { to, from: config.from }
  throw new VendorDeliveryError("Twilio", "permanent", "from or messagingServiceSid is not configured")
}

const withPrefix = (address: string) => (address.startsWith("whatsapp:") ? address : `whatsapp:${address}`)
