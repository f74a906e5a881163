/**
 * A local imitation of the OpenSearch 2.x REST API subset a product-search provider uses, for pointing the
 * official @opensearch-project/opensearch client at in tests. Implementation: ./opensearch/ (server.ts is the
 * entry; query.ts, full-text.ts and term-queries.ts evaluate the query DSL; aggregations.ts; bulk.ts).
 */
export { startOpenSearchFixture } from "./opensearch/server"
export type { OpenSearchFixture, OpenSearchFixtureOptions, RequestLogEntry, ScriptedFault } from "./opensearch/server"
export type { StoredDocument, StoredIndex } from "./opensearch/store"
