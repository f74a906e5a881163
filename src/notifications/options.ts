import path from "path"
import { assertRetrySettings } from "../lib/validation"
import type { TemplateName } from "./templates/catalogue"

/** Options of CommerceBridge notifications (`notifications` in the plugin options). */
export interface NotificationOptions {
  /**
   * The store's folder of template overrides and extra locales (see the README).
   * @defaultValue "<project>/notification-templates"
   */
  templatesDir?: string
  /**
   * Base URL of the storefront, for links in customer messages (password reset, welcome).
   * @defaultValue "http://localhost:8000"
   */
  storefrontUrl?: string
  /**
   * Base URL of the Medusa server, for the admin password reset link.
   * @defaultValue "http://localhost:9000"
   */
  adminUrl?: string
  /**
   * Also send an SMS when the recipient has a phone number.
   * @defaultValue true
   */
  sms?: boolean
  /** Switch single templates off, e.g. `{ "customer-welcome": false }`. */
  templates?: Partial<Record<TemplateName, boolean>>
  /**
   * Attempts per message before it is dead-lettered.
   * @defaultValue 5
   */
  attempts?: number
  /**
   * Wait before the first retry; it doubles with every attempt (with jitter).
   * @defaultValue 5000
   */
  backoffMs?: number
  /**
   * Messages sent at once by each worker instance.
   * @defaultValue 10
   */
  concurrency?: number
}

export type ResolvedNotificationOptions = Required<Omit<NotificationOptions, "templates">> & Pick<NotificationOptions, "templates">

/** One job per message to send. */
export const NOTIFICATIONS_QUEUE = "notifications"
/** One job per store event: loading what it is about and rendering its messages runs here, off the event bus. */
export const NOTIFICATION_EVENTS_QUEUE = "notification-events"

export function resolveNotificationOptions(options: NotificationOptions = {}): ResolvedNotificationOptions {
  const resolved = {
    templatesDir: options.templatesDir ?? path.join(process.cwd(), "notification-templates"),
    storefrontUrl: (options.storefrontUrl ?? "http://localhost:8000").replace(/\/$/, ""),
    adminUrl: (options.adminUrl ?? "http://localhost:9000").replace(/\/$/, ""),
    sms: options.sms ?? true,
    templates: options.templates,
    attempts: options.attempts ?? 5,
    backoffMs: options.backoffMs ?? 5000,
    concurrency: options.concurrency ?? 10,
  }
  assertRetrySettings("notifications", { attempts: resolved.attempts, concurrency: resolved.concurrency }, { backoffMs: resolved.backoffMs })
  return resolved
}

/** Attempts and backoff of every notification job, from the options. */
export function retryOptions(options: ResolvedNotificationOptions) {
  return { attempts: options.attempts, backoff: { type: "exponential" as const, delayMs: options.backoffMs } }
}
