import { MedusaError } from "@medusajs/framework/utils"
import { bearerAuth, joinUrl } from "../lib/http-probe"
import { safeErrorMessage } from "../lib/redact"
import { isTransientStatus, parseRetryAfter } from "../notifications/delivery-errors"
import type { CatalogueDocument } from "./documents"
import type { StrapiEntity } from "./entities"
import { MAX_BATCH_SIZE } from "./options"

export interface StrapiConnection {
  url: string
  apiToken: string
}

/** What Strapi answers for each document of a catalogue write. */
export interface UpsertOutcome {
  medusa_id: string
  document_id: string
  created: boolean
  changed: boolean
}

/**
 * Strapi refused a request or could not be reached. `status` is Strapi's HTTP status (absent when it
 * never answered); `permanent` tells the queue that retrying cannot help (a 4xx other than 408, 409
 * and 429), and `retryAfterMs` how long Strapi asked to wait. The message never holds the API token.
 */
export class StrapiRequestError extends MedusaError {
  readonly permanent: boolean

  constructor(
    message: string,
    readonly status?: number,
    readonly strapiError?: string,
    readonly retryAfterMs = 0
  ) {
    super(MedusaError.Types.UNEXPECTED_STATE, message, strapiError)
    this.permanent = status !== undefined && !isTransientStatus(status)
  }
}

/** Medusa's side of the contract's content API: catalogue writes and deletes, with the API token. */
export class StrapiClient {
  constructor(
    private readonly connection: StrapiConnection,
    private readonly timeoutMs = 15_000
  ) {}

  /** Writes the Medusa-owned fields of 1–100 entries; Strapi creates drafts for new ids. */
  async upsert(entity: StrapiEntity, documents: CatalogueDocument[]): Promise<UpsertOutcome[]> {
    if (!documents.length || documents.length > MAX_BATCH_SIZE) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `A catalogue write carries 1 to ${MAX_BATCH_SIZE} documents, not ${documents.length}`)
    }
    const body = await this.request<{ data?: UpsertOutcome[] }>("PUT", `api/commerce-bridge/catalogue/${entity}`, { data: documents })
    return body?.data ?? []
  }

  /** Deletes the entry of a Medusa id; false when Strapi held none. */
  async remove(entity: StrapiEntity, medusaId: string): Promise<boolean> {
    const body = await this.request<{ data?: { deleted?: boolean } }>(
      "DELETE",
      `api/commerce-bridge/catalogue/${entity}/${encodeURIComponent(medusaId)}`
    )
    return Boolean(body?.data?.deleted)
  }

  private async request<T>(method: string, path: string, payload?: unknown): Promise<T> {
    const url = joinUrl(this.connection.url, path)
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: "application/json",
          ...(payload === undefined ? {} : { "content-type": "application/json" }),
          ...bearerAuth(this.connection.apiToken),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      throw new StrapiRequestError(this.redact(`Could not reach Strapi at ${new URL(url).origin} (${networkReason(error, this.timeoutMs)})`))
    }
    const text = await response.text()
    const body = parseJson(text)
    if (response.ok) return body as T
    const failure = (body as { error?: { name?: string; message?: string } } | undefined)?.error
    const detail = failure?.message ?? (text && !body ? text.slice(0, 200) : response.statusText)
    throw new StrapiRequestError(
      this.redact(`Strapi answered HTTP ${response.status}${failure?.name ? ` (${failure.name})` : ""} to ${method} /${path}: ${detail}`),
      response.status,
      failure?.name,
      parseRetryAfter(response.headers.get("retry-after"))
    )
  }

  private redact(message: string): string {
    return safeErrorMessage(new Error(message), [this.connection.apiToken])
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

function networkReason(error: unknown, timeoutMs: number): string {
  const name = (error as Error)?.name
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${timeoutMs} ms`
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? "unknown error"
}
