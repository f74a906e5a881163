import type { MedusaContainer } from "@medusajs/framework/types"
import { BRIDGE_MODULE } from "../../src/modules/bridge"
import type BridgeModuleService from "../../src/modules/bridge/service"
import { MailgunFixture, startMailgunFixture } from "../__fixtures__/mailgun"
import { startTwilioFixture, TWILIO_TEST_ACCOUNT_SID, TWILIO_TEST_AUTH_TOKEN, TwilioFixture } from "../__fixtures__/twilio"

/**
 * Mailgun and Twilio credentials for the dev store's medusa-config.ts. Set them at the top of a spec:
 * the runner loads the config before it applies its `env` option.
 */
export const VENDOR_ENV = {
  MAILGUN_API_KEY: "key-test",
  MAILGUN_DOMAIN: "mg.test",
  MAILGUN_FROM: "Nordic Goods <orders@mg.test>",
  TWILIO_ACCOUNT_SID: TWILIO_TEST_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: TWILIO_TEST_AUTH_TOKEN,
  TWILIO_FROM: "+15005550006",
}

/**
 * Starts the Mailgun and Twilio fixtures for a spec, and before each test empties them and points
 * the integrations at them through the registry, as a merchant would in the admin.
 */
export function useVendorFixtures(getContainer: () => MedusaContainer) {
  const vendors = {} as { mailgun: MailgunFixture; twilio: TwilioFixture }
  beforeAll(async () => {
    vendors.mailgun = await startMailgunFixture()
    vendors.twilio = await startTwilioFixture()
  })
  afterAll(async () => {
    await vendors.mailgun.close()
    await vendors.twilio.close()
  })
  beforeEach(async () => {
    vendors.mailgun.reset()
    vendors.twilio.reset()
    const bridge = getContainer().resolve<BridgeModuleService>(BRIDGE_MODULE)
    await bridge.configureIntegration("mailgun", { settings: { baseUrl: vendors.mailgun.url } })
    await bridge.configureIntegration("twilio", { settings: { baseUrl: vendors.twilio.url } })
  })
  return vendors
}
