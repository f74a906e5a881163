import { MedusaError } from "@medusajs/framework/utils"
import { classifyFailure, isTransientStatus, parseRetryAfter, VendorDeliveryError } from "../delivery-errors"

/** How Medusa's Notification Module rethrows a provider's error: a new MedusaError keeping only the message. */
const wrapped = (message: string, id = "noti_1") =>
  new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Failed to send notification with id ${id}:\n${message}`)

describe("VendorDeliveryError", () => {
  it("puts the vendor, the detail and the verdict marker in its message", () => {
    const error = new VendorDeliveryError("Mailgun", "permanent", "HTTP 400: 'to' parameter is missing")
    expect(error).toBeInstanceOf(MedusaError)
    expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
    expect(error.message).toBe("Mailgun: HTTP 400: 'to' parameter is missing [cb:permanent]")
    expect(error).toMatchObject({ vendor: "Mailgun", kind: "permanent", retryAfterMs: 0 })
  })

  it("adds retry-after only when it is positive", () => {
    expect(new VendorDeliveryError("Twilio", "transient", "HTTP 429", 3000).message).toBe("Twilio: HTTP 429 [cb:transient;retry-after=3000]")
    expect(new VendorDeliveryError("Twilio", "transient", "HTTP 429", 0).message).toBe("Twilio: HTTP 429 [cb:transient]")
  })
})

describe("classifyFailure", () => {
  it("reads a permanent verdict through Medusa's wrapping and strips the prefix and the marker from the reason", () => {
    const error = wrapped(new VendorDeliveryError("Mailgun", "permanent", "HTTP 401: Forbidden").message)
    expect(error.message).toBe("Failed to send notification with id noti_1:\nMailgun: HTTP 401: Forbidden [cb:permanent]")
    expect(classifyFailure(error)).toEqual({ kind: "permanent", retryAfterMs: 0, reason: "Mailgun: HTTP 401: Forbidden" })
  })

  it("reads a transient verdict with its retry-after through Medusa's wrapping", () => {
    const error = wrapped("Twilio: HTTP 429, code 20429: Too Many Requests [cb:transient;retry-after=3000]", "01JABCDEF")
    expect(classifyFailure(error)).toEqual({ kind: "transient", retryAfterMs: 3000, reason: "Twilio: HTTP 429, code 20429: Too Many Requests" })
  })

  it("reads the verdict of an unwrapped VendorDeliveryError", () => {
    expect(classifyFailure(new VendorDeliveryError("Outbox", "permanent", "not configured"))).toEqual({
      kind: "permanent",
      retryAfterMs: 0,
      reason: "Outbox: not configured",
    })
    expect(classifyFailure(new VendorDeliveryError("Mailgun", "transient", "HTTP 500: Internal Server Error"))).toEqual({
      kind: "transient",
      retryAfterMs: 0,
      reason: "Mailgun: HTTP 500: Internal Server Error",
    })
  })

  it("treats errors without a marker (network errors, timeouts) as transient", () => {
    expect(classifyFailure(new Error("connect ECONNREFUSED 127.0.0.1:9"))).toEqual({
      kind: "transient",
      retryAfterMs: 0,
      reason: "connect ECONNREFUSED 127.0.0.1:9",
    })
    expect(classifyFailure(wrapped("timeout of 10000ms exceeded"))).toEqual({
      kind: "transient",
      retryAfterMs: 0,
      reason: "timeout of 10000ms exceeded",
    })
  })

  it("accepts values that are not errors", () => {
    expect(classifyFailure("socket hang up")).toEqual({ kind: "transient", retryAfterMs: 0, reason: "socket hang up" })
    expect(classifyFailure("Twilio: bad [cb:permanent]")).toEqual({ kind: "permanent", retryAfterMs: 0, reason: "Twilio: bad" })
    expect(classifyFailure(undefined)).toMatchObject({ kind: "transient", retryAfterMs: 0 })
  })

  it("does not take a marker-like text with an unknown kind for a verdict", () => {
    expect(classifyFailure(new Error("odd [cb:fatal]"))).toMatchObject({ kind: "transient", retryAfterMs: 0 })
  })
})

describe("isTransientStatus", () => {
  it("retries 408, 409, 429, 5xx and unknown statuses, not other 4xx", () => {
    for (const status of [undefined, 408, 409, 429, 500, 502, 503, 504]) expect(isTransientStatus(status)).toBe(true)
    for (const status of [400, 401, 403, 404, 413, 422]) expect(isTransientStatus(status)).toBe(false)
  })
})

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-22T17:01:02Z")

  it("reads delta-seconds as milliseconds", () => {
    expect(parseRetryAfter("3")).toBe(3000)
    expect(parseRetryAfter("0")).toBe(0)
    expect(parseRetryAfter("120")).toBe(120_000)
    expect(parseRetryAfter("1.5")).toBe(1500)
    expect(parseRetryAfter(" 2 ")).toBe(2000)
  })

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Sun, 22 Nov 2026 17:01:32 GMT", now)).toBe(30_000)
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000)
  })

  it("never answers a negative delay", () => {
    expect(parseRetryAfter("Sun, 22 Nov 2026 17:00:00 GMT", now)).toBe(0)
    expect(parseRetryAfter("-5")).toBe(0)
  })

  it("answers 0 for garbage, absent and empty values", () => {
    expect(parseRetryAfter("soon")).toBe(0)
    expect(parseRetryAfter("3 seconds")).toBe(0)
    expect(parseRetryAfter("")).toBe(0)
    expect(parseRetryAfter(null)).toBe(0)
    expect(parseRetryAfter(undefined)).toBe(0)
    expect(parseRetryAfter([])).toBe(0)
  })

  it("takes the first value of a repeated header", () => {
    expect(parseRetryAfter(["4", "10"])).toBe(4000)
  })
})
