/**
 * A local imitation of the OpenAI API subset the engagement provider uses, for pointing the official
 * `openai` SDK at in tests (`baseURL: fixture.url`). Implementation: ./openai/ (server.ts routes and
 * records; embeddings.ts answers `POST /v1/embeddings` with deterministic, synonym-aware vectors; validate.ts checks requests with the API's wording, strict Structured Outputs schemas
 * included; answer.ts builds the deterministic answer from the request's JSON schema; errors.ts).
 */
export { startOpenAIFixture } from "./openai/server"
export type { OpenAIFixture, OpenAIFixtureOptions, OpenAIRecordedRequest, Responder, ScriptedFault } from "./openai/server"
export type { MalformedKind } from "./openai/answer"
export type { ChatRequestBody } from "./openai/validate"
export { defaultAnswer, subjectOf } from "./openai/answer"
export { CONCEPTS, embeddingTerms, fixtureEmbedding } from "./openai/embeddings"
