import { bulkBatches, bulkFailures, deleteAction, failedBulkTask, idsOnly, indexAction } from "../documents"

describe("OpenSearch bulk writes", () => {
  it("splits actions so each request's NDJSON stays under the limit", () => {
    const actions = Array.from({ length: 10 }, (_, i) => indexAction("idx", `p${i}`, { id: `p${i}`, body: "x".repeat(90) }))
    const batches = bulkBatches(actions, 400)
    expect(batches.flat()).toEqual(actions)
    expect(batches.length).toBeGreaterThan(3)
    for (const batch of batches) {
      const ndjson = batch.flat().map((line) => `${JSON.stringify(line)}\n`).join("")
      expect(Buffer.byteLength(ndjson)).toBeLessThanOrEqual(400)
    }
    expect(bulkBatches([indexAction("idx", "big", { id: "big", body: "x".repeat(1000) })], 100)).toHaveLength(1)
    expect(deleteAction("idx", "p1")).toEqual([{ delete: { _index: "idx", _id: "p1" } }])
  })

  it("reports failed items only (a delete of a missing document is not a failure)", () => {
    const failures = bulkFailures([
      { index: { _id: "a", status: 201 } },
      { delete: { _id: "gone", status: 404 } },
      { index: { _id: "b", status: 400, error: { type: "mapper_parsing_exception", reason: "bad price" } } },
    ])
    expect(failures).toEqual([{ id: "b", type: "mapper_parsing_exception", reason: "bad price" }])
    expect(failedBulkTask("idx", failures, 3)).toEqual({
      index: "idx",
      status: "failed",
      error: { message: "1 of 3 OpenSearch bulk items failed; first [b]: mapper_parsing_exception: bad price", code: "mapper_parsing_exception" },
    })
  })

  it("recognises deletes by primary key alone", () => {
    expect(idsOnly({ id: ["a", "b"] })).toEqual(["a", "b"])
    expect(idsOnly({ id: "a" })).toEqual(["a"])
    expect(idsOnly({ id: { $in: ["a"] } })).toEqual(["a"])
    expect(idsOnly({ handle: ["a"] }, "handle")).toEqual(["a"])
    expect(idsOnly({ id: ["a"], status: "x" })).toBeUndefined()
    expect(idsOnly({ id: { $ne: "a" } })).toBeUndefined()
    expect(idsOnly({ status: "x" })).toBeUndefined()
  })
})
