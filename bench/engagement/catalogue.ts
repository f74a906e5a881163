/**
 * The bench catalogue: `count` published products with a title, subtitle, description, material and a
 * size option, created through Medusa's own `createProductsWorkflow` in batches. Deterministic, so every
 * run drafts the same products and sends the model the same prompt sizes.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"

const ADJECTIVES = ["classic", "relaxed", "organic", "lightweight", "tailored", "soft", "rugged", "everyday", "recycled", "quilted"]
const MATERIALS = ["linen", "cotton", "wool", "merino", "denim", "leather", "canvas", "hemp", "fleece", "tweed"]
const NOUNS = ["shirt", "sweater", "jacket", "coat", "trousers", "hoodie", "cardigan", "scarf", "boots", "backpack", "tote"]
const BATCH = 100

const cap = (word: string) => word[0].toUpperCase() + word.slice(1)

function product(n: number) {
  const adjective = ADJECTIVES[n % ADJECTIVES.length]
  const material = MATERIALS[Math.floor(n / ADJECTIVES.length) % MATERIALS.length]
  const noun = NOUNS[n % NOUNS.length]
  return {
    title: `${cap(adjective)} ${material} ${noun} ${n}`,
    handle: `bench-engagement-${n}`,
    subtitle: `A ${adjective} ${noun} in ${material}`,
    description: `A ${adjective} ${material} ${noun} made for long days, with a comfortable fit and durable seams.`,
    material,
    status: "published" as const,
    options: [{ title: "Size", values: ["S", "M", "L"] }],
  }
}

/** Creates the catalogue and returns the product ids in creation order. */
export async function createCatalogue(container: MedusaContainer, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let start = 0; start < count; start += BATCH) {
    const products = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => product(start + k))
    const { result } = await createProductsWorkflow(container).run({ input: { products } })
    ids.push(...result.map((created) => created.id))
  }
  return ids
}
