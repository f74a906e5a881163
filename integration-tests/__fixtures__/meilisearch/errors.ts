/** Meilisearch's error object `{ message, code, type, link }` and the errors the fixture raises. */

export type MeiliErrorType = "invalid_request" | "auth" | "internal" | "system"

export interface MeiliErrorBody {
  message: string
  code: string
  type: MeiliErrorType
  link: string
}

export class MeiliError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: MeiliErrorType = "invalid_request"
  ) {
    super(message)
  }

  toJSON(): MeiliErrorBody {
    return errorBody(this.code, this.message, this.type)
  }

  /** The same error with its message prefixed, as Meilisearch does for multi-search queries. */
  within(prefix: string): MeiliError {
    return new MeiliError(this.status, this.code, `${prefix}${this.message}`, this.type)
  }
}

export const errorBody = (code: string, message: string, type: MeiliErrorType = "invalid_request"): MeiliErrorBody => ({
  message,
  code,
  type,
  link: `https://docs.meilisearch.com/errors#${code}`,
})

export const badRequest = (code: string, message: string) => new MeiliError(400, code, message)

export const indexNotFound = (uid: string) => new MeiliError(404, "index_not_found", `Index \`${uid}\` not found.`)

export const missingAuthorization = () =>
  new MeiliError(
    401,
    "missing_authorization_header",
    "The Authorization header is missing. It must use the bearer authorization method.",
    "auth"
  )

export const invalidApiKey = () => new MeiliError(403, "invalid_api_key", "The provided API key is invalid.", "auth")

const INDEX_UID = /^[a-zA-Z0-9_-]{1,512}$/

export function assertValidIndexUid(uid: unknown, at?: string): asserts uid is string {
  if (typeof uid === "string" && INDEX_UID.test(uid)) return
  const where = at ? `Invalid value at \`${at}\`: ` : ""
  throw badRequest(
    "invalid_index_uid",
    `${where}\`${String(uid)}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 512 bytes.`
  )
}

/** deserr's wording for a JSON value's kind ("a string", "an array"...). */
export function describeJsonKind(value: unknown): string {
  if (value === null) return "null"
  if (Array.isArray(value)) return "an array"
  if (typeof value === "object") return "an object"
  if (typeof value === "boolean") return "a boolean"
  if (typeof value === "number") return "a number"
  return "a string"
}

export function invalidType(code: string, field: string, expected: string, value: unknown) {
  return badRequest(
    code,
    `Invalid value type${field ? ` at \`.${field}\`` : ""}: expected ${expected}, but found ${describeJsonKind(value)}: \`${JSON.stringify(value)}\``
  )
}
