// Medusa's PostgreSQL provider's own migration (pg_trgm, unaccent, the text search configuration and its catalog
// table): migrations are found beside the registered provider, and this provider stands in for Medusa's.
export { Migration20260807120000 } from "@medusajs/search-postgres/dist/migrations/Migration20260807120000"
