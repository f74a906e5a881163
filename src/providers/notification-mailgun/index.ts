import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MailgunNotificationService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [MailgunNotificationService] })

export { MailgunNotificationService }
export type { MailgunProviderData, MailgunProviderOptions } from "./types"
