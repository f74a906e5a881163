import { createHmac } from "crypto"
import { signStrapiRequest } from "../../../integration-tests/helpers/strapi"
import { StrapiSignatureVerifier } from "../signature"

const SECRET = "whsec-strapi-0001"
const BODY = JSON.stringify({ entity: "product", medusa_id: "prod_1" })
const NOW = 1_795_000_000_000
const seconds = (ms: number) => Math.floor(ms / 1000)

function signed(body = BODY, timestamp = seconds(NOW), secret = SECRET) {
  const headers = signStrapiRequest(secret, body, timestamp)
  return { timestamp: headers["x-commerce-bridge-timestamp"], signature: headers["x-commerce-bridge-signature"], rawBody: Buffer.from(body) }
}

describe("StrapiSignatureVerifier", () => {
  let verifier: StrapiSignatureVerifier
  beforeEach(() => {
    verifier = new StrapiSignatureVerifier()
  })

  it("accepts hex HMAC-SHA256 of timestamp + '.' + the raw body", () => {
    const request = signed()
    const expected = createHmac("sha256", SECRET).update(`${seconds(NOW)}.${BODY}`).digest("hex")
    expect(request.signature).toBe(expected)
    expect(() => verifier.verify(SECRET, request, NOW)).not.toThrow()
  })

  it("accepts a GET, whose body is the empty string", () => {
    expect(() => verifier.verify(SECRET, { ...signed(""), rawBody: "" }, NOW)).not.toThrow()
  })

  it.each([
    ["another secret", () => signed(BODY, seconds(NOW), "other-secret")],
    ["a changed body", () => ({ ...signed(), rawBody: Buffer.from(BODY.replace("prod_1", "prod_2")) })],
    ["a changed timestamp", () => ({ ...signed(), timestamp: String(seconds(NOW) + 1) })],
    ["a signature that is not hex", () => ({ ...signed(), signature: "not-hex" })],
    ["a truncated signature", () => ({ ...signed(), signature: signed().signature.slice(0, 32) })],
  ])("refuses %s with 401 (bad signature)", (_case, request) => {
    expect(() => verifier.verify(SECRET, request(), NOW)).toThrow(expect.objectContaining({ type: "unauthorized", message: "Strapi request: bad signature" }))
  })

  it.each([
    ["301 s old", NOW - 301_000],
    ["301 s ahead", NOW + 301_000],
  ])("refuses a timestamp %s", (_case, signedAt) => {
    expect(() => verifier.verify(SECRET, signed(BODY, seconds(signedAt)), NOW)).toThrow(/more than 300 s away/)
  })

  it("accepts a timestamp 299 s old", () => {
    expect(() => verifier.verify(SECRET, signed(BODY, seconds(NOW - 299_000)), NOW)).not.toThrow()
  })

  it("refuses a signature it already accepted (replay), even a second later", () => {
    const request = signed()
    verifier.verify(SECRET, request, NOW)
    expect(() => verifier.verify(SECRET, request, NOW + 1000)).toThrow(expect.objectContaining({ type: "unauthorized", message: "Strapi request: this signature was already used" }))
    expect(() => verifier.verify(SECRET, { ...request, signature: request.signature.toUpperCase() }, NOW + 1000)).toThrow(/already used/)
  })

  it("does not count a refused request as used", () => {
    const request = signed()
    expect(() => verifier.verify(SECRET, request, NOW + 400_000)).toThrow(/300 s/)
    expect(() => verifier.verify(SECRET, request, NOW)).not.toThrow()
  })

  it.each([
    ["the timestamp", { timestamp: undefined }],
    ["the signature", { signature: undefined }],
    ["both headers", { timestamp: undefined, signature: undefined }],
  ])("refuses a request missing %s", (_case, missing) => {
    expect(() => verifier.verify(SECRET, { ...signed(), ...missing }, NOW)).toThrow(
      "the x-commerce-bridge-timestamp and x-commerce-bridge-signature headers are required"
    )
  })

  it("refuses everything while the integration has no webhookSecret", () => {
    expect(() => verifier.verify(undefined, signed(), NOW)).toThrow("the Strapi integration has no webhookSecret")
    expect(() => verifier.verify("", signed(), NOW)).toThrow("no webhookSecret")
  })
})
