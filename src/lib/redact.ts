const REDACTED = "[redacted]"
const MIN_SECRET_LENGTH = 4

/** Replaces every occurrence of the given secret values in a text. */
export function redactSecrets(text: string, secrets: Iterable<unknown>): string {
  let result = text
  const values = [...secrets]
    .filter((value): value is string => typeof value === "string" && value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
  for (const value of values) {
    result = result.split(value).join(REDACTED)
  }
  return result
}

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-])[A-Za-z0-9.-]*\.([A-Za-z]{2,})/g
// Dates and IP addresses have fewer digits than a phone number written without "+".
const MIN_PHONE_DIGITS = 9
const PHONE = /\+?\d[\d\s().-]{6,}\d/g
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi

/** Masks e-mail addresses, phone numbers and credentials embedded in URLs. */
export function maskContactData(text: string): string {
  return text
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
    .replace(EMAIL, (_match, first: string, domainFirst: string, tld: string) => `${first}***@${domainFirst}***.${tld}`)
    .replace(PHONE, (match) => {
      const digits = match.replace(/\D/g, "")
      const international = match.startsWith("+")
      if (!international && digits.length < MIN_PHONE_DIGITS) {
        return match
      }
      return `${international ? "+" : ""}***${digits.slice(-2)}`
    })
}

/** What may be shown of an error raised while talking to a vendor. */
export function safeErrorMessage(error: unknown, secrets: Iterable<unknown> = []): string {
  const message = error instanceof Error ? error.message : String(error)
  return maskContactData(redactSecrets(message, secrets)).slice(0, 500)
}

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|credential/i
const PREVIEW_LENGTH = 400

/** A short, masked rendering of a job payload for the admin: no secrets, no contact data. */
export function previewPayload(data: unknown): string {
  const json = JSON.stringify(data, (key, value) => (key && SECRET_KEY.test(key) ? REDACTED : value)) ?? "undefined"
  const masked = maskContactData(json)
  return masked.length > PREVIEW_LENGTH ? `${masked.slice(0, PREVIEW_LENGTH)}…` : masked
}
