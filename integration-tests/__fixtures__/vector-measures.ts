/** Dot product, cosine similarity (0 when either vector is zero) and squared L2 distance of two vectors, in one pass. */
export function vectorMeasures(a: number[], b: number[]): { dot: number; cosine: number; l2Squared: number } {
  let dot = 0
  let na = 0
  let nb = 0
  let l2Squared = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i]
    na += a[i] * a[i]
    nb += b[i] * b[i]
    l2Squared += (a[i] - b[i]) ** 2
  }
  return { dot, cosine: na && nb ? dot / Math.sqrt(na * nb) : 0, l2Squared }
}
