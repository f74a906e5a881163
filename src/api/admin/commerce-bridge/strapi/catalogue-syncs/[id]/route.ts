/** A catalogue sync's progress, for the admin. */
export { GET } from "../../../../../webhooks/strapi/catalogue-syncs/[id]/route"
