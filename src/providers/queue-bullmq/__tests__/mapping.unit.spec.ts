import { RetryLaterError } from "../../../modules/queue/types"
import { backoffStrategy, decodeId, encodeId } from "../mapping"

describe("BullMQ job id mapping", () => {
  const ids = ["order-1:placed", "123", "0", "-5", "0:1", "%3A", "%i1", "%25", "a%b:c%", "uuid-like-0f3c", "", "1.5"]

  it("makes ids BullMQ accepts (no ':' and no integers) and maps them back", () => {
    for (const id of ids) {
      const encoded = encodeId(id)
      expect(encoded).not.toContain(":")
      expect(`${parseInt(encoded, 10)}`).not.toBe(encoded)
      expect(decodeId(encoded)).toBe(id)
    }
  })

  it("keeps distinct ids distinct", () => {
    expect(new Set(ids.map(encodeId)).size).toBe(ids.length)
  })

  it("leaves ordinary ids readable", () => {
    expect(encodeId("order-1-placed")).toBe("order-1-placed")
    expect(encodeId("order-1:placed")).toBe("order-1%3Aplaced")
  })
})

describe("BullMQ backoff strategy", () => {
  const job = (delay: number, jitter = 0) => ({ opts: { backoff: { type: "cb:exponential", delay, jitter } } }) as any

  it("follows the contract's exponential and fixed backoff", () => {
    expect(backoffStrategy(1, "cb:exponential", undefined, job(100))).toBe(100)
    expect(backoffStrategy(3, "cb:exponential", undefined, job(100))).toBe(400)
    expect(backoffStrategy(3, "cb:fixed", undefined, job(100))).toBe(100)
  })

  it("waits at least what the error asks for", () => {
    expect(backoffStrategy(1, "cb:exponential", new RetryLaterError("429", 5000), job(100))).toBe(5000)
    expect(backoffStrategy(4, "cb:exponential", new RetryLaterError("429", 10), job(100))).toBe(800)
  })
})
