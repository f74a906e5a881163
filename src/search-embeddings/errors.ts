/** An embeddings request that failed for good (after its retries), with the server's status and code. */
export class EmbeddingsError extends Error {
  readonly status?: number
  readonly transient: boolean

  constructor(message: string, details: { status?: number; transient: boolean; cause?: unknown }) {
    super(message, { cause: details.cause })
    this.name = "EmbeddingsError"
    this.status = details.status
    this.transient = details.transient
  }
}
