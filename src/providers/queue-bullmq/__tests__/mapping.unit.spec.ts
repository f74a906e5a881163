import { decodeId, encodeId } from "../mapping"

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
