import { BRIDGE_MODULE } from "../modules/bridge"
import { NOTIFICATIONS_MODULE } from "../modules/notifications"

export interface NotificationModuleConfigOptions {
  /**
   * Where the providers are resolved from: the installed package, or `./src` in this repository's dev store.
   * @defaultValue "@commerce-bridge/medusa"
   */
  providersFrom?: string
  /** The store's template overrides, for notifications that other code sends with a template only. */
  templatesDir?: string
}

/**
 * Medusa's Notification Module with CommerceBridge's providers: Mailgun for `email`, Twilio for
 * `sms` and `whatsapp`, both reading their settings from the integration registry, so credentials
 * entered in the admin and its on/off switch apply without a restart. When an integration is off
 * or unconfigured, CommerceBridge's delivery worker stores the message in the outbox instead.
 */
export function commerceBridgeNotificationModule(options: NotificationModuleConfigOptions = {}) {
  const from = options.providersFrom ?? "@commerce-bridge/medusa"
  const shared = { useIntegrationSettings: true, templatesDir: options.templatesDir }
  return {
    resolve: "@medusajs/medusa/notification",
    dependencies: [BRIDGE_MODULE, NOTIFICATIONS_MODULE],
    options: {
      providers: [
        { resolve: `${from}/providers/notification-mailgun`, id: "mailgun", options: { ...shared, channels: ["email"] } },
        { resolve: `${from}/providers/notification-twilio`, id: "twilio", options: { ...shared, channels: ["sms", "whatsapp"] } },
      ],
    },
  } as const
}
