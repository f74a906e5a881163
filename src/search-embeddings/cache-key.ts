import { createHash } from "crypto"
import type { ResolvedEmbeddingModel } from "./options"

/** The cache key of one text's embedding: sha256 of the model, the dimensions and the text. */
export function embeddingCacheKey({ model, dimensions }: ResolvedEmbeddingModel, text: string): string {
  return createHash("sha256").update(JSON.stringify([model, dimensions, text])).digest("hex")
}
