export { OpenAIEngagementProvider, MAX_RETRY_AFTER_MS } from "./service"
export { EngagementGenerationError } from "./errors"
export type { EngagementGenerationErrorDetails, GenerationUsage } from "./errors"
export { DEFAULT_MAX_OUTPUT_TOKENS, DEFAULT_PRICES, OPENAI_ENGAGEMENT_DEFAULTS } from "./options"
export { RequestLimiter } from "./limiter"
export type { RequestLimiterOptions } from "./limiter"
export type {
  EngagementFailureKind,
  GenerationRequest,
  GenerationResult,
  ModelPrice,
  OpenAIEngagementOptions,
} from "./types"
