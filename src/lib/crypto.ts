import { createCipheriv, createDecipheriv, randomBytes } from "crypto"

const ALGORITHM = "aes-256-gcm"
const IV_BYTES = 12
const FORMAT_VERSION = "v1"

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "EncryptionKeyError"
  }
}

export class DecryptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = "DecryptionError"
  }
}

/**
 * Parses a 256-bit key given as 64 hex characters or as base64 of 32 bytes.
 * `source` names where the key came from, so the error tells the operator what to fix.
 */
export function parseEncryptionKey(raw: string | undefined, source: string): Buffer {
  const value = raw?.trim()
  if (!value) {
    throw new EncryptionKeyError(
      `${source} is not set: CommerceBridge encrypts integration secrets with it. ` +
        `Generate one with \`openssl rand -base64 32\`.`
    )
  }
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : decodeBase64(value)
  if (key?.length !== 32) {
    throw new EncryptionKeyError(
      `${source} is malformed: expected 32 bytes as base64 or 64 hex characters. ` +
        `Generate one with \`openssl rand -base64 32\`.`
    )
  }
  return key
}

function decodeBase64(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    return undefined
  }
  return Buffer.from(value, "base64")
}

/**
 * AES-256-GCM with a random IV per message. `context` is bound as additional
 * authenticated data, so a ciphertext copied to another record fails to decrypt.
 */
export function encrypt(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(ALGORITHM, key, iv)
  cipher.setAAD(Buffer.from(context, "utf8"))
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  const tag = cipher.getAuthTag()
  return [FORMAT_VERSION, iv, tag, body].map((part) => (typeof part === "string" ? part : part.toString("base64"))).join(".")
}

export function decrypt(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, body] = sealed.split(".")
  if (version !== FORMAT_VERSION || !iv || !tag || body === undefined) {
    throw new DecryptionError("Sealed value has an unknown format")
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, "base64"))
    decipher.setAAD(Buffer.from(context, "utf8"))
    decipher.setAuthTag(Buffer.from(tag, "base64"))
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8")
  } catch (error) {
    throw new DecryptionError("Sealed value could not be decrypted: wrong key or tampered data", { cause: error })
  }
}
