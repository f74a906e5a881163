import { maskContactData, redactSecrets, safeErrorMessage } from "../redact"

describe("redactSecrets", () => {
  it("replaces every occurrence of each secret, longest first", () => {
    expect(redactSecrets("key=abcd1234 again abcd1234 and abcd", ["abcd", "abcd1234"])).toBe(
      "key=[redacted] again [redacted] and [redacted]"
    )
  })

  it("ignores empty and non-string values", () => {
    expect(redactSecrets("nothing to hide", ["", undefined, 42, "ab"])).toBe("nothing to hide")
  })
})

describe("maskContactData", () => {
  it("masks e-mail addresses, phone numbers and URL credentials", () => {
    expect(maskContactData("to jane.doe@example.com")).toBe("to j***@e***.com")
    expect(maskContactData("sms +1 (415) 555-0123 failed")).toBe("sms +***23 failed")
    expect(maskContactData("redis://user:pa55@cache:6379/0")).toBe("redis://[redacted]@cache:6379/0")
  })

  it("leaves dates, addresses and ports alone", () => {
    const text = "at 2026-11-22 from 127.0.0.1:7700 after 5000 ms"
    expect(maskContactData(text)).toBe(text)
  })
})

describe("safeErrorMessage", () => {
  it("applies both and bounds the length", () => {
    const message = safeErrorMessage(new Error(`token sk-123456 for bob@shop.io ${"x".repeat(600)}`), ["sk-123456"])
    expect(message).toContain("token [redacted] for b***@s***.io")
    expect(message.length).toBe(500)
  })
})
