import type { RemoteQueryFunction } from "@medusajs/framework/types"
import type { DeliveryChannel } from "../../modules/notifications/types"
import type { ResolvedNotificationOptions } from "../options"
import type { TemplateName } from "../templates/catalogue"

/** A message an event calls for, before rendering. */
export interface PlannedMessage {
  template: TemplateName
  channel: DeliveryChannel
  recipient: string
  /** Locale candidates, best first; the renderer takes the first it has strings for. */
  locales: (string | null | undefined)[]
  data: Record<string, unknown>
  resource_type: string
  resource_id: string
  /** What makes this message unique within its event (e.g. the refund's id); the recipient is added. */
  key: string
}

export interface StoreInfo {
  name: string
  url: string
  locales: string[]
}

export interface PlanContext {
  query: Omit<RemoteQueryFunction, symbol>
  options: ResolvedNotificationOptions
  store: StoreInfo
}

export type EventPlanner = (context: PlanContext, data: Record<string, any>) => Promise<PlannedMessage[]>
