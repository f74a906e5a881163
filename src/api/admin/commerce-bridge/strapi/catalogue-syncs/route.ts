/** The admin starts the same catalogue syncs as Strapi does: pushing everything (202), or the run still running. */
export { POST } from "../../../../webhooks/strapi/catalogue-syncs/route"
