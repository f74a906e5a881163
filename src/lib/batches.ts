/**
 * Splits items into batches whose summed size stays under `maxBytes`, counting `overhead` once per
 * batch (e.g. the brackets of a JSON array). A single item larger than the limit goes alone.
 */
export function batchesBySize<T>(items: T[], maxBytes: number, sizeOf: (item: T) => number, overhead = 0): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let size = overhead
  for (const item of items) {
    const bytes = sizeOf(item)
    if (current.length && size + bytes > maxBytes) {
      batches.push(current)
      current = []
      size = overhead
    }
    current.push(item)
    size += bytes
  }
  if (current.length) batches.push(current)
  return batches
}

/** Bytes of a value as one JSON line (with its separator). */
export const jsonLineBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value)) + 1
