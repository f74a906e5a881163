import { createHash } from "crypto"

export interface HashedInput {
  kind: string
  promptVersion: string
  model: string
  locale: string
  tone: string
  /** The system prompt and the prompt: everything the model is given. */
  system: string
  prompt: string
}

/** sha256 of everything that shapes an answer: the same input gets the same hash, any change a new one. */
export function inputHash(input: HashedInput): string {
  const parts = [input.kind, input.promptVersion, input.model, input.locale, input.tone, input.system, input.prompt]
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex")
}
