import { randomBytes } from "crypto"
import { decrypt, DecryptionError, encrypt, EncryptionKeyError, parseEncryptionKey } from "../crypto"

describe("parseEncryptionKey", () => {
  it("accepts 32 bytes as base64 or as 64 hex characters", () => {
    const key = randomBytes(32)
    expect(parseEncryptionKey(key.toString("base64"), "KEY")).toEqual(key)
    expect(parseEncryptionKey(key.toString("hex"), "KEY")).toEqual(key)
  })

  it.each([
    [undefined, "KEY is not set"],
    ["  ", "KEY is not set"],
    ["too-short", "KEY is malformed"],
    [randomBytes(16).toString("base64"), "KEY is malformed"],
    ["not base64 at all!!", "KEY is malformed"],
  ])("rejects %p naming the variable", (raw, message) => {
    expect(() => parseEncryptionKey(raw, "KEY")).toThrow(EncryptionKeyError)
    expect(() => parseEncryptionKey(raw, "KEY")).toThrow(message)
  })
})

describe("encrypt / decrypt", () => {
  const key = randomBytes(32)

  it("round-trips and never contains the plaintext", () => {
    const sealed = encrypt(key, "sk-live-abcdef", "row:mailgun")
    expect(sealed).not.toContain("sk-live-abcdef")
    expect(decrypt(key, sealed, "row:mailgun")).toBe("sk-live-abcdef")
  })

  it("uses a fresh IV for every message", () => {
    expect(encrypt(key, "same", "ctx")).not.toBe(encrypt(key, "same", "ctx"))
  })

  it("refuses another key, another context or tampered data", () => {
    const sealed = encrypt(key, "secret", "row:mailgun")
    expect(() => decrypt(randomBytes(32), sealed, "row:mailgun")).toThrow(DecryptionError)
    expect(() => decrypt(key, sealed, "row:twilio")).toThrow(DecryptionError)
    const parts = sealed.split(".")
    parts[3] = Buffer.from("tampered").toString("base64")
    expect(() => decrypt(key, parts.join("."), "row:mailgun")).toThrow(DecryptionError)
    expect(() => decrypt(key, "garbage", "row:mailgun")).toThrow("unknown format")
  })
})
