/**
 * A local imitation of the Meilisearch v1 REST API, faithful enough for the official `meilisearch` JS client to run
 * unmodified against it: a real filter parser, typo-tolerant ranking, facets, and an asynchronous task queue.
 *
 * Files: server.ts (HTTP, auth, faults) → routes-*.ts → state.ts (indexes, task effects), tasks.ts (queue),
 * search.ts (query.ts matching, ranking.ts rules and sort, facets.ts), filter.ts (filter-parser.ts grammar).
 *
 * Not implemented (answered 404): facet search, similar documents, documents edit by function, index swap,
 * dumps/snapshots, batches, webhooks, network, chats, key creation. Federated multi-search answers 501.
 */
export { startMeilisearchFixture } from "./server"
export type { MeilisearchFixture, MeilisearchFixtureOptions } from "./server"
export type { FixtureIndex } from "./state"
export type { FixtureTask } from "./tasks"
export type { ScriptedFault } from "../fault-script"
